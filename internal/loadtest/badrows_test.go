package loadtest

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestSafeFormsRefuseBadRows: a safe form that skips the lock of a check
// must still check the rows. Each case breaks one row of a small table,
// then applies the change, which must fail.
func TestSafeFormsRefuseBadRows(t *testing.T) {
	bin := buildRetort(t)
	cases := []struct {
		change   string
		breakRow string
	}{
		{chForeignKey, "UPDATE items SET parent_id = 1000 WHERE id = 7"},
		{chCheck, "UPDATE items SET qty = -1 WHERE id = 7"},
		{chSetNotNull, "UPDATE items SET ref = NULL WHERE id = 7"},
	}
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			testdb.Server(t, d)
			changes := revisions(d, safe)
			for _, tc := range cases {
				t.Run(tc.change, func(t *testing.T) {
					db := testdb.New(t, d)
					setUp(t, db.DB, d, 1000)
					p := newProject(t, bin, db.URL.Secret())
					k := -1
					for i, c := range changes {
						p.writeRev(i, c)
						if c.Name == tc.change {
							k = i
						}
					}
					if k < 0 {
						t.Fatalf("no %s change", tc.change)
					}
					ctx := context.Background()
					if k > 0 {
						if out, err := p.upgrade(ctx, revID(k-1)); err != nil {
							t.Fatalf("upgrade %s: %v\n%s", revID(k-1), err, out)
						}
					}
					if _, err := db.Exec(tc.breakRow); err != nil {
						t.Fatal(err)
					}
					out, err := p.upgrade(ctx, revID(k))
					if err == nil {
						t.Fatalf("upgrade %s (%s) with a bad row succeeded:\n%s", revID(k), tc.change, out)
					}
					if !strings.Contains(out, revID(k)) {
						t.Errorf("the failure does not name %s:\n%s", revID(k), out)
					}
					t.Logf("%s", strings.TrimSpace(out))
				})
			}
		})
	}
}
