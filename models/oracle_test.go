package models_test

// The GORM oracle: for every model package under testdata/gorm and every
// dialect, GORM's own AutoMigrate builds the schema in one fresh database,
// retort's schema of the same structs is applied to a second one, atlas
// inspects both, and the two must diff empty. Deliberate differences are
// listed in knownDifferences, nowhere else.
//
// It also writes golden DDL: testdata/golden/<case>.<dialect>.sql is
// retort's schema planned as CREATE statements, <case>.<dialect>.gorm.sql
// is what GORM created, inspected and planned the same way.
//
//	go test -run TestOracle ./models            # compare
//	go test -run TestOracle ./schema -update    # rewrite the goldens

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"ariga.io/atlas/sql/migrate"
	atlasmysql "ariga.io/atlas/sql/mysql"
	atlaspg "ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	atlassqlite "ariga.io/atlas/sql/sqlite"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/gormtest"
	"github.com/retortdb/retort/internal/testdb"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// oracleCase is one model package of testdata/gorm.
type oracleCase struct {
	name     string         // folder under testdata/gorm
	models   []any          // the package's Models, in AutoMigrate order
	dialects []dialect.Name // the package's Dialects; nil means all
	// retortOnly marks a package using retort-only tags (retort:"..."):
	// no GORM comparison, goldens only.
	retortOnly bool
}

func (c oracleCase) runsOn(d dialect.Name) bool {
	if len(c.dialects) == 0 {
		return true
	}
	for _, x := range c.dialects {
		if x == d {
			return true
		}
	}
	return false
}

// knownDifference is a difference between GORM and retort that retort
// makes on purpose, or that comes from the way the oracle measures (why
// then says so). what is one line exactly as describeChanges writes it.
type knownDifference struct {
	caseName string
	dialect  dialect.Name // "" for every dialect
	what     string
	why      string
}

// knownDifferences is the whole list of deliberate differences; the README
// copies it. Keep it small and honest.
var knownDifferences = []knownDifference{
	{"13_index_expression", dialect.SQLite, `table "members": index "idx_members_lower_email" differs in parts: gorm UNIQUE ((lower(email))), retort UNIQUE (((lower(email))))`,
		"not retort's schema but atlas's SQLite round trip: its planner wraps an index expression in parentheses and its inspector reads the stored CREATE INDEX text back as written, and its differ forgives extra parentheses only on the from side (the live database), not on the desired side; diff must normalize this or `check` against a GORM-made SQLite database never ends"},
	{"13_index_expression", dialect.SQLite, `table "members": index "idx_members_name_len" differs in parts: gorm ((length(name))), retort (((length(name))))`,
		"the same SQLite round-trip parentheses"},
	{"31_db_tag", "", `table "contacts": column "email_address" only in retort`,
		`db:"email_address" names the column in retort (CONTRACT.md, Models); GORM ignores db tags and names it "email"`},
	{"31_db_tag", "", `table "contacts": column "email" only in gorm`,
		`the other half of the db:"..." difference above`},
}

func (k knownDifference) matches(c string, d dialect.Name, line string) bool {
	return k.caseName == c && (k.dialect == "" || k.dialect == d) && k.what == line
}

// moduleRoot is the folder of go.mod, the Dir models.Load resolves
// the "./models/testdata/gorm/<case>" patterns against.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestOracleCorpusComplete(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "gorm"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs, listed []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	for _, c := range oracleCases {
		listed = append(listed, c.name)
		if len(c.models) == 0 {
			t.Errorf("case %s: Models is empty", c.name)
		}
	}
	sort.Strings(listed)
	if diff := cmp.Diff(dirs, listed); diff != "" {
		t.Errorf("oracleCases does not list exactly the folders of testdata/gorm (-folders +listed):\n%s", diff)
	}
	if len(dirs) < 25 {
		t.Errorf("the corpus has %d cases, want at least 25", len(dirs))
	}
}

func TestOracle(t *testing.T) {
	var b strings.Builder
	for _, k := range knownDifferences {
		d := string(k.dialect)
		if d == "" {
			d = "all"
		}
		fmt.Fprintf(&b, "\n  %s [%s] %s: %s", k.caseName, d, k.what, k.why)
	}
	t.Logf("known deliberate differences from GORM:%s", b.String())
	root := moduleRoot(t)
	// On PostgreSQL, where creating and dropping a database costs about a
	// second, each subtest gets two fresh schemas of one database instead.
	var pg *testdb.DB
	if os.Getenv(testdb.EnvVar(dialect.Postgres)) != "" {
		pg = testdb.New(t, dialect.Postgres)
	}
	for _, c := range oracleCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			loaded := loadRetort(t, root, c.name)
			// The corpus is models GORM reads as meant: retort has
			// nothing to warn about in them.
			for _, w := range loaded.warnings() {
				t.Errorf("warning: %s", w)
			}
			for _, d := range dialect.All {
				if !c.runsOn(d) {
					continue // the case's Dialects var leaves d out: no subtest, no skip
				}
				t.Run(string(d), func(t *testing.T) {
					runOracle(t, c, d, loaded, pg)
				})
			}
		})
	}
}

func runOracle(t *testing.T, c oracleCase, d dialect.Name, loaded retortModels, pg *testdb.DB) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	var gormSchema *sqlschema.Schema
	if !c.retortOnly {
		gdb := freshDB(t, d, pg)
		if err := gormtest.AutoMigrateWith(gdb, d, caseSettings[c.name].gorm(), c.models...); err != nil {
			t.Fatalf("gorm AutoMigrate: %v", err)
		}
		gdrv := gormtest.AtlasDriver(t, gdb, d)
		gormSchema = inspect(ctx, t, gdrv)
		canonical(gormSchema)
		checkGolden(t, filepath.Join("testdata", "golden", c.name+"."+string(d)+".gorm.sql"), createDDL(ctx, t, gdrv, gormSchema, "GORM's"))
	}

	desired, err := loaded.schema(d)
	if errors.Is(err, errGormOnly) {
		t.Skip("built with -tags oracle_gormonly: GORM's half only")
	}
	if err != nil {
		t.Fatalf("retort: %v", err)
	}
	rdb := freshDB(t, d, pg)
	rdrv := gormtest.AtlasDriver(t, rdb, d)
	ddl := createDDL(ctx, t, rdrv, desired, "retort's")
	checkGolden(t, filepath.Join("testdata", "golden", c.name+"."+string(d)+".sql"), ddl)
	if err := applyCreate(ctx, rdrv, desired); err != nil {
		t.Fatalf("apply retort's schema: %v\n%s", err, ddl)
	}
	if c.retortOnly {
		return
	}
	retortSchema := inspect(ctx, t, rdrv)
	canonical(retortSchema) // as the GORM side: same order, no repeated server defaults

	// Diff GORM's schema against retort's: the changes that would take
	// GORM's database to retort's. Both are fresh inspections (SchemaDiff
	// mutates its from argument).
	gormSchema.Name, retortSchema.Name = "oracle", "oracle"
	// Both come from a server, so both are normalized: in that mode atlas
	// also compares check expressions, which it skips otherwise.
	changes, err := gdiff(t, d).SchemaDiff(gormSchema, retortSchema, sqlschema.DiffNormalized())
	if err != nil {
		t.Fatalf("diff: %v", err)
	}
	var (
		unexpected []string
		seen       = map[int]bool{}
	)
	for _, line := range describeChanges(d, changes) {
		known := false
		for i, k := range knownDifferences {
			if k.matches(c.name, d, line) {
				t.Logf("known difference: %s (%s)", line, k.why)
				known, seen[i] = true, true
				break
			}
		}
		if !known {
			unexpected = append(unexpected, line)
		}
	}
	for i, k := range knownDifferences {
		if k.caseName == c.name && (k.dialect == "" || k.dialect == d) && !seen[i] {
			t.Errorf("known difference did not happen, remove it from knownDifferences or find out why: %s", k.what)
		}
	}
	if len(unexpected) > 0 {
		t.Errorf("retort's schema differs from GORM's AutoMigrate (%d):\n  %s\nreference: testdata/golden/%s.%s.gorm.sql",
			len(unexpected), strings.Join(unexpected, "\n  "), c.name, d)
	}
}

// freshDB returns an empty database for one side of one subtest: a new
// database on MySQL and SQLite; on PostgreSQL a new schema of pg, which is
// the connection's search_path and is dropped when t ends.
func freshDB(t *testing.T, d dialect.Name, pg *testdb.DB) *sql.DB {
	t.Helper()
	if d != dialect.Postgres {
		return testdb.New(t, d).DB
	}
	if pg == nil {
		testdb.Server(t, d)             // skips, or fails under RETORT_TEST_REQUIRE_DB=1
		t.Fatal("no postgres database") // not reached: pg is nil only without a server
	}
	ctx := context.Background()
	name := testdb.Name("s")
	if _, err := pg.ExecContext(ctx, "CREATE SCHEMA "+d.QuoteIdent(name)); err != nil {
		t.Fatalf("create schema %s: %v", name, err)
	}
	sep := "?"
	if strings.Contains(pg.URL.DSN, "?") {
		sep = "&"
	}
	db, err := sql.Open(pg.URL.Driver, pg.URL.DSN+sep+"search_path="+name)
	if err != nil {
		t.Fatalf("open schema %s: %v", name, err)
	}
	t.Cleanup(func() {
		db.Close()
		if _, err := pg.ExecContext(context.Background(), "DROP SCHEMA "+d.QuoteIdent(name)+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})
	return db
}

// gdiff is a differ for d; SchemaDiff needs no connection.
func gdiff(t testing.TB, d dialect.Name) sqlschema.Differ {
	t.Helper()
	switch d {
	case dialect.MySQL:
		return atlasmysql.DefaultDiff
	case dialect.Postgres:
		return atlaspg.DefaultDiff
	}
	return atlassqlite.DefaultDiff
}

// inspect reads the schema of the database drv is connected to.
func inspect(ctx context.Context, t testing.TB, drv migrate.Driver) *sqlschema.Schema {
	t.Helper()
	s, err := drv.InspectSchema(ctx, "", nil)
	if err != nil {
		t.Fatalf("atlas inspect: %v", err)
	}
	return s
}

// canonical sorts what GORM creates in map order (checks, unique
// constraints and so SQLite's inline constraints) by name, so the
// .gorm.sql goldens are stable. Columns keep their order.
func canonical(s *sqlschema.Schema) {
	for _, t := range s.Tables {
		t.Attrs = dropServerDefaults(t.Attrs, s.Attrs)
		sort.SliceStable(t.Indexes, func(i, j int) bool { return indexKey(t.Indexes[i]) < indexKey(t.Indexes[j]) })
		sort.SliceStable(t.ForeignKeys, func(i, j int) bool { return t.ForeignKeys[i].Symbol < t.ForeignKeys[j].Symbol })
		var checks []*sqlschema.Check
		for _, a := range t.Attrs {
			if c, ok := a.(*sqlschema.Check); ok {
				checks = append(checks, c)
			}
		}
		sort.SliceStable(checks, func(i, j int) bool { return checks[i].Name < checks[j].Name })
		for i, a := range t.Attrs {
			if _, ok := a.(*sqlschema.Check); ok {
				t.Attrs[i], checks = checks[0], checks[1:]
			}
		}
	}
}

// dropServerDefaults drops the table charset and collation that only
// repeat the database's (the server's defaults, utf8mb4_general_ci on
// MariaDB, utf8mb4_0900_ai_ci on MySQL 8), keeping goldens portable.
func dropServerDefaults(attrs, schemaAttrs []sqlschema.Attr) []sqlschema.Attr {
	var charset sqlschema.Charset
	var collation sqlschema.Collation
	for _, a := range schemaAttrs {
		switch a := a.(type) {
		case *sqlschema.Charset:
			charset = *a
		case *sqlschema.Collation:
			collation = *a
		}
	}
	out := attrs[:0]
	for _, a := range attrs {
		switch a := a.(type) {
		case *sqlschema.Charset:
			if a.V == charset.V {
				continue
			}
		case *sqlschema.Collation:
			if a.V == collation.V {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// indexKey orders indexes by name, except SQLite's automatic indexes of
// inline UNIQUE constraints, numbered in the order GORM wrote them: those
// by their columns.
func indexKey(idx *sqlschema.Index) string {
	if !strings.HasPrefix(idx.Name, "sqlite_autoindex_") {
		return idx.Name
	}
	key := "sqlite_autoindex_"
	for _, p := range idx.Parts {
		if p.C != nil {
			key += "," + p.C.Name
		}
	}
	return key
}

// addTables returns one AddTable change per table of s, parents before
// the tables referencing them, otherwise by name, so plans are stable.
func addTables(s *sqlschema.Schema) []sqlschema.Change {
	tables := append([]*sqlschema.Table(nil), s.Tables...)
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].Name < tables[j].Name })
	var (
		out     []sqlschema.Change
		visited = map[*sqlschema.Table]bool{}
		visit   func(*sqlschema.Table)
	)
	visit = func(t *sqlschema.Table) {
		if visited[t] {
			return
		}
		visited[t] = true
		for _, fk := range t.ForeignKeys {
			if fk.RefTable != nil && fk.RefTable != t {
				for _, x := range tables {
					if x.Name == fk.RefTable.Name {
						visit(x)
					}
				}
			}
		}
		out = append(out, &sqlschema.AddTable{T: t})
	}
	for _, t := range tables {
		visit(t)
	}
	return out
}

// unqualified plans statements without a schema qualifier, so they run in
// (and golden files do not name) the connected database.
func unqualified(o *migrate.PlanOptions) {
	o.SchemaQualifier = new(string)
}

// createDDL plans s as CREATE statements on drv, one per line.
func createDDL(ctx context.Context, t testing.TB, drv migrate.Driver, s *sqlschema.Schema, whose string) string {
	t.Helper()
	plan, err := drv.PlanChanges(ctx, "create", addTables(s), unqualified)
	if err != nil {
		t.Fatalf("atlas cannot plan %s schema as CREATE statements: %v", whose, err)
	}
	var b strings.Builder
	for _, c := range plan.Changes {
		b.WriteString(c.Cmd)
		b.WriteString(";\n")
	}
	return b.String()
}

// applyCreate creates the tables of s in the database of drv.
func applyCreate(ctx context.Context, drv migrate.Driver, s *sqlschema.Schema) error {
	return drv.ApplyChanges(ctx, addTables(s), unqualified)
}

// checkGolden compares got with the file at path, or writes it under -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%v (run with -update to create it)", err)
		return
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got); run with -update if the change is right:\n%s", path, diff)
	}
}

// describeChanges renders the changes taking GORM's schema to retort's, one
// readable line per difference: "only in retort" is what retort has and GORM
// lacks.
func describeChanges(d dialect.Name, changes []sqlschema.Change) []string {
	var out []string
	for _, c := range changes {
		switch c := c.(type) {
		case *sqlschema.AddTable:
			out = append(out, fmt.Sprintf("table %q only in retort", c.T.Name))
		case *sqlschema.DropTable:
			out = append(out, fmt.Sprintf("table %q only in gorm", c.T.Name))
		case *sqlschema.ModifyTable:
			for _, tc := range c.Changes {
				out = append(out, fmt.Sprintf("table %q: %s", c.T.Name, describeTableChange(d, tc)))
			}
		default:
			out = append(out, fmt.Sprintf("%T", c))
		}
	}
	sort.Strings(out)
	return out
}

func describeTableChange(d dialect.Name, c sqlschema.Change) string {
	switch c := c.(type) {
	case *sqlschema.AddColumn:
		return fmt.Sprintf("column %q only in retort", c.C.Name)
	case *sqlschema.DropColumn:
		return fmt.Sprintf("column %q only in gorm", c.C.Name)
	case *sqlschema.ModifyColumn:
		return fmt.Sprintf("column %q differs in %s: gorm %s, retort %s", c.From.Name, kinds(c.Change), columnDesc(d, c.From), columnDesc(d, c.To))
	case *sqlschema.AddIndex:
		return fmt.Sprintf("index %q only in retort: %s", c.I.Name, indexDesc(c.I))
	case *sqlschema.DropIndex:
		return fmt.Sprintf("index %q only in gorm: %s", c.I.Name, indexDesc(c.I))
	case *sqlschema.ModifyIndex:
		return fmt.Sprintf("index %q differs in %s: gorm %s, retort %s", c.From.Name, kinds(c.Change), indexDesc(c.From), indexDesc(c.To))
	case *sqlschema.RenameIndex:
		return fmt.Sprintf("index %q is %q in retort", c.From.Name, c.To.Name)
	case *sqlschema.AddPrimaryKey:
		return fmt.Sprintf("primary key only in retort: %s", indexDesc(c.P))
	case *sqlschema.DropPrimaryKey:
		return fmt.Sprintf("primary key only in gorm: %s", indexDesc(c.P))
	case *sqlschema.ModifyPrimaryKey:
		return fmt.Sprintf("primary key differs in %s: gorm %s, retort %s", kinds(c.Change), indexDesc(c.From), indexDesc(c.To))
	case *sqlschema.AddForeignKey:
		return fmt.Sprintf("foreign key %q only in retort: %s", c.F.Symbol, fkDesc(c.F))
	case *sqlschema.DropForeignKey:
		return fmt.Sprintf("foreign key %q only in gorm: %s", c.F.Symbol, fkDesc(c.F))
	case *sqlschema.ModifyForeignKey:
		return fmt.Sprintf("foreign key %q differs in %s: gorm %s, retort %s", c.From.Symbol, kinds(c.Change), fkDesc(c.From), fkDesc(c.To))
	case *sqlschema.AddCheck:
		return fmt.Sprintf("check %q only in retort: %s", c.C.Name, c.C.Expr)
	case *sqlschema.DropCheck:
		return fmt.Sprintf("check %q only in gorm: %s", c.C.Name, c.C.Expr)
	case *sqlschema.ModifyCheck:
		return fmt.Sprintf("check %q differs: gorm %s, retort %s", c.From.Name, c.From.Expr, c.To.Expr)
	case *sqlschema.AddAttr:
		return fmt.Sprintf("attribute only in retort: %s", attrDesc(c.A))
	case *sqlschema.DropAttr:
		return fmt.Sprintf("attribute only in gorm: %s", attrDesc(c.A))
	case *sqlschema.ModifyAttr:
		return fmt.Sprintf("attribute differs: gorm %s, retort %s", attrDesc(c.From), attrDesc(c.To))
	}
	return fmt.Sprintf("%T", c)
}

func kinds(k sqlschema.ChangeKind) string {
	names := []struct {
		k    sqlschema.ChangeKind
		name string
	}{
		{sqlschema.ChangeAttr, "attributes"}, {sqlschema.ChangeCharset, "charset"},
		{sqlschema.ChangeCollate, "collation"}, {sqlschema.ChangeComment, "comment"},
		{sqlschema.ChangeNull, "null"}, {sqlschema.ChangeType, "type"},
		{sqlschema.ChangeDefault, "default"}, {sqlschema.ChangeGenerated, "generated"},
		{sqlschema.ChangeUnique, "unique"}, {sqlschema.ChangeParts, "parts"},
		{sqlschema.ChangeColumn, "columns"}, {sqlschema.ChangeRefColumn, "referenced columns"},
		{sqlschema.ChangeRefTable, "referenced table"}, {sqlschema.ChangeUpdateAction, "on update"},
		{sqlschema.ChangeDeleteAction, "on delete"},
	}
	var out []string
	for _, n := range names {
		if k.Is(n.k) {
			out = append(out, n.name)
		}
	}
	if len(out) == 0 {
		return "something"
	}
	return strings.Join(out, ", ")
}

func formatType(d dialect.Name, t sqlschema.Type) string {
	var (
		s   string
		err error
	)
	switch d {
	case dialect.MySQL:
		s, err = atlasmysql.FormatType(t)
	case dialect.Postgres:
		s, err = atlaspg.FormatType(t)
	default:
		s, err = atlassqlite.FormatType(t)
	}
	if err != nil {
		return fmt.Sprintf("%T", t)
	}
	return s
}

func columnDesc(d dialect.Name, c *sqlschema.Column) string {
	var b strings.Builder
	b.WriteString("[")
	if c.Type != nil && c.Type.Type != nil {
		b.WriteString(formatType(d, c.Type.Type))
	} else if c.Type != nil {
		b.WriteString(c.Type.Raw)
	}
	if c.Type != nil && c.Type.Null {
		b.WriteString(" NULL")
	} else {
		b.WriteString(" NOT NULL")
	}
	if c.Default != nil {
		b.WriteString(" DEFAULT " + exprDesc(c.Default))
	}
	for _, a := range c.Attrs {
		if s := attrDesc(a); s != "" {
			b.WriteString(" " + s)
		}
	}
	b.WriteString("]")
	return b.String()
}

func exprDesc(e sqlschema.Expr) string {
	switch e := e.(type) {
	case *sqlschema.Literal:
		return e.V
	case *sqlschema.RawExpr:
		return e.X
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("%T", e)
}

func attrDesc(a sqlschema.Attr) string {
	switch a := a.(type) {
	case *sqlschema.Comment:
		return fmt.Sprintf("COMMENT %q", a.Text)
	case *sqlschema.Charset:
		return "CHARSET " + a.V
	case *sqlschema.Collation:
		return "COLLATE " + a.V
	case *sqlschema.Check:
		return fmt.Sprintf("CHECK %s (%s)", a.Name, a.Expr)
	case *atlasmysql.AutoIncrement:
		return "AUTO_INCREMENT"
	case *atlassqlite.AutoIncrement:
		return "AUTOINCREMENT"
	case *atlasmysql.OnUpdate:
		return "ON UPDATE " + a.A
	case *atlaspg.Identity:
		return "IDENTITY " + a.Generation
	case *atlasmysql.IndexType:
		return "USING " + a.T
	case *atlaspg.IndexType:
		return "USING " + a.T
	case *atlaspg.IndexPredicate:
		return "WHERE " + a.P
	case *atlassqlite.IndexPredicate:
		return "WHERE " + a.P
	case *atlasmysql.SubPart:
		return fmt.Sprintf("(%d)", a.Len)
	case *atlaspg.IndexOpClass:
		return "OPCLASS " + a.Name
	case *atlaspg.Constraint, *atlassqlite.CreateStmt, *atlasmysql.CreateOptions, *atlasmysql.CreateStmt,
		*atlasmysql.Engine, *atlaspg.IndexColumnProperty, *atlaspg.NoInherit, *atlassqlite.IndexOrigin:
		return ""
	}
	return fmt.Sprintf("%T", a)
}

func indexDesc(i *sqlschema.Index) string {
	var parts []string
	for _, p := range i.Parts {
		var s string
		switch {
		case p.C != nil:
			s = p.C.Name
		case p.X != nil:
			s = "(" + exprDesc(p.X) + ")"
		}
		if p.Desc {
			s += " DESC"
		}
		for _, a := range p.Attrs {
			if x := attrDesc(a); x != "" {
				s += x
			}
		}
		parts = append(parts, s)
	}
	s := "(" + strings.Join(parts, ", ") + ")"
	if i.Unique {
		s = "UNIQUE " + s
	}
	for _, a := range i.Attrs {
		if x := attrDesc(a); x != "" {
			s += " " + x
		}
	}
	return s
}

func fkDesc(f *sqlschema.ForeignKey) string {
	var cols, refs []string
	for _, c := range f.Columns {
		cols = append(cols, c.Name)
	}
	for _, c := range f.RefColumns {
		refs = append(refs, c.Name)
	}
	ref := "?"
	if f.RefTable != nil {
		ref = f.RefTable.Name
	}
	s := fmt.Sprintf("(%s) REFERENCES %s(%s)", strings.Join(cols, ", "), ref, strings.Join(refs, ", "))
	if f.OnUpdate != "" {
		s += " ON UPDATE " + string(f.OnUpdate)
	}
	if f.OnDelete != "" {
		s += " ON DELETE " + string(f.OnDelete)
	}
	return s
}
