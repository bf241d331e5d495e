package cli

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/lint"
	"github.com/retortdb/retort/migrations"
)

type lintOptions struct {
	rules bool // print the rules and stop
}

func (a *app) lintCmd() *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [REV...]",
		Short: "Report statements of revision files that lock busy tables, rewrite them or lose data",
		Long: `lint reads revision files and reports, one line each, the statements that
block reads or writes of a table that is in use, rewrite it, fail on a table
with rows, or lose data, with the rule's name and the safe form to write
instead. Without REV it reads every revision; REV is any revision identifier,
a range START:END (the revisions an upgrade from START to END applies) or the
path of a revision file. It exits 1 when it finds something, 0 when not.

A finding is silenced by a comment on the lines just above its statement:
  -- retort:lint-ignore RULE[, RULE] why
and a rule for the whole project by [lint] ignore = ["RULE"] in retort.toml.
SQLite has no rules (a single writer).`,
		Example: `  retort lint                  # every revision
  retort lint head             # the newest revision
  retort lint 3f2a:head        # what an upgrade from 3f2a would apply (CI)
  retort lint migrations/versions/3f2a_add_email.sql
  retort lint --rules          # the rules, one a line`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runLint(opts, args) },
	}
	cmd.Flags().BoolVar(&opts.rules, "rules", false, "list the rules and exit")
	return cmd
}

func (a *app) runLint(opts *lintOptions, args []string) error {
	if opts.rules {
		for _, r := range lint.Rules() {
			var ds []string
			for _, d := range r.Dialects {
				ds = append(ds, string(d))
			}
			fmt.Fprintf(a.stdout, "%s (%s; %s): %s\n", r.Name, r.Kind, strings.Join(ds, ", "), r.Summary)
		}
		return nil
	}
	p, g, err := a.projectGraph()
	if err != nil {
		return err
	}
	lopts, err := p.lintOptions()
	if err != nil {
		return err
	}
	revs, err := p.lintTargets(g, args)
	if err != nil {
		return err
	}
	n, files := 0, 0
	for _, r := range revs {
		findings, err := p.lintRevision(r, lopts, false)
		if err != nil {
			return err
		}
		for _, f := range findings {
			fmt.Fprintln(a.stdout, f.String())
		}
		n += len(findings)
		if len(findings) > 0 {
			files++
		}
	}
	if n > 0 {
		fmt.Fprintf(a.stderr, "%d finding(s) in %d revision file(s) (silence one with -- retort:lint-ignore RULE why)\n", n, files)
		return &silentError{code: exitProblem}
	}
	return nil
}

// lintOptions are the options of the project's lint: its dialect and
// [lint] ignore.
func (p *project) lintOptions() (lint.Options, error) {
	for _, name := range p.cfg.Lint.Ignore {
		if !slices.ContainsFunc(lint.Rules(), func(r lint.Rule) bool { return r.Name == name }) && !slices.Contains(lint.Kinds(), name) {
			return lint.Options{}, &config.Error{Path: displayPath(p.cfg.Path), Msg: fmt.Sprintf("lint.ignore: unknown rule %q (see `retort lint --rules`)", name)}
		}
	}
	return lint.Options{Dialect: p.dialect(), Ignore: p.cfg.Lint.Ignore, RunnerSetsLockTimeout: p.cfg.StatementLockTimeout() > 0}, nil
}

// lintRevision lints one revision and names it as the user finds it,
// reading its file again for the lint-ignore comments. With lazy, the file
// is read only when there is something they could silence (a misspelt
// comment then goes unreported): upgrade --sql of thousands of revisions,
// most of them clean, reads none.
func (p *project) lintRevision(r *migrations.Revision, opts lint.Options, lazy bool) ([]lint.Finding, error) {
	if !lint.HasRules(opts.Dialect) || lazy && len(lint.Revision(r, nil, opts)) == 0 {
		return nil, nil
	}
	path := p.revPath(r)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lint: %w", err)
	}
	findings := lint.Revision(r, data, opts)
	for i := range findings {
		findings[i].Path = path
	}
	return findings, nil
}

// lintTargets returns the revisions that args name, in history order
// (oldest first), each once; every revision without args.
func (p *project) lintTargets(g *migrations.Graph, args []string) ([]*migrations.Revision, error) {
	all := g.Revisions()
	if len(args) == 0 {
		return all, nil
	}
	want := map[string]bool{}
	for _, arg := range args {
		if strings.HasSuffix(arg, ".sql") {
			id, err := p.revisionAtPath(g, arg)
			if err != nil {
				return nil, err
			}
			want[id] = true
			continue
		}
		if start, end, ok := strings.Cut(arg, ":"); ok {
			var current []string
			if start != "" && start != "base" {
				var err error
				if current, err = g.Resolve(start, nil); err != nil {
					return nil, err
				}
			}
			if end == "" {
				end = "heads"
			}
			steps, err := g.PlanUpgrade(current, end)
			if err != nil {
				return nil, err
			}
			for _, st := range steps {
				want[st.Rev.ID] = true
			}
			continue
		}
		ids, err := g.Resolve(arg, nil)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			want[id] = true
		}
	}
	var out []*migrations.Revision
	for _, r := range all {
		if want[r.ID] {
			out = append(out, r)
		}
	}
	return out, nil
}

// revisionAtPath returns the id of the revision read from the file at
// path.
func (p *project) revisionAtPath(g *migrations.Graph, path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", usagef("lint: %v", err)
	}
	for _, r := range g.Revisions() {
		if rs, err := os.Stat(p.revPath(r)); err == nil && os.SameFile(st, rs) {
			return r.ID, nil
		}
	}
	return "", usagef("lint: %s is not a revision file of this project's history", path)
}

// lintWarnings prints to stderr, as warnings, what lint finds in the
// sections that steps run (upgrade --sql, downgrade --sql, check): stdout
// stays the SQL or the plan, and the exit code is not changed. A problem reading a file or the lint config only loses the
// warnings; `retort lint` reports it.
func (a *app) lintWarnings(p *project, steps []migrations.Step, what string) {
	opts, err := p.lintOptions()
	if err != nil {
		return
	}
	n := 0
	for _, st := range steps {
		findings, err := p.lintRevision(st.Rev, opts, true)
		if err != nil {
			continue
		}
		for _, f := range findings {
			if f.Downgrade == st.Up {
				continue
			}
			fmt.Fprintln(a.stderr, "warning: "+f.String())
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(a.stderr, "warning: %d lint finding(s) in %s (see `retort lint`)\n", n, what)
	}
}

// headSteps are the upgrades of the head revisions, the ones check warns
// about: the newest of each branch, the revision under review in CI.
func headSteps(g *migrations.Graph) []migrations.Step {
	var steps []migrations.Step
	for _, id := range g.Heads() {
		if r := g.Get(id); r != nil {
			steps = append(steps, migrations.Step{Rev: r, Up: true})
		}
	}
	return steps
}
