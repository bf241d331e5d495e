package migrations

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// forEachDialect runs f on a fresh database of every dialect, in parallel.
func forEachDialect(t *testing.T, f func(t *testing.T, d dialect.Name, db *testdb.DB)) {
	forDialects(t, testdb.Dialects(), f)
}

// forDialects runs f on a fresh database of each of ds, in parallel.
func forDialects(t *testing.T, ds []dialect.Name, f func(t *testing.T, d dialect.Name, db *testdb.DB)) {
	for _, d := range ds {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			f(t, d, testdb.New(t, d))
		})
	}
}

func TestRunnerHistories(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		h := newRTHistory()
		var log bytes.Buffer
		o := rtOpts(d)
		o.Log = &log
		r := NewRunner(db.DB, o)

		// A database without a version table is at base, and State creates
		// nothing.
		st, err := r.State(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Heads) != 0 || st.Partial != nil {
			t.Fatalf("fresh State = %+v, want base", st)
		}
		if rtTableExists(t, db.DB, "retort_version") {
			t.Fatal("State created the version table")
		}

		up := h.up()
		for _, c := range []struct {
			steps int
			want  []string
		}{
			{1, []string{"r1"}},
			{2, []string{"r2"}},
			{3, []string{"r3a"}},
			{4, []string{"r3a", "r3b"}}, // branched: two heads
			{5, []string{"r4"}},         // merged
			{5, []string{"r4"}},         // nothing left to do
		} {
			if err := r.Run(ctx, h.revs(), rtPlanner(nil, up[:c.steps])); err != nil {
				t.Fatalf("upgrade %d steps: %v", c.steps, err)
			}
			if diff := cmp.Diff(c.want, rtHeads(t, r)); diff != "" {
				t.Fatalf("heads after %d steps (-want +got):\n%s", c.steps, diff)
			}
		}
		for _, m := range []string{"r1", "r2", "r2b", "r3a", "r3b", "r4"} {
			if n := rtMarks(t, db.DB, m); n != 1 {
				t.Errorf("mark %s written %d times, want 1", m, n)
			}
		}
		for _, want := range []string{
			"Running upgrade <base> -> r1, create marks\n  done in ",
			"Running upgrade r1 -> r2, add t2\n  done in ",
			"Running upgrade r3a, r3b -> r4, merge\n  done in ",
		} {
			if !strings.Contains(log.String(), want) {
				t.Errorf("log lacks %q:\n%s", want, log.String())
			}
		}
		if n := rtCount(t, db.DB, "SELECT COUNT(*) FROM retort_version_log WHERE status = 'ok' AND direction = 'up'"); n != 5 {
			t.Errorf("%d ok up rows in the log, want 5", n)
		}

		// Revert down to r2 (through the merge and the branch), then to base.
		down := h.down()
		if err := r.Run(ctx, h.revs(), rtPlanner([]string{"r4"}, down[:3])); err != nil {
			t.Fatalf("downgrade to r2: %v", err)
		}
		if diff := cmp.Diff([]string{"r2"}, rtHeads(t, r)); diff != "" {
			t.Fatalf("heads after downgrade to r2 (-want +got):\n%s", diff)
		}
		if rtTableExists(t, db.DB, "t3a") || rtTableExists(t, db.DB, "t3b") || !rtTableExists(t, db.DB, "t2") {
			t.Fatal("downgrade to r2 left the wrong tables")
		}
		if err := r.Run(ctx, h.revs(), rtPlanner([]string{"r4"}, down)); err != nil {
			t.Fatalf("downgrade to base: %v", err)
		}
		if got := rtHeads(t, r); len(got) != 0 {
			t.Fatalf("heads after downgrade to base = %v, want none", got)
		}
		if rtTableExists(t, db.DB, "marks") || rtTableExists(t, db.DB, "t1") {
			t.Fatal("downgrade to base left tables behind")
		}
		if !strings.Contains(log.String(), "Running downgrade r4 -> r3a, r3b, merge\n  done in ") {
			t.Errorf("log lacks the merge's downgrade line:\n%s", log.String())
		}

		// And up again: a downgraded revision is not "applied" any more.
		if err := r.Run(ctx, h.revs(), rtPlanner(nil, up)); err != nil {
			t.Fatalf("upgrade again: %v", err)
		}
		if diff := cmp.Diff([]string{"r4"}, rtHeads(t, r)); diff != "" {
			t.Fatalf("heads (-want +got):\n%s", diff)
		}
	})
}

func TestRunnerProgressAndWarnings(t *testing.T) {
	db := testdb.New(t, dialect.SQLite)
	var steps []Step
	var revs []*Revision
	prev := []string(nil)
	for i := 1; i <= 12; i++ {
		id := fmt.Sprintf("p%02d", i)
		rev := rtRev(id, "step", prev, []string{fmt.Sprintf("CREATE TABLE %s (id integer)", id)}, nil)
		if i == 3 {
			rev.Warnings = []string{"drops column users.email"}
		}
		revs = append(revs, rev)
		steps = append(steps, Step{Rev: rev, Up: true, DeleteHeads: prev, InsertHeads: []string{id}})
		prev = []string{id}
	}
	var log bytes.Buffer
	o := rtOpts(dialect.SQLite)
	o.Log = &log
	if err := NewRunner(db.DB, o).Run(context.Background(), revs, rtPlanner(nil, steps)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	// A warning, then each revision's line before it runs and after it
	// completed, and the summary.
	if len(lines) != 1+2*12+1 {
		t.Fatalf("%d log lines, want 26:\n%s", len(lines), log.String())
	}
	if want := "[3/12] WARNING: drops column users.email"; lines[4] != want {
		t.Errorf("line 5 = %q, want %q", lines[4], want)
	}
	if want := "[12/12] Running upgrade p11 -> p12, step"; lines[23] != want {
		t.Errorf("line 24 = %q, want %q", lines[23], want)
	}
	if want := "Upgraded 12 revisions, 12 statements, in "; !strings.HasPrefix(lines[25], want) {
		t.Errorf("last line = %q, want prefix %q", lines[25], want)
	}
}

// A failing revision on a transactional dialect leaves nothing behind.
// (MySQL's DDL is not transactional: see TestRunnerPartial.)
func TestRunnerFailureRollsBack(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.Postgres, dialect.SQLite}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		h := newRTHistory()
		r := NewRunner(db.DB, rtOpts(d))
		bad := rtRev("rbad", "bad", []string{"r1"},
			[]string{"CREATE TABLE tbad (id integer PRIMARY KEY)", rtMark("rbad"), "INSERT INTO no_such_table (id) VALUES (1)"}, nil)
		steps := []Step{h.up()[0], {Rev: bad, Up: true, DeleteHeads: []string{"r1"}, InsertHeads: []string{"rbad"}}}
		err := r.Run(ctx, nil, rtPlanner(nil, steps))
		var se *StatementError
		if !errors.As(err, &se) {
			t.Fatalf("Run = %v, want a *StatementError", err)
		}
		if se.Revision != "rbad" || se.Index != 3 || se.Line != 12 || !se.RolledBack || se.Path != bad.Path {
			t.Errorf("StatementError = %+v", se)
		}
		if !strings.Contains(err.Error(), bad.Path+":12:") {
			t.Errorf("error %q does not say path:line", err)
		}
		if rtTableExists(t, db.DB, "tbad") {
			t.Error("the failed revision's table is left behind")
		}
		if n := rtMarks(t, db.DB, "rbad"); n != 0 {
			t.Errorf("the failed revision's row is left behind (%d)", n)
		}
		if diff := cmp.Diff([]string{"r1"}, rtHeads(t, r)); diff != "" {
			t.Errorf("heads (-want +got):\n%s", diff)
		}
		if n := rtCount(t, db.DB, "SELECT COUNT(*) FROM retort_version_log WHERE revision = 'rbad' AND status = 'ok'"); n != 0 {
			t.Errorf("%d log rows claim rbad succeeded", n)
		}
		if n := rtCount(t, db.DB, "SELECT COUNT(*) FROM retort_version_log WHERE revision = 'rbad' AND status = 'failed' AND failed_statement = 3"); n != 1 {
			t.Errorf("%d failed rows for rbad, want 1", n)
		}
		st, err := r.State(ctx)
		if err != nil || st.Partial != nil {
			t.Errorf("State = %+v, %v; want no partial revision", st, err)
		}
		// Fixed, it applies.
		fixed := rtEdit(bad, 2, "INSERT INTO t1 (id) VALUES (1)")
		steps[1].Rev = fixed
		if err := r.Run(ctx, nil, rtPlanner(nil, steps)); err != nil {
			t.Fatal(err)
		}
		if n := rtMarks(t, db.DB, "rbad"); n != 1 {
			t.Errorf("mark rbad written %d times, want 1", n)
		}
	})
}

// A revision that fails half-way without a transaction (MySQL, or a
// NoTransaction section elsewhere) is recorded, blocks the next run while
// unchanged, and resumes after the fix without re-running anything.
func TestRunnerPartial(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		h := newRTHistory()
		r := NewRunner(db.DB, rtOpts(d))
		rp := rtRev("rp", "partial", []string{"r1"},
			[]string{"CREATE TABLE tp (id integer PRIMARY KEY)", rtMark("rp"), "INSERT INTO no_such_table (id) VALUES (1)", rtMark("rp-end")}, nil)
		rp.UpgradeNoTx = d != dialect.MySQL
		rp.Checksum = rtChecksum(rp)
		step := func(rev *Revision) []Step {
			return []Step{h.up()[0], {Rev: rev, Up: true, DeleteHeads: []string{"r1"}, InsertHeads: []string{"rp"}}}
		}
		err := r.Run(ctx, nil, rtPlanner(nil, step(rp)))
		var se *StatementError
		if !errors.As(err, &se) || se.Index != 3 || se.RolledBack {
			t.Fatalf("Run = %v, want a *StatementError at statement 3, not rolled back", err)
		}
		t.Logf("failed: %v", err)
		st, err := r.State(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r1"}, st.Heads); diff != "" {
			t.Errorf("heads (-want +got):\n%s", diff)
		}
		p := st.Partial
		if p == nil || p.Revision != "rp" || !p.Up || p.StatementsRun != 2 || p.Statements != 4 ||
			p.Failed != 3 || p.Line != 12 || p.Error == "" || p.Path != rp.Path || p.Interrupted {
			t.Fatalf("Partial = %+v", p)
		}

		// Unchanged: refused, saying what to do.
		err = r.Run(ctx, nil, rtPlanner(nil, step(rp)))
		if !errors.Is(err, ErrPartiallyApplied) {
			t.Fatalf("second Run = %v, want ErrPartiallyApplied", err)
		}
		t.Logf("refused: %v\nstate: %v", err, p)
		for _, want := range []string{"resume at statement 3 (" + rp.Path + ":12)", "retort stamp rp", "fix the file"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q lacks %q", err, want)
			}
		}
		// A statement that already ran was edited: refused.
		err = r.Run(ctx, nil, rtPlanner(nil, step(rtEdit(rp, 1, rtMark("other")))))
		var pe *PartialError
		if !errors.As(err, &pe) || pe.Reason != "edited" {
			t.Fatalf("Run with an edited statement = %v, want a *PartialError (edited)", err)
		}
		t.Logf("refused: %v", err)
		// A plan that does not continue it: refused.
		err = r.Run(ctx, nil, rtPlanner([]string{"r1"}, []Step{{Rev: h.r1, DeleteHeads: []string{"r1"}}}))
		if !errors.As(err, &pe) || pe.Reason != "not planned" {
			t.Fatalf("Run with another plan = %v, want a *PartialError (not planned)", err)
		}
		t.Logf("refused: %v", err)

		// Fixed: resumes at statement 3; statements 1 and 2 do not run
		// again (the mark would be doubled, the CREATE TABLE would fail).
		fixed := rtEdit(rp, 2, "INSERT INTO tp (id) VALUES (1)")
		var log bytes.Buffer
		o := rtOpts(d)
		o.Log = &log
		if err := NewRunner(db.DB, o).Run(ctx, nil, rtPlanner(nil, step(fixed))); err != nil {
			t.Fatalf("resume: %v", err)
		}
		if !strings.Contains(log.String(), "resuming at statement 3") {
			t.Errorf("log %q does not say it resumed", log.String())
		}
		for _, m := range []string{"rp", "rp-end"} {
			if n := rtMarks(t, db.DB, m); n != 1 {
				t.Errorf("mark %s written %d times, want 1", m, n)
			}
		}
		if n := rtCount(t, db.DB, "SELECT COUNT(*) FROM tp"); n != 1 {
			t.Errorf("tp has %d rows, want 1", n)
		}
		st, err = r.State(ctx)
		if err != nil || st.Partial != nil || !cmp.Equal(st.Heads, []string{"rp"}) {
			t.Fatalf("State after resume = %+v, %v", st, err)
		}
		// The fixed file is now the applied one: no checksum complaint.
		if err := r.Run(ctx, []*Revision{h.r1, fixed}, rtPlanner(nil, step(fixed))); err != nil {
			t.Fatal(err)
		}
	})
}

// Stamp marks a partially applied revision as done by hand.
func TestRunnerStampClearsPartial(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.MySQL}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		h := newRTHistory()
		r := NewRunner(db.DB, rtOpts(d))
		rp := rtRev("rp", "partial", []string{"r1"}, []string{rtMark("rp"), "INSERT INTO no_such_table (id) VALUES (1)"}, nil)
		steps := []Step{h.up()[0], {Rev: rp, Up: true, DeleteHeads: []string{"r1"}, InsertHeads: []string{"rp"}}}
		if err := r.Run(ctx, nil, rtPlanner(nil, steps)); err == nil {
			t.Fatal("Run succeeded, want a failure")
		}
		err := r.Stamp(ctx, func(current []string) ([]string, []string, error) {
			if !cmp.Equal(current, []string{"r1"}) {
				return nil, nil, fmt.Errorf("stamp planner got %v", current)
			}
			return []string{"r1"}, []string{"rp"}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		st, err := r.State(ctx)
		if err != nil || st.Partial != nil || !cmp.Equal(st.Heads, []string{"rp"}) {
			t.Fatalf("State after stamp = %+v, %v", st, err)
		}
		// The run goes on from there.
		if err := r.Run(ctx, nil, rtPlanner(nil, steps)); err != nil {
			t.Fatal(err)
		}
	})
}

func TestRunnerStamp(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		r := NewRunner(db.DB, rtOpts(d))
		stamp := func(del, ins []string) {
			t.Helper()
			if err := r.Stamp(ctx, func([]string) ([]string, []string, error) { return del, ins, nil }); err != nil {
				t.Fatal(err)
			}
		}
		stamp(nil, []string{"a", "b"})
		if diff := cmp.Diff([]string{"a", "b"}, rtHeads(t, r)); diff != "" {
			t.Fatalf("heads (-want +got):\n%s", diff)
		}
		stamp([]string{"a", "b"}, []string{"c"})
		stamp([]string{"c"}, []string{"d"})
		if diff := cmp.Diff([]string{"d"}, rtHeads(t, r)); diff != "" {
			t.Fatalf("heads (-want +got):\n%s", diff)
		}
		// A stamp that deletes a head the table does not hold is refused.
		err := r.Stamp(ctx, func([]string) ([]string, []string, error) { return []string{"zz"}, []string{"e"}, nil })
		if !errors.Is(err, ErrVersionTable) {
			t.Fatalf("Stamp = %v, want ErrVersionTable", err)
		}
		stamp([]string{"d"}, nil)
		if got := rtHeads(t, r); len(got) != 0 {
			t.Fatalf("heads = %v, want none", got)
		}
		if n := rtCount(t, db.DB, "SELECT COUNT(*) FROM retort_version_log WHERE direction = 'stamp'"); n != 5 {
			t.Errorf("%d stamp rows, want 5", n)
		}
	})
}

func TestRunnerChecksumMismatch(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		h := newRTHistory()
		r := NewRunner(db.DB, rtOpts(d))
		up := h.up()
		if err := r.Run(ctx, h.revs(), rtPlanner(nil, up[:2])); err != nil {
			t.Fatal(err)
		}
		edited := rtEdit(h.r1, 2, "CREATE TABLE t1 (id bigint PRIMARY KEY)")
		revs := []*Revision{edited, h.r2, h.r3a, h.r3b, h.r4}
		err := r.Run(ctx, revs, rtPlanner(nil, up))
		if !errors.Is(err, ErrChecksumMismatch) {
			t.Fatalf("Run = %v, want ErrChecksumMismatch", err)
		}
		t.Logf("refused: %v", err)
		if !strings.Contains(err.Error(), edited.Path) || strings.Contains(err.Error(), h.r2.Path) {
			t.Errorf("error %q should name %s only", err, edited.Path)
		}
		if diff := cmp.Diff([]string{"r2"}, rtHeads(t, r)); diff != "" {
			t.Fatalf("a refused run moved the heads (-want +got):\n%s", diff)
		}
		o := rtOpts(d)
		o.Force = true
		if err := NewRunner(db.DB, o).Run(ctx, revs, rtPlanner(nil, up)); err != nil {
			t.Fatalf("forced Run: %v", err)
		}
		if diff := cmp.Diff([]string{"r4"}, rtHeads(t, r)); diff != "" {
			t.Fatalf("heads (-want +got):\n%s", diff)
		}
	})
}

func TestRunnerLockTimeout(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		h := newRTHistory()
		// Hold the lock as another run would.
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		l, err := newLocker(ctx, conn, newVersionTable(d, "retort_version"))
		if err != nil {
			t.Fatal(err)
		}
		if err := acquire(ctx, l, time.Second); err != nil {
			t.Fatal(err)
		}
		var want string
		switch d {
		case dialect.MySQL:
			var id int64
			if err := conn.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&id); err != nil {
				t.Fatal(err)
			}
			want = fmt.Sprintf("held by connection %d (user ", id)
		case dialect.Postgres:
			var pid int64
			if err := conn.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
				t.Fatal(err)
			}
			want = fmt.Sprintf("held by pid %d (", pid)
		default:
			want = fmt.Sprintf("held by pid %d on ", os.Getpid())
		}
		o := rtOpts(d)
		o.LockTimeout = 350 * time.Millisecond
		var log bytes.Buffer
		o.Log = &log
		r := NewRunner(db.DB, o)
		r.lockEvery = 100 * time.Millisecond
		err = r.Run(ctx, h.revs(), rtPlanner(nil, h.up()))
		if !errors.Is(err, ErrLockTimeout) {
			t.Fatalf("Run = %v, want ErrLockTimeout", err)
		}
		t.Logf("timed out: %v", err)
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
		// The wait was told at once, and again while it went on.
		lines := strings.Split(strings.TrimSpace(log.String()), "\n")
		if len(lines) < 2 || !strings.HasPrefix(lines[0], "Waiting for the migration lock ") || !strings.Contains(lines[0], want) ||
			!strings.Contains(lines[0], "(waited 0s of 350ms)") || !strings.HasPrefix(lines[1], "Waiting for the migration lock ") {
			t.Errorf("the wait was not reported at once and again:\n%s", log.String())
		}
		// Released, the lock is free again.
		if err := l.unlock(ctx); err != nil {
			t.Fatal(err)
		}
		if err := NewRunner(db.DB, o).Run(ctx, h.revs(), rtPlanner(nil, h.up())); err != nil {
			t.Fatal(err)
		}
	})
}

// A SQLite lock row whose holder died is taken over once its lease ran out.
func TestRunnerSQLiteLeaseExpires(t *testing.T) {
	db := testdb.New(t, dialect.SQLite)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	l, err := newLocker(ctx, conn, newVersionTable(dialect.SQLite, "retort_version"))
	if err != nil {
		t.Fatal(err)
	}
	dead := l.(*sqliteLock)
	dead.lease = -time.Minute // as if its lease ran out a minute ago
	if err := acquire(ctx, dead, time.Second); err != nil {
		t.Fatal(err)
	}
	conn.Close() // the holder is gone without unlocking
	h := newRTHistory()
	o := rtOpts(dialect.SQLite)
	o.LockTimeout = -1 // do not wait
	if err := NewRunner(db.DB, o).Run(ctx, h.revs(), rtPlanner(nil, h.up())); err != nil {
		t.Fatalf("Run after the holder died: %v", err)
	}
}

// Ten runs of the same plan at once, each with its own connection pool,
// apply each revision exactly once.
func TestRunnerConcurrent(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		h := newRTHistory()
		var wg sync.WaitGroup
		errs := make([]error, 10)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				own, err := db.URL.Open(ctx)
				if err != nil {
					errs[i] = err
					return
				}
				defer own.Close()
				errs[i] = NewRunner(own, rtOpts(d)).Run(ctx, h.revs(), rtPlanner(nil, h.up()))
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("run %d: %v", i, err)
			}
		}
		for _, m := range []string{"r1", "r2", "r2b", "r3a", "r3b", "r4"} {
			if n := rtMarks(t, db.DB, m); n != 1 {
				t.Errorf("mark %s written %d times, want 1", m, n)
			}
		}
		if n := rtCount(t, db.DB, "SELECT COUNT(*) FROM retort_version_log"); n != 5 {
			t.Errorf("%d log rows, want 5", n)
		}
		if diff := cmp.Diff([]string{"r4"}, rtHeads(t, NewRunner(db.DB, rtOpts(d)))); diff != "" {
			t.Errorf("heads (-want +got):\n%s", diff)
		}
	})
}

// Cancelling stops between statements: the statement in flight finishes,
// the record stays consistent.
func TestRunnerCancel(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		h := newRTHistory()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		r := NewRunner(db.DB, rtOpts(d))
		// The cancel arrives while statement 2 of r2 is in flight.
		r.beforeExec = func(rev *Revision, up bool, i int) {
			if rev.ID == "r2" && i == 2 {
				cancel()
			}
		}
		err := r.Run(ctx, h.revs(), rtPlanner(nil, h.up()))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Run = %v, want context.Canceled", err)
		}
		st, err := NewRunner(db.DB, rtOpts(d)).State(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"r1"}, st.Heads); diff != "" {
			t.Errorf("heads (-want +got):\n%s", diff)
		}
		if d == dialect.MySQL {
			// Statements 1 and 2 ran; it resumes at 3 as it is.
			p := st.Partial
			if p == nil || p.Revision != "r2" || p.StatementsRun != 2 || p.Failed != 0 || p.Interrupted {
				t.Fatalf("Partial = %+v", p)
			}
			if n := rtMarks(t, db.DB, "r2"); n != 1 {
				t.Fatalf("the statement in flight did not complete (%d)", n)
			}
		} else {
			if st.Partial != nil {
				t.Fatalf("Partial = %+v, want none", st.Partial)
			}
			if rtTableExists(t, db.DB, "t2") || rtMarks(t, db.DB, "r2") != 0 {
				t.Fatal("the cancelled revision was not rolled back")
			}
		}
		// The lock was released and a new run completes.
		if err := NewRunner(db.DB, rtOpts(d)).Run(context.Background(), h.revs(), rtPlanner(nil, h.up())); err != nil {
			t.Fatal(err)
		}
		for _, m := range []string{"r2", "r2b", "r4"} {
			if n := rtMarks(t, db.DB, m); n != 1 {
				t.Errorf("mark %s written %d times, want 1", m, n)
			}
		}
	})
}

// Identifiers are quoted: a version table named with quotes and spaces
// works, and values are bound.
func TestRunnerHostileVersionTable(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		name := "odd `\"' table"
		o := RunnerOptions{Dialect: d, VersionTable: name}
		r := NewRunner(db.DB, o)
		rev := rtRev("x'); DROP TABLE marks; --", "hostile", nil, []string{"CREATE TABLE h1 (id integer)"}, nil)
		steps := []Step{{Rev: rev, Up: true, InsertHeads: []string{rev.ID}}}
		if err := r.Run(ctx, []*Revision{rev}, rtPlanner(nil, steps)); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{rev.ID}, rtHeads(t, r)); diff != "" {
			t.Fatalf("heads (-want +got):\n%s", diff)
		}
	})
}

// A process that dies while a non-transactional statement runs leaves the
// log saying so. Where the catalog shows whether the statement completed
// (a table, an index, a column there or not), current says which and the
// next plain run goes on, running it again or not; otherwise it may or may
// not have completed, and the next run refuses until the user edits the
// file, stamps, or forces a retry.
func TestRunnerInterrupted(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.MySQL, dialect.Postgres}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		for _, c := range []struct {
			name string
			// first is r2's first statement; done makes it complete on
			// the server before the crash.
			first     string
			done      bool
			completed int
		}{
			{"not done", "CREATE TABLE t2 (id integer PRIMARY KEY)", false, outcomeNotDone},
			{"done", "CREATE TABLE t2 (id integer PRIMARY KEY)", true, outcomeDone},
			{"unknown", "ALTER TABLE t1 RENAME TO t1b", false, outcomeUnknown},
		} {
			h := newRTHistory()
			h.r2.Upgrade[0].SQL = c.first
			h.r2.UpgradeNoTx = true
			h.r2.Checksum = rtChecksum(h.r2)
			for _, tb := range []string{"t2", "t3a", "t3b", "t1b", "t1", "marks"} {
				db.ExecContext(ctx, "DROP TABLE IF EXISTS "+tb)
			}
			db.ExecContext(ctx, "DROP TABLE IF EXISTS retort_version")
			db.ExecContext(ctx, "DROP TABLE IF EXISTS retort_version_log")
			r := NewRunner(db.DB, rtOpts(d))
			// Simulate the crash with a panic right before statement 1 runs
			// (after it ran, for "done").
			r.beforeExec = func(rev *Revision, up bool, i int) {
				if rev.ID == "r2" && i == 1 {
					if c.done {
						db.ExecContext(ctx, c.first)
					}
					panic("killed")
				}
			}
			func() {
				defer func() {
					if recover() == nil {
						t.Fatal("the run did not stop")
					}
				}()
				r.Run(ctx, h.revs(), rtPlanner(nil, h.up()))
			}()
			r.beforeExec = nil
			st, err := r.StateOf(ctx, h.revs())
			if err != nil {
				t.Fatal(err)
			}
			p := st.Partial
			if p == nil || p.Revision != "r2" || p.StatementsRun != 0 || !p.Interrupted || p.Line != h.r2.Upgrade[0].Line || p.Completed != c.completed {
				t.Fatalf("%s: Partial = %+v", c.name, p)
			}
			t.Logf("%s: current says: %s", c.name, p)
			err = r.Run(ctx, h.revs(), rtPlanner(nil, h.up()))
			if c.completed == outcomeUnknown {
				if !errors.Is(err, ErrPartiallyApplied) || !strings.Contains(err.Error(), "may or may not have completed") {
					t.Fatalf("%s: Run = %v, want ErrPartiallyApplied saying the statement may have run", c.name, err)
				}
				// It did not run: retry it with Force.
				o := rtOpts(d)
				o.Force = true
				err = NewRunner(db.DB, o).Run(ctx, h.revs(), rtPlanner(nil, h.up()))
			}
			if err != nil {
				t.Fatalf("%s: resume: %v", c.name, err)
			}
			for _, m := range []string{"r2", "r2b", "r4"} {
				if n := rtMarks(t, db.DB, m); n != 1 {
					t.Errorf("%s: mark %s written %d times, want 1", c.name, m, n)
				}
			}
		}
	})
}

// A data change outside a transaction commits with its record: a process
// that dies before the commit leaves neither, so the next run resumes at
// that statement without --force and writes each row once.
func TestRunnerDMLWithItsRecord(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.MySQL, dialect.Postgres, dialect.SQLite}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		h := newRTHistory()
		h.r2.UpgradeNoTx = true
		h.r2.Checksum = rtChecksum(h.r2)
		r := NewRunner(db.DB, rtOpts(d))
		r.beforeExec = func(rev *Revision, up bool, i int) {
			if rev.ID == "r2" && i == 3 {
				panic("killed")
			}
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Fatal("the run did not stop")
				}
			}()
			r.Run(ctx, h.revs(), rtPlanner(nil, h.up()))
		}()
		r.beforeExec = nil
		st, err := r.State(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if p := st.Partial; p == nil || p.StatementsRun != 2 || p.Interrupted || p.Failed != 0 {
			t.Fatalf("Partial = %+v, want 2 statements run and none in doubt", p)
		}
		if err := r.Run(ctx, h.revs(), rtPlanner(nil, h.up())); err != nil {
			t.Fatalf("resume without --force: %v", err)
		}
		for _, m := range []string{"r2", "r2b", "r4"} {
			if n := rtMarks(t, db.DB, m); n != 1 {
				t.Errorf("mark %s written %d times, want 1", m, n)
			}
		}
	})
}

// A downgrade that fails half-way on MySQL is recorded and resumed the
// same way as an upgrade.
func TestRunnerPartialDowngrade(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.MySQL}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		h := newRTHistory()
		r := NewRunner(db.DB, rtOpts(d))
		up := h.up()
		if err := r.Run(ctx, h.revs(), rtPlanner(nil, up[:2])); err != nil {
			t.Fatal(err)
		}
		bad := *h.r2
		bad.Downgrade = []Statement{
			{SQL: "DELETE FROM marks WHERE rev = 'r2'", Line: 30},
			{SQL: "DROP TABLE no_such_table", Line: 31},
			{SQL: "DROP TABLE t2", Line: 32},
		}
		bad.Checksum = rtChecksum(&bad)
		down := []Step{{Rev: &bad, DeleteHeads: []string{"r2"}, InsertHeads: []string{"r1"}}}
		if err := r.Run(ctx, nil, rtPlanner([]string{"r2"}, down)); err == nil {
			t.Fatal("downgrade succeeded, want a failure")
		}
		st, err := r.State(ctx)
		if err != nil || st.Partial == nil || st.Partial.Up || st.Partial.Failed != 2 || !cmp.Equal(st.Heads, []string{"r2"}) {
			t.Fatalf("State = %+v (partial %+v), %v", st, st.Partial, err)
		}
		err = r.Run(ctx, nil, rtPlanner([]string{"r2"}, down))
		if !errors.Is(err, ErrPartiallyApplied) || !strings.Contains(err.Error(), "run `retort downgrade` to resume at statement 2") {
			t.Fatalf("Run = %v, want ErrPartiallyApplied telling to run downgrade again", err)
		}
		fixed := bad
		fixed.Downgrade = slices.Clone(bad.Downgrade)
		fixed.Downgrade[1].SQL = "DELETE FROM marks WHERE rev = 'r2b'"
		fixed.Checksum = rtChecksum(&fixed)
		down[0].Rev = &fixed
		if err := r.Run(ctx, nil, rtPlanner([]string{"r2"}, down)); err != nil {
			t.Fatal(err)
		}
		if rtTableExists(t, db.DB, "t2") || rtMarks(t, db.DB, "r2b") != 0 || rtMarks(t, db.DB, "r1") != 1 {
			t.Fatal("the downgrade did not complete")
		}
		if diff := cmp.Diff([]string{"r1"}, rtHeads(t, r)); diff != "" {
			t.Fatalf("heads (-want +got):\n%s", diff)
		}
	})
}
