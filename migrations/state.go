package migrations

import (
	"context"
	"fmt"
	"strings"
)

// State is what the version table says about a database.
type State struct {
	// Heads are the stored heads, sorted; empty at base (also when the
	// version table does not exist yet).
	Heads []string
	// Partial is set when a revision was left half-applied: on MySQL and
	// MariaDB, whose DDL cannot be rolled back, or by a NoTransaction
	// section. The heads do not include it yet.
	Partial *Partial
}

// Partial describes a half-applied revision.
type Partial struct {
	Revision string
	Up       bool   // upgrade (true) or downgrade
	Path     string // the revision file, as in Revision.Path
	Checksum string // of the file as it was run
	// Statements is the number of statements of the section as run;
	// StatementsRun the number that completed, all before the others.
	Statements    int
	StatementsRun int
	// Failed is the 1-based number of the statement that failed, with its
	// file line and error text; 0 when the run stopped between statements
	// (interrupted) and can resume as it is.
	Failed int
	Line   int
	Error  string
	// Interrupted is true when the process died while statement
	// StatementsRun+1 was running: it may or may not have completed.
	Interrupted bool
	// Cancelled is true when the failed statement was cancelled on the
	// server (KILL QUERY, pg_cancel_backend, a statement timeout): it did
	// not run, and the file is fine.
	Cancelled bool
	// LockTimedOut is true when the failed statement waited longer than
	// the statement lock timeout for its table's lock: it did not run,
	// the file is fine, and a plain upgrade (or downgrade) resumes there
	// once the table is less busy.
	LockTimedOut bool
	// CheckFailed is true when the failed statement raised an error of
	// the file's own on purpose (MySQL SIGNAL, error 1644): a check of
	// the rows, such as the one after a foreign key added in place
	// (diff/online.go), found rows that break it. The file is fine: once
	// the rows are fixed, a plain upgrade (or downgrade) runs it again.
	CheckFailed bool
	// Completed, set by StateOf for a statement cut off mid-way, says
	// what the catalog shows: 1 it completed, 2 it did not, 0 unknown.
	Completed int
	// Holder, set by State, is the session holding the migration lock
	// now: a run that is still going (possibly the one that left this
	// record, its statement still running on the server).
	Holder string
	// After are the heads the version table holds once the revision is
	// done: itself for an upgrade, for a downgrade its parents in place
	// of it ("base" when none is left). What `retort stamp` records when
	// the revision was finished by hand.
	After []string
}

// State reads the stored heads and any partially applied revision. A
// database without a version table is at base; nothing is created.
func (r *Runner) State(ctx context.Context) (*State, error) {
	st, _, err := r.state(ctx)
	return st, err
}

// state is State with the newest log row it was read from.
func (r *Runner) state(ctx context.Context) (*State, *logEntry, error) {
	if err := r.vt.check(); err != nil {
		return nil, nil, err
	}
	heads, exists, err := r.vt.heads(ctx, r.db)
	if err != nil {
		return nil, nil, err
	}
	st := &State{Heads: heads}
	if !exists {
		return st, nil, nil
	}
	last, err := r.vt.lastLog(ctx, r.db)
	if err != nil {
		return nil, nil, err
	}
	st.Partial = partialOf(last)
	if st.Partial != nil {
		st.Partial.After = afterHeads(st.Partial, heads, last)
		st.Partial.Holder = r.lockHolder(ctx)
	}
	return st, last, nil
}

// lockHolder says who holds the migration lock now, "" when nobody does
// (or it cannot be told).
func (r *Runner) lockHolder(ctx context.Context) string {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return ""
	}
	defer conn.Close()
	l, err := newLocker(ctx, conn, r.vt)
	if err != nil {
		return ""
	}
	return l.holder(ctx)
}

// afterHeads is Partial.After: the stored heads once p's revision is done.
func afterHeads(p *Partial, heads []string, e *logEntry) []string {
	if p.Up {
		return []string{p.Revision}
	}
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		if id != "" && id != "base" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, h := range heads {
		if h != p.Revision {
			add(h)
		}
	}
	for _, parent := range strings.Split(e.Parents, ",") {
		add(strings.TrimSpace(parent))
	}
	if len(out) == 0 {
		return []string{"base"}
	}
	return out
}

// isCancelled reports whether a statement's error text says the server
// cancelled it: MySQL's "Query execution was interrupted" (KILL QUERY,
// max_statement_time), PostgreSQL's query_canceled (57014), or a lock
// wait timeout of either.
// isSignalText reports whether an error is one a statement raised on
// purpose: MySQL's SIGNAL with no MYSQL_ERRNO of its own (error 1644,
// "unhandled user-defined exception").
func isSignalText(msg string) bool {
	return strings.Contains(msg, "Error 1644 (")
}

func isCancelled(msg string) bool {
	return strings.Contains(msg, "Query execution was interrupted") || strings.Contains(msg, "(SQLSTATE 57014)") ||
		strings.Contains(msg, "canceling statement due to") || isLockTimeoutText(msg)
}

// partialOf returns the partial state the newest log row records, if any.
func partialOf(e *logEntry) *Partial {
	if e == nil || e.Status != statusPartial || (e.Direction != dirUp && e.Direction != dirDown) {
		return nil
	}
	p := &Partial{
		Revision:      e.Revision,
		Up:            e.Direction == dirUp,
		Path:          e.Path,
		Checksum:      e.Checksum,
		Statements:    e.StatementsTotal,
		StatementsRun: e.StatementsRun,
		Failed:        e.FailedStatement,
		Line:          e.FailedLine,
		Error:         e.Error,
	}
	if e.Running > 0 && e.FailedStatement == 0 {
		p.Interrupted = true
		p.Line = e.FailedLine // the running statement's line, recorded with it
	}
	p.Cancelled = p.Failed > 0 && isCancelled(p.Error)
	p.LockTimedOut = p.Failed > 0 && isLockTimeoutText(p.Error)
	p.CheckFailed = p.Failed > 0 && isSignalText(p.Error)
	return p
}

// String describes p in one line, for `current`, with what to do.
func (p *Partial) String() string {
	if p.Holder != "" {
		return fmt.Sprintf("%s is being applied now (%s, %d of %d statements done) by %s: wait for it to end; `retort current` again tells",
			p.Revision, dirWord(p.Up), p.StatementsRun, p.Statements, p.Holder)
	}
	return fmt.Sprintf("%s partially applied (%s): %d of %d statements ran, %s; %s",
		p.Revision, dirWord(p.Up), p.StatementsRun, p.Statements, p.what(), p.advice(""))
}

// where is the file position of the statement p stopped at.
func (p *Partial) where() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return p.Path
}

// what says how the run stopped.
func (p *Partial) what() string {
	next := p.StatementsRun + 1
	switch {
	case p.LockTimedOut:
		return fmt.Sprintf("statement %d (%s) waited too long for its table's lock and did not run: %s", p.Failed, p.where(), p.Error)
	case p.Cancelled:
		return fmt.Sprintf("statement %d (%s) was cancelled on the server and did not run: %s", p.Failed, p.where(), p.Error)
	case p.CheckFailed:
		return fmt.Sprintf("statement %d (%s) checks the table's rows and found some that break it: %s", p.Failed, p.where(), p.Error)
	case p.Failed > 0:
		return fmt.Sprintf("statement %d (%s) failed: %s", p.Failed, p.where(), p.Error)
	case p.Interrupted && p.Completed != outcomeUnknown:
		return fmt.Sprintf("statement %d (%s) was running when retort lost its session", next, p.where())
	case p.Interrupted:
		return fmt.Sprintf("statement %d (%s) was running when retort lost its session, and may or may not have completed", next, p.where())
	}
	return fmt.Sprintf("it stopped before statement %d", next)
}

// advice says what to run, each command in backquotes. reason is the
// PartialError's, "" for `current`.
func (p *Partial) advice(reason string) string {
	resume := "`retort upgrade " + p.Revision + "`"
	force := "`retort upgrade " + p.Revision + " --force`"
	if !p.Up {
		resume, force = "`retort downgrade`", "`retort downgrade --force`"
	}
	after := p.After
	if len(after) == 0 {
		after = []string{"<rev>"}
	}
	byHand := "`retort stamp " + strings.Join(after, " ") + "` if you completed the " + dirWord(p.Up) + " by hand"
	next := p.StatementsRun + 1
	switch {
	case reason == "edited":
		return fmt.Sprintf("the file changed in the %d statement(s) that already ran, so it cannot be resumed: restore them, or run %s", p.StatementsRun, byHand)
	case reason == "not planned":
		return fmt.Sprintf("finish it first with %s (it resumes at statement %d), or run %s", resume, next, byHand)
	case p.LockTimedOut:
		return fmt.Sprintf("the file is fine: %s resumes at statement %d when the table is less busy (--retry-lock N retries by itself)", resume, p.Failed)
	case p.Cancelled:
		return fmt.Sprintf("the file is fine: %s retries it", force)
	case p.CheckFailed:
		return fmt.Sprintf("the file is fine and what ran before stays (a constraint added before the check is in place and checks new rows): fix or delete those rows, then %s checks them again, resuming at statement %d", resume, p.StatementsRun+1)
	case p.Interrupted && p.Completed == outcomeDone:
		return fmt.Sprintf("the catalog shows it completed: %s goes on after it", resume)
	case p.Interrupted && p.Completed == outcomeNotDone:
		return fmt.Sprintf("the catalog shows it did not complete: %s runs it again", resume)
	case p.Interrupted:
		return fmt.Sprintf("if it did not complete, %s retries it; if it did, remove it from the file and run %s to go on after it; or run %s", force, resume, byHand)
	case p.Failed > 0:
		return fmt.Sprintf("fix the file and run %s to resume at statement %d (%s), or run %s", resume, p.Failed, p.where(), byHand)
	}
	return fmt.Sprintf("run %s to resume at statement %d", resume, next)
}
