package diff

import (
	"context"
	"strings"
	"testing"

	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestPlanEscapesQuotes: a name holding the dialect's quote character is
// written with the quote doubled, and the schema keeps its names.
func TestPlanEscapesQuotes(t *testing.T) {
	for _, d := range dialect.All {
		q := quoteChar(d)
		name := "a" + q + " int); DROP TABLE canary; --"
		s := sqlschema.New("s").AddTables(
			sqlschema.NewTable("t"+q).AddColumns(
				sqlschema.NewIntColumn("id", "integer"),
				sqlschema.NewStringColumn(name, "varchar", sqlschema.StringSize(20)),
			),
		)
		stmts, err := CreateStatements(d, s)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(stmts, ";\n")
		for _, want := range []string{q + "t" + q + q + q, q + "a" + q + q + " int); DROP TABLE canary; --" + q} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: %s does not hold %s", d, got, want)
			}
		}
		if _, ok := s.Tables[0].Column(name); !ok || s.Tables[0].Name != "t"+q {
			t.Errorf("%s: the schema's names changed", d)
		}
	}
}

// TestFixSerials: a PostgreSQL column whose default takes the next value
// of its own sequence, quoted because of its name, is a serial again.
func TestFixSerials(t *testing.T) {
	c := sqlschema.NewIntColumn("id", "bigint")
	c.Default = &sqlschema.RawExpr{X: `nextval('"user counters; --_id_seq"'::regclass)`}
	other := sqlschema.NewIntColumn("n", "bigint")
	other.Default = &sqlschema.RawExpr{X: `nextval('"elsewhere"'::regclass)`}
	s := sqlschema.New("s").AddTables(sqlschema.NewTable("user counters; --").AddColumns(c, other))
	fixSerials(s)
	st, ok := c.Type.Type.(*postgres.SerialType)
	if !ok || st.T != "bigserial" || c.Default != nil || st.SequenceName != "user counters; --_id_seq" {
		t.Errorf("id: type %#v, default %v; want bigserial without a default", c.Type.Type, c.Default)
	}
	if _, ok := other.Type.Type.(*postgres.SerialType); ok || other.Default == nil {
		t.Errorf("n: a sequence that is not the column's own became a serial")
	}
}

// TestMySQLCommentsUnderANSIQuotes: comments are written as strings in
// single quotes, so the statements run under sql_mode ANSI_QUOTES (where
// a double-quoted text is an identifier), and a comment keeps its text
// exactly, quotes and backslashes included, when created and when changed.
func TestMySQLCommentsUnderANSIQuotes(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.MySQL)
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET SESSION sql_mode = 'ANSI_QUOTES'"); err != nil {
		t.Fatal(err)
	}
	build := func(comment string) *sqlschema.Schema {
		id := sqlschema.NewIntColumn("id", "int")
		name := sqlschema.NewStringColumn("name", "varchar", sqlschema.StringSize(20))
		name.SetComment(comment)
		tbl := sqlschema.NewTable("people").AddColumns(id, name).SetPrimaryKey(sqlschema.NewPrimaryKey(id))
		tbl.SetComment("table: " + comment)
		tbl.AddIndexes(sqlschema.NewIndex("idx_name").AddColumns(name).SetComment("index: " + comment))
		return sqlschema.New(db.URL.Database).AddTables(tbl)
	}
	check := func(when, comment string) {
		t.Helper()
		var tc, cc, ic string
		q := `SELECT t.TABLE_COMMENT, c.COLUMN_COMMENT, s.INDEX_COMMENT FROM information_schema.TABLES t
JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.COLUMN_NAME = 'name'
JOIN information_schema.STATISTICS s ON s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME AND s.INDEX_NAME = 'idx_name'
WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = 'people'`
		if err := conn.QueryRowContext(ctx, q).Scan(&tc, &cc, &ic); err != nil {
			t.Fatal(err)
		}
		if got, want := []string{tc, cc, ic}, []string{"table: " + comment, comment, "index: " + comment}; !cmp.Equal(want, got) {
			t.Errorf("%s: comments (-want +got):\n%s", when, cmp.Diff(want, got))
		}
	}
	const first = `it's "quoted", with a \ and ''`
	stmts, err := CreateStatements(dialect.MySQL, build(first))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			t.Fatalf("under ANSI_QUOTES: %v\n%s", err, s)
		}
	}
	check("created", first)

	const second = `"looks quoted"`
	opts := Options{Dialect: dialect.MySQL, URL: db.URL, DB: db.DB}
	current, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	desired, err := Normalize(ctx, build(second), opts)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Compute(ctx, current, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Upgrade) == 0 {
		t.Fatal("no change planned for the new comments")
	}
	for _, s := range plan.Upgrade {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			t.Fatalf("under ANSI_QUOTES: %v\n%s", err, s)
		}
	}
	check("changed", second)
}

// TestSQLiteColumnsAsDeclared: what retort writes for SQLite, in a
// revision and in `retort schema`, declares each column as GORM does,
// whose migrator reads the CREATE TABLE text back: the type with its size,
// a string default in double quotes, CURRENT_TIMESTAMP and null without
// parentheses, an INTEGER PRIMARY KEY NOT NULL.
func TestSQLiteColumnsAsDeclared(t *testing.T) {
	ctx := context.Background()
	build := func() *sqlschema.Schema {
		id := sqlschema.NewIntColumn("id", "integer")
		email := sqlschema.NewStringColumn("email", "varchar", sqlschema.StringSize(180))
		email.Type.Raw = "varchar(180)"
		price := sqlschema.NewDecimalColumn("price", "decimal", sqlschema.DecimalPrecision(10), sqlschema.DecimalScale(2))
		status := sqlschema.NewStringColumn("status", "text").SetDefault(&sqlschema.Literal{V: `"new"`})
		at := sqlschema.NewNullTimeColumn("at", "datetime").SetDefault(&sqlschema.RawExpr{X: "CURRENT_TIMESTAMP"})
		note := sqlschema.NewNullStringColumn("note", "text").SetDefault(&sqlschema.RawExpr{X: "null"})
		tbl := sqlschema.NewTable("items").AddColumns(id, email, price, status, at, note)
		id.Type.Null = true // as the models say: GORM writes no NOT NULL on a primary key
		tbl.SetPrimaryKey(sqlschema.NewPrimaryKey(id))
		return sqlschema.New("main").AddTables(tbl)
	}
	want := "CREATE TABLE `items` (`id` integer NOT NULL, `email` varchar(180) NOT NULL, `price` decimal(10,2) NOT NULL, " +
		"`status` text NOT NULL DEFAULT \"new\", `at` datetime NULL DEFAULT CURRENT_TIMESTAMP, `note` text NULL DEFAULT null, PRIMARY KEY (`id`))"
	stmts, err := CreateStatements(dialect.SQLite, build())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{want}, stmts); diff != "" {
		t.Errorf("retort schema (-want +got):\n%s", diff)
	}

	db := testdb.New(t, dialect.SQLite)
	opts := Options{Dialect: dialect.SQLite, URL: db.URL, DB: db.DB}
	desired, err := Normalize(ctx, build(), opts)
	if err != nil {
		t.Fatal(err)
	}
	current, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Compute(ctx, current, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{want}, plan.Upgrade); diff != "" {
		t.Errorf("revision (-want +got):\n%s", diff)
	}
}

// TestEscapeSharedComment: a comment two values share (the shape probes'
// columns share their attributes with the models' columns) is quoted in
// each value's own slot and never changed itself, so that values planned
// at the same time each write it quoted once, and the shared one keeps
// its text. It was quoted in place: a second plan read it quoted and
// quoted it again (the text between three quotes each side in a
// revision, one run in six on a GORM project whose embedded struct's
// columns had comments and indexes).
func TestEscapeSharedComment(t *testing.T) {
	shared := &sqlschema.Comment{Text: "creator"}
	col := func() *sqlschema.Column {
		c := sqlschema.NewIntColumn("create_by", "bigint")
		c.Attrs = []sqlschema.Attr{shared}
		return c
	}
	a, b := sqlschema.NewTable("a").AddColumns(col()), sqlschema.NewTable("b").AddColumns(col())
	restoreA, _ := escapeNames(dialect.MySQL, a)
	restoreB, _ := escapeNames(dialect.MySQL, b) // while a is still escaped
	for _, tbl := range []*sqlschema.Table{a, b} {
		got, _ := attrOf[*sqlschema.Comment](tbl.Columns[0].Attrs)
		if got.Text != "'creator'" {
			t.Errorf("table %s: comment %q while escaped, want %q", tbl.Name, got.Text, "'creator'")
		}
	}
	if shared.Text != "creator" {
		t.Errorf("the shared comment became %q", shared.Text)
	}
	restoreB()
	restoreA()
	for _, tbl := range []*sqlschema.Table{a, b} {
		if got := tbl.Columns[0].Attrs[0]; got != sqlschema.Attr(shared) {
			t.Errorf("table %s: slot holds %#v after restore, want the shared comment", tbl.Name, got)
		}
	}
}
