package autogen_test

// End-to-end autogenerate scenarios: each folder of testdata/modelchanges is
// a project's Go models, the database they are diffed against and the
// revision file `retort revision --autogenerate` must write for it, on
// every dialect the scenario applies to. (The differ's own corpus,
// ../diff/testdata/schemapairs, gives both sides as SQL instead and tests
// the differ alone.)
//
// A folder holds:
//
//	models/models.go     the desired models (package models)
//	old/old.go           optional: models GORM's AutoMigrate builds the
//	                     starting database from (registered in gormStarts;
//	                     a scenario of gormFromModels starts instead from
//	                     AutoMigrate of its own models: in sync by definition)
//	from.sql             optional: DDL run after that (from.<dialect>.sql
//	                     wins over from.sql); no start at all = empty database
//	seed.sql             optional: rows put in before the upgrade (seed.<dialect>.sql)
//	check.sql            optional: statements that must succeed after the
//	                     upgrade (check.<dialect>.sql), run in a
//	                     transaction that is rolled back
//	expect.txt           optional: lines the file's header (summary, warnings,
//	                     notes: what a reviewer reads) must contain
//	                     (expect.<dialect>.txt), checked apart from the
//	                     golden so that -update cannot wash them out
//	renames.txt          optional: --rename hints, one a line
//	exclude.txt          optional: [models] exclude table patterns, one a line
//	dialects.txt         optional: the dialects it applies to (default all)
//	flags                optional words, each for every dialect or, as
//	                     word:dialect, for one: noop (the plan must be
//	                     empty), lossy (rows may be lost: contents are not
//	                     compared after the downgrade), irreversible (the
//	                     downgrade cannot restore the starting schema),
//	                     by-hand (the upgrade is a comment saying what
//	                     to do by hand: the same change stays pending),
//	                     upgrade-fails (the file warns that the upgrade
//	                     fails on the seeded rows: it must, and leave the
//	                     database as it was; on MySQL, the online form
//	                     of a foreign key leaves the key, and with a
//	                     fix.sql the upgrade must then resume after it)
//	want.<dialect>.sql   the golden revision file (fixed id and date)
//
// For each scenario and dialect, TestScenarios/<name>/<dialect>: a fresh
// database gets the start and the seed; autogen.Plan (what the CLI runs)
// plans, codegen renders, the golden is compared; the rendered file is
// parsed by migrations.ParseFile and upgraded by the real runner; the
// models must then diff empty against the database; the runner downgrades
// to base, after which the database must diff empty against the start as
// inspected before the upgrade, and every seeded row must be back. Views
// and triggers must survive both. A noop scenario stops after the plan,
// which must be empty.
//
//	go test ./autogen                  # compare
//	go test ./autogen -update          # rewrite want.<dialect>.sql

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"ariga.io/atlas/sql/migrate"
	sqlschema "ariga.io/atlas/sql/schema"
	atlassqlite "ariga.io/atlas/sql/sqlite"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/gormtest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrations"
)

var update = flag.Bool("update", false, "rewrite the golden want.<dialect>.sql files of testdata/modelchanges")

const scenarioRoot = "testdata/modelchanges"

// TestMain lets the scenarios, which mostly wait on the database servers,
// run four at a time unless -parallel says otherwise.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "test.parallel" {
			set = true
		}
	})
	if !set {
		flag.Set("test.parallel", "4")
	}
	os.Exit(m.Run())
}

// scenario is one folder of testdata/modelchanges.
type scenario struct {
	name string
	dir  string
}

func (s scenario) read(name string) (string, bool) {
	b, err := os.ReadFile(filepath.Join(s.dir, name))
	if err != nil {
		return "", false
	}
	return string(b), true
}

// file returns name.<dialect>.ext if it exists, else name.ext.
func (s scenario) file(name string, d dialect.Name) (string, bool) {
	base, ext, _ := strings.Cut(name, ".")
	if v, ok := s.read(base + "." + string(d) + "." + ext); ok {
		return v, true
	}
	return s.read(name)
}

func (s scenario) words(name string) []string {
	v, _ := s.read(name)
	var out []string
	for _, line := range strings.Split(v, "\n") {
		line, _, _ = strings.Cut(line, "#")
		out = append(out, strings.Fields(line)...)
	}
	return out
}

// flag reports whether the scenario's flags say f for dialect d.
func (s scenario) flag(f string, d dialect.Name) bool {
	for _, w := range s.words("flags") {
		if w == f || w == f+":"+string(d) {
			return true
		}
	}
	return false
}

func (s scenario) dialects() []dialect.Name {
	ws := s.words("dialects.txt")
	if len(ws) == 0 {
		return dialect.All
	}
	var out []dialect.Name
	for _, w := range ws {
		out = append(out, dialect.Name(w))
	}
	return out
}

func (s scenario) appliesTo(d dialect.Name) bool {
	for _, x := range s.dialects() {
		if x == d {
			return true
		}
	}
	return false
}

func (s scenario) renames(t *testing.T) []diff.Rename {
	var out []diff.Rename
	for _, w := range s.words("renames.txt") {
		r, err := diff.ParseRename(w)
		if err != nil {
			t.Fatalf("%s/renames.txt: %v", s.dir, err)
		}
		out = append(out, r)
	}
	return out
}

func scenarios(t *testing.T) []scenario {
	t.Helper()
	entries, err := os.ReadDir(scenarioRoot)
	if err != nil {
		t.Fatal(err)
	}
	var out []scenario
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, scenario{name: e.Name(), dir: filepath.Join(scenarioRoot, e.Name())})
		}
	}
	return out
}

func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestScenarioCorpus keeps the corpus honest: enough scenarios, each with
// models, every old/ package registered, every flag and dialect known.
func TestScenarioCorpus(t *testing.T) {
	all := scenarios(t)
	perDialect := map[dialect.Name]int{}
	for _, s := range all {
		if _, err := os.Stat(filepath.Join(s.dir, "models")); err != nil {
			t.Errorf("%s: no models folder", s.name)
		}
		_, hasOld := os.Stat(filepath.Join(s.dir, "old"))
		if _, ok := gormStarts[s.name]; ok != (hasOld == nil) && !gormFromModels[s.name] {
			t.Errorf("%s: an old/ folder must be listed in gormStarts, and only then", s.name)
		}
		for _, w := range s.words("flags") {
			f, d, _ := strings.Cut(w, ":")
			if d != "" && !s.appliesTo(dialect.Name(d)) {
				t.Errorf("%s/flags: %q names a dialect the scenario does not apply to", s.name, w)
			}
			switch f {
			case "noop", "lossy", "irreversible", "upgrade-fails", "by-hand":
			default:
				t.Errorf("%s/flags: unknown flag %q", s.name, f)
			}
		}
		for _, d := range s.dialects() {
			switch d {
			case dialect.MySQL, dialect.Postgres, dialect.SQLite:
				perDialect[d]++
			default:
				t.Errorf("%s/dialects.txt: unknown dialect %q", s.name, d)
			}
		}
	}
	for name := range gormStarts {
		if _, err := os.Stat(filepath.Join(scenarioRoot, name)); err != nil {
			t.Errorf("gormStarts lists %s, which has no folder", name)
		}
	}
	t.Logf("%d scenarios; per dialect: %v", len(all), perDialect)
	if len(all) < 60 {
		t.Errorf("%d scenarios, want at least 60", len(all))
	}
}

// env is what the dialects' subtests share: on PostgreSQL one database in
// which each subtest gets a schema of its own (creating databases there is
// slow).
type env struct {
	pg *testdb.DB
}

func TestScenarios(t *testing.T) {
	e := &env{}
	if os.Getenv(testdb.EnvVar(dialect.Postgres)) != "" {
		e.pg = testdb.New(t, dialect.Postgres)
	}
	root := moduleRoot(t)
	for _, s := range scenarios(t) {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			for _, d := range dialect.All {
				if !s.appliesTo(d) {
					continue // dialects.txt leaves d out: no subtest, no skip
				}
				t.Run(string(d), func(t *testing.T) {
					runScenario(t, e, root, s, d)
				})
			}
		})
	}
}

// fresh returns an empty database for one subtest and the URL the diff
// options name: on PostgreSQL a new schema of the shared database (the
// connection's search_path), dropped when t ends.
func fresh(t *testing.T, e *env, d dialect.Name) (*sql.DB, *dburl.URL) {
	t.Helper()
	if d != dialect.Postgres {
		db := testdb.New(t, d)
		return db.DB, db.URL
	}
	if e.pg == nil {
		testdb.Server(t, d) // skips, or fails under RETORT_TEST_REQUIRE_DB=1
		t.Fatal("no postgres database")
	}
	name := testdb.Name("s")
	if _, err := e.pg.Exec("CREATE SCHEMA " + d.QuoteIdent(name)); err != nil {
		t.Fatalf("create schema %s: %v", name, err)
	}
	sep := "?"
	if strings.Contains(e.pg.URL.DSN, "?") {
		sep = "&"
	}
	db, err := sql.Open(e.pg.URL.Driver, e.pg.URL.DSN+sep+"search_path="+name)
	if err != nil {
		t.Fatalf("open schema %s: %v", name, err)
	}
	t.Cleanup(func() {
		db.Close()
		if _, err := e.pg.Exec("DROP SCHEMA " + d.QuoteIdent(name) + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})
	return db, e.pg.URL
}

func runScenario(t *testing.T, e *env, root string, s scenario, d dialect.Name) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	db, u := fresh(t, e, d)
	if d == dialect.SQLite {
		// A NoTransaction section must run on one connection: so must
		// the pragma reads of the checks.
		db.SetMaxOpenConns(1)
	}

	// The start: GORM's AutoMigrate, then DDL, then rows.
	if models, ok := gormStarts[s.name]; ok {
		if err := gormtest.AutoMigrate(db, d, models...); err != nil {
			t.Fatalf("gorm AutoMigrate of the start: %v", err)
		}
	}
	if from, ok := s.file("from.sql", d); ok {
		execScript(ctx, t, db, d, s.name+"/from.sql", from)
	}
	if seed, ok := s.file("seed.sql", d); ok {
		execScript(ctx, t, db, d, s.name+"/seed.sql", seed)
	}
	start := inspect(ctx, t, db, d)
	rowsBefore := snapshot(ctx, t, db, d, start)

	opts := autogen.Options{
		Dir:      root,
		Patterns: []string{"./autogen/" + filepath.ToSlash(s.dir) + "/models"},
		Diff: diff.Options{
			Dialect:      d,
			URL:          u,
			VersionTable: "retort_version",
			Renames:      s.renames(t),
			Exclude:      s.words("exclude.txt"),
		},
	}
	plan, err := autogen.Plan(ctx, db, opts)
	if err != nil {
		t.Fatalf("autogen.Plan: %v", err)
	}
	rev := codegen.Revision{ID: "0123456789ab", Message: s.name, CreateDate: "2026-01-01T00:00:00Z"}
	autogen.Fill(&rev, plan)
	file, err := codegen.Render(codegen.Default(), rev)
	if err != nil {
		t.Fatalf("codegen.Render: %v", err)
	}
	golden(t, filepath.Join(s.dir, "want."+string(d)+".sql"), string(file.Data))
	lint(t, plan)
	if exp, ok := s.file("expect.txt", d); ok {
		header, _, _ := strings.Cut(string(file.Data), "-- +retort Upgrade")
		for _, line := range strings.Split(exp, "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.Contains(header, line) {
				t.Errorf("the header of the revision file does not say %q (expect.txt); it reads:\n%s", line, header)
			}
		}
	}
	objects := unmanagedObjects(ctx, t, db, d)
	if s.flag("noop", d) {
		if !plan.Empty() {
			t.Errorf("false positive: the database is in sync with the models, yet the plan has changes:\n  %s\nupgrade:\n  %s",
				strings.Join(changeTexts(plan), "\n  "), strings.Join(plan.Upgrade, ";\n  "))
		}
		return
	}
	if plan.Empty() {
		t.Fatalf("the plan is empty, but the models differ from the database")
	}

	// Upgrade through the real parser and runner.
	parsed, err := migrations.ParseFile(file.Path, file.Data, d)
	if err != nil {
		t.Fatalf("migrations.ParseFile of the rendered revision: %v\n%s", err, file.Data)
	}
	g, err := migrations.NewGraph([]*migrations.Revision{parsed})
	if err != nil {
		t.Fatalf("migrations.NewGraph: %v", err)
	}
	revs := []*migrations.Revision{parsed}
	runner := migrations.NewRunner(db, migrations.RunnerOptions{Dialect: d, VersionTable: "retort_version"})
	err = runner.Run(ctx, revs, func(cur []string) ([]migrations.Step, error) { return g.PlanUpgrade(cur, "heads") })
	if s.flag("upgrade-fails", d) {
		// The file warns that the upgrade fails on a table with rows: it
		// must, and leave everything as it was.
		if err == nil {
			t.Fatalf("the upgrade ran, but the scenario says it fails on the seeded rows")
		}
		t.Logf("the upgrade fails as warned: %v", err)
		if d == dialect.SQLite {
			sqliteConnectionState(ctx, t, db)
		}
		lines := schemaDiff(ctx, t, db, d, inspect(ctx, t, db, d), start)
		if parsed.UpgradeNoTx && d == dialect.Postgres {
			// The online form validates a constraint added NOT VALID in
			// a statement of its own: when the rows break it, the
			// constraint stays (checking new rows only) and the
			// revision is recorded partially applied, to resume at the
			// VALIDATE once the rows are fixed.
			var se *migrations.StatementError
			if !errors.As(err, &se) || !strings.Contains(se.SQL, " VALIDATE CONSTRAINT ") {
				t.Errorf("the online upgrade failed elsewhere than at a VALIDATE CONSTRAINT: %v", err)
			}
			kept := lines[:0]
			for _, l := range lines {
				if !strings.Contains(l, " DROP CONSTRAINT ") {
					kept = append(kept, l)
				}
			}
			lines = kept
		}
		var se *migrations.StatementError
		onlineFK := d == dialect.MySQL && errors.As(err, &se) && strings.HasPrefix(se.SQL, "CALL `retort_verify_")
		if onlineFK {
			// The online form of a foreign key adds it in place, then
			// checks the rows: when they break it, the key stays
			// (checking new rows) and the revision is recorded
			// partially applied, to resume at the check.
			kept := lines[:0]
			for _, l := range lines {
				if !strings.Contains(l, " DROP FOREIGN KEY ") {
					kept = append(kept, l)
				}
			}
			lines = kept
		}
		if len(lines) > 0 {
			t.Errorf("the failed upgrade left the schema changed; SQL that would take it back:\n%s", section(lines))
		}
		if diff := cmp.Diff(rowsBefore, snapshot(ctx, t, db, d, start)); diff != "" {
			t.Errorf("rows changed by the failed upgrade (-before +after):\n%s", diff)
		}
		if fix, ok := s.file("fix.sql", d); ok && onlineFK {
			// Once the rows are fixed, the same file resumes and
			// completes: the check passes, its procedure is dropped.
			execScript(ctx, t, db, d, s.name+"/fix.sql", fix)
			if err := runner.Run(ctx, revs, func(cur []string) ([]migrations.Step, error) { return g.PlanUpgrade(cur, "heads") }); err != nil {
				t.Fatalf("the upgrade resumed after fix.sql: %v", err)
			}
			if again, err := autogen.Plan(ctx, db, opts); err != nil || !again.Empty() {
				t.Errorf("after the resumed upgrade the models still differ from the database (%v): %v", err, changeTexts(again))
			}
			var procs int
			if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()").Scan(&procs); err != nil || procs != 0 {
				t.Errorf("%d procedure(s) left after the resumed upgrade (%v)", procs, err)
			}
		}
		return
	}
	if err != nil {
		t.Fatalf("upgrade: %v\nupgrade section:\n%s", err, section(plan.Upgrade))
	}
	if got := unmanagedObjects(ctx, t, db, d); !cmp.Equal(objects, got) {
		t.Errorf("the upgrade changed objects retort does not manage (-before +after):\n%s", cmp.Diff(objects, got))
	}
	if check, ok := s.file("check.sql", d); ok {
		runCheck(ctx, t, db, d, s.name+"/check.sql", check)
	}
	mid := inspect(ctx, t, db, d)
	checkCounts(ctx, t, db, d, "after the upgrade", rowsBefore, mid, s.flag("lossy", d))
	if models, ok := gormAfter[s.name]; ok {
		gormLeavesAlone(ctx, t, e, db, d, models)
	}

	// Apply → re-diff is empty.
	again, err := autogen.Plan(ctx, db, opts)
	if err != nil {
		t.Fatalf("autogen.Plan after the upgrade: %v", err)
	}
	if s.flag("by-hand", d) {
		// The revision holds a change PostgreSQL cannot make (a comment
		// saying what to do by hand): the same change stays pending.
		if !cmp.Equal(changeTexts(plan), changeTexts(again)) {
			t.Errorf("after the upgrade the pending changes should be exactly the by-hand ones (-before +after):\n%s", cmp.Diff(changeTexts(plan), changeTexts(again)))
		}
	} else if !again.Empty() {
		t.Errorf("after the upgrade the models still differ from the database (the diff does not converge):\n  %s\nupgrade:\n%s",
			strings.Join(changeTexts(again), "\n  "), section(again.Upgrade))
	}

	// Downgrade to base restores the start.
	if err := runner.Run(ctx, revs, func(cur []string) ([]migrations.Step, error) { return g.PlanDowngrade(cur, "base") }); err != nil {
		t.Fatalf("downgrade: %v\ndowngrade section:\n%s", err, section(plan.Downgrade))
	}
	end := inspect(ctx, t, db, d)
	if got := unmanagedObjects(ctx, t, db, d); !cmp.Equal(objects, got) {
		t.Errorf("the downgrade changed objects retort does not manage (-before +after):\n%s", cmp.Diff(objects, got))
	}
	if !s.flag("irreversible", d) {
		if lines := schemaDiff(ctx, t, db, d, end, start); len(lines) > 0 {
			t.Errorf("after the downgrade the database differs from the start; SQL that would take it back:\n%s", section(lines))
		}
	}
	if !s.flag("lossy", d) {
		after := snapshot(ctx, t, db, d, start)
		if diff := cmp.Diff(rowsBefore, after); diff != "" {
			t.Errorf("rows changed by upgrade + downgrade (-before +after):\n%s", diff)
		}
	}
}

// gormLeavesAlone checks that GORM's AutoMigrate of models issues no
// DDL on db beyond what it issues on a database it made itself (where it
// alters some columns at every start, whoever made them). On SQLite it
// runs on a copy of db's tables without their rows: GORM's SQLite
// migrator rebuilds a table that has rows at every start (it then reads
// the declared size of a text column from the driver), whoever made it.
func gormLeavesAlone(ctx context.Context, t *testing.T, e *env, db *sql.DB, d dialect.Name, models []any) {
	t.Helper()
	own := map[string]int{}
	gdb, _ := fresh(t, e, d)
	if err := gormtest.AutoMigrate(gdb, d, models...); err != nil {
		t.Fatalf("GORM's AutoMigrate: %v", err)
	}
	again, err := gormtest.AutoMigrateRecorded(gdb, d, gormtest.Options{}, models...)
	if err != nil {
		t.Fatalf("GORM's AutoMigrate on its own database: %v", err)
	}
	for _, st := range again {
		if k, ok := gormDDLKey(st); ok {
			own[k]++
		}
	}
	if d == dialect.SQLite {
		empty, _ := fresh(t, e, d)
		rows, err := db.QueryContext(ctx, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type = 'table' DESC")
		if err != nil {
			t.Fatal(err)
		}
		var stmts []string
		for rows.Next() {
			var st string
			if err := rows.Scan(&st); err != nil {
				t.Fatal(err)
			}
			stmts = append(stmts, st)
		}
		rows.Close()
		for _, st := range stmts {
			if _, err := empty.ExecContext(ctx, st); err != nil {
				t.Fatalf("copy the upgraded tables: %v\n%s", err, st)
			}
		}
		db = empty
	}
	stmts, err := gormtest.AutoMigrateRecorded(db, d, gormtest.Options{}, models...)
	if err != nil {
		t.Fatalf("GORM's AutoMigrate after the upgrade: %v", err)
	}
	for _, st := range stmts {
		if k, ok := gormDDLKey(st); ok {
			if own[k] > 0 {
				own[k]--
				continue
			}
			t.Errorf("GORM's AutoMigrate changes the upgraded database: %s", st)
		}
	}
}

// gormDDLKey is what a DDL statement of GORM's does, without the text
// that comes from the table's current definition (a SQLite rebuild's
// CREATE TABLE); ok is false for a read.
func gormDDLKey(st string) (string, bool) {
	f := strings.Fields(st)
	if len(f) == 0 {
		return "", false
	}
	switch strings.ToUpper(f[0]) {
	case "CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE", "COMMENT", "RENAME":
	default:
		return "", false
	}
	return strings.Join(f[:min(4, len(f))], " "), true
}

// autoIncrementCounter matches MySQL's AUTO_INCREMENT table option: the
// next value of a table's counter, which is data, not schema.
var autoIncrementCounter = regexp.MustCompile(`(?i)\bAUTO_INCREMENT\s*=?\s*[0-9]+`)

// lint checks what every plan must satisfy, whatever the scenario.
func lint(t *testing.T, p *diff.Plan) {
	t.Helper()
	for _, sec := range []struct {
		name  string
		stmts []string
	}{{"upgrade", p.Upgrade}, {"downgrade", p.Downgrade}} {
		for _, st := range sec.stmts {
			if sec.name == "downgrade" && strings.HasPrefix(st, "CREATE TABLE") {
				// Re-creating a dropped table as the database had it,
				// counter included, is fair.
				continue
			}
			if m := autoIncrementCounter.FindString(st); m != "" {
				t.Errorf("the %s sets a table's AUTO_INCREMENT counter (%s), which is data the models do not describe: %s", sec.name, m, st)
			}
		}
	}
}

// unmanagedObjects lists the views and triggers of the database, which
// retort must leave alone.
func unmanagedObjects(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name) []string {
	t.Helper()
	var q string
	switch d {
	case dialect.MySQL:
		q = "SELECT CONCAT('view ', TABLE_NAME) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() UNION ALL SELECT CONCAT('trigger ', TRIGGER_NAME) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
	case dialect.Postgres:
		q = "SELECT 'view ' || c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('v', 'm') UNION ALL SELECT 'trigger ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal"
	default:
		q = "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('view', 'trigger')"
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		t.Fatalf("list views and triggers: %v", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatalf("list views and triggers: %v", err)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func changeTexts(p *diff.Plan) []string {
	var out []string
	for _, c := range p.Changes {
		out = append(out, c.Text)
	}
	return out
}

func section(stmts []string) string {
	var b strings.Builder
	for _, s := range stmts {
		b.WriteString("  " + strings.ReplaceAll(s, "\n", "\n  ") + ";\n")
	}
	return b.String()
}

// execScript runs a scenario's SQL file, split by retort's own splitter.
func execScript(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name, name, src string) {
	t.Helper()
	stmts, err := migrations.SplitStatements(src, d, 1)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, st := range stmts {
		if _, err := db.ExecContext(ctx, st.SQL); err != nil {
			t.Fatalf("%s:%d: %v\n%s", name, st.Line, err, st.SQL)
		}
	}
}

// sqliteConnectionState checks that a failed upgrade left the (only)
// connection as it found it: no transaction open, foreign keys enforced.
// It rolls back a transaction it finds open, so that what follows sees
// the committed database.
func sqliteConnectionState(ctx context.Context, t *testing.T, db *sql.DB) {
	t.Helper()
	if _, err := db.ExecContext(ctx, "BEGIN"); err != nil {
		t.Errorf("the failed upgrade left a transaction open on the connection (BEGIN: %v): the section's BEGIN was never rolled back", err)
	}
	db.ExecContext(ctx, "ROLLBACK")
	var fk int
	if err := db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if fk != 1 {
		t.Errorf("the failed upgrade left PRAGMA foreign_keys = %d on the connection: foreign keys are no longer enforced", fk)
		db.ExecContext(ctx, "PRAGMA foreign_keys = on")
	}
}

// runCheck runs statements that must succeed on the upgraded database,
// in a transaction that is rolled back.
func runCheck(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name, name, src string) {
	t.Helper()
	stmts, err := migrations.SplitStatements(src, d, 1)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.SQL); err != nil {
			t.Errorf("%s:%d: after the upgrade this must work: %v\n%s", name, st.Line, err, st.SQL)
			return
		}
	}
}

// inspect reads the database's tables (and PostgreSQL enum types) with
// atlas, without retort's version tables.
func inspect(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name) *sqlschema.Schema {
	t.Helper()
	mode := sqlschema.InspectSchemas | sqlschema.InspectTables
	if d == dialect.Postgres {
		mode |= sqlschema.InspectTypes
	}
	name := ""
	if d == dialect.SQLite {
		name = "main"
	}
	s, err := gormtest.AtlasDriver(t, db, d).InspectSchema(ctx, name, &sqlschema.InspectOptions{Mode: mode})
	if err != nil {
		t.Fatalf("atlas inspect: %v", err)
	}
	tables := s.Tables[:0]
	for _, tb := range s.Tables {
		if !strings.HasPrefix(tb.Name, "retort_version") {
			tables = append(tables, tb)
		}
	}
	s.Tables = tables
	objs := s.Objects[:0]
	for _, o := range s.Objects {
		if _, ok := o.(*sqlschema.EnumType); ok {
			objs = append(objs, o)
		}
	}
	s.Objects = objs
	s.Views, s.Funcs, s.Procs = nil, nil, nil
	if d == dialect.SQLite {
		// A whole INTEGER PRIMARY KEY aliases the rowid and is never NULL,
		// declared so or not (atlas reads it as nullable unless declared).
		for _, tb := range s.Tables {
			if pk := tb.PrimaryKey; pk != nil && len(pk.Parts) == 1 && pk.Parts[0].C != nil {
				if it, ok := pk.Parts[0].C.Type.Type.(*sqlschema.IntegerType); ok && strings.EqualFold(it.T, "integer") {
					pk.Parts[0].C.Type.Null = false
				}
			}
		}
	}
	return s
}

// schemaDiff returns the statements atlas plans to take from to to; both
// are fresh inspections of real databases.
func schemaDiff(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name, from, to *sqlschema.Schema) []string {
	t.Helper()
	drv := gormtest.AtlasDriver(t, db, d)
	from.Name, to.Name = "s", "s"
	var out []string
	if d == dialect.SQLite {
		// SQLite rewrites a table's CREATE text when the table is renamed,
		// and atlas then reads the indexes of its inline UNIQUE
		// constraints as different ones; and a downgrade may restore an
		// inline UNIQUE as a unique index: compare those by their columns.
		if a, b := autoindexes(from), autoindexes(to); !cmp.Equal(a, b) {
			out = append(out, "-- the inline UNIQUE constraints differ (-now +start):\n"+cmp.Diff(a, b))
		}
	}
	changes, err := drv.SchemaDiff(from, to, sqlschema.DiffNormalized())
	if err != nil {
		t.Fatalf("atlas diff: %v", err)
	}
	if len(changes) == 0 {
		return out
	}
	empty := ""
	p, err := drv.PlanChanges(ctx, "check", changes, func(o *migrate.PlanOptions) { o.SchemaQualifier = &empty })
	if err != nil {
		return append(out, fmt.Sprintf("-- %d changes atlas cannot plan: %v", len(changes), err))
	}
	for _, c := range p.Changes {
		out = append(out, c.Cmd)
	}
	return out
}

// autoindexes takes SQLite's plain unique indexes, automatic (of inline
// UNIQUE constraints) or created, out of the tables of s and returns them
// as "table(col,...)" lines, sorted: retort treats the two alike.
func autoindexes(s *sqlschema.Schema) []string {
	var out []string
	for _, tb := range s.Tables {
		kept := tb.Indexes[:0]
		for _, idx := range tb.Indexes {
			var cols []string
			for _, p := range idx.Parts {
				if p.C != nil {
					cols = append(cols, p.C.Name)
				}
			}
			if !idx.Unique || len(cols) != len(idx.Parts) || hasPredicate(idx) {
				kept = append(kept, idx)
				continue
			}
			out = append(out, tb.Name+"("+strings.Join(cols, ",")+")")
		}
		tb.Indexes = kept
	}
	sort.Strings(out)
	return out
}

func hasPredicate(idx *sqlschema.Index) bool {
	for _, a := range idx.Attrs {
		if _, ok := a.(*atlassqlite.IndexPredicate); ok {
			return true
		}
	}
	return false
}

// snapshot reads every row of the tables of s, each as one line of its
// columns in name order, sorted.
func snapshot(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name, s *sqlschema.Schema) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, tb := range s.Tables {
		var cols []string
		for _, c := range tb.Columns {
			cols = append(cols, c.Name)
		}
		sort.Strings(cols)
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = d.QuoteIdent(c)
		}
		rows, err := db.QueryContext(ctx, "SELECT "+strings.Join(quoted, ", ")+" FROM "+d.QuoteIdent(tb.Name))
		if err != nil {
			t.Fatalf("read rows of %s: %v", tb.Name, err)
		}
		var lines []string
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				t.Fatalf("read rows of %s: %v", tb.Name, err)
			}
			parts := make([]string, len(cols))
			for i, v := range vals {
				if v.Valid {
					parts[i] = cols[i] + "=" + v.String
				} else {
					parts[i] = cols[i] + "=NULL"
				}
			}
			lines = append(lines, strings.Join(parts, " "))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			t.Fatalf("read rows of %s: %v", tb.Name, err)
		}
		sort.Strings(lines)
		if len(lines) > 0 {
			out[tb.Name] = lines
		}
	}
	return out
}

// checkCounts compares row counts after the upgrade: every table of the
// start still there has as many rows as before, and, unless the scenario
// is lossy, so has the database as a whole (renamed tables included).
func checkCounts(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name, when string, before map[string][]string, now *sqlschema.Schema, lossy bool) {
	t.Helper()
	totalBefore, totalNow := 0, 0
	for _, rows := range before {
		totalBefore += len(rows)
	}
	for _, tb := range now.Tables {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+d.QuoteIdent(tb.Name)).Scan(&n); err != nil {
			t.Fatalf("count rows of %s: %v", tb.Name, err)
		}
		totalNow += n
		if rows, ok := before[tb.Name]; ok && n != len(rows) {
			t.Errorf("%s: table %s has %d rows, had %d", when, tb.Name, n, len(rows))
		}
	}
	if !lossy && totalNow < totalBefore {
		t.Errorf("%s: the database holds %d rows, had %d", when, totalNow, totalBefore)
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./autogen -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}
