package migrations

import (
	"context"
	"errors"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// A NoTransaction section that opens its own transaction (SQLite's table
// rebuild: PRAGMA foreign_keys = off; BEGIN; ...; COMMIT; PRAGMA
// foreign_keys = on) and fails inside it is rolled back before the log is
// written: the connection goes back with no transaction open and foreign
// keys as they were, the log keeps the failure, and what the section ran
// before its BEGIN stays recorded as applied.
func TestRunnerNoTxOwnTransaction(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.SQLite, dialect.Postgres}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		// One connection: the one the runner used is the one checked.
		db.DB.SetMaxOpenConns(1)
		h := newRTHistory()
		r := NewRunner(db.DB, rtOpts(d))
		if err := r.Run(ctx, nil, rtPlanner(nil, h.up()[:1])); err != nil {
			t.Fatal(err)
		}
		if d == dialect.SQLite {
			if _, err := db.ExecContext(ctx, "PRAGMA foreign_keys = on"); err != nil {
				t.Fatal(err)
			}
		}
		section := func(pre []string, bad string) []string {
			s := append([]string{}, pre...)
			if d == dialect.SQLite {
				s = append(s, "PRAGMA foreign_keys = off")
			}
			s = append(s, "BEGIN", "CREATE TABLE rebuilt (id integer PRIMARY KEY)", rtMark("inside"), bad, "COMMIT")
			if d == dialect.SQLite {
				s = append(s, "PRAGMA foreign_keys = on")
			}
			return s
		}
		run := func(rev *Revision) error {
			rev.UpgradeNoTx = true
			rev.Checksum = rtChecksum(rev)
			return r.Run(ctx, nil, rtPlanner([]string{"r1"}, []Step{{Rev: rev, Up: true, DeleteHeads: []string{"r1"}, InsertHeads: []string{rev.ID}}}))
		}
		connectionClean := func(when string) {
			t.Helper()
			if d != dialect.SQLite {
				return
			}
			if _, err := db.ExecContext(ctx, "BEGIN"); err != nil {
				t.Errorf("%s: a transaction is left open (BEGIN: %v)", when, err)
			}
			db.ExecContext(ctx, "ROLLBACK")
			if n := rtCount(t, db.DB, "PRAGMA foreign_keys"); n != 1 {
				t.Errorf("%s: PRAGMA foreign_keys = %d, want 1", when, n)
			}
		}
		bad := "INSERT INTO no_such_table (id) VALUES (1)"

		// Nothing before the BEGIN: nothing is left, the run is "failed"
		// and the next one starts afresh.
		ra := rtRev("ra", "rebuild", []string{"r1"}, section(nil, bad), nil)
		err := run(ra)
		var se *StatementError
		if !errors.As(err, &se) || se.SQL != bad {
			t.Fatalf("Run = %v, want a *StatementError on %q", err, bad)
		}
		t.Logf("failed: %v", err)
		connectionClean("after the failure")
		if rtTableExists(t, db.DB, "rebuilt") || rtMarks(t, db.DB, "inside") != 0 {
			t.Errorf("the failed section left its changes")
		}
		st, err := r.State(ctx)
		if err != nil || st.Partial != nil || !rtSameSet(st.Heads, []string{"r1"}) {
			t.Fatalf("State = %+v, %v; want heads [r1], nothing partial", st, err)
		}
		last, err := r.vt.lastLog(ctx, db.DB)
		if err != nil || last == nil || last.Revision != "ra" || last.Status != statusFailed || last.StatementsRun != 0 || last.Error == "" || last.FailedStatement != se.Index {
			t.Fatalf("newest log row = %+v, %v; want ra failed at statement %d with nothing run", last, err, se.Index)
		}
		fixed := rtRev("ra", "rebuild", []string{"r1"}, section(nil, "SELECT 1"), nil)
		if err := run(fixed); err != nil {
			t.Fatalf("run of the fixed file: %v", err)
		}
		connectionClean("after the fixed run")
		if !rtTableExists(t, db.DB, "rebuilt") || rtMarks(t, db.DB, "inside") != 1 {
			t.Errorf("the fixed section did not run whole")
		}

		// A statement before the BEGIN stays applied: the run is partial
		// and resumes at the statement after it.
		if _, err := db.ExecContext(ctx, "DELETE FROM retort_version"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, "INSERT INTO retort_version (version_num) VALUES ('r1')"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, "DROP TABLE rebuilt"); err != nil {
			t.Fatal(err)
		}
		pre := []string{"CREATE TABLE pre (id integer PRIMARY KEY)"}
		rb := rtRev("rb", "rebuild after", []string{"r1"}, section(pre, bad), nil)
		if err := run(rb); !errors.As(err, &se) {
			t.Fatalf("Run = %v, want a *StatementError", err)
		}
		connectionClean("after the second failure")
		st, err = r.State(ctx)
		if err != nil || st.Partial == nil || st.Partial.StatementsRun != 1 || st.Partial.Failed != se.Index {
			t.Fatalf("State = %+v, %v; want rb partial with 1 statement run", st, err)
		}
		if !rtTableExists(t, db.DB, "pre") || rtTableExists(t, db.DB, "rebuilt") {
			t.Errorf("want pre kept and rebuilt rolled back")
		}
		if err := run(rtRev("rb", "rebuild after", []string{"r1"}, section(pre, "SELECT 1"), nil)); err != nil {
			t.Fatalf("resume: %v", err)
		}
		connectionClean("after the resume")
		if st, err := r.State(ctx); err != nil || st.Partial != nil || !rtSameSet(st.Heads, []string{"rb"}) {
			t.Fatalf("State after resume = %+v, %v", st, err)
		}

		// Cancelled inside the section's transaction: rolled back the same
		// way, nothing left, the next run starts afresh.
		if _, err := db.ExecContext(ctx, "DROP TABLE rebuilt"); err != nil {
			t.Fatal(err)
		}
		marks := rtMarks(t, db.DB, "inside")
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		rc := rtRev("rc", "cancelled", []string{"rb"}, section(nil, "SELECT 1"), nil)
		rc.UpgradeNoTx = true
		rc.Checksum = rtChecksum(rc)
		r.beforeExec = func(_ *Revision, _ bool, i int) {
			if rc.Upgrade[i-1].SQL == rtMark("inside") {
				cancel()
			}
		}
		err = r.Run(cctx, nil, rtPlanner([]string{"rb"}, []Step{{Rev: rc, Up: true, DeleteHeads: []string{"rb"}, InsertHeads: []string{"rc"}}}))
		r.beforeExec = nil
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled Run = %v, want context.Canceled", err)
		}
		t.Logf("cancelled: %v", err)
		connectionClean("after the cancellation")
		if rtMarks(t, db.DB, "inside") != marks || rtTableExists(t, db.DB, "rebuilt") {
			t.Errorf("the cancelled section left its changes")
		}
		if st, err := r.State(ctx); err != nil || st.Partial != nil || !rtSameSet(st.Heads, []string{"rb"}) {
			t.Fatalf("State after the cancellation = %+v, %v; want heads [rb], nothing partial", st, err)
		}
	})
}
