package diff

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// A table missing from the cache is created in the scratch database with
// the tables its foreign keys point to, and only those: they are made
// without foreign keys of their own (a chain of references once brought
// most of a large schema into the scratch database for a few changed
// tables); on SQLite, which creates a key to a missing table, without
// them. The plan is the one of normalizing everything. (m's check
// constraint keeps it from the shapes path, which would normalize it
// without p.)
func TestNormalizeCacheMissTakesDirectReferencesOnly(t *testing.T) {
	const ddl = `CREATE TABLE q (id integer NOT NULL PRIMARY KEY, name varchar(20) NOT NULL);
CREATE TABLE p (id integer NOT NULL PRIMARY KEY, q_id integer NOT NULL, CONSTRAINT fk_p_q FOREIGN KEY (q_id) REFERENCES q (id));
CREATE TABLE m (id integer NOT NULL PRIMARY KEY, p_id integer NOT NULL, CONSTRAINT fk_m_p FOREIGN KEY (p_id) REFERENCES p (id), CONSTRAINT m_p_positive CHECK (p_id > 0));
CREATE TABLE r (id integer NOT NULL PRIMARY KEY, p_id integer NOT NULL, CONSTRAINT fk_r_p FOREIGN KEY (p_id) REFERENCES p (id));`
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			for _, st := range splitScript(ddl) {
				if _, err := db.Exec(st); err != nil {
					t.Fatal(err)
				}
			}
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			current, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				t.Fatal(err)
			}
			cached := opts
			cached.CacheDir = t.TempDir()
			if _, err := Normalize(ctx, current, cached); err != nil {
				t.Fatal(err)
			}
			// The models change m only: a column more.
			raw := clone(current)
			m, ok := raw.Table("m")
			if !ok {
				t.Fatal("no table m")
			}
			pid, _ := m.Column("p_id")
			extra := *pid
			extra.Name, extra.ForeignKeys, extra.Indexes = "note_id", nil, nil
			m.Columns = append(m.Columns, &extra)

			want, err := Normalize(ctx, raw, opts)
			if err != nil {
				t.Fatal(err)
			}
			cached.stats = &normStats{}
			got, err := Normalize(ctx, raw, cached)
			if err != nil {
				t.Fatal(err)
			}
			// SQLite makes m alone: it creates a key to a missing table.
			wantN, which := int64(2), "m and p, not q"
			if d == dialect.SQLite {
				wantN, which = 1, "m alone"
			}
			if n := cached.stats.scratchTables.Load(); n != wantN {
				t.Errorf("%d tables created in the scratch database for one changed table; want %d (%s)", n, wantN, which)
			}
			pw, err := Compute(ctx, current, want, opts)
			if err != nil {
				t.Fatal(err)
			}
			pg, err := Compute(ctx, current, got, opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(render(pw), render(pg)); diff != "" {
				t.Errorf("the plan differs (-without cache +with):\n%s", diff)
			}
			if !strings.Contains(render(pg), "note_id") {
				t.Errorf("the plan does not add m.note_id:\n%s", render(pg))
			}
		})
	}
}
