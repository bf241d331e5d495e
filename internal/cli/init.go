package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/templates"
)

type initOptions struct {
	dialect string
	dir     string
}

func (a *app) initCmd() *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write retort.toml, the migrations folder and the revision template",
		Example: `  retort init                      # SQLite: sqlite://app.db
  retort init --dialect postgres`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runInit(opts) },
	}
	cmd.Flags().StringVar(&opts.dialect, "dialect", "sqlite", "database dialect: mysql, postgres or sqlite")
	cmd.Flags().StringVar(&opts.dir, "dir", config.DefaultMigrationsDir, "migrations folder to create")
	return cmd
}

var initURLs = map[dialect.Name]string{
	dialect.SQLite:   "sqlite://app.db",
	dialect.MySQL:    "mysql://root@127.0.0.1:3306/app",
	dialect.Postgres: "postgres://postgres@127.0.0.1:5432/app?sslmode=disable",
}

const initConfig = `# retort configuration: https://github.com/retortdb/retort
[database]
url = %q
# dev_url = ""          # optional scratch database used to normalize the models' schema

[migrations]
dir = %q         # revision files live in <dir>/versions/
version_table = "retort_version"

[models]
packages = ["./models"]  # Go package patterns holding the struct models
`

func (a *app) runInit(opts *initOptions) error {
	d, err := dialect.Parse(opts.dialect)
	if err != nil {
		return usageError{err}
	}
	cfgPath := a.configFile
	if cfgPath == "" {
		cfgPath = config.FileName
	}
	if _, err := os.Stat(cfgPath); err == nil {
		return usagef("%s already exists; remove it or pass another --config-file", cfgPath)
	}
	base := filepath.Dir(cfgPath)
	versions := filepath.Join(base, opts.dir, "versions")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		return err
	}
	tmpl := filepath.Join(base, opts.dir, templates.RevisionName)
	if _, err := os.Stat(tmpl); errors.Is(err, os.ErrNotExist) {
		if err := os.WriteFile(tmpl, templates.Default(), 0o644); err != nil {
			return err
		}
	}
	if err := writeNew(cfgPath, []byte(fmt.Sprintf(initConfig, initURLs[d], opts.dir))); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Created %s, %s and %s\n", cfgPath, versions+string(filepath.Separator), tmpl)
	return nil
}

// writeNew writes a file that must not exist yet, all or nothing: the data
// goes to a temporary file in the same folder that is then linked into
// place, so a crash never leaves half a file and an existing file is never
// overwritten.
func writeNew(path string, data []byte) error { return writeWhole(path, data, 0o644, false) }

// writeWhole writes data to a temporary file beside path, synced, then
// links it to path (which must not exist) or, with replace, renames it
// over path: the file is whole or as it was.
func writeWhole(path string, data []byte, perm os.FileMode, replace bool) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".retort-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if replace {
		return os.Rename(tmp.Name(), path)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return usagef("%s already exists", path)
		}
		return err
	}
	return nil
}
