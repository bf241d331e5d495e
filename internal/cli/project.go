package cli

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/migrations"
)

// project is a loaded config with the database URL in force.
type project struct {
	cfg *config.Config
	url *dburl.URL
	// timings gets how long each phase of autogenerate took
	// (RETORT_TIMINGS set), or is nil.
	timings io.Writer
	// lockTimeout and stallTimeout are [migrations] lock_timeout and
	// stall_timeout (or the flags).
	lockTimeout, stallTimeout time.Duration
	// online, when set, overrides [migrations] online (revision
	// --online, the Online: header of a revision rebase regenerates).
	online *bool
}

// isOnline reports whether autogenerate writes the online form of changes.
func (p *project) isOnline() bool {
	if p.online != nil {
		return *p.online
	}
	return p.cfg.Online()
}

func (a *app) loadProject() (*project, error) {
	path := a.configFile
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		if path, err = config.Find(wd); err != nil {
			return nil, err
		}
		path = displayPath(path)
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	if cfg.INI && !cfg.MigrationsSet {
		if cfg, err = projectBeside(cfg); err != nil {
			return nil, err
		}
	}
	u, err := cfg.URL(a.url, a.getenv)
	if err != nil {
		return nil, err
	}
	if err := cfg.CheckOnlineTool(u.Dialect); err != nil {
		return nil, err
	}
	lock, stall := cfg.Durations()
	p := &project{cfg: cfg, url: u, lockTimeout: lock, stallTimeout: stall}
	if a.getenv("RETORT_TIMINGS") != "" {
		p.timings = a.stderr
	}
	return p, nil
}

// projectBeside completes an oslo.config file that gives the database
// only (fenix.conf passed with -c), as fenix-db-manage's config file does
// with alembic.ini: the project part, migrations and models, comes from
// the retort.toml of the current folder or its parents; the connection
// from the file.
func projectBeside(ini *config.Config) (*config.Config, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	path, err := config.Find(wd)
	if errors.Is(err, config.ErrNotFound) {
		return nil, &config.Error{Path: displayPath(ini.Path), Msg: "an oslo.config file gives the database; the migrations folder comes from [migrations] dir in it, or from the " +
			config.FileName + " of the current folder or its parents, and there is neither (looked from " + wd + ")"}
	}
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(displayPath(path))
	if err != nil {
		return nil, err
	}
	cfg.Database.URL, cfg.Database.Connection, cfg.Database.DevURL = ini.Database.URL, ini.Database.Connection, ini.Database.DevURL
	cfg.URLDir, cfg.SQLAlchemyURLs = ini.Dir, ini.SQLAlchemyURLs
	return cfg, nil
}

func (p *project) dialect() dialect.Name { return p.url.Dialect }

// graph reads the revision files. A project without a versions folder yet
// has an empty history, unless its config is an oslo.config file naming a
// folder that is not there. Revision paths are made relative to the config
// file's folder ("migrations/versions/x.sql"): that is how errors name them
// and how the applied log records them, whatever the current folder.
func (p *project) graph(headersOnly bool) (*migrations.Graph, error) {
	dir := p.cfg.MigrationsDir()
	if _, err := os.Stat(filepath.Join(dir, "versions")); errors.Is(err, os.ErrNotExist) && len(p.cfg.Migrations.VersionLocations) == 0 {
		if !p.cfg.INI {
			return migrations.NewGraph(nil)
		}
		return nil, &config.Error{Path: displayPath(p.cfg.Path), Msg: "no migrations folder: " + displayPath(filepath.Join(dir, "versions")) +
			" does not exist ([migrations] dir is " + p.cfg.Migrations.Dir + "; retort init makes it)"}
	}
	if len(p.cfg.Migrations.VersionLocations) > 0 {
		return p.graphLocations(headersOnly)
	}
	load := migrations.LoadGraph
	if headersOnly {
		load = migrations.LoadGraphHeaders
	}
	g, err := load(migrations.CachedDirFS(dir, p.cfg.RevisionCache()), p.dialect())
	if err != nil {
		var fe *migrations.FileError
		if errors.As(err, &fe) && fe.Path != "" {
			fe.Path = displayPath(filepath.Join(dir, filepath.FromSlash(fe.Path)))
		}
		return nil, err
	}
	if prefix := p.pathPrefix(); prefix != "" {
		for _, r := range g.Revisions() {
			r.Path = prefix + r.Path
		}
	}
	return g, nil
}

// graphLocations is graph over [migrations] dir and version_locations:
// each revision's path is relative to the config file's folder.
func (p *project) graphLocations(headersOnly bool) (*migrations.Graph, error) {
	var (
		fsyss    []fs.FS
		prefixes []string
	)
	for _, dir := range p.locations() {
		info, err := os.Stat(filepath.Join(dir, "versions"))
		if err != nil || !info.IsDir() {
			return nil, &config.Error{Path: displayPath(p.cfg.Path), Msg: "version location " + displayPath(dir) + " has no versions folder"}
		}
		fsyss = append(fsyss, migrations.CachedDirFS(dir, p.cfg.RevisionCache()))
		prefixes = append(prefixes, p.prefixOf(dir))
	}
	g, err := migrations.LoadGraphLocations(fsyss, prefixes, p.dialect(), headersOnly)
	if err != nil {
		var fe *migrations.FileError
		if errors.As(err, &fe) && fe.Path != "" && !filepath.IsAbs(fe.Path) {
			fe.Path = displayPath(filepath.Join(p.cfg.Dir, filepath.FromSlash(fe.Path)))
		}
		return nil, err
	}
	return g, nil
}

// locations are the migrations folders: [migrations] dir, then
// version_locations, each once.
func (p *project) locations() []string {
	out := []string{p.cfg.MigrationsDir()}
	for _, l := range p.cfg.VersionLocations() {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// prefixOf is what goes before the paths of dir's revisions: dir relative
// to the config file's folder, with a slash, or dir itself when outside.
func (p *project) prefixOf(dir string) string {
	if rel, err := filepath.Rel(p.cfg.Dir, dir); err == nil && !strings.HasPrefix(rel, "..") {
		if rel == "." {
			return ""
		}
		return filepath.ToSlash(rel) + "/"
	}
	return filepath.ToSlash(dir) + "/"
}

// pathPrefix is what graph puts before a revision's path in the
// migrations folder ("migrations/"), "" when nothing.
func (p *project) pathPrefix() string {
	prefix := filepath.ToSlash(filepath.Clean(p.cfg.Migrations.Dir))
	if filepath.IsAbs(p.cfg.Migrations.Dir) {
		prefix = filepath.ToSlash(p.cfg.MigrationsDir())
	}
	if prefix == "." {
		return ""
	}
	// path.Join would also clean each path: both halves are clean.
	return strings.TrimSuffix(prefix, "/") + "/"
}

// revPath is where the user finds a revision's file.
func (p *project) revPath(r *migrations.Revision) string {
	if filepath.IsAbs(r.Path) {
		return displayPath(r.Path)
	}
	return displayPath(filepath.Join(p.cfg.Dir, filepath.FromSlash(r.Path)))
}

// displayPath shows a path relative to the current folder when it is below
// it, so that output holds no absolute paths needlessly.
func displayPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}

// open connects to the project's database.
func (p *project) open(ctx context.Context) (*sql.DB, error) {
	return p.url.Open(ctx)
}

// openIfExists connects only when the database can be read without creating
// anything: for SQLite, when the file exists; for servers, when one answers
// quickly. It is for commands that merely decorate their output with the
// database's state (history's "(current)").
func (p *project) openIfExists(ctx context.Context) *sql.DB {
	if p.dialect() == dialect.SQLite {
		if _, err := os.Stat(p.url.Database); err != nil {
			return nil
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	db, err := p.open(ctx)
	if err != nil {
		return nil
	}
	return db
}

func (p *project) runnerOptions(a *app) migrations.RunnerOptions {
	return migrations.RunnerOptions{
		Dialect:      p.dialect(),
		VersionTable: p.cfg.Migrations.VersionTable,
		Log:          a.stdout,
		LockTimeout:  p.lockTimeout,
		StallTimeout: p.stallTimeout,
		Abort:        a.abort,
		// Every revision's statements wait for table locks no longer
		// than this (5s unless the file says otherwise).
		StatementLockTimeout: p.cfg.StatementLockTimeout(),
		LockRetries:          p.cfg.Migrations.LockRetries,
		OnlineTool:           p.onlineTool(),
	}
}

// onlineTool is how the runner runs statements marked for [migrations]
// online_tool: nil when it is not set.
func (p *project) onlineTool() *migrations.OnlineTool {
	if p.cfg.Migrations.OnlineTool == "" || p.dialect() != dialect.MySQL {
		return nil
	}
	return &migrations.OnlineTool{Name: p.cfg.Migrations.OnlineTool, DSN: p.url.DSN}
}
