package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/spf13/cobra"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/migrations"
	"github.com/retortdb/retort/models"
)

func (p *project) diffOptions(db *sql.DB, renames []string) (diff.Options, error) {
	dev, err := p.cfg.DevURL()
	if err != nil {
		return diff.Options{}, err
	}
	opts := diff.Options{
		Dialect:      p.dialect(),
		URL:          p.url,
		DevURL:       dev,
		DB:           db,
		VersionTable: p.cfg.Migrations.VersionTable,
		CacheDir:     p.cfg.NormalizeCache(),
		Include:      p.cfg.Models.Include,
		Exclude:      p.cfg.Models.Exclude,
		PlainDDL:     !p.isOnline(),
		OnlineTool:   p.cfg.Migrations.OnlineTool,
	}
	for _, r := range renames {
		rn, err := diff.ParseRename(r)
		if err != nil {
			return diff.Options{}, usageError{err}
		}
		opts.Renames = append(opts.Renames, rn)
	}
	return opts, nil
}

// autogenOptions says where p's models are and how to diff them.
func (p *project) autogenOptions(db *sql.DB, renames []string) (autogen.Options, error) {
	dopts, err := p.diffOptions(db, renames)
	if err != nil {
		return autogen.Options{}, err
	}
	return autogen.Options{
		Timings:  p.timings,
		Dir:      p.cfg.Dir,
		Patterns: p.cfg.Models.Packages,
		Tags:     p.cfg.Models.Tags,
		Naming:   models.Naming{TablePrefix: p.cfg.Models.TablePrefix, SingularTable: p.cfg.Models.SingularTable},
		Structs:  p.cfg.Models.Structs,
		Settings: modelSettings(p.cfg),
		Diff:     dopts,
	}, nil
}

// modelSettings are the [models] keys that stand for gorm.Config and
// driver options.
func modelSettings(cfg *config.Config) models.Settings {
	m := cfg.Models
	return models.Settings{
		NoForeignKeys:            m.ForeignKeys != nil && !*m.ForeignKeys,
		IgnoreRelationships:      m.IgnoreRelationships,
		DefaultStringSize:        m.DefaultStringSize,
		DatetimePrecision:        m.DatetimePrecision,
		DisableDatetimePrecision: m.DisableDatetimePrecision,
	}
}

// plan diffs the database behind db against the models.
func (p *project) plan(ctx context.Context, db *sql.DB, renames []string) (*diff.Plan, error) {
	opts, err := p.autogenOptions(db, renames)
	if err != nil {
		return nil, err
	}
	return autogen.Plan(ctx, db, opts)
}

// requireAtHeads refuses, as Alembic does, to compare a database that is not
// at the head revision(s): the revision would repeat or undo pending ones.
func requireAtHeads(st *migrations.State, g *migrations.Graph) error {
	if st.Partial != nil {
		return fmt.Errorf("the database has a partially applied revision: %s", st.Partial)
	}
	have, want := sorted(st.Heads), sorted(g.Heads())
	if strings.Join(have, ",") != strings.Join(want, ",") {
		at := "base"
		if len(have) > 0 {
			at = joinIDs(have)
		}
		return fmt.Errorf("target database is not up to date: it is at %s, the head is %s; run `retort upgrade heads` first", at, orBase(want))
	}
	return nil
}

func orBase(ids []string) string {
	if len(ids) == 0 {
		return "base"
	}
	return joinIDs(ids)
}

func sorted(in []string) []string {
	out := append([]string(nil), in...)
	sort.Strings(out)
	return out
}

func (a *app) autogenerate(ctx context.Context, p *project, g *migrations.Graph, opts *revisionOptions, rev *codegen.Revision) (empty bool, err error) {
	db, err := p.open(ctx)
	if err != nil {
		return false, err
	}
	defer db.Close()
	st, err := migrations.NewRunner(db, p.runnerOptions(a)).State(ctx)
	if err != nil {
		return false, err
	}
	if err := requireAtHeads(st, g); err != nil {
		return false, err
	}
	plan, err := p.plan(ctx, db, opts.renames)
	if err != nil {
		return false, err
	}
	autogen.Fill(rev, plan)
	// What was detected goes to stderr, as Alembic's log does: stdout
	// stays the new file's path, for scripts.
	for _, c := range plan.Changes {
		fmt.Fprintln(a.stderr, detected(c))
	}
	rev.Plain = !p.isOnline() && p.dialect() != dialect.SQLite
	for _, w := range plan.Warnings {
		fmt.Fprintln(a.stderr, "WARNING: "+w)
	}
	return plan.Empty(), nil
}

// detected is a change as Alembic's autogenerate reports it: "Detected
// added column 'users.email'".
func detected(c diff.Change) string {
	verb, noun, _ := strings.Cut(c.Kind, " ")
	past := map[string]string{"add": "added", "drop": "removed", "modify": "changed"}[verb]
	switch {
	case verb == "rename":
		return "Detected renamed " + strings.TrimPrefix(c.Text, "rename ")
	case past == "":
		return "Detected " + c.Text
	case noun == "table":
		return fmt.Sprintf("Detected %s table '%s'", past, c.Table)
	case noun == "column":
		return fmt.Sprintf("Detected %s column '%s.%s'", past, c.Table, c.Object)
	case c.Table == "":
		return fmt.Sprintf("Detected %s %s '%s'", past, noun, c.Object)
	case c.Object == "":
		return fmt.Sprintf("Detected %s %s on '%s'", past, noun, c.Table)
	}
	return fmt.Sprintf("Detected %s %s '%s' on '%s'", past, noun, c.Object, c.Table)
}

type checkOptions struct {
	format         string
	fromMigrations bool
	renames        []string
}

func (a *app) checkCmd() *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Exit 0 when the models match the schema at head, else 1 with the pending changes",
		Example: `  retort check                    # against the configured database (at head)
  retort check --from-migrations  # replay every revision into a scratch database first (CI)
  retort check --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runCheckCmd(cmd.Context(), opts, true) },
	}
	a.checkFlags(cmd, opts)
	return cmd
}

func (a *app) diffCmd() *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:     "diff",
		Short:   "Print the pending changes between the models and the database, writing nothing",
		Example: "  retort diff\n  retort diff --format json",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return a.runCheckCmd(cmd.Context(), opts, false) },
	}
	a.checkFlags(cmd, opts)
	return cmd
}

func (a *app) checkFlags(cmd *cobra.Command, opts *checkOptions) {
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&opts.fromMigrations, "from-migrations", false, "replay every revision into a scratch database and compare that (needs no prepared database)")
	cmd.Flags().StringArrayVar(&opts.renames, "rename", nil, "a rename hint: table.old=new or old_table=new_table (repeatable)")
}

// checkResult is what check and diff found, as --format json prints it.
type checkResult struct {
	*diff.Plan
	// Compared is what the models were compared with: "database" (the
	// configured one, at head), "migrations" (the revisions replayed in a
	// scratch database) or "nothing" (the database is not at head).
	Compared string `json:"compared"`
	// AtHead says whether the database is at the revisions' heads;
	// Current and Heads are what it is at and what they are.
	AtHead  bool     `json:"at_head"`
	Current []string `json:"current"`
	Heads   []string `json:"heads"`
	// EditedFiles are applied revisions whose files changed since they
	// ran (as verify reports them): drift of their own.
	EditedFiles []editedFile `json:"edited_files"`
}

type editedFile struct {
	Revision string `json:"revision"`
	Kind     string `json:"kind"` // edited, deleted or reordered
	Path     string `json:"path"`
	Message  string `json:"message"`
}

// checkError is what check --format json prints when it could not
// check: a program reading the output gets an object either way.
type checkError struct {
	Error string `json:"error"`
	// ExitCode is the command's: 3 when the server could not be reached.
	ExitCode int `json:"exit_code"`
}

func (a *app) runCheckCmd(ctx context.Context, opts *checkOptions, exitOnChange bool) error {
	err := a.runCheck(ctx, opts, exitOnChange)
	var silent *silentError
	if err != nil && opts.format == "json" && !errors.As(err, &silent) {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(checkError{Error: dburl.Redact(oneLine(err.Error())), ExitCode: exitCode(err, true)})
	}
	return err
}

func (a *app) runCheck(ctx context.Context, opts *checkOptions, exitOnChange bool) error {
	if opts.format != "text" && opts.format != "json" {
		return usagef("unknown --format %q (want text or json)", opts.format)
	}
	p, g, err := a.projectGraph()
	if err != nil {
		return err
	}
	db, err := p.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	// Applied files that changed since they ran are drift of their own:
	// check reports them as verify does.
	tampered, err := migrations.NewRunner(db, p.runnerOptions(a)).Verify(ctx, g.Revisions())
	if err != nil {
		return err
	}
	if exitOnChange && len(tampered) > 0 {
		for _, t := range tampered {
			fmt.Fprintln(a.stderr, t.String())
		}
		fmt.Fprintf(a.stderr, "%d applied revision file(s) changed since they were applied (see `retort verify`)\n", len(tampered))
	}
	st, err := migrations.NewRunner(db, p.runnerOptions(a)).State(ctx)
	if err != nil {
		return err
	}
	res := &checkResult{Current: sorted(st.Heads), Heads: sorted(g.Heads()), Compared: "database", EditedFiles: []editedFile{}}
	for _, t := range tampered {
		res.EditedFiles = append(res.EditedFiles, editedFile{Revision: t.Revision, Kind: t.Kind, Path: t.Path, Message: t.String()})
	}
	if res.Current == nil {
		res.Current = []string{}
	}
	if res.Heads == nil {
		res.Heads = []string{}
	}
	res.AtHead = st.Partial == nil && strings.Join(res.Current, ",") == strings.Join(res.Heads, ",")
	fromMigrations := opts.fromMigrations
	if !fromMigrations && !res.AtHead {
		if st.Partial != nil {
			return requireAtHeads(st, g)
		}
		if !exitOnChange && len(st.Heads) == 0 {
			// diff, for review, on a database at base: only the empty one
			// CI starts from stands for the revisions replayed (inspecting
			// it is the costly part, skipped otherwise).
			if fromMigrations, err = isEmptyDatabase(ctx, p, db); err != nil {
				return err
			}
		}
		if !fromMigrations && exitOnChange {
			// check: a database behind the revisions (at base: an empty
			// one, the wrong one) is drift, never a pass.
			res.Compared, res.Plan = "nothing", &diff.Plan{Changes: []diff.Change{}}
			if opts.format == "json" {
				return a.printCheckJSON(res, exitProblem)
			}
			a.println(fmt.Sprintf("Not at head: the database is at %s, the revisions' head is %s; the models were compared with nothing.", orBase(res.Current), orBase(res.Heads)))
			a.println("Run `retort upgrade heads` first, or `retort check --from-migrations` to compare the models with the revisions replayed in a scratch database.")
			return &silentError{code: exitProblem}
		}
		if !fromMigrations {
			return requireAtHeads(st, g)
		}
	}
	if fromMigrations {
		res.Compared = "migrations"
		res.Plan, err = a.planFromMigrations(ctx, p, g, db, opts.renames)
	} else {
		res.Plan, err = p.plan(ctx, db, opts.renames)
	}
	if err != nil {
		return err
	}
	code := exitOK
	if exitOnChange && (!res.Plan.Empty() || len(tampered) > 0) {
		code = exitProblem
	}
	if exitOnChange {
		a.lintWarnings(p, headSteps(g), "the head revision(s)")
	}
	if opts.format == "json" {
		return a.printCheckJSON(res, code)
	}
	printPlan(a, res)
	if code != exitOK {
		return &silentError{code: code}
	}
	return nil
}

// printCheckJSON prints res and exits with code.
func (a *app) printCheckJSON(res *checkResult, code int) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		return err
	}
	if code != exitOK {
		return &silentError{code: code}
	}
	return nil
}

// planFromMigrations diffs the models against the schema the revisions
// make in an empty database (the configured one, db, stays as it is):
// read from their statements when diff.Replayed knows them all, else
// replayed into a scratch database next to db and inspected there.
func (a *app) planFromMigrations(ctx context.Context, p *project, g *migrations.Graph, db *sql.DB, renames []string) (*diff.Plan, error) {
	opts, err := p.autogenOptions(db, renames)
	if err != nil {
		return nil, err
	}
	dopts := opts.Diff
	steps, err := g.PlanUpgrade(nil, "heads")
	if err != nil {
		return nil, err
	}
	var stmts []string
	for _, st := range steps {
		for _, s := range st.Rev.Upgrade {
			stmts = append(stmts, s.SQL)
		}
	}
	read := diff.Readable(dopts.Dialect, stmts) == ""
	if dopts.DevURL != nil {
		// One scratch database: the revisions' schema is read or
		// replayed there first, then the models are normalized there.
		s, notes, err := a.replayedSchema(ctx, p, g, stmts, dopts)
		if err != nil {
			return nil, err
		}
		opts.Current = func(context.Context) (*sqlschema.Schema, []diff.Note, error) { return s, notes, nil }
	} else {
		opts.Current = func(ctx context.Context) (*sqlschema.Schema, []diff.Note, error) {
			return a.replayedSchema(ctx, p, g, stmts, dopts)
		}
		// Read, the revisions' tables are normalized through the cache
		// folder, where the models' normalization then finds most of its
		// own, and the two run one after the other (the read is all CPU:
		// alongside the models' loading it saved 0.1 s at 1,000 tables
		// and cost 15 MB at peak); replayed, they had better run
		// alongside it.
		opts.CurrentFirst = read && dopts.CacheDir != ""
	}
	return autogen.Plan(ctx, db, opts)
}

// replayedSchema returns the schema the revisions up to the heads make in
// an empty database, as diff.Inspect reads it there; stmts are their
// upgrade statements in the order they run.
func (a *app) replayedSchema(ctx context.Context, p *project, g *migrations.Graph, stmts []string, dopts diff.Options) (*sqlschema.Schema, []diff.Note, error) {
	start := time.Now()
	name := ""
	if dopts.URL != nil {
		name = autogen.SchemaName(dopts.Dialect, dopts.URL.Database)
	}
	s, why, err := diff.Replayed(ctx, stmts, name, dopts)
	if err == nil && why == "" {
		p.timing("read", start)
		return s, nil, nil
	}
	if ctx.Err() != nil {
		return nil, nil, ctx.Err()
	}
	// Run them: what the reader does not know, and any error of its
	// scratch database, which the statements' own run then reports.
	if p.timings != nil {
		if err != nil {
			why = err.Error()
		}
		fmt.Fprintf(p.timings, "retort: replaying the revisions (%s)\n", why)
	}
	sdb, su, cleanup, err := diff.Scratch(ctx, dopts)
	if err != nil {
		return nil, nil, err
	}
	defer cleanup()
	ropts := p.runnerOptions(a)
	ropts.Log = nil
	if err := migrations.NewRunner(sdb, ropts).Run(ctx, g.Revisions(), func(current []string) ([]migrations.Step, error) {
		return g.PlanUpgrade(current, "heads")
	}); err != nil {
		return nil, nil, fmt.Errorf("replaying the revisions into a scratch database: %w", err)
	}
	iopts := dopts
	iopts.URL, iopts.DB = su, sdb
	cur, notes, err := diff.Inspect(ctx, sdb, iopts)
	p.timing("replay", start)
	return cur, notes, err
}

// timing writes how long a phase took when RETORT_TIMINGS is set.
func (p *project) timing(name string, since time.Time) {
	if p.timings != nil {
		fmt.Fprintf(p.timings, "retort: %-9s %s\n", name, time.Since(since).Round(time.Millisecond))
	}
}

func isEmptyDatabase(ctx context.Context, p *project, db *sql.DB) (bool, error) {
	opts, err := p.diffOptions(db, nil)
	if err != nil {
		return false, err
	}
	s, _, err := diff.Inspect(ctx, db, opts)
	if err != nil {
		return false, err
	}
	return len(s.Tables) == 0, nil
}

func printPlan(a *app, res *checkResult) {
	plan := res.Plan
	compared := "the database (at " + orBase(res.Current) + ")"
	if res.Compared == "migrations" {
		compared = "the revisions up to " + orBase(res.Heads) + ", replayed in a scratch database"
	}
	if plan.Empty() {
		a.println("No changes: the models match " + compared + ".")
		for _, n := range plan.Notes {
			a.println("Note: " + n)
		}
		return
	}
	a.println("Compared the models with " + compared + ".")
	a.println(fmt.Sprintf("%d pending change(s):", len(plan.Changes)))
	for _, c := range plan.Changes {
		a.println("  " + c.Text)
	}
	for _, w := range plan.Warnings {
		a.println("WARNING: " + w)
	}
	for _, n := range plan.Notes {
		a.println("Note: " + n)
	}
	a.println("\n-- Upgrade")
	for _, s := range plan.Upgrade {
		a.println(s + ";")
	}
	a.println("\n-- Downgrade")
	for _, s := range plan.Downgrade {
		a.println(s + ";")
	}
}

func (a *app) schemaCmd() *cobra.Command {
	var dialectName string
	cmd := &cobra.Command{
		Use:     "schema",
		Short:   "Print the models' schema as DDL, to see what retort understood",
		Example: "  retort schema\n  retort schema --dialect postgres",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := a.loadProject()
			if err != nil {
				return err
			}
			if dialectName != "" {
				d, err := dialect.Parse(dialectName)
				if err != nil {
					return usageError{err}
				}
				p.url.Dialect = d
			}
			opts, err := p.autogenOptions(nil, nil)
			if err != nil {
				return err
			}
			s, warnings, err := autogen.Models(cmd.Context(), opts)
			if err != nil {
				return err
			}
			for _, w := range warnings {
				fmt.Fprintln(a.stderr, "warning: "+w)
			}
			stmts, err := diff.CreateStatements(p.dialect(), s)
			if err != nil {
				return err
			}
			for _, st := range stmts {
				a.println(st + ";")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dialectName, "dialect", "", "print for this dialect instead of the configured database's")
	return cmd
}
