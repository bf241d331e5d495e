package inspect

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestMySQLQueriesSubstituted checks that atlas's listing of the tables and
// its foreign keys query are recognized (an atlas upgrade that changes it fails here rather than
// silently bringing the slow query back) and that its substitute returns
// the same rows, on the MySQL corpus and the benchmark schema.
func TestMySQLQueriesSubstituted(t *testing.T) {
	files, err := filepath.Glob("testdata/conformance/mysql/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no MySQL corpus: %v", err)
	}
	cases := map[string]func(*testing.T, *testdb.DB){}
	for _, f := range files {
		cases[filepath.Base(f)] = func(t *testing.T, db *testdb.DB) { applyDDL(t, db, f) }
	}
	cases["bench"] = func(t *testing.T, db *testdb.DB) { createBench(t, db, dialect.MySQL, 30) }
	for name, setup := range cases {
		t.Run(name, func(t *testing.T) {
			db := testdb.New(t, dialect.MySQL)
			setup(t, db)
			rec := &counter{ExecQuerier: db.DB}
			ref, err := atlasInspector(rec, dialect.MySQL)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ref.InspectSchema(context.Background(), "", nil); err != nil {
				t.Fatal(err)
			}
			mq := &myQuerier{ExecQuerier: db.DB}
			substituted := 0
			for k, q := range rec.queries {
				fast, args, ok := mq.substitute(q, rec.args[k])
				if !ok {
					continue
				}
				substituted++
				want := queryRows(t, db.DB, q, rec.args[k])
				got := queryRows(t, db.DB, fast, args)
				if len(want) == 0 && name == "bench" {
					t.Error("the benchmark schema has no foreign keys to compare")
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("rows (-atlas +fast):\n%s", diff)
				}
			}
			if substituted != 2 || mq.missed.Load() != 0 {
				t.Errorf("%d queries substituted and %d missed, want 2 and 0", substituted, mq.missed.Load())
			}
		})
	}
}
