package migrations

import (
	"context"
	"errors"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// A CREATE INDEX CONCURRENTLY that failed or was cut off leaves its index
// INVALID. Resuming drops it and builds it again; one whose index is
// valid completed, and is not run again (it would fail: already exists).
func TestRunnerConcurrentIndex(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.Postgres}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		exec := func(sql string) {
			t.Helper()
			if _, err := db.ExecContext(ctx, sql); err != nil {
				t.Fatalf("%s: %v", sql, err)
			}
		}
		valid := func() (bool, bool) {
			t.Helper()
			exists, ok, err := indexState(ctx, db.DB, "items_code")
			if err != nil {
				t.Fatal(err)
			}
			return exists, ok
		}
		base := rtRev("c1", "items", nil, []string{"CREATE TABLE items (id integer PRIMARY KEY, code integer)",
			"INSERT INTO items VALUES (1, 7), (2, 7)"}, []string{"DROP TABLE items"})
		idx := rtRev("c2", "unique code", []string{"c1"},
			[]string{"CREATE UNIQUE INDEX CONCURRENTLY items_code ON items (code)"},
			[]string{"DROP INDEX CONCURRENTLY items_code"})
		idx.UpgradeNoTx, idx.DowngradeNoTx = true, true
		idx.Checksum = rtChecksum(idx)
		revs := []*Revision{base, idx}
		up := []Step{{Rev: base, Up: true, InsertHeads: []string{"c1"}}, {Rev: idx, Up: true, DeleteHeads: []string{"c1"}, InsertHeads: []string{"c2"}}}
		r := NewRunner(db.DB, rtOpts(d))

		// The build fails on the duplicate codes: an invalid index is left.
		var se *StatementError
		if err := r.Run(ctx, revs, rtPlanner(nil, up)); !errors.As(err, &se) {
			t.Fatalf("Run = %v, want the statement to fail", err)
		}
		if exists, ok := valid(); !exists || ok {
			t.Fatalf("after the failed build: exists %v valid %v, want an invalid index", exists, ok)
		}
		// The data fixed, the unchanged file retried with --force: the
		// invalid index is dropped first, and the build succeeds.
		exec("UPDATE items SET code = 8 WHERE id = 2")
		fo := rtOpts(d)
		fo.Force = true
		if err := NewRunner(db.DB, fo).Run(ctx, revs, rtPlanner(nil, up)); err != nil {
			t.Fatalf("retry: %v", err)
		}
		if exists, ok := valid(); !exists || !ok {
			t.Fatalf("after the retry: exists %v valid %v, want a valid index", exists, ok)
		}

		// Cut off while building: the log says the statement may or may
		// not have completed. Whatever the index is, the next plain run
		// settles it from the catalog.
		down := []Step{{Rev: idx, DeleteHeads: []string{"c2"}, InsertHeads: []string{"c1"}}}
		for _, leave := range []string{"invalid", "valid"} {
			if err := r.Run(ctx, revs, rtPlanner([]string{"c2"}, down)); err != nil {
				t.Fatalf("downgrade: %v", err)
			}
			exec("UPDATE items SET code = 7 WHERE id = 2")
			r.beforeExec = func(rev *Revision, up bool, i int) {
				if rev.ID == "c2" && up {
					// What the killed run left: the server's half of the build.
					db.ExecContext(ctx, "CREATE UNIQUE INDEX CONCURRENTLY items_code ON items (code)")
					if leave == "valid" {
						exec("DROP INDEX items_code")
						exec("UPDATE items SET code = 8 WHERE id = 2")
						exec("CREATE UNIQUE INDEX CONCURRENTLY items_code ON items (code)")
					}
					panic("killed")
				}
			}
			func() {
				defer func() { recover() }()
				r.Run(ctx, revs, rtPlanner([]string{"c1"}, up[1:]))
			}()
			r.beforeExec = nil
			st, err := r.State(ctx)
			if err != nil || st.Partial == nil || !st.Partial.Interrupted {
				t.Fatalf("%s: state %+v, %v: want an interrupted statement", leave, st, err)
			}
			exec("UPDATE items SET code = 8 WHERE id = 2")
			if err := r.Run(ctx, revs, rtPlanner([]string{"c1"}, up[1:])); err != nil {
				t.Fatalf("%s: resume without --force: %v", leave, err)
			}
			if exists, ok := valid(); !exists || !ok {
				t.Fatalf("%s: after the resume: exists %v valid %v, want a valid index", leave, exists, ok)
			}
			if st, _ := r.State(ctx); st.Partial != nil || len(st.Heads) != 1 || st.Heads[0] != "c2" {
				t.Fatalf("%s: state after the resume %+v", leave, st)
			}
		}
	})
}
