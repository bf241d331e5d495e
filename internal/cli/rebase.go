package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
)

type rebaseOptions struct {
	onto         string
	autogenerate bool
}

// rebaseCmd is what linear-history teams do when two branches each added a
// revision: the one not applied anywhere moves on top of the other, and
// the history is a line again.
func (a *app) rebaseCmd() *cobra.Command {
	opts := &rebaseOptions{}
	cmd := &cobra.Command{
		Use:   "rebase REV",
		Short: "Re-parent an unapplied head revision onto another head, for a linear history",
		Long: `Rewrites the Revises: line of REV, a head revision applied nowhere the
database knows, so that it revises the other head (or --onto). With
--autogenerate its body is written again from the models, against the
database at the new parent (run ` + "`retort upgrade NEWPARENT`" + ` first).`,
		Example: "  retort rebase 3f2a          # onto the other head\n  retort rebase 3f2a --onto 9c1b --autogenerate",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runRebase(cmd.Context(), args[0], opts)
		},
	}
	cmd.Flags().StringVar(&opts.onto, "onto", "", "the new parent (default: the other head)")
	cmd.Flags().BoolVar(&opts.autogenerate, "autogenerate", false, "write the revision's body again from the models, against the database at the new parent")
	return cmd
}

func (a *app) runRebase(ctx context.Context, ident string, opts *rebaseOptions) error {
	p, g, err := a.projectHistory()
	if err != nil {
		return err
	}
	ids, err := g.Resolve(ident, nil)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return usagef("%s names %d revisions; rebase one", ident, len(ids))
	}
	rev := g.Get(ids[0])
	if !g.IsHead(rev.ID) {
		return usagef("%s is not a head: revisions %s build on it; rebase the newest one", rev.ID, joinIDs(g.Children(rev.ID)))
	}
	if len(rev.Parents) > 1 {
		return usagef("%s is a merge revision; a merge is not rebased", rev.ID)
	}
	onto, err := rebaseTarget(g, rev, opts.onto)
	if err != nil {
		return err
	}
	db, err := p.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := migrations.NewRunner(db, p.runnerOptions(a)).State(ctx)
	if err != nil {
		return err
	}
	if st.Partial != nil && st.Partial.Revision == rev.ID {
		return fmt.Errorf("%s is partially applied in the database (%s): finish or revert it first", rev.ID, st.Partial)
	}
	if reaches(g, st.Heads, rev.ID) {
		return fmt.Errorf("%s is applied in the database: revert it first (`retort downgrade %s-1`), then rebase", rev.ID, rev.ID)
	}
	path := p.revPath(rev)
	old, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var data []byte
	if opts.autogenerate {
		if !slices.Equal(sorted(st.Heads), []string{onto}) {
			return fmt.Errorf("--autogenerate writes the body against the database at the new parent %s, and the database is at %s: run `retort upgrade %s` first", onto, orBase(st.Heads), onto)
		}
		if data, err = a.regenerate(ctx, p, db, rev, onto); err != nil {
			return err
		}
	} else if data, err = withRevises(old, onto); err != nil {
		return fmt.Errorf("%s: %w", displayPath(path), err)
	}
	back, err := migrations.ParseFile(rev.Path, data, p.dialect())
	if err != nil || !slices.Equal(back.Parents, []string{onto}) || back.ID != rev.ID {
		return fmt.Errorf("%s: the rebased file does not read back as revising %s (%v); the file is unchanged", displayPath(path), onto, err)
	}
	perm := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		perm = fi.Mode().Perm()
	}
	if err := writeWhole(path, data, perm, true); err != nil {
		return err
	}
	from := "base"
	if len(rev.Parents) == 1 {
		from = rev.Parents[0]
	}
	a.println(fmt.Sprintf("Rebased %s onto %s (it revised %s): %s", rev.ID, onto, from, displayPath(path)))
	return nil
}

// rebaseTarget is --onto, resolved, or else the single other head.
func rebaseTarget(g *migrations.Graph, rev *migrations.Revision, onto string) (string, error) {
	if onto == "" {
		others := slices.DeleteFunc(g.Heads(), func(h string) bool { return h == rev.ID })
		if len(others) != 1 {
			return "", usagef("there are %d other heads (%s); name the new parent with --onto", len(others), orBase(others))
		}
		return others[0], nil
	}
	ids, err := g.Resolve(onto, nil)
	if err != nil {
		return "", err
	}
	if len(ids) != 1 {
		return "", usagef("--onto %s names %d revisions; name one", onto, len(ids))
	}
	if ids[0] == rev.ID || reaches(g, ids, rev.ID) {
		return "", usagef("--onto %s builds on %s itself", ids[0], rev.ID)
	}
	return ids[0], nil
}

// reaches reports whether id is one of from or below them (through
// Revises and Depends On).
func reaches(g *migrations.Graph, from []string, id string) bool {
	seen := map[string]bool{}
	stack := slices.Clone(from)
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if cur == id {
			return true
		}
		if seen[cur] {
			continue
		}
		seen[cur] = true
		if r := g.Get(cur); r != nil {
			stack = append(stack, r.Parents...)
			stack = append(stack, r.DependsOn...)
		}
	}
	return false
}

// withRevises rewrites the Revises: header line of a revision file.
func withRevises(data []byte, parent string) ([]byte, error) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i, l := range lines {
		if bytes.HasPrefix(l, []byte("-- Revises:")) {
			nl := ""
			if bytes.HasSuffix(l, []byte("\n")) {
				nl = "\n"
			}
			lines[i] = []byte("-- Revises: " + parent + nl)
			return bytes.Join(lines, nil), nil
		}
		if bytes.HasPrefix(l, []byte("-- +retort")) {
			break
		}
	}
	return nil, fmt.Errorf("no -- Revises: line in the header")
}

// regenerate renders rev again, revising parent, with a body planned from
// the models against db (at parent).
//
// A revision written in the plain form on purpose (Online: false) is
// written in it again.
func (a *app) regenerate(ctx context.Context, p *project, db *sql.DB, rev *migrations.Revision, parent string) ([]byte, error) {
	if rev.Plain {
		plain := false
		p.online = &plain
	}
	plan, err := p.plan(ctx, db, nil)
	if err != nil {
		return nil, err
	}
	out := codegen.Revision{
		ID:           rev.ID,
		Message:      rev.Message,
		Revises:      []string{parent},
		DependsOn:    rev.DependsOn,
		BranchLabels: rev.BranchLabels,
		CreateDate:   rev.Created,
	}
	autogen.Fill(&out, plan)
	out.Plain = !p.isOnline() && p.dialect() != dialect.SQLite
	tmpl, err := p.template()
	if err != nil {
		return nil, err
	}
	file, err := codegen.Render(tmpl, out)
	if err != nil {
		return nil, err
	}
	return file.Data, nil
}
