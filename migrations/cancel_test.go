package migrations

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// A statement cancelled on the server (KILL QUERY, pg_cancel_backend) did
// not run, and the file is fine: the record says so, the advice is to
// retry it with --force (not to fix the file), and the retry completes.
func TestRunnerCancelledOnServer(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.MySQL, dialect.Postgres}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		// A statement that takes a while and fails when cancelled (MySQL's
		// SLEEP and BENCHMARK only return early).
		slow := "INSERT INTO k1 (id) SELECT seq FROM seq_1_to_500000"
		find, kill := "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'INSERT INTO k1%'", "KILL QUERY %d"
		if d == dialect.Postgres {
			slow = "SELECT pg_sleep(2)"
			find, kill = "SELECT pid FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(2)' AND state = 'active'", "SELECT pg_cancel_backend(%d)"
		}
		rev := rtRev("k1", "slow", nil, []string{"CREATE TABLE k1 (id integer PRIMARY KEY)", slow, "CREATE TABLE k2 (id integer PRIMARY KEY)"},
			[]string{"DROP TABLE k2", "DROP TABLE k1"})
		rev.UpgradeNoTx = true
		rev.Checksum = rtChecksum(rev)
		plan := rtPlanner(nil, []Step{{Rev: rev, Up: true, InsertHeads: []string{"k1"}}})
		r := NewRunner(db.DB, rtOpts(d))
		done := make(chan error, 1)
		go func() { done <- r.Run(ctx, []*Revision{rev}, plan) }()
		var id int64
		for {
			err := db.QueryRowContext(ctx, find).Scan(&id)
			if err == nil {
				break
			}
			if !errors.Is(err, sql.ErrNoRows) {
				t.Fatal(err)
			}
			time.Sleep(20 * time.Millisecond)
		}
		if _, err := db.ExecContext(ctx, fmt.Sprintf(kill, id)); err != nil {
			t.Fatal(err)
		}
		var se *StatementError
		if err := <-done; !errors.As(err, &se) || se.Index != 2 {
			t.Fatalf("Run = %v, want statement 2 to fail", err)
		}
		st, err := r.State(ctx)
		if err != nil || st.Partial == nil || !st.Partial.Cancelled {
			t.Fatalf("State = %+v (%v), want a cancelled statement", st, err)
		}
		msg := st.Partial.String()
		if !strings.Contains(msg, "was cancelled on the server and did not run") || !strings.Contains(msg, "the file is fine: `retort upgrade k1 --force` retries it") ||
			strings.Contains(msg, "fix the file") {
			t.Errorf("current says:\n%s", msg)
		}
		err = r.Run(ctx, []*Revision{rev}, plan)
		if !errors.Is(err, ErrPartiallyApplied) || !strings.Contains(err.Error(), "--force` retries it") {
			t.Fatalf("plain rerun = %v, want the advice to retry with --force", err)
		}
		o := rtOpts(d)
		o.Force = true
		if err := NewRunner(db.DB, o).Run(ctx, []*Revision{rev}, plan); err != nil {
			t.Fatalf("retry with --force: %v", err)
		}
		if st, _ := r.State(ctx); st.Partial != nil || len(st.Heads) != 1 {
			t.Errorf("after the retry: %+v", st)
		}
	})
}

// A second Ctrl-C (RunnerOptions.Abort, closed after the run's context was
// cancelled) cancels the statement in flight on the server at once, and
// the record is a cancelled statement's: retried by --force in a section
// outside a transaction, nothing at all inside one (PostgreSQL).
func TestRunnerAbort(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.MySQL, dialect.Postgres}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		for _, notx := range []bool{true, false} {
			if !notx && d == dialect.MySQL {
				continue // MySQL's DDL commits: every section is statement by statement
			}
			t.Run(fmt.Sprintf("notx=%v", notx), func(t *testing.T) {
				ctx := context.Background()
				slow := "INSERT INTO a1 (id) SELECT seq FROM seq_1_to_50000000"
				if d == dialect.Postgres {
					slow = "SELECT pg_sleep(60)"
				}
				id := fmt.Sprintf("abort%v", notx)
				rev := rtRev(id, "slow", nil, []string{"CREATE TABLE a1 (id integer PRIMARY KEY)", slow, "CREATE TABLE a2 (id integer PRIMARY KEY)"},
					[]string{"DROP TABLE a2", "DROP TABLE a1"})
				rev.UpgradeNoTx = notx
				rev.Checksum = rtChecksum(rev)
				plan := rtPlanner(nil, []Step{{Rev: rev, Up: true, InsertHeads: []string{id}}})
				runCtx, stop := context.WithCancel(ctx)
				abort := make(chan struct{})
				o := rtOpts(d)
				o.Abort = abort
				r := NewRunner(db.DB, o)
				done := make(chan error, 1)
				go func() { done <- r.Run(runCtx, []*Revision{rev}, plan) }()
				for r.InFlight() < 300*time.Millisecond {
					select {
					case err := <-done:
						t.Fatalf("Run ended before the statement ran a while: %v", err)
					case <-time.After(20 * time.Millisecond):
					}
				}
				stop() // the first Ctrl-C: the statement goes on
				select {
				case err := <-done:
					t.Fatalf("Run ended on the first Ctrl-C: %v", err)
				case <-time.After(300 * time.Millisecond):
				}
				began := time.Now()
				close(abort) // the second
				var err error
				select {
				case err = <-done:
				case <-time.After(20 * time.Second):
					t.Fatal("Run did not end after the abort")
				}
				t.Logf("ended %v after the abort: %v", time.Since(began).Round(time.Millisecond), err)
				st, serr := r.State(ctx)
				if serr != nil {
					t.Fatal(serr)
				}
				if !notx {
					if st.Partial != nil || len(st.Heads) != 0 {
						t.Fatalf("State = %+v, want nothing left", st)
					}
					return
				}
				if st.Partial == nil || !st.Partial.Cancelled || st.Partial.StatementsRun != 1 {
					t.Fatalf("State = %+v, want statement 2 cancelled", st)
				}
				fo := rtOpts(d)
				fo.Force = true
				fast := rtRev(id, "slow", nil, []string{"CREATE TABLE a1 (id integer PRIMARY KEY)", "SELECT 1", "CREATE TABLE a2 (id integer PRIMARY KEY)"},
					[]string{"DROP TABLE a2", "DROP TABLE a1"})
				fast.UpgradeNoTx = true
				fast.Checksum = rtChecksum(fast)
				if err := NewRunner(db.DB, fo).Run(ctx, []*Revision{fast}, rtPlanner(nil, []Step{{Rev: fast, Up: true, InsertHeads: []string{id}}})); err != nil {
					t.Fatalf("finishing: %v", err)
				}
				down := rtPlanner([]string{id}, []Step{{Rev: fast, Up: false, DeleteHeads: []string{id}}})
				if err := NewRunner(db.DB, fo).Run(ctx, []*Revision{fast}, down); err != nil {
					t.Fatalf("reverting: %v", err)
				}
			})
		}
	})
}
