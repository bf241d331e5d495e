package migrations

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// A statement of a revision that waits for a table lock held by another
// session fails once RunnerOptions.StatementLockTimeout has passed, with a
// *LockWaitError: on PostgreSQL the revision's transaction rolls back
// whole; on MySQL the statements before it stay, recorded as partially
// applied. With LockRetries, the revision is tried again after a pause
// (the blocker ends during it) and completes, a NoTransaction run resuming
// after what it ran. The session's own setting is back afterwards.
func TestRunnerStatementLockTimeout(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.Postgres, dialect.MySQL}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		// Two connections: the blocker's, and the runner's, which the
		// last check reads again.
		db.DB.SetMaxOpenConns(2)
		timeout := 200 * time.Millisecond
		if d == dialect.MySQL {
			timeout = time.Second // lock_wait_timeout counts whole seconds
		}
		before := ""
		readSetting := func() string {
			t.Helper()
			q := "SELECT current_setting('lock_timeout')"
			if d == dialect.MySQL {
				q = "SELECT @@SESSION.lock_wait_timeout"
			}
			var v string
			if err := db.DB.QueryRowContext(ctx, q).Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		before = readSetting()

		r1 := rtRev("r1", "create busy", nil, []string{"CREATE TABLE busy (id integer PRIMARY KEY)", "INSERT INTO busy (id) VALUES (1)"}, []string{"DROP TABLE busy"})
		r2 := rtRev("r2", "alter busy", []string{"r1"}, []string{"CREATE TABLE side (id integer PRIMARY KEY)", "ALTER TABLE busy ADD COLUMN c integer NULL"}, []string{"ALTER TABLE busy DROP COLUMN c", "DROP TABLE side"})
		steps := []Step{{Rev: r1, Up: true, InsertHeads: []string{"r1"}}, {Rev: r2, Up: true, DeleteHeads: []string{"r1"}, InsertHeads: []string{"r2"}}}
		opts := rtOpts(d)
		opts.StatementLockTimeout = timeout
		if err := NewRunner(db.DB, opts).Run(ctx, nil, rtPlanner(nil, steps[:1])); err != nil {
			t.Fatal(err)
		}

		// A session reads busy in an open transaction: the ALTER waits
		// for it.
		blocker, err := db.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer blocker.Close()
		block := func() *sql.Tx {
			t.Helper()
			tx, err := blocker.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM busy").Scan(&n); err != nil {
				t.Fatal(err)
			}
			return tx
		}
		tx := block()
		start := time.Now()
		err = NewRunner(db.DB, opts).Run(ctx, nil, rtPlanner(nil, steps))
		var lwe *LockWaitError
		if !errors.As(err, &lwe) || !errors.Is(err, ErrStatementLockTimeout) || lwe.Statement.Index != 2 {
			t.Fatalf("Run = %v, want a *LockWaitError on statement 2", err)
		}
		t.Logf("failed as it should: %v", err)
		if waited := time.Since(start); waited > timeout+5*time.Second {
			t.Errorf("the run took %s with a %s lock timeout", waited, timeout)
		}
		for _, want := range []string{"waited more than " + timeout.String(), "statement_lock_timeout", "--retry-lock"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("the error does not say %q: %v", want, err)
			}
		}
		st, err := NewRunner(db.DB, opts).State(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d == dialect.Postgres {
			if !lwe.Statement.RolledBack || rtTableExists(t, db.DB, "side") || st.Partial != nil || !rtSameSet(st.Heads, []string{"r1"}) {
				t.Errorf("PostgreSQL: rolled back %v, side exists %v, state %+v: want nothing of r2 left", lwe.Statement.RolledBack, rtTableExists(t, db.DB, "side"), st)
			}
		} else if st.Partial == nil || st.Partial.StatementsRun != 1 || !st.Partial.LockTimedOut ||
			!strings.Contains(st.Partial.String(), "`retort upgrade r2` resumes at statement 2") {
			t.Errorf("MySQL: state %+v, want r2 partially applied (1 statement), its statement timed out on the lock, a plain upgrade advised", st)
		}

		// Retries: the blocker ends during the first pause.
		var log bytes.Buffer
		opts.LockRetries = 3
		// MySQL resumes the partial run, its file unchanged, without
		// --force: the statement that timed out did not run.
		opts.Log = &log
		r := NewRunner(db.DB, opts)
		pauses := 0
		r.sleep = func(ctx context.Context, d time.Duration) error {
			if pauses++; pauses == 1 {
				tx.Rollback()
			}
			return nil
		}
		if d == dialect.Postgres {
			tx.Rollback()
			tx = block() // the PostgreSQL run starts afresh: block it again
		}
		if err := r.Run(ctx, nil, rtPlanner(nil, steps)); err != nil {
			t.Fatalf("Run with retries: %v\n%s", err, log.String())
		}
		if pauses != 1 || !strings.Contains(log.String(), "trying again in 1s (retry 1 of 3)") {
			t.Errorf("%d pauses; log:\n%s", pauses, log.String())
		}
		if heads := rtHeads(t, r); !rtSameSet(heads, []string{"r2"}) {
			t.Errorf("heads = %v, want [r2]", heads)
		}
		if got := readSetting(); got != before {
			t.Errorf("the session's lock timeout is %q after the run, was %q", got, before)
		}
	})
}

func TestLockRetryPause(t *testing.T) {
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}
	for n, w := range want {
		if got := lockRetryPause(n); got != w {
			t.Errorf("lockRetryPause(%d) = %s, want %s", n, got, w)
		}
	}
	if v := lockTimeoutValue(dialect.MySQL, 1500*time.Millisecond); v != "2" {
		t.Errorf("MySQL 1.5s = %s, want 2", v)
	}
	if v := lockTimeoutValue(dialect.Postgres, 1500*time.Millisecond); v != "1500ms" {
		t.Errorf("PostgreSQL 1.5s = %s, want 1500ms", v)
	}
}
