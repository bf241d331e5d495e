package inspect

import (
	"context"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestSQLiteDeliberate checks the values where our SQLite inspector
// deliberately differs from atlas's (see deliberateDiffs), one by one.
func TestSQLiteDeliberate(t *testing.T) {
	db := testdb.New(t, dialect.SQLite)
	for _, stmt := range []string{
		`CREATE TABLE a (id INTEGER PRIMARY KEY, n int)`,
		`CREATE TABLE b (id integer PRIMARY KEY AUTOINCREMENT)`,
		`CREATE TABLE c (id bigint PRIMARY KEY)`,
		`CREATE TABLE d (id INTEGER PRIMARY KEY) WITHOUT ROWID`,
		`CREATE TABLE e (x INTEGER, y INTEGER, PRIMARY KEY (x, y))`,
		`CREATE TABLE f (id INTEGER PRIMARY KEY DESC)`,
		`CREATE TABLE g (id INTEGER, PRIMARY KEY (id DESC))`,
		`CREATE TABLE p (email text COLLATE NOCASE NOT NULL, name text COLLATE rtrim DEFAULT 'x', "odd name" text COLLATE "NOCASE", code text CHECK (code <> 'COLLATE BINARY'))`,
		`CREATE UNIQUE INDEX p_email ON p (email)`,
		`CREATE INDEX p_name_code ON p (name, code COLLATE NOCASE)`,
		// No referenced columns: the parent's primary key, which atlas
		// cannot read (it scans a NULL "to" column into a string).
		`CREATE TABLE child (id INTEGER PRIMARY KEY, a_id int REFERENCES a, x int, y int, FOREIGN KEY (x, y) REFERENCES e)`,
	} {
		if _, err := db.ExecContext(context.Background(), stmt); err != nil {
			t.Fatalf("%v\n%s", err, stmt)
		}
	}
	insp, err := New(db.DB, dialect.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	s, err := insp.InspectSchema(context.Background(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	col := func(table, name string) *sqlschema.Column {
		t.Helper()
		tb, ok := s.Table(table)
		if !ok {
			t.Fatalf("no table %s", table)
		}
		c, ok := tb.Column(name)
		if !ok {
			t.Fatalf("no column %s.%s", table, name)
		}
		return c
	}
	for _, tc := range []struct {
		table, column string
		null          bool
	}{
		{"a", "id", false}, // rowid alias
		{"b", "id", false}, // rowid alias with AUTOINCREMENT
		{"c", "id", true},  // bigint is not a rowid alias: SQLite lets it be NULL
		{"d", "id", false}, // WITHOUT ROWID primary keys are NOT NULL (SQLite says so itself)
		{"e", "x", true},   // composite primary key: no rowid alias
		{"f", "id", true},  // "INTEGER PRIMARY KEY DESC" is not a rowid alias (a SQLite quirk)
		{"g", "id", false}, // but PRIMARY KEY (id DESC) is
	} {
		if got := col(tc.table, tc.column).Type.Null; got != tc.null {
			t.Errorf("%s.%s: Null = %v, want %v", tc.table, tc.column, got, tc.null)
		}
	}

	collation := func(attrs []sqlschema.Attr) string {
		var c sqlschema.Collation
		for _, a := range attrs {
			if x, ok := a.(*sqlschema.Collation); ok {
				c = *x
			}
		}
		return c.V
	}
	for name, want := range map[string]string{"email": "NOCASE", "name": "RTRIM", "odd name": "NOCASE", "code": ""} {
		if got := collation(col("p", name).Attrs); got != want {
			t.Errorf("p.%s: collation %q, want %q", name, got, want)
		}
	}
	p, _ := s.Table("p")
	var parts []string
	for _, idx := range p.Indexes {
		for _, part := range idx.Parts {
			parts = append(parts, idx.Name+"."+part.C.Name+":"+collation(part.Attrs))
		}
	}
	if diff := cmp.Diff([]string{"p_email.email:NOCASE", "p_name_code.name:RTRIM", "p_name_code.code:NOCASE"}, parts); diff != "" {
		t.Errorf("index key collations (-want +got):\n%s", diff)
	}

	child, _ := s.Table("child")
	var fks []string
	for _, fk := range child.ForeignKeys {
		ref := fk.RefTable.Name + "("
		for k, c := range fk.RefColumns {
			if k > 0 {
				ref += ","
			}
			ref += c.Name
			if rt, ok := s.Table(fk.RefTable.Name); !ok || rt != fk.RefTable {
				t.Errorf("foreign key %s: referenced table not linked", fk.Symbol)
			} else if rc, ok := rt.Column(c.Name); !ok || rc != c {
				t.Errorf("foreign key %s: referenced column %s not linked", fk.Symbol, c.Name)
			}
		}
		fks = append(fks, ref+")")
	}
	if diff := cmp.Diff([]string{"e(x,y)", "a(id)"}, fks); diff != "" {
		t.Errorf("implicit foreign key columns (-want +got):\n%s", diff)
	}
}

func TestColumnCollations(t *testing.T) {
	for _, tc := range []struct {
		stmt string
		want map[string]string
	}{
		{`CREATE TABLE t (a text)`, nil},
		{`CREATE TABLE t (a text COLLATE nocase, b int)`, map[string]string{"a": "NOCASE"}},
		{"CREATE TABLE `t` (`a b` varchar(10) NOT NULL COLLATE \"RTRIM\", [c] text COLLATE binary)", map[string]string{"a b": "RTRIM", "c": "BINARY"}},
		{`CREATE TABLE t (a text DEFAULT 'x COLLATE y', b text CHECK (b COLLATE NOCASE = 'q'), c text GENERATED ALWAYS AS (a COLLATE NOCASE))`, nil},
		{`CREATE TABLE t (a text, CONSTRAINT u UNIQUE (a COLLATE NOCASE), b text COLLATE NOCASE)`, map[string]string{"b": "NOCASE"}},
		{`CREATE TABLE "t(" ("x,y" text COLLATE NOCASE)`, map[string]string{"x,y": "NOCASE"}},
	} {
		if diff := cmp.Diff(tc.want, columnCollations(tc.stmt)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.stmt, diff)
		}
	}
}

func TestSQLiteUniques(t *testing.T) {
	for _, tc := range []struct {
		stmt string
		want []SQLiteUnique
	}{
		{`CREATE TABLE t (a text, b int)`, nil},
		// GORM's text.
		{"CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT,`email` text NULL,CONSTRAINT `uni_users_email` UNIQUE (`email`))",
			[]SQLiteUnique{{Name: "uni_users_email", Columns: []string{"email"}, Text: "CONSTRAINT `uni_users_email` UNIQUE (`email`)"}}},
		{`CREATE TABLE t (a text UNIQUE, b text CONSTRAINT bu UNIQUE NOT NULL, c text, d text, UNIQUE (c, "d") ON CONFLICT REPLACE)`,
			[]SQLiteUnique{
				{Columns: []string{"a"}},
				{Name: "bu", Columns: []string{"b"}},
				{Columns: []string{"c", "d"}, Text: `UNIQUE (c, "d") ON CONFLICT REPLACE`},
			}},
		// Quotes inside names, and words that only look like the clause.
		{"CREATE TABLE `q` (`u``q) UNIQUE (` text, `x` text DEFAULT 'UNIQUE', CONSTRAINT `uni_q_u``q) UNIQUE (` UNIQUE (`u``q) UNIQUE (`), CHECK (x <> 'unique'))",
			[]SQLiteUnique{{Name: "uni_q_u`q) UNIQUE (", Columns: []string{"u`q) UNIQUE ("}, Text: "CONSTRAINT `uni_q_u``q) UNIQUE (` UNIQUE (`u``q) UNIQUE (`)"}}},
		{`CREATE TABLE t (a text, CONSTRAINT c CHECK (a <> ''), PRIMARY KEY (a))`, nil},
	} {
		if diff := cmp.Diff(tc.want, SQLiteUniques(tc.stmt)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.stmt, diff)
		}
	}
}
