package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/migrations"
	"github.com/retortdb/retort/templates"
)

// version is retort's version as the build recorded it: the module
// version for `go install ...@vX`, else the VCS revision of a local build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if (v == "" || v == "(devel)") && rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		return "(devel) " + rev + dirty
	}
	if v == "" {
		v = "(devel)"
	}
	return v
}

func (a *app) listTemplatesCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "list_templates",
		Aliases: []string{"list-templates"},
		Short:   "List the revision templates: retort's default and the project's own",
		Example: "  retort list_templates",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a.println("Available templates:")
			a.println("")
			a.println(fmt.Sprintf("%s - the default revision file (retort init writes a copy into the migrations folder)", templates.RevisionName))
			// A project, when there is one, says which template revision uses.
			p, err := a.loadProject()
			if err != nil {
				return nil
			}
			path := filepath.Join(p.cfg.MigrationsDir(), templates.RevisionName)
			if _, err := os.Stat(path); err == nil {
				a.println(fmt.Sprintf("\nThis project's revisions use %s.", displayPath(path)))
			} else if errors.Is(err, os.ErrNotExist) {
				a.println(fmt.Sprintf("\nThis project has no %s: its revisions use the default.", displayPath(path)))
			}
			return nil
		},
	}
}

func (a *app) ensureVersionCmd() *cobra.Command {
	var sqlOnly bool
	cmd := &cobra.Command{
		Use:     "ensure_version",
		Aliases: []string{"ensure-version"},
		Short:   "Create the version table (and its log) if missing; apply nothing",
		Example: "  retort ensure_version\n  retort ensure_version --sql",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := a.loadProject()
			if err != nil {
				return err
			}
			ropts := p.runnerOptions(a)
			if sqlOnly {
				return migrations.WriteOfflineEnsureVersion(a.stdout, ropts)
			}
			db, err := p.open(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			return migrations.NewRunner(db, ropts).EnsureVersion(cmd.Context())
		},
	}
	cmd.Flags().BoolVar(&sqlOnly, "sql", false, "print the statements and touch no database")
	return cmd
}
