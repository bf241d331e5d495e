package migrations

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

func TestSplitStatements(t *testing.T) {
	all := []dialect.Name{dialect.MySQL, dialect.Postgres, dialect.SQLite}
	my := []dialect.Name{dialect.MySQL}
	pg := []dialect.Name{dialect.Postgres}
	lite := []dialect.Name{dialect.SQLite}
	notMy := []dialect.Name{dialect.Postgres, dialect.SQLite}
	tests := []struct {
		name     string
		dialects []dialect.Name
		src      string
		want     []Statement
	}{
		{"empty", all, "", nil},
		{"blank", all, " \n\t\n", nil},
		{"comments only", all, "-- one\n/* two\n three */\n-- four;\n", nil},
		{"one with semicolon", all, "SELECT 1;", []Statement{{"SELECT 1", 1}}},
		{"last without semicolon", all, "SELECT 1;\n\nSELECT 2\n", []Statement{{"SELECT 1", 1}, {"SELECT 2", 3}}},
		{"empty statements", all, ";;SELECT 1;;", []Statement{{"SELECT 1", 1}}},
		{"line of first token", all, "\n\n  -- lead\n  SELECT\n  1;\n", []Statement{{"SELECT\n  1", 4}}},
		{"comments inside kept, trailing dropped", all, "SELECT 1 -- one\n + /* two; */ 2 -- end\n; -- after\n",
			[]Statement{{"SELECT 1 -- one\n + /* two; */ 2", 1}}},
		{"single-quoted string", all, "INSERT INTO t VALUES ('a;b', 'it''s;');SELECT 2",
			[]Statement{{"INSERT INTO t VALUES ('a;b', 'it''s;')", 1}, {"SELECT 2", 1}}},
		{"multi-line string counts lines", all, "SELECT 'a\n;\nb';\nSELECT 2;", []Statement{{"SELECT 'a\n;\nb'", 1}, {"SELECT 2", 4}}},
		{"comment marker in string", all, "SELECT '-- no', '/* no';SELECT 2;", []Statement{{"SELECT '-- no', '/* no'", 1}, {"SELECT 2", 1}}},
		{"string marker in comment", all, "SELECT 1 /* ' */;\n-- don't\nSELECT 2;", []Statement{{"SELECT 1", 1}, {"SELECT 2", 3}}},
		{"mysql backslash escape", my, `SELECT 'a\';b';SELECT 2;`, []Statement{{`SELECT 'a\';b'`, 1}, {"SELECT 2", 1}}},
		{"mysql double-quoted string", my, `SELECT "a;\"b""c";SELECT 2;`, []Statement{{`SELECT "a;\"b""c"`, 1}, {"SELECT 2", 1}}},
		{"mysql backtick identifier", my, "CREATE TABLE `a;b` (`x``;` int);SELECT 2;", []Statement{{"CREATE TABLE `a;b` (`x``;` int)", 1}, {"SELECT 2", 1}}},
		{"mysql hash comment", my, "SELECT 1; # note; here\nSELECT 2;", []Statement{{"SELECT 1", 1}, {"SELECT 2", 2}}},
		{"mysql double dash needs a space", my, "SELECT 1--1;\nSELECT 2;", []Statement{{"SELECT 1--1", 1}, {"SELECT 2", 2}}},
		{"mysql double dash then tab", my, "SELECT 1;--\tx;\nSELECT 2;", []Statement{{"SELECT 1", 1}, {"SELECT 2", 2}}},
		{"mysql executable comment is a statement", my, "/*!40101 SET NAMES utf8mb4 */;\nSELECT /*+ NO_ICP(t) */ 1;",
			[]Statement{{"/*!40101 SET NAMES utf8mb4 */", 1}, {"SELECT /*+ NO_ICP(t) */ 1", 2}}},
		{"backslash is plain outside mysql", notMy, `SELECT 'a\';SELECT 2;`, []Statement{{`SELECT 'a\'`, 1}, {"SELECT 2", 1}}},
		{"double-quoted identifier", notMy, `CREATE TABLE "a;b" ("x"";" int);SELECT 2;`, []Statement{{`CREATE TABLE "a;b" ("x"";" int)`, 1}, {"SELECT 2", 1}}},
		{"hash is not a comment outside mysql", notMy, "SELECT 1 # 2;\nSELECT 2;", []Statement{{"SELECT 1 # 2", 1}, {"SELECT 2", 2}}},
		{"double dash without space is a comment outside mysql", notMy, "SELECT 1--1;\nSELECT 2;", []Statement{{"SELECT 1--1;\nSELECT 2", 1}}},
		{"postgres dollar quote", pg, "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 2;",
			[]Statement{{"CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql", 1}, {"SELECT 2", 6}}},
		{"postgres tagged dollar quote with inner $$", pg, "DO $body$ BEGIN PERFORM $$;$$; END $body$;SELECT 2;",
			[]Statement{{"DO $body$ BEGIN PERFORM $$;$$; END $body$", 1}, {"SELECT 2", 1}}},
		{"postgres parameter is not a dollar quote", pg, "PREPARE p AS SELECT $1;SELECT 2;", []Statement{{"PREPARE p AS SELECT $1", 1}, {"SELECT 2", 1}}},
		{"postgres dollar inside identifier", pg, "SELECT a$b$c;SELECT 2;", []Statement{{"SELECT a$b$c", 1}, {"SELECT 2", 1}}},
		{"postgres E string", pg, `SELECT E'a\';b', e'\\';SELECT 2;`, []Statement{{`SELECT E'a\';b', e'\\'`, 1}, {"SELECT 2", 1}}},
		{"postgres E after identifier is not an E string", pg, `SELECT name'x';SELECT 2;`, []Statement{{`SELECT name'x'`, 1}, {"SELECT 2", 1}}},
		{"postgres nested block comment", pg, "SELECT 1 /* a /* b; */ c; */;SELECT 2;", []Statement{{"SELECT 1", 1}, {"SELECT 2", 1}}},
		{"dollar is plain outside postgres", []dialect.Name{dialect.MySQL, dialect.SQLite}, "SELECT '$$';SELECT 2;", []Statement{{"SELECT '$$'", 1}, {"SELECT 2", 1}}},
		{"sqlite brackets and backticks", lite, "CREATE TABLE [a;b] (`c;d` int);SELECT 2;", []Statement{{"CREATE TABLE [a;b] (`c;d` int)", 1}, {"SELECT 2", 1}}},
		{"sqlite trigger body", lite, "CREATE TRIGGER t AFTER UPDATE ON users BEGIN\n  UPDATE users SET n = CASE WHEN x THEN 1 ELSE 2 END;\n  DELETE FROM x;\nEND;\nSELECT 2;",
			[]Statement{{"CREATE TRIGGER t AFTER UPDATE ON users BEGIN\n  UPDATE users SET n = CASE WHEN x THEN 1 ELSE 2 END;\n  DELETE FROM x;\nEND", 1}, {"SELECT 2", 5}}},
		{"sqlite temp trigger, then a statement with BEGIN", lite, "create temp trigger if not exists t before insert on a begin select 1; end; BEGIN; SELECT 2;",
			[]Statement{{"create temp trigger if not exists t before insert on a begin select 1; end", 1}, {"BEGIN", 1}, {"SELECT 2", 1}}},
		{"sqlite trigger name in quotes", lite, `CREATE TRIGGER "begin" AFTER INSERT ON a BEGIN SELECT 'end;'; END;SELECT 2;`,
			[]Statement{{`CREATE TRIGGER "begin" AFTER INSERT ON a BEGIN SELECT 'end;'; END`, 1}, {"SELECT 2", 1}}},
		{"not a trigger", lite, "CREATE TABLE triggers (begin_at int);SELECT 2;", []Statement{{"CREATE TABLE triggers (begin_at int)", 1}, {"SELECT 2", 1}}},
		{"first line offset", all, "\nSELECT 1;", []Statement{{"SELECT 1", 2}}},
		{"crlf", all, "SELECT 1;\r\nSELECT 2;\r\n", []Statement{{"SELECT 1", 1}, {"SELECT 2", 2}}},
	}
	for _, tt := range tests {
		for _, d := range tt.dialects {
			t.Run(string(d)+"/"+tt.name, func(t *testing.T) {
				first := 1
				want := tt.want
				if tt.name == "first line offset" {
					first = 10
					want = []Statement{{"SELECT 1", 11}}
				}
				got, err := SplitStatements(tt.src, d, first)
				if err != nil {
					t.Fatalf("SplitStatements: %v", err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("SplitStatements(%q) (-want +got):\n%s", tt.src, diff)
				}
			})
		}
	}
}

func TestSplitStatementsErrors(t *testing.T) {
	tests := []struct {
		d    dialect.Name
		src  string
		want string
	}{
		{dialect.Postgres, "SELECT 1;\nSELECT 'abc\n;\n", "line 2: unterminated quoted string"},
		{dialect.MySQL, "SELECT 1;\n\nSELECT \"abc\\\";\n", "line 3: unterminated quoted string"},
		{dialect.Postgres, "SELECT \"abc;\n", "line 1: unterminated quoted identifier"},
		{dialect.MySQL, "SELECT `abc;\n", "line 1: unterminated quoted identifier"},
		{dialect.SQLite, "\nSELECT [abc;\n", "line 2: unterminated quoted identifier"},
		{dialect.SQLite, "SELECT 1 /* abc;\n*", "line 1: unterminated block comment"},
		{dialect.Postgres, "SELECT 1 /* a /* b */;\n", "line 1: unterminated block comment"},
		{dialect.Postgres, "\n\nDO $x$ BEGIN END $y$;\n", "line 3: unterminated dollar-quoted string $x$"},
		{dialect.Postgres, "SELECT E'\\';\n", "line 1: unterminated quoted string"},
	}
	for _, tt := range tests {
		_, err := SplitStatements(tt.src, tt.d, 1)
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: SplitStatements(%q) = %v, want a *FileError", tt.d, tt.src, err)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("%s: SplitStatements(%q) = %q, want %q", tt.d, tt.src, err, tt.want)
		}
	}
}
