package migrations

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/internal/dialect"
)

// A statement may run for hours, and retort waits for it: the record stays
// consistent only if the statement ends before the run does. What must not
// last is a wait on a connection whose reply will never come (the server
// answered and the reply was lost, the session was killed, the network
// stalls). Drivers give no I/O deadline that long statements survive, and
// MySQL sends nothing while a statement runs, so a watchdog asks the
// server, from a second connection, whether the run's session is still
// executing: when the server says it is idle (its reply is lost) or gone,
// or cannot be reached for StallTimeout, the wait is cut off and the run
// stops with a *StalledError; an idle session of ours is ended on the
// server, so that the lock it holds is released at once. A signal (the
// run's context cancelled) asks at once instead of at the next check.

// DefaultStallTimeout is how long the server may be unreachable while a
// statement runs before the run gives up, when RunnerOptions.StallTimeout
// is zero.
const DefaultStallTimeout = 30 * time.Second

// StalledError is returned by Run when the connection stopped answering
// while a statement ran. The statement's effect is as the server left it:
// `retort current` tells, once the server answers.
type StalledError struct {
	Revision string
	Index    int    // 1-based statement number in its section
	Why      string // what the server said, or that it could not be reached
}

func (e *StalledError) Error() string {
	return fmt.Sprintf("migrations: the connection stopped answering while statement %d of %s ran (%s); `retort current` tells where the database is",
		e.Index, e.Revision, e.Why)
}

// ErrStalled is what a *StalledError is (errors.Is).
var ErrStalled = errors.New("migrations: connection stalled")

func (e *StalledError) Is(target error) bool { return target == ErrStalled }

// sessionID returns the server's id of conn's session: MySQL's
// CONNECTION_ID(), PostgreSQL's backend pid; 0 for SQLite or when unknown.
func sessionID(ctx context.Context, conn *sql.Conn, d dialect.Name) int64 {
	var q string
	switch d {
	case dialect.MySQL:
		q = "SELECT CONNECTION_ID()"
	case dialect.Postgres:
		q = "SELECT pg_backend_pid()"
	default:
		return 0
	}
	var id int64
	if err := conn.QueryRowContext(ctx, q).Scan(&id); err != nil {
		return 0
	}
	return id
}

// execWatched runs a statement of revision rev (number i) on ex, the
// session's connection or transaction, under the watchdog.
func (r *Runner) execWatched(s *session, ex execer, rev string, i int, query string) error {
	if s.id == 0 || r.opts.StallTimeout < 0 || r.db.Stats().MaxOpenConnections == 1 {
		// No watchdog: turned off, or no second connection to ask from.
		_, err := ex.ExecContext(s.bctx, query)
		return err
	}
	ctx, cancel := context.WithCancelCause(s.bctx)
	defer cancel(nil)
	stop := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		if why := r.watch(s, stop); why != "" {
			cancel(&StalledError{Revision: rev, Index: i, Why: why})
		}
	}()
	_, err := ex.ExecContext(ctx, query)
	close(stop)
	<-watched
	var se *StalledError
	if cause := context.Cause(ctx); errors.As(cause, &se) {
		return se
	}
	return err
}

// watch polls the server about s's session until stop closes, and returns
// why the wait must end ("" when it need not).
func (r *Runner) watch(s *session, stop <-chan struct{}) string {
	limit := r.opts.StallTimeout
	if limit == 0 {
		limit = DefaultStallTimeout
	}
	every := r.opts.stallCheck
	if every == 0 {
		every = min(5*time.Second, limit/3)
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	lastHeard := time.Now()
	idle := 0
	sig := s.ctx.Done()
	var soon <-chan time.Time // a second look shortly after a signal
	for {
		signalled := false
		select {
		case <-stop:
			return ""
		case <-sig:
			signalled, sig = true, nil
		case <-soon:
			soon = nil
		case <-tick.C:
		}
		state, err := r.sessionState(s.bctx, s.id, every)
		switch {
		case err != nil:
			if signalled || time.Since(lastHeard) >= limit {
				return fmt.Sprintf("the server could not be reached for %s: %v", time.Since(lastHeard).Round(time.Second), err)
			}
		case state == "gone":
			return "the server has no such session any more"
		case state == "idle":
			lastHeard = time.Now()
			// Idle twice in a row, the client still waiting: not a reply
			// on its way, a reply lost. End the session on the server,
			// which releases its lock. After a signal the second look
			// comes at once.
			if idle++; idle >= 2 {
				r.endSession(s.bctx, s.id)
				return "the server finished the statement, but its reply never came"
			}
			if signalled {
				soon = time.After(min(every, 500*time.Millisecond))
			}
		default:
			lastHeard, idle = time.Now(), 0
		}
		// After a signal, a statement the server is running is let
		// finish, so the record stays true: the ticks go on.
	}
}

// sessionState asks the server, on a connection of the pool, what session
// id is doing: "gone", "idle" (waiting for its client) or "busy".
func (r *Runner) sessionState(ctx context.Context, id int64, timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var q string
	switch r.vt.d {
	case dialect.MySQL:
		q = "SELECT COMMAND FROM information_schema.PROCESSLIST WHERE ID = ?"
	default:
		q = "SELECT coalesce(state, '') FROM pg_catalog.pg_stat_activity WHERE pid = $1"
	}
	var state string
	err := r.db.QueryRowContext(ctx, q, id).Scan(&state)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "gone", nil
	case err != nil:
		return "", err
	case strings.EqualFold(state, "Sleep"), strings.HasPrefix(state, "idle"):
		return "idle", nil
	}
	return "busy", nil
}

// endSession ends the run's own session on the server, when it sits idle
// with a reply its client never got: its session lock goes with it.
func (r *Runner) endSession(ctx context.Context, id int64) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	switch r.vt.d {
	case dialect.MySQL:
		r.db.ExecContext(ctx, fmt.Sprintf("KILL %d", id))
	case dialect.Postgres:
		r.db.ExecContext(ctx, "SELECT pg_terminate_backend($1)", id)
	}
	// The server ends the session a moment later: wait for it, so that
	// what the caller says next (the lock is free) is true.
	for ctx.Err() == nil {
		if state, err := r.sessionState(ctx, id, time.Second); err != nil || state == "gone" {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}
