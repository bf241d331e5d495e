// Package autogen joins the three halves of autogenerate: the models'
// schema (package models), the live database (diff.Inspect) and the
// differ (diff.Normalize, diff.Compute), and turns the plan into the
// fields of a revision file. The CLI's revision --autogenerate, check and
// diff all call Plan, and so do the end-to-end scenario tests.
package autogen

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"

	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/models"
)

// Options says where the models are and how to diff.
type Options struct {
	// Dir is the folder the model package patterns are relative to.
	Dir      string
	Patterns []string
	Tags     []string
	Naming   models.Naming
	// Structs lists the model structs in AutoMigrate order ([models]
	// structs); without it the module's AutoMigrate calls say.
	Structs  []string
	Settings models.Settings // gorm.Config and driver options ([models] keys)
	Diff     diff.Options
	// Timings, when set, gets a line per phase saying how long it took
	// (RETORT_TIMINGS in the CLI).
	Timings io.Writer
	// Current, when set, gives the database's side instead of
	// diff.Inspect on Plan's db (check --from-migrations reads the
	// revisions' schema without running them); it runs alongside the
	// models' loading.
	Current func(ctx context.Context) (*sqlschema.Schema, []diff.Note, error)
	// CurrentFirst runs Current to its end before the models are
	// loaded, instead of alongside: Current normalizes what it returns
	// through the same cache folder, where the models' normalization
	// then finds the tables both have, and the two phases' memory does
	// not add up (at 1,000 tables, 15 MB less at peak for 0.1 s more).
	CurrentFirst bool
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
	s, _, warnings, err := loadModels(ctx, opts)
	return s, warnings, err
}

func loadModels(ctx context.Context, opts Options) (*sqlschema.Schema, *models.Models, []string, error) {
	m, err := models.Load(ctx, models.LoadOptions{Dir: opts.Dir, Patterns: opts.Patterns, Tags: opts.Tags, Naming: opts.Naming,
		Settings: opts.Settings, Models: opts.Structs})
	if err != nil {
		return nil, nil, nil, err
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
	return s, m.WithoutStructs(), warnings, err
}

// acceptJoinSide takes, for a join table either side of a many2many may
// have made (no AutoMigrate call says which GORM parses last), the
// primary key order the database has when it is one of them.
func acceptJoinSide(d dialect.Name, current, desired *sqlschema.Schema, m *models.Models) {
	for _, t := range desired.Tables {
		keys := m.JoinKeys(t.Name)
		live, ok := current.Table(t.Name)
		if len(keys) == 0 || !ok || live.PrimaryKey == nil || t.PrimaryKey == nil || len(live.PrimaryKey.Parts) != len(t.PrimaryKey.Parts) {
			continue
		}
		var have []string
		for _, p := range live.PrimaryKey.Parts {
			if p.C == nil {
				have = nil
				break
			}
			have = append(have, p.C.Name)
		}
		for _, k := range keys {
			if strings.Join(k, ",") != strings.Join(have, ",") {
				continue
			}
			parts := make([]*sqlschema.IndexPart, 0, len(k))
			for i, name := range k {
				c, ok := t.Column(name)
				if !ok {
					parts = nil
					break
				}
				parts = append(parts, &sqlschema.IndexPart{SeqNo: i, C: c})
			}
			if parts != nil {
				t.PrimaryKey.Parts = parts
				if d == dialect.MySQL {
					sameKeyIndexes(t, live)
				}
			}
			break
		}
	}
}

// sameKeyIndexes gives t, on MySQL, the indexes the server made for the
// foreign keys of live (named after the key, over its columns): which key
// needs one depends on the primary key's column order.
func sameKeyIndexes(t, live *sqlschema.Table) {
	fkIndex := func(tb *sqlschema.Table, idx *sqlschema.Index) bool {
		fk, ok := tb.ForeignKey(idx.Name)
		return ok && !idx.Unique && len(idx.Parts) == len(fk.Columns)
	}
	kept := t.Indexes[:0]
	for _, idx := range t.Indexes {
		if !fkIndex(t, idx) {
			kept = append(kept, idx)
		}
	}
	t.Indexes = kept
	for _, idx := range live.Indexes {
		if !fkIndex(live, idx) {
			continue
		}
		ni := &sqlschema.Index{Name: idx.Name, Table: t, Attrs: idx.Attrs}
		for _, p := range idx.Parts {
			if p.C == nil {
				return
			}
			c, ok := t.Column(p.C.Name)
			if !ok {
				return
			}
			ni.Parts = append(ni.Parts, &sqlschema.IndexPart{SeqNo: p.SeqNo, C: c, Desc: p.Desc, Attrs: p.Attrs})
		}
		t.Indexes = append(t.Indexes, ni)
	}
}

// leaveLookalikes takes out of current the tables the models do not
// describe but a struct of the model packages could: such a table is
// never dropped on a guess. Each gets a note naming the structs and the
// line that settles it.
func leaveLookalikes(current, desired *sqlschema.Schema, m *models.Models) []string {
	var notes []string
	kept := current.Tables[:0]
	for _, t := range current.Tables {
		if _, ok := desired.Table(t.Name); ok {
			kept = append(kept, t)
			continue
		}
		looks := m.Lookalikes(t.Name)
		if len(looks) == 0 {
			kept = append(kept, t)
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "table %q is left alone: no model describes it, but a struct could", t.Name)
		for _, k := range looks {
			b.WriteString("; " + k.String())
		}
		fmt.Fprintf(&b, "; add //retort:model above the struct to manage the table, //retort:ignore to let retort drop it, or exclude = [%q] to leave it out for good", t.Name)
		notes = append(notes, b.String())
	}
	current.Tables = kept
	return notes
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
	inspect := func() {
		t := time.Now()
		inspect := opts.Current
		if inspect == nil {
			inspect = func(ctx context.Context) (*sqlschema.Schema, []diff.Note, error) { return diff.Inspect(ctx, db, dopts) }
		}
		current, notes, err := inspect(ictx)
		phase("inspect", t)
		done <- inspected{current, notes, err}
	}
	var (
		in     inspected
		waited bool
	)
	if opts.Current != nil && opts.CurrentFirst {
		inspect()
		in, waited = <-done, true
	} else {
		go inspect()
	}
	loaded := time.Now()
	desired, models, warnings, err := loadModels(ctx, opts)
	phase("models", loaded)
	if err == nil && in.err != nil {
		return nil, in.err
	}
	if err == nil {
		t := time.Now()
		desired, err = diff.Normalize(ctx, desired, dopts)
		phase("normalize", t)
	}
	if err != nil {
		cancel()
		if !waited {
			<-done
		}
		return nil, err
	}
	if !waited {
		in = <-done
	}
	if in.err != nil {
		return nil, in.err
	}
	left := leaveLookalikes(in.current, desired, models)
	acceptJoinSide(dopts.Dialect, in.current, desired, models)
	t := time.Now()
	plan, err := diff.Compute(ctx, in.current, desired, dopts)
	phase("compute", t)
	if err != nil {
		return nil, err
	}
	for _, n := range in.notes {
		plan.Notes = append(plan.Notes, n.Text)
	}
	plan.Notes = append(plan.Notes, left...)
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
	rev.Dialect = plan.Dialect
}
