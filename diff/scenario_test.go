package diff

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

var update = flag.Bool("update", false, "rewrite the golden want.<dialect>.sql files of the scenarios")

// A scenario is a folder of testdata/schemapairs: from.sql (the database as
// it is), to.sql (the models' schema, as DDL), per-dialect variants
// from.<dialect>.sql / to.<dialect>.sql, an optional seed.sql (rows put in
// before the upgrade), rename.txt (one --rename hint a line), flags
// ("irreversible": the downgrade cannot restore the start; "lossy": rows
// may be lost), check.sql (statements that must work after the upgrade)
// and the golden want.<dialect>.sql. A scenario runs on a
// dialect when both a from and a to file exist for it. (Autogenerate's
// corpus, ../autogen/testdata/modelchanges, starts from Go models instead
// and tests models, inspection and differ together.)
type scenario struct {
	dir string
}

func (s scenario) file(name string, d dialect.Name) (string, bool) {
	base, ext, _ := strings.Cut(name, ".")
	for _, p := range []string{base + "." + string(d) + "." + ext, name} {
		b, err := os.ReadFile(filepath.Join(s.dir, p))
		if err == nil {
			return string(b), true
		}
	}
	return "", false
}

func (s scenario) flag(f string) bool {
	b, _ := os.ReadFile(filepath.Join(s.dir, "flags"))
	for _, w := range strings.Fields(string(b)) {
		if w == f {
			return true
		}
	}
	return false
}

func TestScenarios(t *testing.T) {
	dirs, err := filepath.Glob("testdata/schemapairs/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			if d != dialect.SQLite {
				testdb.Server(t, d)
			}
			// Every scenario's plan is also made with the cache of
			// normalized tables, cold and warm (sameWithCache).
			cacheDirs[d] = t.TempDir()
			defer delete(cacheDirs, d)
			for _, dir := range dirs {
				sc := scenario{dir: dir}
				from, ok1 := sc.file("from.sql", d)
				to, ok2 := sc.file("to.sql", d)
				if !ok1 || !ok2 {
					continue
				}
				t.Run(filepath.Base(dir), func(t *testing.T) {
					runScenario(t, d, sc, from, to)
				})
			}
		})
	}
}

func runScenario(t *testing.T, d dialect.Name, sc scenario, from, to string) {
	seed, _ := sc.file("seed.sql", d)
	var renames []Rename
	if r, ok := sc.file("rename.txt", d); ok {
		for _, line := range strings.Fields(r) {
			rn, err := ParseRename(line)
			if err != nil {
				t.Fatal(err)
			}
			renames = append(renames, rn)
		}
	}
	check, _ := sc.file("check.sql", d)
	plan := roundTrip(t, d, from, to, seed, check, renames, sc.flag("lossy"), sc.flag("irreversible"))
	golden(t, filepath.Join(sc.dir, "want."+string(d)+".sql"), render(plan))
}

// roundTrip checks the round-trip property on a fresh database: from is
// applied and seeded, the plan towards to is computed, its upgrade run,
// after which the database diffs empty against to; its downgrade run,
// after which it diffs empty against the start; and no row is lost on the
// way unless lossy. It returns the plan, with the inspection notes.
func roundTrip(t *testing.T, d dialect.Name, from, to, seed, check string, renames []Rename, lossy, irreversible bool) *Plan {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	db := testdb.New(t, d)
	execScript(t, db.DB, from)
	execScript(t, db.DB, seed)
	opts := Options{Dialect: d, URL: db.URL, DB: db.DB, VersionTable: "retort_version", Renames: renames}
	raw := rawSchemaFromDDL(t, ctx, d, to, opts)
	sameShapes(t, ctx, raw, opts)
	desired, err := Normalize(ctx, raw, opts)
	if err != nil {
		t.Fatal(err)
	}
	start, notes, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	if dir := cacheDirs[d]; dir != "" {
		sameWithCache(t, ctx, start, raw, desired, opts, dir)
	}
	before := rowCounts(t, db.DB, start)
	// Compute copies what it diffs: the same inspected schema serves the
	// plan and, later, the check that the downgrade restored it.
	plan, err := Compute(ctx, start, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	sameWithoutSettle(t, ctx, start, desired, opts, plan)
	for _, n := range notes {
		plan.Notes = append(plan.Notes, n.Text)
	}

	// Upgrade: the database now is the models' schema.
	run(t, db.DB, plan.Upgrade, plan.UpgradeNoTransaction, d)
	after, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Compute(ctx, after, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	sameWithoutSettle(t, ctx, after, desired, opts, again)
	if live(again.Upgrade) > 0 || (len(again.Upgrade) > 0 && !irreversible) {
		t.Errorf("after the upgrade the database still differs from the models:\n%s\nthe upgrade was:\n%s",
			strings.Join(again.Upgrade, ";\n"), strings.Join(plan.Upgrade, ";\n"))
	}
	if !lossy {
		checkRows(t, "after the upgrade", before, rowCounts(t, db.DB, after), renames)
	}
	// check.sql must work on the upgraded database (and is undone).
	if check != "" {
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		for _, stmt := range splitScript(check) {
			if _, err := tx.Exec(stmt); err != nil {
				t.Errorf("check.sql after the upgrade: %s: %v", stmt, err)
				break
			}
		}
		tx.Rollback()
	}
	// Downgrade: back to the start.
	run(t, db.DB, plan.Downgrade, plan.DowngradeNoTransaction, d)
	back, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !irreversible {
		norenames := opts
		norenames.Renames = nil
		rest, err := Compute(ctx, back, start, norenames)
		if err != nil {
			t.Fatal(err)
		}
		if len(rest.Upgrade) > 0 {
			t.Errorf("after the downgrade the database differs from the start:\n%s\nthe downgrade was:\n%s",
				strings.Join(rest.Upgrade, ";\n"), strings.Join(plan.Downgrade, ";\n"))
		}
	}
	if !lossy {
		checkRows(t, "after the downgrade", before, rowCounts(t, db.DB, back), nil)
	}
	return plan
}

// schemaFromDDL builds the models' schema from DDL: it is run in a fresh
// database and inspected there, then normalized again (as the models'
// schema is) to exercise Normalize.
func schemaFromDDL(t *testing.T, ctx context.Context, d dialect.Name, ddl string, opts Options) *sqlschema.Schema {
	t.Helper()
	ns, err := Normalize(ctx, rawSchemaFromDDL(t, ctx, d, ddl, opts), opts)
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

// rawSchemaFromDDL is schemaFromDDL without the normalization.
func rawSchemaFromDDL(t *testing.T, ctx context.Context, d dialect.Name, ddl string, opts Options) *sqlschema.Schema {
	t.Helper()
	sdb, _, cleanup, err := Scratch(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	execScript(t, sdb, ddl)
	s, _, err := Inspect(ctx, sdb, Options{Dialect: d, VersionTable: opts.VersionTable})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// execScript runs a script of statements each ending with ";" at the end
// of a line.
func execScript(t *testing.T, db *sql.DB, script string) {
	t.Helper()
	for _, stmt := range splitScript(script) {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// splitScript splits a script into its statements, each ending with ";"
// at the end of a line; a procedure (CREATE PROCEDURE on a line of its
// own, as a plan's text writes the online form of a foreign key) ends at
// a line "END;" only, its body's statements kept within it.
func splitScript(script string) []string {
	var (
		out []string
		cur strings.Builder
	)
	for _, line := range strings.Split(script, "\n") {
		trimmed := strings.TrimSpace(line)
		if cur.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "--")) {
			continue
		}
		cur.WriteString(line + "\n")
		if proc := strings.HasPrefix(strings.ToUpper(strings.TrimSpace(cur.String())), "CREATE PROCEDURE") && !strings.HasSuffix(trimmed, "END;"); proc {
			continue
		}
		if strings.HasSuffix(trimmed, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// run applies statements as the runner would: in a transaction where the
// dialect has transactional DDL, else one by one; a no-transaction section
// on one connection.
func run(t *testing.T, db *sql.DB, stmts []string, noTx bool, d dialect.Name) {
	t.Helper()
	ctx := context.Background()
	var live []string
	for _, s := range stmts {
		if !strings.HasPrefix(s, "--") {
			live = append(live, s)
		}
	}
	if len(live) == 0 {
		return
	}
	if noTx || !d.TransactionalDDL() {
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for _, s := range live {
			if _, err := conn.ExecContext(ctx, s); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
		}
		return
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range live {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			tx.Rollback()
			t.Fatalf("%s: %v", s, err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func rowCounts(t *testing.T, db *sql.DB, s *sqlschema.Schema) map[string]int {
	t.Helper()
	counts := map[string]int{}
	d := dialectOf(db)
	for _, tb := range s.Tables {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM " + d.QuoteIdent(tb.Name)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[tb.Name] = n
	}
	return counts
}

func dialectOf(db *sql.DB) dialect.Name {
	switch fmt.Sprintf("%T", db.Driver()) {
	case "*mysql.MySQLDriver":
		return dialect.MySQL
	case "*stdlib.Driver":
		return dialect.Postgres
	}
	return dialect.SQLite
}

// checkRows fails when a table that exists before and after (under its
// new name, for renames) holds fewer rows.
func checkRows(t *testing.T, when string, before, after map[string]int, renames []Rename) {
	t.Helper()
	newName := map[string]string{}
	for _, r := range renames {
		if r.Table == "" {
			newName[r.From] = r.To
		}
	}
	for tb, n := range before {
		name := tb
		if nn, ok := newName[tb]; ok {
			if _, ok := after[nn]; ok {
				name = nn
			}
		}
		m, ok := after[name]
		if !ok {
			continue
		}
		if m < n {
			t.Errorf("%s: table %s holds %d rows, it held %d", when, name, m, n)
		}
	}
}

// render writes a plan as the golden file shows it.
func render(p *Plan) string {
	var b strings.Builder
	section := func(title string, lines []string, suffix string) {
		fmt.Fprintf(&b, "-- %s\n", title)
		for _, l := range lines {
			if suffix != "" && !strings.HasPrefix(l, "--") {
				b.WriteString(l + suffix + "\n")
			} else if suffix == "" {
				b.WriteString("-- " + l + "\n")
			} else {
				b.WriteString(l + "\n")
			}
		}
		b.WriteString("\n")
	}
	var changes []string
	for _, c := range p.Changes {
		changes = append(changes, c.Text)
	}
	section("changes", changes, "")
	section("warnings", p.Warnings, "")
	notes := append([]string(nil), p.Notes...)
	sort.Strings(notes)
	section("notes", notes, "")
	up, down := "upgrade", "downgrade"
	if p.UpgradeNoTransaction {
		up += " (no transaction)"
	}
	if p.DowngradeNoTransaction {
		down += " (no transaction)"
	}
	section(up, p.Upgrade, ";")
	section(down, p.Downgrade, ";")
	return b.String()
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
		t.Fatalf("%v (run go test ./diff -run TestScenarios -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}

// live counts the statements that are not comments.
func live(stmts []string) int {
	n := 0
	for _, s := range stmts {
		if !strings.HasPrefix(s, "--") {
			n++
		}
	}
	return n
}

// sameWithoutSettle requires that Compute, with settle leaving out the
// tables that are the same on both sides, planned what diffing every table
// plans.
func sameWithoutSettle(t *testing.T, ctx context.Context, current, desired *sqlschema.Schema, opts Options, got *Plan) {
	t.Helper()
	opts.noSettle = true
	want, err := Compute(ctx, current, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the plan depends on settle (-all tables +settled left out):\n%s", diff)
	}
}
