package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/migrations"
	"github.com/retortdb/retort/templates"
)

type revisionOptions struct {
	message      string
	autogenerate bool
	revID        string
	head         string
	splice       bool
	dependsOn    []string
	allowEmpty   bool
	renames      []string
	branchLabels []string
	online       bool // --online, when given (onlineSet)
	onlineSet    bool
	versionPath  string
}

func (a *app) revisionCmd() *cobra.Command {
	opts := &revisionOptions{}
	cmd := &cobra.Command{
		Use:   "revision -m MESSAGE",
		Short: "Write a new revision file (with --autogenerate: from the models' diff against the database)",
		Example: `  retort revision -m "add email to users" --autogenerate
  retort revision -m "backfill emails"                 # a blank revision to fill in by hand
  retort revision -m "hotfix" --head 1a2b3c --splice   # branch from a revision that is not a head
  retort revision -m "billing" --head base --branch-label billing  # a new independent branch`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.onlineSet = cmd.Flags().Changed("online")
			return a.runRevision(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.message, "message", "m", "", "what the revision does (required)")
	f.BoolVar(&opts.online, "online", true, "with --autogenerate, write the non-blocking form of each change (default [migrations] online, else true); --online=false writes the plain form and an \"Online: false\" header")
	f.BoolVar(&opts.autogenerate, "autogenerate", false, "fill the revision with the SQL that takes the database to the models' schema")
	f.StringVar(&opts.revID, "rev-id", "", "use this revision id instead of a random one")
	f.StringVar(&opts.versionPath, "version-path", "", "the migrations folder to write the file in: [migrations] dir (the default) or one of version_locations")
	f.StringVar(&opts.head, "head", "", "the revision to build on (a head, or any revision with --splice; base for a new root)")
	f.BoolVar(&opts.splice, "splice", false, "allow --head to name a revision that is not a head, starting a branch")
	f.StringSliceVar(&opts.dependsOn, "depends-on", nil, "revisions this one depends on, besides its parent (repeatable)")
	f.StringSliceVar(&opts.branchLabels, "branch-label", nil, "name the branch this revision is on, for NAME@head, NAME@base, NAME@-1 (repeatable)")
	f.BoolVar(&opts.allowEmpty, "allow-empty", false, "with --autogenerate, write a revision even when nothing changed")
	f.StringArrayVar(&opts.renames, "rename", nil, "with --autogenerate, a rename: table.old=new (column) or old_table=new_table (repeatable)")
	cmd.MarkFlagRequired("message")
	return cmd
}

func (a *app) runRevision(ctx context.Context, opts *revisionOptions) error {
	p, err := a.loadProject()
	if err != nil {
		return err
	}
	g, err := p.graph(false)
	if err != nil {
		return err
	}
	parents, err := revisionParents(g, opts.head, opts.splice)
	if err != nil {
		return err
	}
	var deps []string
	for _, d := range opts.dependsOn {
		ids, err := g.Resolve(d, nil)
		if err != nil {
			return err
		}
		deps = append(deps, ids...)
	}
	id, err := newRevisionID(g, opts.revID)
	if err != nil {
		return err
	}
	for _, l := range opts.branchLabels {
		if !codegen.ValidID(l) || strings.EqualFold(l, "head") || strings.EqualFold(l, "heads") || strings.EqualFold(l, "base") || strings.EqualFold(l, "current") {
			return usagef("invalid --branch-label %q: use letters, digits, _ or - (at most 64), not head, heads, base or current", l)
		}
		if g.Get(l) != nil || l == id {
			return usagef("--branch-label %s is a revision id", l)
		}
		for _, r := range g.Revisions() {
			if slices.Contains(r.BranchLabels, l) {
				return usagef("--branch-label %s is already the label of revision %s", l, r.ID)
			}
		}
	}
	tmpl, err := p.template()
	if err != nil {
		return err
	}
	rev := codegen.Revision{
		ID:           id,
		Message:      opts.message,
		Revises:      parents,
		DependsOn:    deps,
		BranchLabels: opts.branchLabels,
		CreateDate:   codegen.FormatDate(a.now()),
	}
	if opts.onlineSet {
		p.online = &opts.online
	}
	if opts.autogenerate {
		empty, err := a.autogenerate(ctx, p, g, opts, &rev)
		if err != nil {
			return err
		}
		if empty && !opts.allowEmpty {
			fmt.Fprintln(a.stderr, "No changes in schema detected; no revision written (--allow-empty writes one anyway).")
			return nil
		}
	}
	file, err := codegen.Render(tmpl, rev)
	if err != nil {
		return err
	}
	if len(rev.BranchLabels) > 0 {
		if back, err := migrations.ParseFile(file.Path, file.Data, p.dialect()); err == nil && !slices.Equal(back.BranchLabels, rev.BranchLabels) {
			return usagef("the revision template does not write the branch labels: add {{ if .BranchLabels }}-- Branch Labels: {{ join .BranchLabels \", \" }}{{ end }} as retort's default template does")
		}
	}
	if len(rev.DowngradeWarnings) > 0 && !bytes.Contains(file.Data, []byte("Downgrade WARNING:")) {
		// A project's own template, written before downgrades had
		// warnings of their own: the file is right, but downgrade will
		// not warn.
		fmt.Fprintln(a.stderr, `Note: the revision template does not write the downgrade's warnings; add {{ range .DowngradeWarnings }}-- Downgrade WARNING: {{ . }} lines as retort's default template does, so that downgrade shows them`)
	}
	dir, err := p.versionPath(opts.versionPath)
	if err != nil {
		return err
	}
	return a.writeRevisionIn(p, dir, file)
}

// versionPath is the migrations folder --version-path names (the folder or
// its versions/), [migrations] dir without it.
func (p *project) versionPath(flag string) (string, error) {
	if flag == "" {
		return p.cfg.MigrationsDir(), nil
	}
	want, err := filepath.Abs(flag)
	if err != nil {
		return "", err
	}
	var known []string
	for _, l := range p.locations() {
		abs, err := filepath.Abs(l)
		if err != nil {
			continue
		}
		if want == abs || want == filepath.Join(abs, "versions") {
			return l, nil
		}
		known = append(known, displayPath(l))
	}
	return "", usagef("--version-path %s is not a migrations folder of this project (%s; more go in [migrations] version_locations)", flag, strings.Join(known, ", "))
}

// writeRevision checks that a rendered revision reads back as one (so a
// broken user template never leaves a broken file behind), writes it
// without overwriting anything and prints its path.
func (a *app) writeRevision(p *project, file codegen.File) error {
	return a.writeRevisionIn(p, p.cfg.MigrationsDir(), file)
}

// writeRevisionIn is writeRevision into the migrations folder dir.
func (a *app) writeRevisionIn(p *project, dir string, file codegen.File) error {
	if _, err := migrations.ParseFile(file.Path, file.Data, p.dialect()); err != nil {
		return usagef("the revision template renders a file that does not parse: %v", err)
	}
	path := filepath.Join(dir, filepath.FromSlash(file.Path))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := writeNew(path, file.Data); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, displayPath(path))
	return nil
}

// revisionParents chooses what a new revision revises: the single head, or
// --head (which must be a head unless --splice; base starts a new root).
func revisionParents(g *migrations.Graph, head string, splice bool) ([]string, error) {
	if head == "" {
		heads := g.Heads()
		if len(heads) > 1 {
			return nil, fmt.Errorf("%w: %s; pass --head to choose one, or join them first with `retort merge -m MSG heads`", migrations.ErrMultipleHeads, joinIDs(heads))
		}
		return heads, nil
	}
	if head == "base" {
		return nil, nil
	}
	ids, err := g.Resolve(head, nil)
	if err != nil {
		return nil, err
	}
	if !splice {
		isHead := map[string]bool{}
		for _, h := range g.Heads() {
			isHead[h] = true
		}
		for _, id := range ids {
			if !isHead[id] {
				return nil, usagef("revision %s is not a head; pass --splice to start a branch from it", id)
			}
		}
	}
	return ids, nil
}

func newRevisionID(g *migrations.Graph, want string) (string, error) {
	if want != "" {
		if !codegen.ValidID(want) {
			return "", usagef("invalid --rev-id %q: use letters, digits, _ or - (at most 64)", want)
		}
		if g.Get(want) != nil {
			return "", usagef("revision id %s already exists", want)
		}
		return want, nil
	}
	for {
		id, err := codegen.NewID(nil)
		if err != nil {
			return "", err
		}
		if g.Get(id) == nil {
			return id, nil
		}
	}
}

// template is the project's own script.sql.tmpl, or the default.
func (p *project) template() (*template.Template, error) {
	path := filepath.Join(p.cfg.MigrationsDir(), templates.RevisionName)
	text, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return codegen.Default(), nil
	}
	if err != nil {
		return nil, err
	}
	t, err := templates.Parse(templates.RevisionName, text)
	if err != nil {
		return nil, usagef("%s: %v", displayPath(path), err)
	}
	return t, nil
}
