package migrations

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
)

// DDL waits for its table's lock behind any transaction that uses the
// table, and every query on the table then queues behind the DDL: one
// long transaction and a migration together stop the application. So the
// runner bounds the wait of each statement of a revision
// (RunnerOptions.StatementLockTimeout: PostgreSQL's lock_timeout, MySQL's
// lock_wait_timeout, set on the session for the run's steps): a
// statement that waits longer fails, its transaction rolls back (in a
// NoTransaction section the statements before it stay, recorded as
// partially applied), and the run stops with an error that says so, or
// tries the revision again (RunnerOptions.LockRetries) after a pause.

// sessionLockTimeout reads the session's lock wait setting, as the SET
// that restores it takes it; "" on SQLite.
func (r *Runner) sessionLockTimeout(s *session) (string, error) {
	var v string
	switch r.vt.d {
	case dialect.Postgres:
		if err := s.conn.QueryRowContext(s.bctx, "SELECT current_setting('lock_timeout')").Scan(&v); err != nil {
			return "", fmt.Errorf("migrations: read lock_timeout: %w", err)
		}
	case dialect.MySQL:
		if err := s.conn.QueryRowContext(s.bctx, "SELECT @@SESSION.lock_wait_timeout").Scan(&v); err != nil {
			return "", fmt.Errorf("migrations: read lock_wait_timeout: %w", err)
		}
	}
	return v, nil
}

// setSessionLockTimeout sets the session's lock wait setting to v, a value
// sessionLockTimeout read or lockTimeoutValue made.
func (r *Runner) setSessionLockTimeout(s *session, v string) error {
	var err error
	switch r.vt.d {
	case dialect.Postgres:
		_, err = s.conn.ExecContext(s.bctx, "SELECT set_config('lock_timeout', $1, false)", v)
	case dialect.MySQL:
		_, err = s.conn.ExecContext(s.bctx, "SET SESSION lock_wait_timeout = "+v)
	}
	if err != nil {
		return fmt.Errorf("migrations: set the statement lock timeout: %w", err)
	}
	return nil
}

// lockTimeoutValue is d in the dialect's setting: milliseconds for
// PostgreSQL, whole seconds (at least one) for MySQL.
func lockTimeoutValue(dl dialect.Name, d time.Duration) string {
	if dl == dialect.MySQL {
		return fmt.Sprint(max(1, int64(math.Ceil(d.Seconds()))))
	}
	return fmt.Sprintf("%dms", max(1, d.Milliseconds()))
}

// withStatementLockTimeout runs fn, the steps of a run, with the
// session's lock wait bounded by RunnerOptions.StatementLockTimeout (set
// once: every statement of the run shares it), and restores the
// session's own setting after, for the connection's next user.
func (r *Runner) withStatementLockTimeout(s *session, fn func() error) error {
	if r.opts.StatementLockTimeout <= 0 || r.vt.d == dialect.SQLite {
		return fn()
	}
	old, err := r.sessionLockTimeout(s)
	if err != nil {
		return err
	}
	if err := r.setSessionLockTimeout(s, lockTimeoutValue(r.vt.d, r.opts.StatementLockTimeout)); err != nil {
		return err
	}
	defer r.setSessionLockTimeout(s, old)
	return fn()
}

// isLockTimeout reports whether err says a statement waited too long for
// a lock: PostgreSQL's lock_not_available (55P03, "canceling statement
// due to lock timeout"), MySQL's ER_LOCK_WAIT_TIMEOUT (1205). As
// isMissingTable, it reads what every driver gives.
func isLockTimeout(err error) bool {
	var coded interface{ SQLState() string }
	if errors.As(err, &coded) {
		return coded.SQLState() == "55P03"
	}
	return isLockTimeoutText(err.Error())
}

// isLockTimeoutText is isLockTimeout on an error's text (the log keeps
// only that).
func isLockTimeoutText(msg string) bool {
	return strings.Contains(msg, "lock timeout") || strings.Contains(msg, "(SQLSTATE 55P03)") ||
		strings.Contains(msg, "Error 1205") || strings.Contains(msg, "Lock wait timeout exceeded")
}

// lockRetryPause is how long to wait before the n-th retry (0-based) of a
// revision that failed on the lock timeout: 1s, 2s, 4s, ... at most 30s.
func lockRetryPause(n int) time.Duration {
	if n >= 5 {
		return 30 * time.Second
	}
	return time.Second << n
}

// sleepCtx waits d, or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// runStepRetrying runs a step; when it fails because a statement waited
// longer than the statement lock timeout, it tries it again, up to
// RunnerOptions.LockRetries times, after a growing pause. A
// NoTransaction section resumes where it stopped. The last failure is
// returned as a *LockWaitError.
func (r *Runner) runStepRetrying(ctx context.Context, s *session, st Step, i int, prog *progress, resume *logEntry) error {
	for try := 0; ; try++ {
		err := r.runStep(ctx, s, st, i, prog, resume)
		var se *StatementError
		if err == nil || !errors.As(err, &se) || !isLockTimeout(se.Err) {
			return err
		}
		lwe := &LockWaitError{Statement: se, Timeout: r.opts.StatementLockTimeout, Tries: try + 1}
		if try >= r.opts.LockRetries {
			return lwe
		}
		pause := lockRetryPause(try)
		if r.opts.Log != nil {
			fmt.Fprintf(r.opts.Log, "statement %d of %s waited more than %s for a lock on its table; trying again in %s (retry %d of %d)\n",
				se.Index, st.Rev.ID, r.opts.StatementLockTimeout, pause, try+1, r.opts.LockRetries)
		}
		sleep := r.sleep
		if sleep == nil {
			sleep = sleepCtx
		}
		if err := sleep(ctx, pause); err != nil {
			return lwe
		}
		if err := s.lock.renew(s.bctx, nil); err != nil {
			return err
		}
		// A NoTransaction section (or MySQL's) recorded what ran: the
		// next try resumes after it, as a later run would.
		resume = nil
		if last, err := r.vt.lastLog(s.bctx, s.conn); err != nil {
			return err
		} else if p := partialOf(last); p != nil && p.Revision == st.Rev.ID && p.Up == st.Up {
			resume = last
		}
	}
}
