package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/benchgen"
	"github.com/retortdb/retort/internal/dbserver"
)

// The cases, in the order of the table.
const (
	caseCold    = "first run, cold normalization cache (no-op)"
	caseNoop    = "no-op revision --autogenerate"
	caseCheck   = "no-op check"
	caseChanged = "1% changed revision --autogenerate"
	caseEmpty   = "from empty revision --autogenerate"
	// The cold cases are CI's: a fresh runner, the cache folder empty on
	// every run.
	caseColdCheck = "check, empty cache folder"
	caseColdMig   = "check --from-migrations, empty cache folder"
	caseAlembic   = "Alembic 1.8 no-op revision --autogenerate"
)

// ratioCases are the rows set beside Alembic's.
var ratioCases = map[string]bool{caseNoop: true, caseCheck: true, caseColdCheck: true, caseColdMig: true}

// result is one row of the table.
type result struct {
	dialect  dialect.Name
	tables   int
	name     string
	times    []time.Duration
	queries  []int64         // per run; nil when not measurable
	rss      []int64         // peak RSS of the child per run, KiB
	cpu      []time.Duration // user+system time of the child per run
	note     string          // why the case stopped early, or what went wrong
	timedOut bool
}

// finding is an unexpected outcome worth reporting under the table.
type finding struct {
	where, text string
}

type bencher struct {
	cfg      config
	log      io.Writer
	results  []*result
	findings []finding
	versions map[dialect.Name]string
	setup    []string // how long each database took to build
	slowest  map[dialect.Name]slowest
}

// slowest is the slowest case's median at the largest size run so far.
type slowest struct {
	tables int
	wall   time.Duration
}

// skip records a size that was not run, and why.
func (b *bencher) skip(d dialect.Name, n int, why string) {
	fmt.Fprintf(b.log, "benchrun: %s, %d tables: %s\n", d, n, why)
	b.results = append(b.results, &result{dialect: d, tables: n, name: "all cases", note: why})
}

func bench(ctx context.Context, cfg config, stdout, log io.Writer) error {
	b := &bencher{cfg: cfg, log: log, versions: make(map[dialect.Name]string), slowest: make(map[dialect.Name]slowest)}
	start := time.Now()
	sizes := append([]int(nil), cfg.sizes...)
	sort.Ints(sizes)
	// Size by size, so that a spent budget costs the largest sizes only.
	for _, n := range sizes {
		for _, d := range cfg.dialects {
			if d == dialect.SQLite && n > cfg.sqliteMax {
				fmt.Fprintf(log, "benchrun: sqlite %d tables skipped (-sqlite-max %d)\n", n, cfg.sqliteMax)
				continue
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if spent := time.Since(start); spent > cfg.budget {
				b.skip(d, n, fmt.Sprintf("not run: the time budget (%s) was spent", cfg.budget))
				continue
			}
			if p := b.slowest[d]; p.tables > 0 {
				if guess := p.wall * time.Duration(n) / time.Duration(p.tables); guess > cfg.timeout {
					b.skip(d, n, fmt.Sprintf("not run: the slowest case took %s at %s tables, so about %s per run at linear growth, over the %s limit of a run",
						p.wall.Round(100*time.Millisecond), thousands(p.tables), guess.Round(time.Second), cfg.timeout))
					continue
				}
			}
			if err := b.size(ctx, d, n); err != nil {
				return fmt.Errorf("%s, %d tables: %w", d, n, err)
			}
		}
	}
	fmt.Fprintf(log, "benchrun: done in %s\n", time.Since(start).Round(time.Second))
	if cfg.setup != "" {
		return nil
	}
	b.report(stdout)
	return nil
}

// size runs every case on one dialect and size.
func (b *bencher) size(ctx context.Context, d dialect.Name, n int) error {
	fmt.Fprintf(b.log, "benchrun: %s, %d tables: setting up\n", d, n)
	base, ddl := benchgen.Generate(benchgen.Options{Tables: n, Seed: b.cfg.seed})
	changed, _ := benchgen.Generate(benchgen.Options{Tables: n, Seed: b.cfg.seed, ChangePercent: 1})

	keep := b.cfg.setup != ""
	var tmp string
	if keep {
		tmp = filepath.Join(b.cfg.setup, fmt.Sprintf("%s-%d", d, n))
		if err := os.MkdirAll(tmp, 0o755); err != nil {
			return err
		}
	} else {
		dir, err := os.MkdirTemp("", "retort-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		tmp = dir
	}

	full, err := newDatabase(ctx, d, tmp, "full")
	if err != nil {
		return err
	}
	empty, err := newDatabase(ctx, d, tmp, "empty")
	if err != nil {
		full.close(b.log)
		return err
	}
	if !keep {
		defer full.close(b.log)
		defer empty.close(b.log)
	}
	if b.versions[d] == "" {
		b.versions[d] = serverVersion(ctx, full.db, d)
	}

	t0 := time.Now()
	if err := applyDDL(ctx, full.db, d, ddl[d]); err != nil {
		return err
	}
	took := time.Since(t0).Round(10 * time.Millisecond)
	b.setup = append(b.setup, fmt.Sprintf("%s, %d tables: %d DDL statements in %s", d, n, len(ddl[d]), took))
	fmt.Fprintf(b.log, "benchrun: %s, %d tables: schema created in %s\n", d, n, took)

	// The projects share a normalization cache of their own, cold at
	// first, as on a machine that has not seen these models.
	cache := filepath.Join(tmp, "cache")
	pBase, err := writeProject(filepath.Join(tmp, "base"), full.url, cache, base)
	if err != nil {
		return err
	}
	pChanged, err := writeProject(filepath.Join(tmp, "changed"), full.url, cache, changed)
	if err != nil {
		return err
	}
	pEmpty, err := writeProject(filepath.Join(tmp, "empty"), empty.url, cache, base)
	if err != nil {
		return err
	}

	// CI's projects: a cache folder of their own, emptied before every
	// run; --from-migrations replays one revision holding the schema's DDL
	// into a scratch database next to the empty database.
	coldCache := filepath.Join(tmp, "cold-cache")
	pCold, err := writeProject(filepath.Join(tmp, "cold"), full.url, coldCache, base)
	if err != nil {
		return err
	}
	pMig, err := writeProject(filepath.Join(tmp, "from-migrations"), empty.url, coldCache, base)
	if err != nil {
		return err
	}
	if err := writeRevision(pMig, ddl[d]); err != nil {
		return err
	}
	emptyCold := func() error { return os.RemoveAll(coldCache) }
	pAlembic, noAlembic := "", alembicMissing(ctx, d)
	if noAlembic == "" {
		if pAlembic, err = writeAlembic(filepath.Join(tmp, "alembic"), full.url, benchgen.Options{Tables: n, Seed: b.cfg.seed}); err != nil {
			return err
		}
	}

	for _, dir := range []string{pBase, pChanged, pEmpty, pCold, pMig} {
		warmBuildCache(ctx, dir, b.log)
	}
	if keep {
		fmt.Fprintf(b.log, "benchrun: %s, %d tables: kept %s (databases %s and %s: drop them when done)\n",
			d, n, tmp, full.url.Database, empty.url.Database)
		return nil
	}

	runs := b.cfg.runs
	if n >= 10000 && runs > 3 {
		runs = 3
	}
	type benchCase struct {
		name string
		dir  string
		db   *database
		args []string
		want outcome
		cold bool // one run, no warm-up, a longer time limit
		// prepare runs before each run and after runs after it,
		// untimed; long gives each run the cold case's time limit.
		prepare, after func() error
		long           bool
		// bin runs instead of retort (Alembic), writing its revisions to
		// versions instead of migrations/versions.
		bin, versions string
	}
	revision := []string{"revision", "-m", "bench", "--autogenerate"}
	cases := []benchCase{
		{name: caseCold, dir: pBase, db: full, args: revision, want: wantNothing, cold: true},
		{name: caseNoop, dir: pBase, db: full, args: revision, want: wantNothing},
		{name: caseCheck, dir: pBase, db: full, args: []string{"check"}, want: wantClean},
		{name: caseChanged, dir: pChanged, db: full, args: revision, want: wantRevision},
		{name: caseEmpty, dir: pEmpty, db: empty, args: revision, want: wantRevision},
		{name: caseAlembic, dir: pAlembic, db: full, args: []string{"-m", "alembic", "revision", "--autogenerate", "-m", "bench"},
			want: wantAlembicNoop, long: true, bin: python, versions: filepath.Join("alembic", "versions"),
			after: func() error { // Alembic makes its version table
				_, err := full.db.ExecContext(ctx, "DROP TABLE IF EXISTS alembic_version")
				return err
			}},
		{name: caseColdCheck, dir: pCold, db: full, args: []string{"check"}, want: wantClean, prepare: emptyCold},
		{name: caseColdMig, dir: pMig, db: empty, args: []string{"check", "--from-migrations"}, want: wantClean, prepare: emptyCold, long: true},
	}
	for _, c := range cases {
		r := &result{dialect: d, tables: n, name: c.name}
		b.results = append(b.results, r)
		if c.name == caseAlembic && noAlembic != "" {
			r.note = noAlembic
			fmt.Fprintf(b.log, "benchrun: %s, %d tables: %s\n", d, n, noAlembic)
			continue
		}
		counter, err := newQueryCounter(ctx, d, c.db)
		if err != nil {
			return err
		}
		// One warm-up run, except from 1,000 tables on, where runs are
		// long: there warmBuildCache stands in for it.
		first, last, timeout := 0, runs, b.cfg.timeout
		if n >= 1000 {
			first = 1
		}
		if c.cold {
			first, last, timeout = 1, 1, max(timeout, 10*time.Minute)
		}
		if c.long {
			timeout = max(timeout, 10*time.Minute)
		}
		bin, versions := b.cfg.bin, filepath.Join("migrations", "versions")
		if c.bin != "" {
			bin, versions = c.bin, c.versions
		}
		caseStart := time.Now()
		for i := first; i <= last; i++ {
			if c.prepare != nil {
				if err := c.prepare(); err != nil {
					counter.close()
					return err
				}
			}
			m, err := b.once(ctx, bin, c.dir, versions, c.args, counter, timeout)
			if err == nil && c.after != nil {
				err = c.after()
			}
			if err != nil {
				counter.close()
				return err
			}
			where := fmt.Sprintf("%s, %d tables, %s", d, n, c.name)
			if msg := c.want.check(m); msg != "" {
				b.findings = append(b.findings, finding{where, msg})
				r.note = "see findings"
				fmt.Fprintf(b.log, "benchrun: %s: %s\n", where, firstLines(msg, 20))
				break
			}
			if m.timedOut {
				r.note = fmt.Sprintf("timed out after %s", timeout)
				r.timedOut = true
				fmt.Fprintf(b.log, "benchrun: %s: run %d timed out after %s\n", where, i, timeout)
				break
			}
			if i > 0 {
				r.times = append(r.times, m.wall)
				r.rss = append(r.rss, m.rss)
				r.cpu = append(r.cpu, m.cpu)
				if m.queries >= 0 {
					r.queries = append(r.queries, m.queries)
				}
			}
			fmt.Fprintf(b.log, "benchrun: %s, %d tables, %s: run %d: %s (cpu %s), %s queries, %d MiB\n",
				d, n, c.name, i, m.wall.Round(time.Millisecond), m.cpu.Round(time.Millisecond), countText(m.queries), m.rss/1024)
			if i < last && i >= 1 && time.Since(caseStart) > b.cfg.caseBudget {
				r.note = fmt.Sprintf("%s: %s per case", plural(len(r.times), "run"), b.cfg.caseBudget)
				break
			}
		}
		counter.close()
		if c.cold || c.bin != "" || c.prepare != nil {
			continue // the limits of the larger sizes go by the warm cases
		}
		cur := b.slowest[d]
		if cur.tables != n {
			cur = slowest{tables: n}
		}
		if len(r.times) > 0 {
			cur.wall = max(cur.wall, medianOf(r.times))
		}
		if r.timedOut {
			// The larger sizes would time out too.
			cur.wall = max(cur.wall, 2*b.cfg.timeout)
		}
		b.slowest[d] = cur
	}
	return nil
}

// warmBuildCache compiles the models package of the project in dir, as
// the `go list -export` of retort's model loader does on its first run in
// a folder (the build cache is keyed by the package's directory too): that
// first run costs a compile, over a second of CPU and some 170 MB at
// 1,000 tables, which no later run pays.
func warmBuildCache(ctx context.Context, dir string, log io.Writer) {
	cmd := exec.CommandContext(ctx, "go", "list", "-e", "-export", "-f", "{{.Export}}", "./models")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(log, "benchrun: warm the build cache in %s: %v\n%s", dir, err, out)
	}
}

// measurement is one run of the binary.
type measurement struct {
	wall    time.Duration
	cpu     time.Duration // user+system of retort and its waited-for children
	rss     int64         // KiB
	queries int64         // -1 when not measurable
	exit    int
	output  string // stdout and stderr
	written []string
	// writtenText is what the written files held.
	writtenText string
	timedOut    bool
}

// once runs bin once in dir and deletes any file it wrote in the folder
// versions (relative to dir).
func (b *bencher) once(ctx context.Context, bin, dir, versions string, args []string, counter queryCounter, timeout time.Duration) (*measurement, error) {
	versions = filepath.Join(dir, versions)
	had := map[string]bool{}
	if entries, err := os.ReadDir(versions); err == nil {
		for _, e := range entries {
			had[e.Name()] = true
		}
	}
	before, err := counter.read(ctx)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 20 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	t0 := time.Now()
	err = cmd.Run()
	m := &measurement{wall: time.Since(t0), queries: -1, output: out.String()}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			m.rss = ru.Maxrss
			m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
		m.exit = cmd.ProcessState.ExitCode()
	}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		m.timedOut = true
	case err != nil && !errors.As(err, &exitErr):
		return nil, fmt.Errorf("run %s: %w", bin, err)
	}
	entries, err := os.ReadDir(versions)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if had[e.Name()] || e.IsDir() {
			continue
		}
		p := filepath.Join(versions, e.Name())
		m.written = append(m.written, e.Name())
		if data, err := os.ReadFile(p); err == nil {
			m.writtenText += string(data)
		}
		if err := os.Remove(p); err != nil {
			return nil, err
		}
	}
	if !m.timedOut {
		after, err := counter.read(context.Background())
		if err != nil {
			return nil, err
		}
		if before >= 0 && after >= 0 {
			m.queries = after - before
		}
	}
	return m, nil
}

// outcome is what a case expects of a run.
type outcome int

const (
	wantNothing     outcome = iota // exit 0, "No changes", no file
	wantClean                      // exit 0 (check)
	wantRevision                   // exit 0, one file written
	wantAlembicNoop                // exit 0, one revision without operations
)

// check returns what is wrong with m, or "".
func (o outcome) check(m *measurement) string {
	if m.timedOut {
		return ""
	}
	switch {
	case o == wantNothing && (m.exit != 0 || len(m.written) > 0 || !strings.Contains(m.output, "No changes")):
		return fmt.Sprintf("expected no revision, got exit %d, files %v:\n%s", m.exit, m.written, m.output)
	case o == wantClean && m.exit != 0:
		return fmt.Sprintf("expected `check` to pass, got exit %d:\n%s", m.exit, m.output)
	case o == wantAlembicNoop && (m.exit != 0 || len(m.written) != 1 || strings.Contains(m.writtenText, "op.")):
		return fmt.Sprintf("expected Alembic to find no change, got exit %d, files %v:\n%s\n%s", m.exit, m.written, m.output, m.writtenText)
	case o == wantRevision && (m.exit != 0 || len(m.written) != 1):
		return fmt.Sprintf("expected one revision, got exit %d, files %v:\n%s", m.exit, m.written, m.output)
	}
	return ""
}

// database is a fresh database for one size: a file on SQLite, else
// retort_bench_<random> on the test server, dropped by close.
type database struct {
	dialect dialect.Name
	url     *dburl.URL
	db      *sql.DB
	drop    func() error
}

func newDatabase(ctx context.Context, d dialect.Name, tmp, name string) (*database, error) {
	if d == dialect.SQLite {
		u, err := dburl.Parse("sqlite://"+filepath.Join(tmp, name+".db"), "")
		if err != nil {
			return nil, err
		}
		db, err := u.Open(ctx)
		if err != nil {
			return nil, err
		}
		return &database{dialect: d, url: u, db: db, drop: func() error { return nil }}, nil
	}
	raw := os.Getenv(dbserver.EnvVar(d))
	if raw == "" {
		return nil, fmt.Errorf("%s is not set (eval \"$(scripts/services.sh)\")", dbserver.EnvVar(d))
	}
	admin, err := dburl.Parse(raw, "")
	if err != nil {
		return nil, err
	}
	u, drop, err := dbserver.Create(ctx, admin, "bench")
	if err != nil {
		return nil, fmt.Errorf("create database: %w", err)
	}
	db, err := u.Open(ctx)
	if err != nil {
		drop()
		return nil, err
	}
	return &database{dialect: d, url: u, db: db, drop: drop}, nil
}

func (d *database) close(log io.Writer) {
	d.db.Close()
	if err := d.drop(); err != nil {
		fmt.Fprintf(log, "benchrun: drop %s: %v\n", d.url.Database, err)
	}
}

// applyDDL creates the schema, as fast as each server allows: SQLite and
// PostgreSQL in transactions of a few hundred statements (a commit syncs),
// MariaDB on four connections at once with foreign key checks off (each
// CREATE TABLE commits on its own, and a table may then name a parent
// that another connection has not created yet).
func applyDDL(ctx context.Context, db *sql.DB, d dialect.Name, stmts []string) error {
	if d == dialect.MySQL {
		return applyParallel(ctx, db, stmts, 4)
	}
	const batch = 500 // PostgreSQL: a lock per table, max_locks_per_transaction
	for len(stmts) > 0 {
		n := min(batch, len(stmts))
		if err := applyTx(ctx, db, stmts[:n]); err != nil {
			return err
		}
		stmts = stmts[n:]
	}
	return nil
}

func applyTx(ctx context.Context, db *sql.DB, stmts []string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("apply DDL: %w\n%s", err, s)
		}
	}
	return tx.Commit()
}

func applyParallel(ctx context.Context, db *sql.DB, stmts []string, workers int) error {
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		go func(w int) {
			errs <- func() error {
				conn, err := db.Conn(ctx)
				if err != nil {
					return err
				}
				defer conn.Close()
				if _, err := conn.ExecContext(ctx, "SET SESSION foreign_key_checks = 0"); err != nil {
					return err
				}
				for i := w; i < len(stmts); i += workers {
					if _, err := conn.ExecContext(ctx, stmts[i]); err != nil {
						return fmt.Errorf("apply DDL: %w\n%s", err, stmts[i])
					}
				}
				_, err = conn.ExecContext(ctx, "SET SESSION foreign_key_checks = 1")
				return err
			}()
		}(w)
	}
	var first error
	for w := 0; w < workers; w++ {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// writeProject writes a retort project of the models files that talks to
// the database at u, and returns its folder.
func writeProject(dir string, u *dburl.URL, cache string, models map[string][]byte) (string, error) {
	if err := os.MkdirAll(filepath.Join(dir, "models"), 0o755); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755); err != nil {
		return "", err
	}
	toml := fmt.Sprintf("[database]\nurl = %q\ncache_dir = %q\n\n[migrations]\ndir = \"migrations\"\n\n[models]\npackages = [\"./models\"]\n", u.Secret(), cache)
	files := map[string]string{
		"go.mod":      "module example.com/bench\n\ngo 1.22\n",
		"retort.toml": toml,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			return "", err
		}
	}
	for _, name := range benchgen.FileNames(models) {
		if err := os.WriteFile(filepath.Join(dir, "models", name), models[name], 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

func serverVersion(ctx context.Context, db *sql.DB, d dialect.Name) string {
	q := "SELECT version()"
	if d == dialect.SQLite {
		q = "SELECT 'SQLite ' || sqlite_version() || ' (modernc.org/sqlite, in-process)'"
	}
	var v string
	if err := db.QueryRowContext(ctx, q).Scan(&v); err != nil {
		return "unknown (" + err.Error() + ")"
	}
	return v
}

// report prints the table, the findings and the machine.
func (b *bencher) report(w io.Writer) {
	fmt.Fprintf(w, "# retort end-to-end benchmark\n\n")
	fmt.Fprintf(w, "- date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- machine: %d cores (nproc), %s, %s/%s\n", runtime.NumCPU(), cpuModel(), runtime.GOOS, runtime.GOARCH)
	for _, d := range b.cfg.dialects {
		if v := b.versions[d]; v != "" {
			fmt.Fprintf(w, "- %s: %s\n", d, v)
		}
	}
	fmt.Fprintf(w, "- retort: %s; schema: internal/benchgen seed %d (10 columns, primary key, unique index, composite index, one foreign key per table)\n", b.cfg.bin, b.cfg.seed)
	fmt.Fprintf(w, "- runs: %d per case after one warm-up run (from 1,000 tables on, `go list -export` of the models instead; 3 runs at 10,000; fewer where a case's runs pass %s, as noted); per-run limit %s\n\n", b.cfg.runs, b.cfg.caseBudget, b.cfg.timeout)

	fmt.Fprintln(w, "| dialect | tables | case | median | min | max | queries | peak RSS | CPU (median) | Alembic ÷ this |")
	fmt.Fprintln(w, "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
	alembic := map[string]time.Duration{}
	for _, r := range b.results {
		if r.name == caseAlembic && len(r.times) > 0 {
			alembic[fmt.Sprint(r.dialect, r.tables)] = medianOf(r.times)
		}
	}
	for _, r := range b.results {
		if len(r.times) == 0 {
			fmt.Fprintf(w, "| %s | %s | %s | %s | | | | | | |\n", r.dialect, thousands(r.tables), r.name, r.note)
			continue
		}
		ratio := ""
		if a, ok := alembic[fmt.Sprint(r.dialect, r.tables)]; ok && ratioCases[r.name] {
			ratio = fmt.Sprintf("%.1f×", a.Seconds()/medianOf(r.times).Seconds())
		}
		sorted := append([]time.Duration(nil), r.times...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
		med := median(sorted)
		name := r.name
		if r.note != "" {
			name += " (" + r.note + ")"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.dialect, thousands(r.tables), name,
			secs(med), secs(sorted[0]), secs(sorted[len(sorted)-1]), queriesText(r), rssText(r.rss), secs(medianOf(r.cpu)), ratio)
	}
	fmt.Fprintln(w)
	b.targets(w, alembic)
	fmt.Fprintln(w, "Wall time of the whole `retort` process (load the models with go/packages, inspect, normalize, diff, write).")
	fmt.Fprintln(w, "CPU is the user and system time of retort and the processes it waited for (`go list` and, on a cold build cache, the compiler):")
	fmt.Fprintln(w, "on a shared machine it moves less than the wall time; the servers' work is not in it.")
	fmt.Fprintln(w, "Peak RSS is the largest of retort's and those processes' (Linux wait4 reports the maximum over the process and its waited-for children), largest over the runs.")
	fmt.Fprintln(w, "Queries: MariaDB, the delta of the server-wide `Questions` status counter, less the probe's own, smallest over the runs")
	fmt.Fprintln(w, "(other clients of the server add to it; the scratch database used to normalize is included);")
	fmt.Fprintln(w, "PostgreSQL, approximately: the delta of `pg_stat_database.xact_commit` of the benchmark database, smallest over the runs")
	fmt.Fprintln(w, "(one per autocommit statement, one per explicit transaction whatever it holds; the scratch schema is in the same database);")
	fmt.Fprintln(w, "SQLite: n/a (in-process; the inspector's query count is checked in internal/inspect's TestQueryCounts).")
	fmt.Fprintln(w, "The empty-cache cases are CI's first run: retort's cache folder is emptied before each run (Go's build cache stays warm);")
	fmt.Fprintln(w, "`check --from-migrations` compares the models with one revision holding the schema's DDL, next to an empty database: it reads")
	fmt.Fprintln(w, "the statements and normalizes what it read in a scratch database, as it does the models (diff.Replayed; what it does not know")
	fmt.Fprintln(w, "it runs there instead; the benchmark's DDL is read whole, which diff's TestReplayed checks).")
	fmt.Fprintln(w, "Alembic 1.8 (Debian's python3-alembic, SQLAlchemy Core tables of the same schema from internal/benchgen) runs its")
	fmt.Fprintln(w, "no-op autogenerate on the same database in the same run; \"Alembic ÷ this\" is its median over the row's median.")
	fmt.Fprintln(w, "Alembic's CPU is its Python process's; its queries are counted as retort's are.")
	if len(b.findings) > 0 {
		fmt.Fprintf(w, "\n## Findings\n")
		for _, f := range b.findings {
			fmt.Fprintf(w, "\n%s:\n\n```\n%s\n```\n", f.where, firstLines(f.text, 60))
		}
	}
	if len(b.setup) > 0 {
		fmt.Fprintf(w, "\nSchema set-up (not timed in the table): %s.\n", strings.Join(b.setup, "; "))
	}
}

// targets prints issue 15's measured targets, where the table has
// their rows: CI's first run (an empty cache folder) beside Alembic's
// no-op autogenerate in the same run, and `check` at 10,000 tables.
func (b *bencher) targets(w io.Writer, alembic map[string]time.Duration) {
	want := map[dialect.Name]float64{dialect.MySQL: 2.5, dialect.Postgres: 5}
	var lines []string
	for _, r := range b.results {
		if len(r.times) == 0 {
			continue
		}
		med := medianOf(r.times)
		switch {
		case r.name == caseColdMig && want[r.dialect] > 0:
			a, ok := alembic[fmt.Sprint(r.dialect, r.tables)]
			if !ok {
				lines = append(lines, fmt.Sprintf("%s, %s tables: `check --from-migrations`, empty cache folder, %s; no Alembic run to compare with", r.dialect, thousands(r.tables), secs(med)))
				continue
			}
			ratio := a.Seconds() / med.Seconds()
			line := fmt.Sprintf("%s, %s tables: `check --from-migrations`, empty cache folder, %s against Alembic's %s: %.1f×",
				r.dialect, thousands(r.tables), secs(med), secs(a), ratio)
			if r.tables == 1000 {
				verdict := "met"
				if ratio < want[r.dialect] {
					verdict = "NOT met"
				}
				line += fmt.Sprintf(" (target %.1f×: %s)", want[r.dialect], verdict)
			}
			lines = append(lines, line)
		case r.name == caseColdCheck && r.tables >= 10000:
			verdict := "met"
			if med >= 10*time.Second {
				verdict = "NOT met"
			}
			lines = append(lines, fmt.Sprintf("%s, %s tables: `check`, empty cache folder, %s (target under 10 s: %s)", r.dialect, thousands(r.tables), secs(med), verdict))
		}
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(w, "Issue 15's targets, from the rows above:")
	fmt.Fprintln(w)
	for _, l := range lines {
		fmt.Fprintln(w, "- "+l)
	}
	fmt.Fprintln(w)
}

func median(sorted []time.Duration) time.Duration {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

func medianOf(ds []time.Duration) time.Duration {
	sorted := append([]time.Duration(nil), ds...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return median(sorted)
}

func secs(d time.Duration) string {
	return fmt.Sprintf("%.3f s", d.Seconds())
}

func queriesText(r *result) string {
	if r.dialect == dialect.SQLite || len(r.queries) == 0 {
		return "n/a"
	}
	min := r.queries[0]
	for _, q := range r.queries {
		if q < min {
			min = q
		}
	}
	if r.dialect == dialect.Postgres {
		return "≈" + thousands(int(min))
	}
	return thousands(int(min))
}

func rssText(rss []int64) string {
	var max int64
	for _, k := range rss {
		if k > max {
			max = k
		}
	}
	return fmt.Sprintf("%d MB", (max*1024+500000)/1000000)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func countText(q int64) string {
	if q < 0 {
		return "n/a"
	}
	return fmt.Sprint(q)
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... (%d more lines)", len(lines)-n))
	}
	return strings.Join(lines, "\n")
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
