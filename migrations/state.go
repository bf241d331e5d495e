package migrations

import (
	"context"
	"fmt"
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
}

// State reads the stored heads and any partially applied revision. A
// database without a version table is at base; nothing is created.
func (r *Runner) State(ctx context.Context) (*State, error) {
	if err := r.vt.check(); err != nil {
		return nil, err
	}
	heads, exists, err := r.vt.heads(ctx, r.db)
	if err != nil {
		return nil, err
	}
	st := &State{Heads: heads}
	if !exists {
		return st, nil
	}
	last, err := r.vt.lastLog(ctx, r.db)
	if err != nil {
		return nil, err
	}
	st.Partial = partialOf(last)
	return st, nil
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
	return p
}

// String describes p in one line, for `current`.
func (p *Partial) String() string {
	where := p.Path
	if p.Line > 0 {
		where = fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	switch {
	case p.Failed > 0:
		return fmt.Sprintf("%s partially applied (%s): %d of %d statements ran, statement %d (%s) failed: %s",
			p.Revision, dirWord(p.Up), p.StatementsRun, p.Statements, p.Failed, where, p.Error)
	case p.Interrupted:
		return fmt.Sprintf("%s partially applied (%s): %d of %d statements ran, statement %d (%s) was interrupted",
			p.Revision, dirWord(p.Up), p.StatementsRun, p.Statements, p.StatementsRun+1, where)
	}
	return fmt.Sprintf("%s partially applied (%s): %d of %d statements ran, resumes at statement %d",
		p.Revision, dirWord(p.Up), p.StatementsRun, p.Statements, p.StatementsRun+1)
}
