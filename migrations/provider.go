package migrations

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/retortdb/retort/dialect"
)

// Provider runs the revisions of one file system against one database: what
// an application uses to migrate itself at start-up from files compiled in
// with embed.FS. It reads the revisions once, when it is made; each method
// takes the migration lock for its run, as the CLI does, so replicas that
// all migrate at start-up run each revision once. It never prints unless
// ProviderOptions.Log is set, and never exits the process.
//
// The database/sql driver is the application's: Provider links none.
type Provider struct {
	db    *sql.DB
	fsys  fs.FS
	graph *Graph
	opts  RunnerOptions
}

// ProviderOptions configure a Provider. The zero value is usable.
type ProviderOptions struct {
	// VersionTable is the table of applied heads ("retort_version" when
	// empty); its log is VersionTable+"_log".
	VersionTable string
	// LockTimeout bounds the wait for the migration lock (zero:
	// DefaultLockTimeout; negative: do not wait).
	LockTimeout time.Duration
	// StallTimeout bounds a statement's wait while the server cannot be
	// reached (zero: DefaultStallTimeout; negative: no watchdog).
	StallTimeout time.Duration
	// StatementLockTimeout and LockRetries are RunnerOptions': how long
	// each statement waits for a table lock (zero: the server's setting),
	// and how many times a revision that waited too long is tried again.
	StatementLockTimeout time.Duration
	LockRetries          int
	// Log gets the run's progress as the CLI prints it (RunnerOptions.Log);
	// nil is silent.
	Log io.Writer
	// AllowEdited runs although the files of applied revisions changed
	// since they ran, and retries a statement that was cancelled or may
	// not have completed (the CLI's --force).
	AllowEdited bool
}

// Result is one revision a Provider ran.
type Result struct {
	Revision *Revision
	Up       bool
	Duration time.Duration
}

// ErrUnknownDialect is returned by NewProvider for a dialect it does not
// know.
var ErrUnknownDialect = errors.New("migrations: unknown dialect")

// NewProvider reads the revisions under versions/ of fsys (an os.DirFS,
// an embed.FS, an fstest.MapFS) for the dialect named "mysql", "postgres"
// or "sqlite", to run them against db. A malformed file is a *FileError.
func NewProvider(dialectName string, db *sql.DB, fsys fs.FS, opts ProviderOptions) (*Provider, error) {
	d, err := dialect.Parse(dialectName)
	if err != nil {
		return nil, fmt.Errorf("%w %q (want mysql, postgres or sqlite)", ErrUnknownDialect, dialectName)
	}
	if db == nil {
		return nil, errors.New("migrations: NewProvider needs a *sql.DB")
	}
	g, err := LoadGraph(fsys, d)
	if err != nil {
		return nil, err
	}
	p := &Provider{db: db, fsys: fsys, graph: g, opts: RunnerOptions{
		Dialect: d, VersionTable: opts.VersionTable, Log: opts.Log, Force: opts.AllowEdited,
		LockTimeout: opts.LockTimeout, StallTimeout: opts.StallTimeout,
		StatementLockTimeout: opts.StatementLockTimeout, LockRetries: opts.LockRetries,
	}}
	if err := newVersionTable(d, p.opts.VersionTable).check(); err != nil {
		return nil, err
	}
	return p, nil
}

// Graph is the revision graph the Provider read: heads, branches, history.
func (p *Provider) Graph() *Graph { return p.graph }

// Upgrade applies revisions up to target (Alembic's identifiers: "head",
// "heads", an id or prefix, "+2", "REV+1"; "" means "heads") and returns
// what it ran, in order. On an error the results are those that completed.
func (p *Provider) Upgrade(ctx context.Context, target string) ([]Result, error) {
	if target == "" {
		target = "heads"
	}
	return p.run(ctx, func(cur []string) ([]Step, error) { return p.graph.PlanUpgrade(cur, target) })
}

// Downgrade reverts revisions down to target ("base", an id, "-1", ...).
func (p *Provider) Downgrade(ctx context.Context, target string) ([]Result, error) {
	if target == "" {
		return nil, fmt.Errorf("%w: Downgrade needs a target (\"-1\", \"base\", a revision)", ErrInvalidIdentifier)
	}
	return p.run(ctx, func(cur []string) ([]Step, error) { return p.graph.PlanDowngrade(cur, target) })
}

func (p *Provider) run(ctx context.Context, plan Planner) ([]Result, error) {
	var results []Result
	r := NewRunner(p.db, p.opts)
	r.onStep = func(res Result) { results = append(results, res) }
	err := r.Run(ctx, p.graph.Revisions(), plan)
	return results, err
}

// Current reads the heads the database is at, and any revision left
// partially applied. A database without the version table is at base.
func (p *Provider) Current(ctx context.Context) (*State, error) {
	return NewRunner(p.db, p.opts).State(ctx)
}

// Pending returns the revisions Upgrade(ctx, "heads") would run now, in
// order.
func (p *Provider) Pending(ctx context.Context) ([]*Revision, error) {
	st, err := p.Current(ctx)
	if err != nil {
		return nil, err
	}
	steps, err := p.graph.PlanUpgrade(st.Heads, "heads")
	if err != nil {
		return nil, err
	}
	out := make([]*Revision, len(steps))
	for i, s := range steps {
		out[i] = s.Rev
	}
	return out, nil
}

// Stamp sets the version table to the targets without running any SQL.
func (p *Provider) Stamp(ctx context.Context, target string, more ...string) error {
	return NewRunner(p.db, p.opts).Stamp(ctx, func(cur []string) ([]string, []string, error) {
		return p.graph.PlanStamp(cur, target, more...)
	})
}

// WriteSQL writes the SQL of an upgrade from start to end ("base" and
// "heads" included), version-table statements too, without a database:
// what `retort upgrade start:end --sql` prints.
func (p *Provider) WriteSQL(w io.Writer, start, end string) error {
	var current []string
	if start != "" && start != "base" {
		var err error
		if current, err = p.graph.Resolve(start, nil); err != nil {
			return err
		}
	}
	steps, err := p.graph.PlanUpgrade(current, end)
	if err != nil {
		return err
	}
	return WriteOffline(w, steps, p.opts)
}
