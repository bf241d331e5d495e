package migrations

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/retortdb/retort/dialect"
)

// A statement may run for hours, and retort waits for it: the record stays
// consistent only if the statement ends before the run does. What must not
// last is a wait on a connection whose reply will never come (the server
// answered and the reply was lost, the session was killed, the network
// stalls), whether the wait is for a statement or for the bookkeeping
// around it. Drivers give no I/O deadline that long statements survive,
// and MySQL sends nothing while a statement runs, so a watchdog asks the
// server, from a second connection, what the run's session is doing while
// a call on it is in flight: when the server says it is idle (its reply is
// lost) or gone, or cannot be reached for StallTimeout, every call of the
// session is cut off and the run stops with a *StalledError; an idle
// session of ours is ended on the server, so that its lock is released at
// once. A signal (the run's context cancelled) makes it ask at once.

// DefaultStallTimeout is how long the server may be unreachable while a
// call of a run is in flight before the run gives up, when
// RunnerOptions.StallTimeout is zero.
const DefaultStallTimeout = 30 * time.Second

// StalledError is returned by Run and Stamp when the connection stopped
// answering. What the server did is as it left it: `retort current`
// tells, once the server answers.
type StalledError struct {
	Why string // what the server said, or that it could not be reached
}

func (e *StalledError) Error() string {
	return fmt.Sprintf("migrations: the connection stopped answering (%s); `retort current` tells where the database is", e.Why)
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

// watchdog watches one session while calls on it are in flight.
type watchdog struct {
	r      *Runner
	id     int64
	since  atomic.Int64 // unix nanoseconds when the latest call began
	cancel context.CancelCauseFunc
	signal <-chan struct{}
	stop   chan struct{}
	done   chan struct{}
}

// startWatchdog watches the session id until the returned watchdog is
// stopped; cancel cuts off the session's calls. It returns nil when there
// is nothing to watch with: SQLite, the watchdog turned off, an unknown
// session, or a pool of one connection (no second one to ask from).
func (r *Runner) startWatchdog(id int64, signal <-chan struct{}, cancel context.CancelCauseFunc) *watchdog {
	if id == 0 || r.opts.StallTimeout < 0 || r.db.Stats().MaxOpenConnections == 1 {
		return nil
	}
	w := &watchdog{r: r, id: id, cancel: cancel, signal: signal, stop: make(chan struct{}), done: make(chan struct{})}
	w.since.Store(time.Now().UnixNano())
	go w.loop()
	return w
}

func (w *watchdog) close() {
	if w == nil {
		return
	}
	close(w.stop)
	<-w.done
}

// enter notes that a call begins. What it returns is for the end of the
// call: nothing, since a reply may still be read after the call returns
// (database/sql reads a row in Scan, rows in Next), so the server is asked
// about any session whose latest call began a while ago.
func (w *watchdog) enter() func() {
	if w != nil {
		w.since.Store(time.Now().UnixNano())
	}
	return func() {}
}

func (w *watchdog) loop() {
	defer close(w.done)
	limit := w.r.opts.StallTimeout
	if limit == 0 {
		limit = DefaultStallTimeout
	}
	every := w.r.opts.stallCheck
	if every == 0 {
		every = min(5*time.Second, limit/3)
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	lastHeard := time.Now()
	idle := 0
	sig, abort := w.signal, w.r.opts.Abort
	var soon <-chan time.Time // a second look shortly after a signal
	for {
		signalled := false
		select {
		case <-w.stop:
			return
		case <-sig:
			signalled, sig = true, nil
		case <-abort:
			// The user will not wait for the statement: cancel it on
			// the server; what follows is a cancelled statement's path.
			abort = nil
			w.r.cancelStatement(w.id)
			continue
		case <-soon:
			soon = nil
		case <-tick.C:
		}
		// A session whose latest call began a moment ago is left alone:
		// between calls the server's session is idle, as it should be,
		// and retort's own work between calls takes far less than a
		// check's interval.
		if !signalled && time.Since(time.Unix(0, w.since.Load())) < every {
			lastHeard, idle = time.Now(), 0
			continue
		}
		state, err := w.r.sessionState(context.Background(), w.id, every)
		switch {
		case err != nil:
			if signalled || time.Since(lastHeard) >= limit {
				w.cancel(&StalledError{Why: fmt.Sprintf("the server could not be reached for %s: %v", time.Since(lastHeard).Round(time.Second), err)})
				return
			}
		case state == "gone":
			w.cancel(&StalledError{Why: "the server has no such session any more"})
			return
		case state == "idle":
			lastHeard = time.Now()
			// Idle twice in a row with a call in flight: not a reply on
			// its way, a reply lost. End the session on the server, which
			// releases its lock. After a signal the second look comes at
			// once.
			if idle++; idle >= 2 {
				w.r.endSession(context.Background(), w.id)
				w.cancel(&StalledError{Why: "the server finished what it was asked, but its reply never came"})
				return
			}
			if signalled {
				soon = time.After(min(every, 500*time.Millisecond))
			}
		default:
			// Busy: a statement the server runs is waited for, however
			// long it takes, after a signal too.
			lastHeard, idle = time.Now(), 0
		}
	}
}

// sessionState asks the server, on a connection of the pool, what session
// id is doing: "gone", "idle" (waiting for its client) or "busy".
// PostgreSQL reports a session "active" from the first message of an
// extended-protocol call to its last: one whose last messages never came
// is active and waiting to read from its client, which is idle here.
func (r *Runner) sessionState(ctx context.Context, id int64, timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var q string
	switch r.vt.d {
	case dialect.MySQL:
		q = "SELECT COMMAND FROM information_schema.PROCESSLIST WHERE ID = ?"
	default:
		q = "SELECT CASE WHEN wait_event = 'ClientRead' THEN 'idle' ELSE coalesce(state, '') END FROM pg_catalog.pg_stat_activity WHERE pid = $1"
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

// cancelStatement cancels what session id runs, from a connection of the
// pool; the session itself stays.
func (r *Runner) cancelStatement(id int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r.actOnSession(ctx, id, "KILL QUERY", "pg_cancel_backend")
}

// actOnSession runs, from a connection of the pool, what acts on session
// id: MySQL's statement (KILL, KILL QUERY) or PostgreSQL's function.
func (r *Runner) actOnSession(ctx context.Context, id int64, mysqlStmt, pgFunc string) {
	switch r.vt.d {
	case dialect.MySQL:
		r.db.ExecContext(ctx, fmt.Sprintf("%s %d", mysqlStmt, id))
	case dialect.Postgres:
		r.db.ExecContext(ctx, "SELECT "+pgFunc+"($1)", id)
	}
}

// endSession ends the run's own session on the server, when it sits idle
// with a reply its client never got: its session lock goes with it.
func (r *Runner) endSession(ctx context.Context, id int64) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	r.actOnSession(ctx, id, "KILL", "pg_terminate_backend")
	// The server ends the session a moment later: wait for it, so that
	// what the caller says next (the lock is free) is true.
	for ctx.Err() == nil {
		if state, err := r.sessionState(ctx, id, time.Second); err != nil || state == "gone" {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// setupContext returns what makes the context of one call of a session's
// set-up: bounded by the stall limit on a server (unbounded on SQLite, or
// with the watchdog off).
func (r *Runner) setupContext(ctx context.Context) func() (context.Context, context.CancelFunc) {
	limit := r.opts.StallTimeout
	if limit == 0 {
		limit = DefaultStallTimeout
	}
	if r.vt.d == dialect.SQLite || limit < 0 {
		return func() (context.Context, context.CancelFunc) { return ctx, func() {} }
	}
	return func() (context.Context, context.CancelFunc) { return context.WithTimeout(ctx, limit) }
}

// sessConn is the session's connection: every call on it, or on a
// transaction it began, is in flight for the watchdog.
type sessConn struct {
	*sql.Conn
	w *watchdog
}

func (c *sessConn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	defer c.w.enter()()
	return c.Conn.ExecContext(ctx, q, args...)
}

func (c *sessConn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	defer c.w.enter()()
	return c.Conn.QueryContext(ctx, q, args...)
}

func (c *sessConn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	defer c.w.enter()()
	return c.Conn.QueryRowContext(ctx, q, args...)
}

func (c *sessConn) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sessTx, error) {
	defer c.w.enter()()
	tx, err := c.Conn.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &sessTx{Tx: tx, w: c.w}, nil
}

// sessTx is a transaction of the session's connection.
type sessTx struct {
	*sql.Tx
	w *watchdog
}

func (t *sessTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	defer t.w.enter()()
	return t.Tx.ExecContext(ctx, q, args...)
}

func (t *sessTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	defer t.w.enter()()
	return t.Tx.QueryContext(ctx, q, args...)
}

func (t *sessTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	defer t.w.enter()()
	return t.Tx.QueryRowContext(ctx, q, args...)
}

func (t *sessTx) Commit() error {
	defer t.w.enter()()
	return t.Tx.Commit()
}
