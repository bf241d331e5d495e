package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
)

// entry formats one revision the way history, heads, branches and current
// print it: Alembic's `parents -> id (head) (branchpoint), message`, or the
// verbose block with -v.
func (p *project) entry(g *migrations.Graph, r *migrations.Revision, current map[string]bool, verbose bool) string {
	if !verbose {
		return string(appendEntry(nil, g, r, current))
	}
	title := string(appendTitle(nil, g, r, current))
	var b strings.Builder
	fmt.Fprintf(&b, "Rev: %s\n", title)
	switch len(r.Parents) {
	case 0:
		b.WriteString("Parent: <base>\n")
	case 1:
		fmt.Fprintf(&b, "Parent: %s\n", r.Parents[0])
	default:
		fmt.Fprintf(&b, "Merges: %s\n", joinIDs(r.Parents))
	}
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(&b, "Also depends on: %s\n", joinIDs(r.DependsOn))
	}
	if ls := g.Labels(r.ID); len(ls) > 0 {
		fmt.Fprintf(&b, "Branch names: %s\n", joinIDs(ls))
	}
	if g.IsBranchPoint(r.ID) {
		fmt.Fprintf(&b, "Branches into: %s\n", joinIDs(g.Children(r.ID)))
	}
	fmt.Fprintf(&b, "Path: %s\n\n", p.revPath(r))
	fmt.Fprintf(&b, "    %s\n\n", r.Message)
	fmt.Fprintf(&b, "    Revision ID: %s\n", r.ID)
	fmt.Fprintf(&b, "    Revises: %s\n", strings.Join(r.Parents, ", "))
	fmt.Fprintf(&b, "    Create Date: %s\n", r.Created)
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "    WARNING: %s\n", w)
	}
	for _, w := range r.DowngradeWarnings {
		fmt.Fprintf(&b, "    Downgrade WARNING: %s\n", w)
	}
	return b.String()
}

// appendEntry appends the one-line entry of r: what entry returns when
// not verbose.
func appendEntry(b []byte, g *migrations.Graph, r *migrations.Revision, current map[string]bool) []byte {
	b = append(b, parentsLabel(r.Parents)...)
	b = append(b, " -> "...)
	b = appendTitle(b, g, r, current)
	b = append(b, ", "...)
	return append(b, r.Message...)
}

// appendTitle appends r's id and its marks.
func appendTitle(b []byte, g *migrations.Graph, r *migrations.Revision, current map[string]bool) []byte {
	b = append(b, r.ID...)
	if ls := g.Labels(r.ID); len(ls) > 0 {
		b = append(b, " ("...)
		b = append(b, joinIDs(ls)...)
		b = append(b, ')')
	}
	switch {
	case g.IsEffectiveHead(r.ID):
		// Alembic's word: nothing revises it, but a revision depends on
		// it, so "heads" (and upgrade heads) reaches it through that one.
		b = append(b, " (effective head)"...)
	case g.IsHead(r.ID):
		b = append(b, " (head)"...)
	}
	if g.IsBranchPoint(r.ID) {
		b = append(b, " (branchpoint)"...)
	}
	if len(r.Parents) > 1 {
		b = append(b, " (mergepoint)"...)
	}
	if current[r.ID] {
		b = append(b, " (current)"...)
	}
	return b
}

func parentsLabel(parents []string) string {
	switch len(parents) {
	case 0:
		return "<base>"
	case 1:
		return parents[0]
	}
	return "(" + joinIDs(parents) + ")"
}

func joinIDs(ids []string) string { return strings.Join(ids, ", ") }

// currentHeads reads the database's heads when the database can be reached
// without side effects; nil otherwise. When a server could not be read, it
// says so on stderr: history without "(current)" must not look like a
// database at base.
func (p *project) currentHeads(ctx context.Context, a *app) map[string]bool {
	db := p.openIfExists(ctx)
	if db == nil {
		if p.dialect() != dialect.SQLite {
			fmt.Fprintf(a.stderr, "Note: %s could not be read; the current revision is not marked\n", p.url.Display())
		}
		return nil
	}
	defer db.Close()
	st, err := migrations.NewRunner(db, p.runnerOptions(a)).State(ctx)
	if err != nil {
		fmt.Fprintf(a.stderr, "Note: the version table could not be read (%s); the current revision is not marked\n", dburl.Redact(oneLine(err.Error())))
		return nil
	}
	out := map[string]bool{}
	for _, h := range st.Heads {
		out[h] = true
	}
	return out
}

type historyOptions struct {
	rng     string
	verbose bool
	// indicate is Alembic's -i/--indicate-current, accepted for scripts
	// written for Alembic: retort marks the current revision whenever the
	// database can be read.
	indicate bool
}

func (a *app) historyCmd() *cobra.Command {
	opts := &historyOptions{}
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List revisions, newest first, marking heads, branch points, merges and the current revision",
		Example: `  retort history
  retort history -r 1a2b:head -v
  retort history -r current:
  retort history -r billing@base:billing@head   # one branch`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, g, err := a.projectHistory()
			if err != nil {
				return err
			}
			current := p.currentHeads(cmd.Context(), a)
			revs, err := g.History(opts.rng, keys(current))
			if err != nil {
				return err
			}
			w := bufio.NewWriter(a.stdout)
			var line []byte
			for i, r := range revs {
				if opts.verbose {
					if i > 0 {
						fmt.Fprintln(w)
					}
					fmt.Fprintln(w, strings.TrimRight(p.entry(g, r, current, true), "\n"))
					continue
				}
				line = append(appendEntry(line[:0], g, r, current), '\n')
				w.Write(line)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVarP(&opts.rng, "rev-range", "r", "", "range START:END (either side may be empty, current, head, base, or relative)")
	cmd.Flags().BoolVarP(&opts.verbose, "verbose", "v", false, "print each revision in full")
	cmd.Flags().BoolVarP(&opts.indicate, "indicate-current", "i", false, "mark the current revision (always done when the database can be read; accepted for Alembic's scripts)")
	return cmd
}

func (a *app) headsCmd() *cobra.Command {
	var verbose, resolveDeps bool
	cmd := &cobra.Command{
		Use:     "heads",
		Short:   "Print the head revisions (and effective heads: revisions nothing revises but something depends on)",
		Example: "  retort heads -v\n  retort heads --resolve-dependencies   # only the heads nothing depends on",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, g, err := a.projectHistory()
			if err != nil {
				return err
			}
			heads := g.Heads()
			if resolveDeps {
				heads = g.RealHeads()
			}
			for _, id := range heads {
				a.printRev(p, g, id, nil, verbose)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print each revision in full")
	cmd.Flags().BoolVar(&resolveDeps, "resolve-dependencies", false, "count Depends On links: leave out heads that another revision depends on")
	return cmd
}

func (a *app) branchesCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:     "branches",
		Short:   "Print the branch points (revisions with more than one child)",
		Example: "  retort branches",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, g, err := a.projectHistory()
			if err != nil {
				return err
			}
			for _, id := range g.BranchPoints() {
				a.printRev(p, g, id, nil, verbose)
				for _, c := range g.Children(id) {
					r := g.Get(c)
					a.println(fmt.Sprintf("    -> %s, %s", c, r.Message))
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print each revision in full")
	return cmd
}

func (a *app) checkMigrationCmd() *cobra.Command {
	allowMerges := false
	cmd := &cobra.Command{
		Use:     "check_migration",
		Aliases: []string{"check-migration"},
		Short:   "Exit 1 when the history is not linear (several heads or a branch point)",
		Example: "  retort check_migration && echo linear\n  retort check_migration --allow-merges   # branches are fine once merged",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, g, err := a.projectHistory()
			if err != nil {
				return err
			}
			heads, bps := g.Heads(), g.BranchPoints()
			switch {
			case len(heads) <= 1 && len(bps) == 0:
				a.println(fmt.Sprintf("History is linear: %d revisions, head %s", len(g.Revisions()), strings.Join(heads, "")))
				return nil
			case len(heads) <= 1 && allowMerges:
				a.println(fmt.Sprintf("History has one head, %s: %d revisions, its branches merged (--allow-merges)", strings.Join(heads, ""), len(g.Revisions())))
				return nil
			}
			for _, bp := range bps {
				a.println(fmt.Sprintf("Branch point %s (%s) has children %s", bp, g.Get(bp).Message, joinIDs(g.Children(bp))))
			}
			if len(heads) > 1 {
				a.println(fmt.Sprintf("Multiple heads: %s", joinIDs(heads)))
			}
			a.println(linearAdvice(g, heads))
			return &silentError{code: exitProblem}
		},
	}
	cmd.Flags().BoolVar(&allowMerges, "allow-merges", false, "accept branches that a merge revision joined: fail only on several heads")
	return cmd
}

// linearAdvice says how a history with branches becomes a line again: the
// newest revision of a branch moves on top of the other branch's head
// (`retort rebase`), or, for teams that accept merges, a merge revision
// and --allow-merges.
func linearAdvice(g *migrations.Graph, heads []string) string {
	if len(heads) == 2 {
		return fmt.Sprintf("To make it linear, move the revision that is applied nowhere onto the other head: `retort rebase %s` (or `retort rebase %s`). "+
			"To accept merged branches instead: `retort merge -m MSG heads`, then `retort check_migration --allow-merges`.", heads[1], heads[0])
	}
	if len(heads) > 2 {
		return "To make it linear, move each head that is applied nowhere onto another with `retort rebase REV --onto HEAD`, one at a time. " +
			"To accept merged branches instead: `retort merge -m MSG heads`, then `retort check_migration --allow-merges`."
	}
	return "The branches are merged; a linear history has no merge: rebase instead of merging next time, or accept merges with `retort check_migration --allow-merges`."
}

func (a *app) showCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "show REV",
		Short:   "Print one revision: its place in the history and its file",
		Example: "  retort show head\n  retort show 3f2a\n  retort show current   # what the database is at",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, g, err := a.projectHistory()
			if err != nil {
				return err
			}
			var current []string
			if args[0] == "current" {
				db, err := p.open(cmd.Context())
				if err != nil {
					return err
				}
				st, err := migrations.NewRunner(db, p.runnerOptions(a)).State(cmd.Context())
				db.Close()
				if err != nil {
					return err
				}
				current = st.Heads
				if len(current) == 0 {
					fmt.Fprintln(a.stderr, "The database is at base: no revision applied.")
				}
			}
			ids, err := g.Resolve(args[0], current)
			if err != nil {
				return err
			}
			for i, id := range ids {
				if i > 0 {
					a.println("")
				}
				r := g.Get(id)
				a.println(p.entry(g, r, nil, true))
				data, err := os.ReadFile(p.revPath(r))
				if err != nil {
					return err
				}
				fmt.Fprint(a.stdout, string(data))
			}
			return nil
		},
	}
}

type mergeOptions struct {
	message string
	revID   string
}

func (a *app) mergeCmd() *cobra.Command {
	opts := &mergeOptions{}
	cmd := &cobra.Command{
		Use:     "merge -m MESSAGE REV...",
		Short:   "Write a merge revision joining two or more heads",
		Example: "  retort merge -m \"merge feature branches\" heads\n  retort merge -m \"join\" 1a2b 3c4d",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, g, err := a.projectHistory()
			if err != nil {
				return err
			}
			var parents []string
			seen := map[string]bool{}
			for _, arg := range args {
				ids, err := g.Resolve(arg, nil)
				if err != nil {
					return err
				}
				for _, id := range ids {
					if !seen[id] {
						seen[id] = true
						parents = append(parents, id)
					}
				}
			}
			if len(parents) < 2 {
				return usagef("merge needs at least two revisions, got %s", joinIDs(parents))
			}
			id, err := newRevisionID(g, opts.revID)
			if err != nil {
				return err
			}
			tmpl, err := p.template()
			if err != nil {
				return err
			}
			file, err := codegen.Render(tmpl, codegen.Revision{
				ID: id, Message: opts.message, Revises: parents, CreateDate: codegen.FormatDate(a.now()),
			})
			if err != nil {
				return err
			}
			return a.writeRevision(p, file)
		},
	}
	cmd.Flags().StringVarP(&opts.message, "message", "m", "", "what the merge is for (required)")
	cmd.Flags().StringVar(&opts.revID, "rev-id", "", "use this revision id instead of a random one")
	cmd.MarkFlagRequired("message")
	return cmd
}

// projectGraph loads the project and its revision graph with the
// statements, for commands that run or write them.
func (a *app) projectGraph() (*project, *migrations.Graph, error) {
	return a.loadGraph(false)
}

// projectHistory loads the project and its revision graph without the
// statements (the files are checked all the same), for commands that
// print or extend the history.
func (a *app) projectHistory() (*project, *migrations.Graph, error) {
	return a.loadGraph(true)
}

// loadGraph loads the project and its revision graph; headersOnly leaves
// the statements out (migrations.LoadGraphHeaders).
func (a *app) loadGraph(headersOnly bool) (*project, *migrations.Graph, error) {
	p, err := a.loadProject()
	if err != nil {
		return nil, nil, err
	}
	g, err := p.graph(headersOnly)
	if err != nil {
		return nil, nil, err
	}
	return p, g, nil
}

func (a *app) printRev(p *project, g *migrations.Graph, id string, current map[string]bool, verbose bool) {
	r := g.Get(id)
	if verbose {
		a.println(p.entry(g, r, current, true))
		return
	}
	line := p.entry(g, r, current, false)
	// heads and branches print "id (marks)" without the parents, as Alembic does.
	if _, rest, ok := strings.Cut(line, " -> "); ok {
		line = rest
	}
	if i := strings.LastIndex(line, ", "+r.Message); i >= 0 && r.Message != "" {
		line = line[:i]
	}
	a.println(line)
}

func (a *app) println(s string) { fmt.Fprintln(a.stdout, strings.TrimRight(s, "\n")) }

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
