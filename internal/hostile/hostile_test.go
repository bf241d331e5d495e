// Package hostile checks that hostile names and messages round-trip
// through retort end to end on every dialect: Go models whose tables,
// columns, indexes and constraints are named with reserved words, mixed
// case, spaces, quotes, backticks, semicolons, comment starters, unicode
// and the dialect's longest identifiers (testdata/models), a version table
// named like an injection, and revision messages that try to close the
// header or open a section.
//
// The path is the CLI's: autogen.Plan on an empty database, codegen.Render,
// migrations.ParseFile, the migrations.Runner upgrade, autogen.Plan again
// (empty), the downgrade to base (an empty database again). A canary table
// with a row, made before and excluded from the diff, must survive it all.
package hostile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	sqlschema "ariga.io/atlas/sql/schema"
	atlassqlite "ariga.io/atlas/sql/sqlite"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	fastinspect "github.com/retortdb/retort/internal/inspect"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrations"
	"github.com/retortdb/retort/models"
)

// set is one round trip: model packages and the version table.
type set struct {
	name         string
	packages     []string // under testdata/models
	versionTable string
	// refused is the error the runner must return for versionTable
	// (instead of a round trip), nil when it takes it.
	refused error
}

// maxIdent is the longest identifier of dialect d: 64 characters on MySQL,
// 63 bytes on PostgreSQL; SQLite has no limit (200 stands for long).
func maxIdent(d dialect.Name) int {
	switch d {
	case dialect.MySQL:
		return 64
	case dialect.Postgres:
		return 63
	}
	return 200
}

// logNameRefused is the runner's error for a version table of the longest
// identifier, whose log name passes the limit: none on SQLite.
func logNameRefused(d dialect.Name) error {
	if d == dialect.SQLite {
		return nil
	}
	return migrations.ErrVersionTableName
}

// sets are the round trips of dialect d: the names every dialect takes,
// the dialect's own (longest names, emoji, ...) and one set per quote
// character, the version table named with it too.
func sets(d dialect.Name) []set {
	return []set{
		{name: "common", packages: []string{"common"}, versionTable: "retort version; DROP TABLE canary; --"},
		{name: "dialect", packages: []string{string(d)}, versionTable: "Retort Version " + strings.Repeat("v", 40)},
		{name: "serial", packages: []string{"serial"}, versionTable: "retort_version"},
		{name: "version_table_quotes", packages: []string{"plain"}, versionTable: "retort `v` \"v\" 'v' \\; DROP TABLE canary; --"},
		{name: "version_table_reserved", packages: []string{"plain"}, versionTable: "select"},
		// Its log's name would pass the limit: refused on MySQL and
		// PostgreSQL, which would refuse or cut it.
		{name: "longest_version_table", packages: []string{"plain"}, versionTable: "Retort Version " + strings.Repeat("v", maxIdent(d)-len("Retort Version ")),
			refused: logNameRefused(d)},
		{name: "inject_backtick", packages: []string{"inject_backtick"}, versionTable: "retort_version"},
		{name: "inject_double", packages: []string{"inject_double"}, versionTable: "retort_version"},
		{name: "quote_backtick", packages: []string{"quote_backtick"}, versionTable: "retort `version`; --"},
		{name: "quote_double", packages: []string{"quote_double"}, versionTable: `retort "version"; --`},
		{name: "quote_single", packages: []string{"quote_single"}, versionTable: "retort 'version'; --"},
	}
}

// message is the revision message of the round trip: it tries to close the
// header and open a section.
const message = "x'); DROP TABLE canary; --\n-- +retort Downgrade\nDROP TABLE canary;"

func TestRoundTrip(t *testing.T) {
	for _, d := range dialect.All {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			for _, s := range sets(d) {
				t.Run(s.name, func(t *testing.T) { roundTrip(t, d, s) })
			}
		})
	}
}

func roundTrip(t *testing.T, d dialect.Name, s set) {
	versionTable := s.versionTable
	var patterns []string
	for _, p := range s.packages {
		patterns = append(patterns, "./internal/hostile/testdata/models/"+p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tdb := testdb.New(t, d)
	db := tdb.DB
	if d == dialect.SQLite {
		db.SetMaxOpenConns(1)
	}
	plantCanary(ctx, t, db, d)
	defer checkCanary(ctx, t, db, d) // also after a t.Fatal

	opts := autogen.Options{
		Dir:      "../..",
		Patterns: patterns,
		Diff: diff.Options{
			Dialect:      d,
			URL:          tdb.URL,
			VersionTable: versionTable,
			Exclude:      []string{"canary"},
		},
	}
	plan, err := autogen.Plan(ctx, db, opts)
	if err != nil {
		t.Fatalf("autogen.Plan on the empty database: %v", err)
	}
	if plan.Empty() {
		t.Fatal("autogen.Plan on the empty database: the plan is empty")
	}
	rev := codegen.Revision{ID: "0123456789ab", Message: message, CreateDate: "2026-01-01T00:00:00Z"}
	autogen.Fill(&rev, plan)
	file, err := codegen.Render(codegen.Default(), rev)
	if err != nil {
		t.Fatalf("codegen.Render: %v", err)
	}
	parsed, err := migrations.ParseFile(file.Path, file.Data, d)
	if err != nil {
		t.Fatalf("migrations.ParseFile of the rendered revision: %v\n%s", err, file.Data)
	}
	sameStatements(t, "upgrade", plan.Upgrade, parsed.Upgrade, file.Data)
	sameStatements(t, "downgrade", plan.Downgrade, parsed.Downgrade, file.Data)
	if want := strings.Join(strings.Fields(message), " "); parsed.Message != want {
		t.Errorf("the message read back is %q; want %q (its lines joined)", parsed.Message, want)
	}

	g, err := migrations.NewGraph([]*migrations.Revision{parsed})
	if err != nil {
		t.Fatalf("migrations.NewGraph: %v", err)
	}
	revs := []*migrations.Revision{parsed}
	runner := migrations.NewRunner(db, migrations.RunnerOptions{Dialect: d, VersionTable: versionTable})
	if s.refused != nil {
		err := runner.Run(ctx, revs, func(cur []string) ([]migrations.Step, error) { return g.PlanUpgrade(cur, "heads") })
		if !errors.Is(err, s.refused) {
			t.Fatalf("upgrade with version table %q = %v; want %v", versionTable, err, s.refused)
		}
		t.Logf("refused: %v", err)
		if tables := listTables(ctx, t, db, d); !cmp.Equal(tables, []string{"canary"}) {
			t.Errorf("the refused upgrade left tables: %q", tables)
		}
		return
	}
	if err := runner.Run(ctx, revs, func(cur []string) ([]migrations.Step, error) { return g.PlanUpgrade(cur, "heads") }); err != nil {
		t.Fatalf("upgrade: %v\nrevision file:\n%s", err, file.Data)
	}
	st, err := runner.State(ctx)
	if err != nil {
		t.Fatalf("state after the upgrade: %v", err)
	}
	if !cmp.Equal(st.Heads, []string{rev.ID}) || st.Partial != nil {
		t.Errorf("state after the upgrade: heads %v, partial %v; want [%s]", st.Heads, st.Partial, rev.ID)
	}

	models, _, err := autogen.Models(ctx, opts)
	if err != nil {
		t.Fatalf("autogen.Models: %v", err)
	}
	live := inspect(ctx, t, db, d, tableNames(models))
	sameNames(t, d, models, live)
	if t.Failed() {
		t.Logf("revision file:\n%s", file.Data)
	}
	all := listTables(ctx, t, db, d)
	for _, name := range []string{versionTable, versionTable + "_log"} {
		if !slices.Contains(all, name) {
			t.Errorf("after the upgrade the version table %q does not exist; tables: %q", name, all)
		}
	}

	again, err := autogen.Plan(ctx, db, opts)
	if err != nil {
		t.Fatalf("autogen.Plan after the upgrade: %v", err)
	}
	if !again.Empty() {
		var changes []string
		for _, c := range again.Changes {
			changes = append(changes, c.Text)
		}
		t.Errorf("after the upgrade the models still differ from the database:\n  %s\nupgrade:\n  %s",
			strings.Join(changes, "\n  "), strings.Join(again.Upgrade, ";\n  "))
	}

	if err := runner.Run(ctx, revs, func(cur []string) ([]migrations.Step, error) { return g.PlanDowngrade(cur, "base") }); err != nil {
		t.Fatalf("downgrade: %v\nrevision file:\n%s", err, file.Data)
	}
	var left []string
	for _, name := range listTables(ctx, t, db, d) {
		if name != "canary" && name != versionTable && name != versionTable+"_log" && name != versionTable+"_lock" {
			left = append(left, name)
		}
	}
	if len(left) > 0 {
		t.Errorf("after the downgrade to base these tables are left: %q", left)
	}
	if st, err := runner.State(ctx); err != nil || len(st.Heads) != 0 {
		t.Errorf("state after the downgrade: %v, %v; want no heads", st, err)
	}
}

// sameStatements checks that the parsed section has the planned statements.
func sameStatements(t *testing.T, section string, want []string, got []migrations.Statement, file []byte) {
	t.Helper()
	var g []string
	for _, s := range got {
		g = append(g, strings.TrimSpace(s.SQL))
	}
	var w []string
	for _, s := range want {
		w = append(w, strings.TrimSpace(s))
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("the %s section parsed back differs from the plan (-plan +parsed):\n%s\nfile:\n%s", section, diff, file)
	}
}

// plantCanary makes the table canary with one row.
func plantCanary(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name) {
	t.Helper()
	for _, q := range []string{
		"CREATE TABLE canary (id integer PRIMARY KEY, note varchar(20) NOT NULL)",
		"INSERT INTO canary (id, note) VALUES (1, 'alive')",
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("canary: %v", err)
		}
	}
}

// checkCanary checks that canary still has its row, and only it.
func checkCanary(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name) {
	t.Helper()
	var n int
	var note string
	if err := db.QueryRowContext(ctx, "SELECT count(*), max(note) FROM canary").Scan(&n, &note); err != nil {
		t.Fatalf("the canary is gone: %v", err)
	}
	if n != 1 || note != "alive" {
		t.Errorf("the canary has %d rows, note %q; want 1 row, alive", n, note)
	}
}

// inspect reads the named tables with atlas (only they: atlas cannot read
// a SQLite table with a single quote in its name, such as a hostile
// version table).
func inspect(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name, tables []string) *sqlschema.Schema {
	t.Helper()
	name := ""
	if d == dialect.SQLite {
		name = "main"
	}
	// internal/inspect's inspector: atlas's own SQLite inspector pastes
	// table names between single quotes.
	insp, err := fastinspect.New(db, d)
	if err != nil {
		t.Fatal(err)
	}
	s, err := insp.InspectSchema(ctx, name, &sqlschema.InspectOptions{Mode: sqlschema.InspectSchemas | sqlschema.InspectTables, Tables: tables})
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return s
}

// listTables lists the tables of the database from its catalog.
func listTables(ctx context.Context, t *testing.T, db *sql.DB, d dialect.Name) []string {
	t.Helper()
	q := map[dialect.Name]string{
		dialect.MySQL:    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
		dialect.Postgres: "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
		dialect.SQLite:   "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
	}[d]
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		t.Fatalf("list tables: %v", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatalf("list tables: %v", err)
		}
		out = append(out, name)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("list tables: %v", err)
	}
	sort.Strings(out)
	return out
}

func tableNames(s *sqlschema.Schema) []string {
	var out []string
	for _, tb := range s.Tables {
		out = append(out, tb.Name)
	}
	sort.Strings(out)
	return out
}

// sameNames checks that every table, column, index, foreign key and check
// of the models is in the database under the same name.
func sameNames(t *testing.T, d dialect.Name, models, live *sqlschema.Schema) {
	t.Helper()
	for _, mt := range models.Tables {
		lt, ok := live.Table(mt.Name)
		if !ok {
			t.Errorf("table %q of the models is not in the database; it has %q", mt.Name, tableNames(live))
			continue
		}
		want, got := names(d, mt), names(d, lt)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("table %q: names differ (-models +database):\n%s", mt.Name, diff)
		}
	}
}

// names lists a table's named parts, each as "kind name".
func names(d dialect.Name, tb *sqlschema.Table) []string {
	var out []string
	for _, c := range tb.Columns {
		out = append(out, "column "+c.Name)
	}
	for _, ix := range tb.Indexes {
		if d == dialect.MySQL && isFKIndex(tb, ix) {
			continue // MySQL makes an index for a foreign key, named after it
		}
		if u, ok := inlineUnique(ix); ok {
			out = append(out, "unique constraint "+u)
			continue
		}
		if strings.HasPrefix(ix.Name, "sqlite_autoindex_") {
			continue // an inline constraint, listed by its name below
		}
		out = append(out, fmt.Sprintf("index %s unique=%v", ix.Name, ix.Unique))
	}
	if cs, ok := createStmt(tb); ok && d == dialect.SQLite {
		// SQLite keeps the name of an inline UNIQUE constraint only in
		// the CREATE TABLE text.
		for _, u := range fastinspect.SQLiteUniques(cs) {
			out = append(out, "unique constraint "+u.Name)
		}
	}
	for _, fk := range tb.ForeignKeys {
		if d == dialect.SQLite && (!isWord(fk.Symbol) || fk.Symbol[0] >= '0' && fk.Symbol[0] <= '9') {
			// SQLite keeps a foreign key's name only in the CREATE TABLE
			// text, which atlas reads with a \w+ pattern: other names
			// come back as the key's number (a known atlas limitation).
			continue
		}
		out = append(out, "foreign key "+fk.Symbol)
	}
	if d != dialect.SQLite {
		for _, a := range tb.Attrs {
			if c, ok := a.(*sqlschema.Check); ok {
				out = append(out, "check "+c.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// inlineUnique returns the name of the inline UNIQUE constraint the
// models make of a SQLite index.
func inlineUnique(ix *sqlschema.Index) (string, bool) {
	for _, a := range ix.Attrs {
		if u, ok := a.(*models.UniqueConstraint); ok {
			return u.Name, true
		}
	}
	return "", false
}

// createStmt returns the CREATE TABLE text of an inspected SQLite table.
func createStmt(tb *sqlschema.Table) (string, bool) {
	for _, a := range tb.Attrs {
		if c, ok := a.(*atlassqlite.CreateStmt); ok {
			return c.S, true
		}
	}
	return "", false
}

func isFKIndex(tb *sqlschema.Table, ix *sqlschema.Index) bool {
	for _, fk := range tb.ForeignKeys {
		if fk.Symbol == ix.Name {
			return true
		}
	}
	return false
}

func isWord(s string) bool {
	for _, r := range s {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return s != ""
}
