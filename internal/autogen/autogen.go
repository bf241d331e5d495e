// Package autogen joins the three halves of autogenerate: the models'
// schema (package schema), the live database (diff.Inspect) and the
// differ (diff.Normalize, diff.Compute), and turns the plan into the
// fields of a revision file. The CLI's revision --autogenerate, check and
// diff all call Plan, and so do the end-to-end scenario tests.
package autogen

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"

	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Options says where the models are and how to diff.
type Options struct {
	// Dir is the folder the model package patterns are relative to.
	Dir      string
	Patterns []string
	Tags     []string
	Naming   schema.Naming
	Diff     diff.Options
	// Timings, when set, gets a line per phase saying how long it took
	// (RETORT_TIMINGS in the CLI).
	Timings io.Writer
}

// SchemaName is the name atlas gives the managed schema: the database on
// MySQL, public on PostgreSQL, main on SQLite.
func SchemaName(d dialect.Name, database string) string {
	switch d {
	case dialect.MySQL:
		return database
	case dialect.Postgres:
		return "public"
	}
	return "main"
}

// Models loads the models as the schema of opts.Diff.Dialect. The warnings
// are problems that did not stop the load (a type error in code next to the
// models), each "path:line:col: ...".
func Models(ctx context.Context, opts Options) (*sqlschema.Schema, []string, error) {
	m, err := schema.Load(ctx, schema.LoadOptions{Dir: opts.Dir, Patterns: opts.Patterns, Tags: opts.Tags, Naming: opts.Naming})
	if err != nil {
		return nil, nil, err
	}
	var warnings []string
	for _, w := range m.Warnings() {
		warnings = append(warnings, w.Error())
	}
	name := ""
	if opts.Diff.URL != nil {
		name = opts.Diff.URL.Database
	}
	s, err := m.Schema(opts.Diff.Dialect, SchemaName(opts.Diff.Dialect, name))
	return s, warnings, err
}

// Plan diffs the database behind db against the models: what a new
// revision must do to bring the database to the models' schema, and back.
func Plan(ctx context.Context, db *sql.DB, opts Options) (*diff.Plan, error) {
	start := time.Now()
	phase := func(name string, since time.Time) {
		if opts.Timings != nil {
			fmt.Fprintf(opts.Timings, "retort: %-9s %s\n", name, time.Since(since).Round(time.Millisecond))
		}
	}
	dopts := opts.Diff
	dopts.DB = db
	// Loading the models waits mostly on `go list`, inspecting on the
	// server: do both at once, and normalize the models (which needs
	// nothing from the database's side) while the inspection goes on. The
	// models' errors (bad input) come first.
	type inspected struct {
		current *sqlschema.Schema
		notes   []diff.Note
		err     error
	}
	ictx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan inspected, 1)
	go func() {
		t := time.Now()
		current, notes, err := diff.Inspect(ictx, db, dopts)
		phase("inspect", t)
		done <- inspected{current, notes, err}
	}()
	desired, warnings, err := Models(ctx, opts)
	phase("models", start)
	if err == nil {
		t := time.Now()
		desired, err = diff.Normalize(ctx, desired, dopts)
		phase("normalize", t)
	}
	if err != nil {
		cancel()
		<-done
		return nil, err
	}
	in := <-done
	if in.err != nil {
		return nil, in.err
	}
	t := time.Now()
	plan, err := diff.Compute(ctx, in.current, desired, dopts)
	phase("compute", t)
	if err != nil {
		return nil, err
	}
	for _, n := range in.notes {
		plan.Notes = append(plan.Notes, n.Text)
	}
	for _, w := range warnings {
		plan.Notes = append(plan.Notes, "models: "+w)
	}
	phase("plan", start)
	return plan, nil
}

// Fill copies a plan into the revision to render.
func Fill(rev *codegen.Revision, plan *diff.Plan) {
	rev.Changes = nil
	for _, c := range plan.Changes {
		rev.Changes = append(rev.Changes, c.Text)
	}
	rev.Warnings = plan.Warnings
	rev.DowngradeWarnings = plan.DowngradeWarnings
	rev.Notes = plan.Notes
	rev.Upgrade = plan.Upgrade
	rev.Downgrade = plan.Downgrade
	rev.UpgradeNoTransaction = plan.UpgradeNoTransaction
	rev.DowngradeNoTransaction = plan.DowngradeNoTransaction
}
