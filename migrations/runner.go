package migrations

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/retortdb/retort/dialect"
)

// DefaultVersionTable is the version table's name when
// RunnerOptions.VersionTable is empty.
const DefaultVersionTable = "retort_version"

// RunnerOptions configure a Runner and the offline writer.
type RunnerOptions struct {
	Dialect dialect.Name
	// VersionTable holds the heads ("retort_version" when empty); the
	// applied log is VersionTable+"_log" and SQLite's lock row lives in
	// VersionTable+"_lock".
	VersionTable string
	// Log receives the run's progress: a line before each revision runs
	// (and its warnings), a line when it completed, a line every few
	// seconds while a statement runs, a summary; and a line when the run
	// waits for the migration lock. nil is silent.
	Log io.Writer
	// Force applies although the files of applied revisions changed, and
	// retries a failed statement of a partially applied revision whose file
	// is unchanged.
	Force bool
	// LockTimeout bounds the wait for the migration lock: zero means
	// DefaultLockTimeout, a negative value means do not wait.
	LockTimeout time.Duration
	// StallTimeout bounds how long a statement may wait while the server
	// cannot be reached (watchdog.go): zero means DefaultStallTimeout, a
	// negative value turns the watchdog off. A statement the server is
	// running is waited for however long it takes.
	StallTimeout time.Duration
	// Abort, when closed after Run's context was cancelled, cancels the
	// statement in flight on the server (MySQL KILL QUERY, PostgreSQL
	// pg_cancel_backend): the CLI's second Ctrl-C. The statement then
	// fails as cancelled, and the record is what a cancelled statement
	// leaves: nothing on PostgreSQL in a transaction, the revision
	// partially applied otherwise, retried by `upgrade --force`. Nil, or
	// on SQLite, a cancelled run waits for its statement.
	Abort <-chan struct{}
	// StatementLockTimeout bounds how long each statement of a revision
	// waits for a table lock (PostgreSQL lock_timeout, MySQL
	// lock_wait_timeout in whole seconds, set on the session for each
	// revision and restored after): a statement that waits longer fails
	// with a *LockWaitError instead of queuing every query on its table
	// behind itself. Zero sets nothing. SQLite has no such wait.
	StatementLockTimeout time.Duration
	// LockRetries is how many more times a revision that failed on the
	// statement lock timeout is tried, after a pause of 1s, 2s, 4s, ...
	// (at most 30s); a NoTransaction section resumes where it stopped.
	LockRetries int
	// OnlineTool runs the statements marked "-- +retort OnlineTool"
	// ([migrations] online_tool, onlinetool.go); nil refuses a run that
	// has one, before anything runs.
	OnlineTool *OnlineTool

	stallCheck time.Duration // how often the watchdog asks (tests)
}

// A Planner turns the heads recorded in the version table into the steps to
// run; the CLI passes a closure over Graph.PlanUpgrade/PlanDowngrade. The
// runner calls it after taking the lock, so two runs never plan from the
// same stale state.
type Planner func(current []string) ([]Step, error)

// Runner applies and reverts revisions on one database, keeping the version
// table and the applied log.
type Runner struct {
	db   *sql.DB
	opts RunnerOptions
	vt   versionTable
	now  func() time.Time
	// beforeExec, when set (by tests), is called right before statement i
	// (1-based) of a revision runs, after the runner checked ctx.
	beforeExec func(rev *Revision, up bool, i int)
	// onStep, when set (by Provider), gets each step that completed.
	onStep func(Result)
	// watching is the watchdog of the run in progress, for InFlight.
	watching atomic.Pointer[watchdog]
	// progressEvery is how often a long statement is reported, and
	// lockEvery how often a wait for the lock (zero: progressEvery,
	// lockReportEvery; tests shorten them).
	progressEvery, lockEvery time.Duration
	// sleep, when set (by tests), replaces the pause before a retry.
	sleep func(ctx context.Context, d time.Duration) error
}

// InFlight returns how long the latest call of the run in progress on a
// server (the statement it runs, mostly) has been going, or zero when no
// run is in progress or on SQLite. It is for telling a user who pressed
// Ctrl-C what is being waited for.
func (r *Runner) InFlight() time.Duration {
	w := r.watching.Load()
	if w == nil {
		return 0
	}
	return time.Since(time.Unix(0, w.since.Load()))
}

// NewRunner returns a Runner for db.
func NewRunner(db *sql.DB, opts RunnerOptions) *Runner {
	return &Runner{db: db, opts: opts, vt: newVersionTable(opts.Dialect, opts.VersionTable), now: time.Now}
}

// lockWait reports a wait for the migration lock to Log; nil without one.
func (r *Runner) lockWait() *lockWait {
	if r.opts.Log == nil {
		return nil
	}
	return &lockWait{every: r.lockEvery, report: func(name, holder string, waited, timeout time.Duration) {
		w := r.opts.Log
		if holder == "" {
			holder = "a holder the database does not name"
		}
		fmt.Fprintf(w, "Waiting for the migration lock %s, held by %s (waited %s of %s)\n",
			name, holder, waited.Round(time.Second), timeout)
	}}
}

// session is one locked run on a dedicated connection.
type session struct {
	conn *sessConn
	lock locker
	// bctx is the run's context without its cancellation: statements in
	// flight and the bookkeeping always finish, so the record stays
	// consistent when the caller cancels.
	bctx context.Context
}

// locked takes the migration lock on a dedicated connection, makes sure the
// version table exists and calls fn.
func (r *Runner) locked(ctx context.Context, fn func(s *session) error) (err error) {
	if err := r.vt.check(); err != nil {
		return err
	}
	// Until the watchdog runs, each call of the session's set-up (the
	// connection, the lock, the session's id) may wait for the server as
	// long as the watchdog would let it be unreachable, no longer.
	setup := r.setupContext(ctx)
	cctx, cancel := setup()
	conn, err := r.db.Conn(cctx)
	cancel()
	if err != nil {
		return fmt.Errorf("migrations: connect: %w", err)
	}
	defer conn.Close()
	cctx, cancel = setup()
	l, err := newLocker(cctx, conn, r.vt)
	cancel()
	if err != nil {
		return err
	}
	if err := acquireWithin(ctx, l, r.opts.LockTimeout, setup, r.lockWait()); err != nil {
		return err
	}
	// The session's calls run under bctx, which only the watchdog cuts
	// off (a stalled connection); a signal is only ctx's.
	bctx, cutOff := context.WithCancelCause(context.WithoutCancel(ctx))
	defer cutOff(nil)
	cctx, cancel = setup()
	id := sessionID(cctx, conn, r.vt.d)
	cancel()
	w := r.startWatchdog(id, ctx.Done(), cutOff)
	if w != nil {
		r.watching.Store(w)
	}
	s := &session{conn: &sessConn{Conn: conn, w: w}, lock: l, bctx: bctx}
	defer func() {
		r.watching.Store(nil)
		w.close()
		var se *StalledError
		if err != nil && errors.As(context.Cause(bctx), &se) {
			// What failed after the cut-off failed because of it.
			err = se
		}
	}()
	defer func() {
		if uerr := l.unlock(s.bctx); uerr != nil {
			// A session lock must not survive in the pool: drop the
			// connection, which releases it.
			conn.Raw(func(any) error { return driver.ErrBadConn })
			// A session lock (MySQL, PostgreSQL) dies with its session:
			// when the reply to the unlock was lost with the connection,
			// the lock is gone all the same.
			sessionGone := r.vt.d != dialect.SQLite && conn.PingContext(s.bctx) != nil
			if err == nil && !sessionGone {
				err = uerr
			}
		}
	}()
	if err := r.vt.create(s.bctx, s.conn); err != nil {
		return err
	}
	return fn(s)
}

// Run takes the migration lock, reads the stored heads, asks plan for the
// steps and runs them. revs are all known revisions: an applied one whose
// file changed stops the run with a *ChecksumError unless Force is set.
func (r *Runner) Run(ctx context.Context, revs []*Revision, plan Planner) error {
	return r.run(ctx, revs, func(heads []string, _ *logEntry) ([]Step, error) { return plan(heads) })
}

// FinishDowngrade finishes the downgrade that stopped half-way, and
// nothing else: revert (the CLI passes Graph.PlanRevert) plans reverting
// that one revision from the stored heads. Without such a downgrade it
// returns ErrNoPartialDowngrade.
func (r *Runner) FinishDowngrade(ctx context.Context, revs []*Revision, revert func(current []string, id string) ([]Step, error)) error {
	return r.run(ctx, revs, func(heads []string, last *logEntry) ([]Step, error) {
		p := partialOf(last)
		if p == nil || p.Up {
			return nil, ErrNoPartialDowngrade
		}
		return revert(heads, p.Revision)
	})
}

func (r *Runner) run(ctx context.Context, revs []*Revision, plan func(heads []string, last *logEntry) ([]Step, error)) error {
	return r.locked(ctx, func(s *session) error {
		heads, _, err := r.vt.heads(s.bctx, s.conn)
		if err != nil {
			return err
		}
		last, err := r.vt.lastLog(s.bctx, s.conn)
		if err != nil {
			return err
		}
		if !r.opts.Force {
			if err := r.checkChecksums(s, revs, last); err != nil {
				return err
			}
		}
		if err := r.settleInterrupted(s, last, revs); err != nil {
			return err
		}
		steps, err := plan(heads, last)
		if err != nil {
			return err
		}
		resumeIdx, err := r.resumable(last, steps, heads)
		if err != nil {
			return err
		}
		prog := r.newProgress(steps)
		err = r.runSteps(ctx, s, steps, resumeIdx, last, prog)
		prog.summary(err)
		return err
	})
}

func (r *Runner) runSteps(ctx context.Context, s *session, steps []Step, resumeIdx int, last *logEntry, prog *progress) error {
	if err := r.checkOnlineTool(steps); err != nil {
		return err
	}
	return r.withStatementLockTimeout(s, func() error {
		return r.runEach(ctx, s, steps, resumeIdx, last, prog)
	})
}

func (r *Runner) runEach(ctx context.Context, s *session, steps []Step, resumeIdx int, last *logEntry, prog *progress) error {
	for i, st := range steps {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("migrations: interrupted before %s of %s: %w", dirWord(st.Up), st.Rev.ID, err)
		}
		if err := s.lock.renew(s.bctx, nil); err != nil {
			return err
		}
		var resume *logEntry
		if i == resumeIdx {
			resume = last
		}
		if err := r.runStepRetrying(ctx, s, st, i, prog, resume); err != nil {
			return err
		}
	}
	return nil
}

// checkChecksums compares the files of applied revisions with the
// checksums they were applied with. The revision whose downgrade failed or
// stopped half-way in the last run is left out: fixing its file is how the
// downgrade is finished (resumable checks that the statements that ran
// are unchanged).
func (r *Runner) checkChecksums(s *session, revs []*Revision, last *logEntry) error {
	fixing := ""
	if last != nil && last.Direction == dirDown && (last.Status == statusPartial || last.Status == statusFailed) {
		fixing = last.Revision
	}
	if len(revs) == 0 {
		return nil
	}
	applied, err := r.vt.applied(s.bctx, s.conn)
	if err != nil {
		return err
	}
	var ce ChecksumError
	for _, rev := range revs {
		if rev.ID == fixing {
			continue
		}
		e := applied[rev.ID]
		if e == nil || e.Direction != dirUp || e.Checksum == "" || rev.Checksum == "" || e.Checksum == rev.Checksum {
			continue
		}
		ce.Files = append(ce.Files, ChangedFile{Revision: rev.ID, Path: rev.Path, Applied: e.Checksum, Current: rev.Checksum})
	}
	if len(ce.Files) > 0 {
		return &ce
	}
	return nil
}

// resumable decides what a partially applied revision (the newest log row,
// last) means for steps: the index of the step that resumes it (-1 when
// there is none), or a *PartialError when the run must not start.
func (r *Runner) resumable(last *logEntry, steps []Step, heads []string) (int, error) {
	p := partialOf(last)
	if p == nil {
		return -1, nil
	}
	p.After = afterHeads(p, heads, last)
	for i, st := range steps {
		if st.Rev.ID != p.Revision || st.Up != p.Up {
			continue
		}
		stmts, _ := stepSection(st)
		// Never re-run a statement that ran: they must be the same.
		if len(stmts) < p.StatementsRun || ranHash(stmts[:p.StatementsRun]) != last.RanHash {
			return -1, &PartialError{Partial: p, Reason: "edited"}
		}
		// A statement failed (or may have run): the file must change
		// first, unless the user forces a retry, or the statement only
		// waited too long for a lock and did not run, or it is a check
		// that found rows breaking it (fixing them is what to do).
		if (p.Failed > 0 || p.Interrupted) && !p.LockTimedOut && !p.CheckFailed && st.Rev.Checksum == p.Checksum && !r.opts.Force {
			return -1, &PartialError{Partial: p, Reason: "unchanged"}
		}
		return i, nil
	}
	return -1, &PartialError{Partial: p, Reason: "not planned"}
}

// stepSection returns the statements a step runs and whether they must run
// outside a transaction.
func stepSection(st Step) ([]Statement, bool) {
	if st.Up {
		return st.Rev.Upgrade, st.Rev.UpgradeNoTx
	}
	return st.Rev.Downgrade, st.Rev.DowngradeNoTx
}

// stepWarnings returns the warnings of the direction a step runs.
func stepWarnings(st Step) []string {
	if st.Up {
		return st.Rev.Warnings
	}
	return st.Rev.DowngradeWarnings
}

// runStep runs one step and writes its log line; resume is the log row of
// the partially applied run it continues, checked by resumable.
func (r *Runner) runStep(ctx context.Context, s *session, st Step, i int, prog *progress, resume *logEntry) error {
	if st.Rev.HeadersOnly {
		return fmt.Errorf("%w: %s", ErrHeadersOnly, st.Rev.ID)
	}
	stmts, noTx := stepSection(st)
	prog.starting(st, i, resume)
	ran := len(stmts)
	if resume != nil {
		ran -= resume.StatementsRun
	}
	start := r.now()
	var err error
	if resume == nil && !noTx && r.vt.d.TransactionalDDL() {
		err = r.runTx(ctx, s, st, stmts, prog)
	} else {
		err = r.runNoTx(ctx, s, st, stmts, resume, prog)
	}
	took := r.now().Sub(start)
	prog.finished(st, ran, took, err)
	if err == nil && r.onStep != nil {
		r.onStep(Result{Revision: st.Rev, Up: st.Up, Duration: took})
	}
	return err
}

// runningLine is Alembic's "Running upgrade a -> b, message".
func runningLine(st Step) string {
	parents := "<base>"
	if len(st.Rev.Parents) > 0 {
		parents = strings.Join(st.Rev.Parents, ", ")
	}
	if st.Up {
		return "Running upgrade " + parents + " -> " + st.Rev.ID + ", " + st.Rev.Message
	}
	return "Running downgrade " + st.Rev.ID + " -> " + parents + ", " + st.Rev.Message
}

func logDir(up bool) string {
	if up {
		return dirUp
	}
	return dirDown
}

// runTx runs a step in one transaction with its bookkeeping: on any
// failure nothing of it is left, and a "failed" row records why.
func (r *Runner) runTx(ctx context.Context, s *session, st Step, stmts []Statement, prog *progress) error {
	e := &logEntry{
		Revision: st.Rev.ID, Direction: logDir(st.Up), Path: st.Rev.Path, Checksum: st.Rev.Checksum,
		Started: r.now(), StatementsTotal: len(stmts), Parents: parentsValue(st.Rev.Parents),
	}
	tx, err := s.conn.BeginTx(s.bctx, nil)
	if err != nil {
		return fmt.Errorf("migrations: begin %s of %s: %w", dirWord(st.Up), st.Rev.ID, err)
	}
	fail := func(err error) error {
		tx.Rollback()
		e.Status, e.Finished = statusFailed, r.now()
		e.Error = err.Error()
		// Best effort: the failure is what the caller needs to see.
		r.vt.insertLog(s.bctx, s.conn, e)
		return err
	}
	// SQLite: renewing the lease first takes the write lock for the whole
	// transaction.
	if err := s.lock.renew(s.bctx, tx); err != nil {
		tx.Rollback()
		return err
	}
	for i, stmt := range stmts {
		if err := ctx.Err(); err != nil {
			return fail(fmt.Errorf("migrations: %s of %s interrupted before statement %d, rolled back: %w",
				dirWord(st.Up), st.Rev.ID, i+1, err))
		}
		if r.beforeExec != nil {
			r.beforeExec(st.Rev, st.Up, i+1)
		}
		stop := prog.statement(st, i+1, len(stmts))
		_, err := tx.ExecContext(s.bctx, stmt.SQL)
		stop()
		if err != nil {
			e.FailedStatement, e.FailedLine = i+1, stmt.Line
			return fail(&StatementError{Revision: st.Rev.ID, Path: st.Rev.Path, Up: st.Up, Index: i + 1,
				Line: stmt.Line, SQL: stmt.SQL, RolledBack: true, Err: err})
		}
		e.StatementsRun = i + 1
	}
	if err := r.vt.setHeads(s.bctx, tx, st.DeleteHeads, st.InsertHeads); err != nil {
		return fail(err)
	}
	e.Status, e.Finished, e.RanHash = statusOK, r.now(), ranHash(stmts)
	id, err := r.vt.insertLog(s.bctx, tx, e)
	if err != nil {
		return fail(err)
	}
	if err := s.lock.renew(s.bctx, tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		// The reply to a COMMIT can be lost after the server committed:
		// the log row, read on a new connection, tells.
		switch status, cerr := r.logStatusAfresh(context.WithoutCancel(s.bctx), id); {
		case cerr == nil && status == statusOK:
			return nil
		case cerr == nil:
			return fail(fmt.Errorf("migrations: commit %s of %s: %w (it did not commit: nothing of it was left)", dirWord(st.Up), st.Rev.ID, err))
		default:
			return fmt.Errorf("migrations: commit %s of %s: %w; whether the server committed it cannot be told now (%v): `retort current` tells once it answers",
				dirWord(st.Up), st.Rev.ID, err, cerr)
		}
	}
	return nil
}

// logStatusAfresh reads the status of log row id on a new connection: the
// run's own may be the one that broke.
func (r *Runner) logStatusAfresh(ctx context.Context, id int64) (string, error) {
	if id <= 0 {
		return "", errors.New("no log row id")
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	return r.vt.logStatus(ctx, conn, id)
}

// runNoTx runs a step statement by statement (MySQL, whose DDL commits on
// its own, or a NoTransaction section), recording progress in the log so
// that a failed or interrupted run can be resumed without re-running a
// statement that ran. resume is the log row of the run to continue, if any.
func (r *Runner) runNoTx(ctx context.Context, s *session, st Step, stmts []Statement, resume *logEntry, prog *progress) error {
	h := sha256.New()
	e := resume
	if e == nil {
		e = &logEntry{Revision: st.Rev.ID, Direction: logDir(st.Up), Started: r.now()}
	}
	for _, stmt := range stmts[:e.StatementsRun] {
		hashStatement(h, stmt)
	}
	e.Path, e.Checksum, e.StatementsTotal, e.Status = st.Rev.Path, st.Rev.Checksum, len(stmts), statusPartial
	e.Parents = parentsValue(st.Rev.Parents)
	e.Running, e.FailedStatement, e.FailedLine, e.Error = 0, 0, 0, ""
	e.RanHash = hex.EncodeToString(h.Sum(nil))
	if resume == nil {
		id, err := r.vt.insertLog(s.bctx, s.conn, e)
		if err != nil {
			return err
		}
		e.ID = id
	} else if err := r.vt.updateLog(s.bctx, s.conn, e); err != nil {
		return err
	}
	// The section may open its own transaction (a SQLite rebuild is
	// PRAGMA foreign_keys = off; BEGIN; ...; COMMIT; PRAGMA foreign_keys
	// = on): on failure it is rolled back before the log is written, so
	// that the connection goes back to the pool as it was taken.
	g := r.noTxGuard(s, stmts)
	if resume != nil {
		if err := g.resetSession(e.StatementsRun); err != nil {
			return err
		}
	}
	for i := e.StatementsRun; i < len(stmts); i++ {
		stmt := stmts[i]
		if err := ctx.Err(); err != nil {
			if g.restore(e) {
				r.vt.updateLog(s.bctx, s.conn, e)
				return fmt.Errorf("migrations: %s of %s interrupted before statement %d of %d, the transaction it opened rolled back "+
					"(%d statements stay applied); run it again: %w", dirWord(st.Up), st.Rev.ID, i+1, len(stmts), e.StatementsRun, err)
			}
			return fmt.Errorf("migrations: %s of %s interrupted after statement %d of %d; run it again to resume: %w",
				dirWord(st.Up), st.Rev.ID, i, len(stmts), err)
		}
		if g.txStart < 0 && isDML(stmt.SQL) {
			if err := r.runDML(s, st, e, h, i, stmt, prog); err != nil {
				return err
			}
			if err := s.lock.renew(s.bctx, nil); err != nil {
				return err
			}
			continue
		}
		if name, ok := concurrentIndexName(r.vt.d, stmt.SQL); ok {
			// A build that failed before (the file fixed, or --force)
			// left its index invalid: drop it, or the build fails with
			// "already exists".
			if err := dropInvalidIndex(s.bctx, s.conn, name); err != nil {
				return err
			}
		}
		// Mark the statement as running: if the process dies now, the log
		// says it may have run.
		e.Running, e.FailedLine = i+1, stmt.Line
		if err := r.vt.updateLog(s.bctx, s.conn, e); err != nil {
			g.restore(e)
			return err
		}
		if r.beforeExec != nil {
			r.beforeExec(st.Rev, st.Up, i+1)
		}
		var err error
		if onlineToolAt(st, i) {
			err = r.runOnlineTool(s, st, stmt) // relays the tool's own progress
		} else {
			stop := prog.statement(st, i+1, len(stmts))
			_, err = s.conn.ExecContext(s.bctx, stmt.SQL)
			stop()
		}
		if err != nil {
			g.restore(e)
			e.Running, e.FailedStatement, e.Error, e.Finished = 0, i+1, err.Error(), r.now()
			if lerr := r.vt.updateLog(s.bctx, s.conn, e); lerr != nil {
				err = errors.Join(err, lerr)
			}
			return &StatementError{Revision: st.Rev.ID, Path: st.Rev.Path, Up: st.Up, Index: i + 1,
				Line: stmt.Line, SQL: stmt.SQL, Err: err}
		}
		g.ran(i)
		hashStatement(h, stmt)
		e.Running, e.FailedLine, e.StatementsRun = 0, 0, i+1
		e.RanHash = hex.EncodeToString(h.Sum(nil))
		if err := r.vt.updateLog(s.bctx, s.conn, e); err != nil {
			g.restore(e)
			return err
		}
		// SQLite: a long statement outside a transaction may outlast the
		// lease; renew it at once (ErrLockLost if another process took it).
		if err := s.lock.renew(s.bctx, nil); err != nil {
			if g.restore(e) {
				r.vt.updateLog(s.bctx, s.conn, e)
			}
			return err
		}
	}
	// The version table and the log's "ok" change together.
	tx, err := s.conn.BeginTx(s.bctx, nil)
	if err != nil {
		return fmt.Errorf("migrations: begin bookkeeping of %s: %w", st.Rev.ID, err)
	}
	defer tx.Rollback()
	if err := s.lock.renew(s.bctx, tx); err != nil {
		return err
	}
	if err := r.vt.setHeads(s.bctx, tx, st.DeleteHeads, st.InsertHeads); err != nil {
		return err
	}
	e.Status, e.Finished = statusOK, r.now()
	if err := r.vt.updateLog(s.bctx, tx, e); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrations: commit bookkeeping of %s: %w", st.Rev.ID, err)
	}
	return nil
}

// runDML runs statement i, a data change outside any transaction of the
// section's own, in one transaction with the log row that counts it: a
// run cut off anywhere (the process killed, the connection lost, the
// reply to the COMMIT lost) leaves the statement and its record both or
// neither, so the next run never runs it twice, and needs no --force.
func (r *Runner) runDML(s *session, st Step, e *logEntry, h hash.Hash, i int, stmt Statement, prog *progress) error {
	if r.beforeExec != nil {
		r.beforeExec(st.Rev, st.Up, i+1)
	}
	tx, err := s.conn.BeginTx(s.bctx, nil)
	if err != nil {
		return fmt.Errorf("migrations: begin statement %d of %s: %w", i+1, st.Rev.ID, err)
	}
	stop := prog.statement(st, i+1, e.StatementsTotal)
	_, err = tx.ExecContext(s.bctx, stmt.SQL)
	stop()
	if err != nil {
		tx.Rollback()
		e.Running, e.FailedStatement, e.FailedLine, e.Error, e.Finished = 0, i+1, stmt.Line, err.Error(), r.now()
		if lerr := r.vt.updateLog(s.bctx, s.conn, e); lerr != nil {
			err = errors.Join(err, lerr)
		}
		return &StatementError{Revision: st.Rev.ID, Path: st.Rev.Path, Up: st.Up, Index: i + 1,
			Line: stmt.Line, SQL: stmt.SQL, Err: err}
	}
	before := *e
	hashStatement(h, stmt)
	e.Running, e.FailedLine, e.StatementsRun = 0, 0, i+1
	e.RanHash = hex.EncodeToString(h.Sum(nil))
	if err := r.vt.updateLog(s.bctx, tx, e); err != nil {
		tx.Rollback()
		*e = before
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrations: %s of %s: commit of statement %d (%s:%d): %w; the statement and its record committed together or not at all: `retort current` tells which",
			dirWord(st.Up), st.Rev.ID, i+1, st.Rev.Path, stmt.Line, err)
	}
	return nil
}

// isDML reports whether a statement changes rows only (no DDL), so that
// it can run in a transaction with its record.
func isDML(sql string) bool {
	switch firstWords(sql) {
	case "INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE":
		return true
	}
	return false
}

// noTxGuard follows the transaction a NoTransaction section opens itself
// and puts the connection back as it was when the section fails: an open
// transaction rolled back (else it keeps SQLite's write lock and swallows
// the log row written after it) and, on SQLite, PRAGMA foreign_keys back
// to its value before the section.
type noTxGuard struct {
	r     *Runner
	s     *session
	stmts []Statement
	// txStart is the index of the statement that opened the section's
	// transaction, -1 when none is open.
	txStart int
	// fk is SQLite's foreign_keys, or MySQL's session foreign_key_checks
	// when the section sets it, before the section; -1 when unknown.
	fk int
}

func (r *Runner) noTxGuard(s *session, stmts []Statement) *noTxGuard {
	g := &noTxGuard{r: r, s: s, stmts: stmts, txStart: -1, fk: -1}
	var q string
	switch r.vt.d {
	case dialect.SQLite:
		q = "PRAGMA foreign_keys"
	case dialect.MySQL:
		if slices.ContainsFunc(stmts, func(st Statement) bool { return isFKChecksSet(st.SQL) }) {
			q = "SELECT @@SESSION.foreign_key_checks"
		}
	}
	if q != "" {
		var fk int
		if err := s.conn.QueryRowContext(s.bctx, q).Scan(&fk); err == nil {
			g.fk = fk
		}
	}
	return g
}

// isFKChecksSet reports whether a statement is MySQL's SET [SESSION]
// foreign_key_checks = ..., which the online form of a foreign key
// (diff/online.go) runs around its ALTER.
func isFKChecksSet(sql string) bool {
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(sql, "=", " = ")))
	if len(f) < 2 || f[0] != "set" {
		return false
	}
	v := f[1]
	if (v == "session" || v == "local") && len(f) > 2 {
		v = f[2]
	}
	v = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(v, "@@"), "session."), "local.")
	return v == "foreign_key_checks"
}

// resetSession is run before a MySQL section resumes on a new session:
// the SET foreign_key_checks among the statements that ran set the old
// session's, which is gone, so the last of them is run again (it only
// sets the session: running it twice changes nothing).
func (g *noTxGuard) resetSession(ran int) error {
	if g.r.vt.d != dialect.MySQL {
		return nil
	}
	for i := ran - 1; i >= 0; i-- {
		if isFKChecksSet(g.stmts[i].SQL) {
			if _, err := g.s.conn.ExecContext(g.s.bctx, g.stmts[i].SQL); err != nil {
				return fmt.Errorf("migrations: resume: run statement %d again (%s): %w", i+1, g.stmts[i].SQL, err)
			}
			return nil
		}
	}
	return nil
}

// ran notes that statement i completed.
func (g *noTxGuard) ran(i int) {
	switch w := firstWords(g.stmts[i].SQL); {
	case w == "BEGIN" || w == "START TRANSACTION":
		g.txStart = i
	case w == "COMMIT" || w == "END" || w == "ROLLBACK":
		g.txStart = -1
	}
}

// restore rolls back the section's open transaction and restores SQLite's
// foreign_keys (MySQL's session foreign_key_checks), then makes e say
// what is left applied: the statements before the transaction's BEGIN,
// less trailing PRAGMA foreign_keys (SET foreign_key_checks) statements
// whose effect was undone, which a resumed run then runs again. Nothing
// left makes it a "failed" run. It reports whether e changed. Errors are
// ignored: ROLLBACK without a transaction fails on SQLite, and the
// failure is what the caller reports. (The session goes back to the
// pool: a library caller's next query must not run with the checks off.)
func (g *noTxGuard) restore(e *logEntry) bool {
	conn, ctx, d := g.s.conn, g.s.bctx, g.r.vt.d
	rolledBack := false
	if d == dialect.SQLite || d == dialect.Postgres || g.txStart >= 0 {
		_, err := conn.ExecContext(ctx, "ROLLBACK")
		rolledBack = err == nil && g.txStart >= 0
	}
	run := e.StatementsRun
	if rolledBack {
		run = g.txStart
	}
	g.txStart = -1
	undo := g.fk >= 0
	if undo && d == dialect.MySQL {
		// Nothing to undo when the checks are as they were (the
		// section failed after turning them back on).
		var now int
		undo = conn.QueryRowContext(ctx, "SELECT @@SESSION.foreign_key_checks").Scan(&now) != nil || now != g.fk
	}
	if undo {
		set, is := "PRAGMA foreign_keys = %d", isForeignKeysPragma
		if d == dialect.MySQL {
			set, is = "SET SESSION foreign_key_checks = %d", isFKChecksSet
		}
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(set, g.fk)); err == nil {
			for run > 0 && is(g.stmts[run-1].SQL) {
				run--
			}
		}
	}
	if run == e.StatementsRun {
		return false
	}
	h := sha256.New()
	for _, stmt := range g.stmts[:run] {
		hashStatement(h, stmt)
	}
	e.StatementsRun, e.RanHash, e.Running = run, hex.EncodeToString(h.Sum(nil)), 0
	if run == 0 {
		e.Status = statusFailed
	}
	return true
}

// firstWords returns a statement's first one or two words, upper-cased,
// with a trailing "TRANSACTION"/"WORK" dropped for BEGIN, COMMIT and END.
func firstWords(sql string) string {
	f := strings.Fields(strings.ToUpper(strings.TrimRight(strings.TrimSpace(sql), ";")))
	if len(f) == 0 {
		return ""
	}
	if f[0] == "START" && len(f) > 1 && f[1] == "TRANSACTION" {
		return "START TRANSACTION"
	}
	return f[0]
}

// isForeignKeysPragma reports whether a statement is SQLite's PRAGMA
// foreign_keys = ... .
func isForeignKeysPragma(sql string) bool {
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(sql, "=", " = ")))
	return len(f) >= 2 && f[0] == "pragma" && strings.TrimPrefix(f[1], "main.") == "foreign_keys"
}

func hashStatement(h hash.Hash, s Statement) {
	sql := strings.TrimSpace(s.SQL)
	h.Write([]byte(sql))
	h.Write(zeroByte[:])
}

var zeroByte [1]byte

// Stamp takes the migration lock and sets the version table as plan says,
// without running any revision. It clears a partially applied revision:
// the user says where the database is.
func (r *Runner) Stamp(ctx context.Context, plan func(current []string) (del, ins []string, err error)) error {
	return r.locked(ctx, func(s *session) error {
		heads, _, err := r.vt.heads(s.bctx, s.conn)
		if err != nil {
			return err
		}
		last, err := r.vt.lastLog(s.bctx, s.conn)
		if err != nil {
			return err
		}
		del, ins, err := plan(heads)
		if err != nil {
			return err
		}
		if len(del) == 0 && len(ins) == 0 && partialOf(last) == nil {
			return nil
		}
		tx, err := s.conn.BeginTx(s.bctx, nil)
		if err != nil {
			return fmt.Errorf("migrations: begin stamp: %w", err)
		}
		defer tx.Rollback()
		if err := s.lock.renew(s.bctx, tx); err != nil {
			return err
		}
		if err := r.vt.setHeads(s.bctx, tx, del, ins); err != nil {
			return err
		}
		now := r.now()
		for _, h := range stampedHeads(heads, del, ins) {
			e := &logEntry{Revision: h, Direction: dirStamp, Started: now, Finished: now, Status: statusOK}
			if _, err := r.vt.insertLog(s.bctx, tx, e); err != nil {
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrations: commit stamp: %w", err)
		}
		return nil
	})
}

// stampedHeads returns the heads after a stamp, for its log rows ("base"
// when there are none).
func stampedHeads(heads, del, ins []string) []string {
	set := map[string]bool{}
	for _, h := range heads {
		set[h] = true
	}
	for _, h := range del {
		delete(set, h)
	}
	for _, h := range ins {
		set[h] = true
	}
	out := make([]string, 0, len(set))
	for h := range set {
		out = append(out, h)
	}
	sort.Strings(out)
	if len(out) == 0 {
		out = []string{"base"}
	}
	return out
}
