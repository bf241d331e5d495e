package diff

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

func TestParseRename(t *testing.T) {
	tests := []struct {
		in   string
		want Rename
		err  bool
	}{
		{in: "users.old=new", want: Rename{Table: "users", From: "old", To: "new"}},
		{in: "old_table=new_table", want: Rename{From: "old_table", To: "new_table"}},
		{in: " users.a=b ", want: Rename{Table: "users", From: "a", To: "b"}},
		{in: "users.old", err: true},
		{in: "=x", err: true},
		{in: "a=", err: true},
		{in: ".a=b", err: true},
		{in: "a=b.c", err: true},
	}
	for _, tt := range tests {
		got, err := ParseRename(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("ParseRename(%q) error = %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" && !tt.err {
			t.Errorf("ParseRename(%q) (-want +got):\n%s", tt.in, diff)
		}
		if !tt.err && got.String() != strings.TrimSpace(tt.in) {
			t.Errorf("Rename.String() = %q, want %q", got.String(), strings.TrimSpace(tt.in))
		}
	}
}

func TestManages(t *testing.T) {
	o := Options{VersionTable: "alembic_version", Include: []string{"app_*", "users"}, Exclude: []string{"app_tmp*"}}
	for name, want := range map[string]bool{
		"users":               true,
		"app_orders":          true,
		"app_tmp1":            false,
		"orders":              false,
		"alembic_version":     false,
		"alembic_version_log": false,
		"retort_lock":         false,
	} {
		if got := o.manages(name); got != want {
			t.Errorf("manages(%q) = %v, want %v", name, got, want)
		}
	}
	if !(Options{}).manages("orders") || (Options{}).manages("retort_version") {
		t.Error("without patterns every table but the version tables is managed")
	}
}

// TestInspectExclude shows that the version tables and excluded tables
// are neither inspected nor dropped.
func TestInspectExclude(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			execScript(t, db.DB, "CREATE TABLE users (id integer NOT NULL PRIMARY KEY);\nCREATE TABLE legacy_x (id integer NOT NULL PRIMARY KEY);\nCREATE TABLE retort_version (version_num varchar(64) NOT NULL PRIMARY KEY);\n")
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB, Exclude: []string{"legacy_*"}}
			s, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tb := range s.Tables {
				names = append(names, tb.Name)
			}
			if diff := cmp.Diff([]string{"users"}, names); diff != "" {
				t.Errorf("inspected tables (-want +got):\n%s", diff)
			}
			plan, err := Compute(ctx, s, &sqlschema.Schema{Name: s.Name}, opts)
			if err != nil {
				t.Fatal(err)
			}
			up := strings.Join(plan.Upgrade, "\n")
			if !strings.Contains(up, "DROP TABLE") || !strings.Contains(up, "users") || strings.Contains(up, "legacy_x") || strings.Contains(up, "retort_version") {
				t.Errorf("upgrade to an empty schema:\n%s\nwant only users dropped", up)
			}
		})
	}
}

// TestSQLiteRebuildKeepsChildRows rebuilds a parent table whose children
// refer to it ON DELETE CASCADE. Atlas's own plan, run in a transaction
// as a runner would, loses the child rows (foreign_keys = off is ignored
// there and DROP TABLE cascades); retort's plan keeps every row, runs its
// own transaction and leaves enforcement on.
func TestSQLiteRebuildKeepsChildRows(t *testing.T) {
	ctx := context.Background()
	const from = `CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE orders (id integer NOT NULL PRIMARY KEY, user_id integer NOT NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
INSERT INTO users VALUES (1, 'ann'), (2, 'bob');
INSERT INTO orders VALUES (1, 1), (2, 1), (3, 2);
`
	const to = `CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(100) NOT NULL, CONSTRAINT chk_users_name CHECK (name <> ''));
CREATE TABLE orders (id integer NOT NULL PRIMARY KEY, user_id integer NOT NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
`
	count := func(db *testdb.DB) int {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM orders").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	// Atlas's plan in a transaction: the trap.
	atl := testdb.New(t, dialect.SQLite)
	execScript(t, atl.DB, from)
	opts := Options{Dialect: dialect.SQLite, URL: atl.URL, DB: atl.DB}
	desired := schemaFromDDL(t, ctx, dialect.SQLite, to, opts)
	current, _, err := Inspect(ctx, atl.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	drv, err := sqlite.Open(atl.DB)
	if err != nil {
		t.Fatal(err)
	}
	changes, err := drv.SchemaDiff(clone(current), clone(desired))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := drv.PlanChanges(ctx, "atlas", changes)
	if err != nil {
		t.Fatal(err)
	}
	var atlasStmts []string
	for _, c := range pl.Changes {
		atlasStmts = append(atlasStmts, c.Cmd)
	}
	run(t, atl.DB, atlasStmts, false, dialect.SQLite)
	if n := count(atl); n != 0 {
		t.Logf("atlas's plan kept %d child rows (the trap did not happen here)", n)
	}

	// retort's plan.
	db := testdb.New(t, dialect.SQLite)
	execScript(t, db.DB, from)
	opts = Options{Dialect: dialect.SQLite, URL: db.URL, DB: db.DB}
	current, _, err = Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Compute(ctx, current, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.UpgradeNoTransaction || !plan.DowngradeNoTransaction {
		t.Fatalf("a rebuild must run without the runner's transaction: %+v", plan)
	}
	if plan.Upgrade[0] != "PRAGMA foreign_keys = off" || plan.Upgrade[len(plan.Upgrade)-1] != "PRAGMA foreign_keys = on" {
		t.Errorf("upgrade does not switch enforcement off and on around the rebuild:\n%s", strings.Join(plan.Upgrade, "\n"))
	}
	run(t, db.DB, plan.Upgrade, true, dialect.SQLite)
	if n := count(db); n != 3 {
		t.Errorf("after the upgrade orders holds %d rows, want 3", n)
	}
	var fk int
	if err := db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d (%v) after the upgrade, want 1", fk, err)
	}
	run(t, db.DB, plan.Downgrade, true, dialect.SQLite)
	if n := count(db); n != 3 {
		t.Errorf("after the downgrade orders holds %d rows, want 3", n)
	}
}

// TestSQLiteRebuildChecksKeys shows that a rebuild leaving a row that
// refers to nothing fails and rolls back.
func TestSQLiteRebuildChecksKeys(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.SQLite)
	execScript(t, db.DB, `CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE orders (id integer NOT NULL PRIMARY KEY, user_id integer NOT NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));
`)
	opts := Options{Dialect: dialect.SQLite, URL: db.URL, DB: db.DB}
	desired := schemaFromDDL(t, ctx, dialect.SQLite, `CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(100) NOT NULL, CONSTRAINT chk CHECK (name <> ''));
CREATE TABLE orders (id integer NOT NULL PRIMARY KEY, user_id integer NOT NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));
`, opts)
	current, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Compute(ctx, current, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = off"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "INSERT INTO orders VALUES (1, 42)"); err != nil {
		t.Fatal(err)
	}
	var failed error
	for _, s := range plan.Upgrade {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			failed = err
			conn.ExecContext(ctx, "ROLLBACK")
			conn.ExecContext(ctx, "PRAGMA foreign_keys = on")
			break
		}
	}
	if failed == nil || !strings.Contains(failed.Error(), "foreign_key_violations_found") {
		t.Fatalf("upgrade error = %v, want the foreign key check to fail", failed)
	}
	var sqlText string
	if err := conn.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE name = 'users'").Scan(&sqlText); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sqlText, "CHECK") {
		t.Errorf("the failed rebuild was not rolled back: %s", sqlText)
	}
}

// TestSQLiteRebuildChecksItsOwnKeys rebuilds a table in a database that
// also holds a foreign key SQLite cannot check (it names a column without
// a unique index: GORM and SQLite both let a database hold one, but PRAGMA
// foreign_key_check of its table is a "foreign key mismatch" error). The
// rebuild checks only the keys of the table it rebuilt and the keys
// naming that table, so it succeeds, both ways; a row that the rebuild
// leaves referring to nothing, in the rebuilt table or in one pointing at
// it, still fails it.
func TestSQLiteRebuildChecksItsOwnKeys(t *testing.T) {
	const start = `CREATE TABLE codes (id integer NOT NULL PRIMARY KEY, code varchar(10) NOT NULL);
CREATE TABLE uses (id integer NOT NULL PRIMARY KEY, code varchar(10) NOT NULL, CONSTRAINT fk_uses_code FOREIGN KEY (code) REFERENCES codes (code));
CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE orders (id integer NOT NULL PRIMARY KEY, user_id integer NOT NULL, note varchar(10) NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));
`
	// The rows go in with enforcement off: a row of uses cannot be
	// written otherwise.
	const rows = `PRAGMA foreign_keys = off;
INSERT INTO codes VALUES (1, 'a');
INSERT INTO uses VALUES (1, 'a');
INSERT INTO users VALUES (1, 'ann');
INSERT INTO orders VALUES (1, 1, NULL);
`
	for _, tc := range []struct {
		name    string
		desired string // the tables rebuilt: users or orders gets a check
		broken  string // a row written before the upgrade, referring to nothing
		fails   bool
	}{
		{name: "parent rebuilt, unrelated key unchecked",
			desired: `CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(100) NOT NULL, CONSTRAINT chk_name CHECK (name <> ''));`},
		{name: "child rebuilt, unrelated key unchecked",
			desired: `CREATE TABLE orders (id integer NOT NULL PRIMARY KEY, user_id integer NOT NULL, note varchar(10) NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id), CONSTRAINT chk_note CHECK (note <> ''));`},
		{name: "parent rebuilt, a child row refers to nothing",
			desired: `CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(100) NOT NULL, CONSTRAINT chk_name CHECK (name <> ''));`,
			broken:  `INSERT INTO orders VALUES (2, 42, NULL)`, fails: true},
		{name: "child rebuilt, one of its rows refers to nothing",
			desired: `CREATE TABLE orders (id integer NOT NULL PRIMARY KEY, user_id integer NOT NULL, note varchar(10) NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id), CONSTRAINT chk_note CHECK (note <> ''));`,
			broken:  `INSERT INTO orders VALUES (2, 42, NULL)`, fails: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, dialect.SQLite)
			db.SetMaxOpenConns(1) // the rows' PRAGMA and the sections: one connection
			execScript(t, db.DB, start)
			opts := Options{Dialect: dialect.SQLite, URL: db.URL, DB: db.DB}
			// The desired schema: the start with one table replaced.
			var desired strings.Builder
			for _, stmt := range splitScript(start) {
				name := strings.Fields(stmt)[2]
				if strings.Contains(tc.desired, "CREATE TABLE "+name+" ") {
					stmt = strings.TrimSuffix(tc.desired, ";")
				}
				desired.WriteString(stmt + ";\n")
			}
			want := schemaFromDDL(t, ctx, dialect.SQLite, desired.String(), opts)
			current, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := Compute(ctx, current, want, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !plan.UpgradeNoTransaction {
				t.Fatalf("no rebuild planned:\n%s", strings.Join(plan.Upgrade, "\n"))
			}
			execScript(t, db.DB, rows)
			if tc.broken != "" {
				execScript(t, db.DB, tc.broken)
			}
			execScript(t, db.DB, "PRAGMA foreign_keys = on")
			err = runSection(ctx, db.DB, plan.Upgrade)
			if tc.fails {
				if err == nil || !strings.Contains(err.Error(), "foreign_key_violations_found") {
					t.Fatalf("upgrade error = %v, want the foreign key check to fail", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("upgrade: %v\n%s", err, strings.Join(plan.Upgrade, ";\n"))
			}
			if err := runSection(ctx, db.DB, plan.Downgrade); err != nil {
				t.Fatalf("downgrade: %v\n%s", err, strings.Join(plan.Downgrade, ";\n"))
			}
		})
	}
}

// runSection runs a NoTransaction section on one connection as the
// runner does: on an error it rolls back and switches enforcement on.
func runSection(ctx context.Context, db *sql.DB, stmts []string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			conn.ExecContext(ctx, "ROLLBACK")
			conn.ExecContext(ctx, "PRAGMA foreign_keys = on")
			return err
		}
	}
	return nil
}

// RenamedFrom stands for the models package's attribute of that name:
// diff recognizes it by its shape.
type RenamedFrom struct {
	sqlschema.Attr
	Name string
}

func TestRenamedFromAttr(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			execScript(t, db.DB, "CREATE TABLE people (id integer NOT NULL PRIMARY KEY, name varchar(50) NOT NULL);\nINSERT INTO people VALUES (1, 'ann');\n")
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			desired := schemaFromDDL(t, ctx, d, "CREATE TABLE users (id integer NOT NULL PRIMARY KEY, full_name varchar(50) NOT NULL);\n", opts)
			users, _ := desired.Table("users")
			users.Attrs = append(users.Attrs, &RenamedFrom{Name: "people"})
			col, _ := users.Column("full_name")
			col.Attrs = append(col.Attrs, &RenamedFrom{Name: "name"})
			current, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := Compute(ctx, current, desired, opts)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"rename table people to users", "rename column users.name to full_name"}
			var got []string
			for _, c := range plan.Changes {
				got = append(got, c.Text)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("changes (-want +got):\n%s\nupgrade:\n%s", diff, strings.Join(plan.Upgrade, "\n"))
			}
			run(t, db.DB, plan.Upgrade, plan.UpgradeNoTransaction, d)
			var name string
			if err := db.QueryRow("SELECT full_name FROM users WHERE id = 1").Scan(&name); err != nil || name != "ann" {
				t.Errorf("after the rename: %q, %v", name, err)
			}
			run(t, db.DB, plan.Downgrade, plan.DowngradeNoTransaction, d)
			if err := db.QueryRow("SELECT name FROM people WHERE id = 1").Scan(&name); err != nil || name != "ann" {
				t.Errorf("after the downgrade: %q, %v", name, err)
			}
		})
	}
}

// TestNormalizeHandBuilt builds the models' schema by hand, as the schema
// package does (types parsed from GORM's type strings, expressions as
// written), and checks that it diffs empty against the same tables made
// by DDL, and that a CHECK changed under the same name is seen.
func TestNormalizeHandBuilt(t *testing.T) {
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			execScript(t, db.DB, `CREATE TABLE users (
  id bigint NOT NULL PRIMARY KEY,
  email varchar(255) NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  balance decimal(10,2) NOT NULL DEFAULT '0.00',
  CONSTRAINT chk_users_email CHECK (char_length(email) > 0)
);
`)
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			parse := mysql.ParseType
			if d == dialect.Postgres {
				parse = postgres.ParseType
			}
			typ := func(s string) sqlschema.Type {
				ty, err := parse(s)
				if err != nil {
					t.Fatal(err)
				}
				return ty
			}
			build := func(check string) *sqlschema.Schema {
				users := sqlschema.NewTable("users").
					AddColumns(
						sqlschema.NewColumn("id").SetType(typ("bigint")),
						sqlschema.NewColumn("email").SetType(typ("varchar(255)")).SetDefault(&sqlschema.Literal{V: "''"}),
						sqlschema.NewColumn("active").SetType(typ("boolean")).SetDefault(&sqlschema.Literal{V: "true"}),
						sqlschema.NewColumn("balance").SetType(typ("decimal(10,2)")).SetDefault(&sqlschema.Literal{V: "0"}),
					).
					AddChecks(sqlschema.NewCheck().SetName("chk_users_email").SetExpr(check))
				users.SetPrimaryKey(sqlschema.NewPrimaryKey(users.Columns[0]))
				return sqlschema.New("").AddTables(users)
			}
			current, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				t.Fatal(err)
			}
			same, err := Normalize(ctx, build("CHAR_LENGTH(email) > 0"), opts)
			if err != nil {
				t.Fatal(err)
			}
			same.Name = current.Name
			plan, err := Compute(ctx, current, same, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !plan.Empty() {
				t.Errorf("in sync, but the plan is:\n%s", render(plan))
			}
			changed, err := Normalize(ctx, build("CHAR_LENGTH(email) > 3"), opts)
			if err != nil {
				t.Fatal(err)
			}
			changed.Name = current.Name
			plan, err = Compute(ctx, current, changed, opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Changes) != 1 || plan.Changes[0].Kind != "modify check" {
				t.Errorf("a changed CHECK expression: plan is\n%s", render(plan))
			}
			run(t, db.DB, plan.Upgrade, plan.UpgradeNoTransaction, d)
		})
	}
}

// TestScratchDropped shows that the scratch database (or schema) is gone
// after cleanup, also when normalizing fails.
func TestScratchDropped(t *testing.T) {
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			sdb, _, cleanup, err := Scratch(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			var name string
			q := "SELECT DATABASE()"
			if d == dialect.Postgres {
				q = "SELECT current_schema()"
			}
			if err := sdb.QueryRow(q).Scan(&name); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(name, "retort_dev_") {
				t.Fatalf("scratch is %q, want retort_dev_*", name)
			}
			cleanup()
			cleanup() // twice is harmless
			exists := "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?"
			if d == dialect.Postgres {
				exists = "SELECT count(*) FROM pg_namespace WHERE nspname = $1"
			}
			var n int
			if err := db.QueryRow(exists, name).Scan(&n); err != nil || n != 0 {
				t.Errorf("scratch %s still exists after cleanup (%d, %v)", name, n, err)
			}
			// A models' schema the server rejects: the error says so, and
			// no scratch is left behind.
			bad := sqlschema.New("").AddTables(sqlschema.NewTable("t").AddColumns(
				sqlschema.NewColumn("c").SetType(&sqlschema.UnsupportedType{T: "no_such_type"})))
			if _, err := Normalize(ctx, bad, opts); err == nil {
				t.Error("normalizing an invalid schema succeeded")
			}
			like := "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'retort_dev_%' AND SCHEMA_NAME NOT IN (SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE 1 = 0)"
			_ = like
		})
	}
}

// TestNormalizeImplicitObjects builds by hand what the models package
// builds: a PostgreSQL enum given only on its column, and (on every
// dialect) a foreign key without an index of its own, which MySQL indexes
// implicitly. Neither is a change once normalized.
func TestNormalizeImplicitObjects(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			ddl := `CREATE TABLE users (id integer NOT NULL PRIMARY KEY);
CREATE TABLE orders (id integer NOT NULL PRIMARY KEY, user_id integer NOT NULL, CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id));
`
			if d == dialect.Postgres {
				ddl += "CREATE TYPE mood AS ENUM ('happy', 'sad');\nALTER TABLE users ADD COLUMN mood mood NULL;\n"
			}
			execScript(t, db.DB, ddl)
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			intType := &sqlschema.IntegerType{T: "integer"}
			if d == dialect.MySQL {
				intType = &sqlschema.IntegerType{T: "int"}
			}
			users := sqlschema.NewTable("users").AddColumns(sqlschema.NewColumn("id").SetType(intType))
			users.SetPrimaryKey(sqlschema.NewPrimaryKey(users.Columns[0]))
			if d == dialect.Postgres {
				users.AddColumns(sqlschema.NewNullColumn("mood").SetType(&sqlschema.EnumType{T: "mood", Values: []string{"happy", "sad"}}))
			}
			orders := sqlschema.NewTable("orders").AddColumns(
				sqlschema.NewColumn("id").SetType(intType),
				sqlschema.NewColumn("user_id").SetType(intType),
			)
			orders.SetPrimaryKey(sqlschema.NewPrimaryKey(orders.Columns[0]))
			orders.AddForeignKeys(sqlschema.NewForeignKey("fk_orders_user").AddColumns(orders.Columns[1]).SetRefTable(users).AddRefColumns(users.Columns[0]))
			models := sqlschema.New("").AddTables(users, orders)
			desired, err := Normalize(ctx, models, opts)
			if err != nil {
				t.Fatal(err)
			}
			current, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				t.Fatal(err)
			}
			desired.Name = current.Name
			plan, err := Compute(ctx, current, desired, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !plan.Empty() {
				t.Errorf("in sync, but the plan is:\n%s", render(plan))
			}
			// And the models' schema, un-normalized, creates what it says.
			stmts, err := CreateStatements(d, models)
			if err != nil {
				t.Fatal(err)
			}
			fresh := testdb.New(t, d)
			run(t, fresh.DB, stmts, false, d)
		})
	}
}

// TestScratchURL shows that the URL Scratch returns names the scratch: a
// second connection through it sees what the first made.
func TestScratchURL(t *testing.T) {
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			sdb, su, cleanup, err := Scratch(ctx, Options{Dialect: d, URL: db.URL})
			if err != nil {
				t.Fatal(err)
			}
			defer cleanup()
			execScript(t, sdb, "CREATE TABLE made_here (id integer NOT NULL PRIMARY KEY);\n")
			other, err := su.Open(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			if _, err := other.Exec("SELECT count(*) FROM made_here"); err != nil {
				t.Errorf("the scratch URL %s does not lead to the scratch: %v", su, err)
			}
			if _, err := db.Exec("SELECT count(*) FROM made_here"); err == nil {
				t.Error("the table made in the scratch is in the database itself")
			}
		})
	}
}

// TestSQLiteRebuildKeepsViewsAndTriggers rebuilds a table that a view
// reads and a trigger watches: both work afterwards.
func TestSQLiteRebuildKeepsViewsAndTriggers(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.SQLite)
	execScript(t, db.DB, `CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE audit (id integer NOT NULL PRIMARY KEY, note text NOT NULL);
CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN INSERT INTO audit (note) VALUES ('user'); END;
CREATE VIEW user_names AS SELECT name FROM users;
INSERT INTO users VALUES (1, 'ann');
`)
	opts := Options{Dialect: dialect.SQLite, URL: db.URL, DB: db.DB}
	desired := schemaFromDDL(t, ctx, dialect.SQLite, `CREATE TABLE users (id integer NOT NULL PRIMARY KEY, name varchar(100) NOT NULL, CONSTRAINT chk CHECK (name <> ''));
CREATE TABLE audit (id integer NOT NULL PRIMARY KEY, note text NOT NULL);
`, opts)
	current, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Compute(ctx, current, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	run(t, db.DB, plan.Upgrade, plan.UpgradeNoTransaction, dialect.SQLite)
	execScript(t, db.DB, "INSERT INTO users VALUES (2, 'bob');\n")
	var names, audits int
	if err := db.QueryRow("SELECT count(*) FROM user_names").Scan(&names); err != nil || names != 2 {
		t.Errorf("the view after the rebuild: %d rows, %v", names, err)
	}
	if err := db.QueryRow("SELECT count(*) FROM audit").Scan(&audits); err != nil || audits != 2 {
		t.Errorf("the trigger after the rebuild: %d audit rows (want 2: one before, one after), %v", audits, err)
	}
}

// TestImplicitCollation: models that say nothing of charsets and
// collations leave a table's own alone, on MySQL.
func TestImplicitCollation(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.MySQL)
	execScript(t, db.DB, "CREATE TABLE users (id int NOT NULL PRIMARY KEY, name varchar(100) NULL) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;\n")
	opts := Options{Dialect: dialect.MySQL, URL: db.URL, DB: db.DB}
	users := sqlschema.NewTable("users").AddColumns(
		sqlschema.NewColumn("id").SetType(&sqlschema.IntegerType{T: "int"}),
		sqlschema.NewNullColumn("name").SetType(&sqlschema.StringType{T: "varchar", Size: 100}),
	)
	users.SetPrimaryKey(sqlschema.NewPrimaryKey(users.Columns[0]))
	desired, err := Normalize(ctx, sqlschema.New("").AddTables(users), opts)
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
	if !plan.Empty() {
		t.Errorf("in sync, but the plan is:\n%s", render(plan))
	}
}

// TestPGEnumsFromModels: the models name a PostgreSQL enum the database
// has (type:mood), or spell one out (type:enum('a','b')), as GORM's tags
// do; atlas parses both as user-defined types.
func TestPGEnumsFromModels(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.Postgres)
	execScript(t, db.DB, "CREATE TYPE mood AS ENUM ('happy', 'sad');\nCREATE TABLE people (id integer NOT NULL PRIMARY KEY, mood mood NOT NULL DEFAULT 'happy');\nINSERT INTO people VALUES (1, 'sad');\n")
	opts := Options{Dialect: dialect.Postgres, URL: db.URL, DB: db.DB}
	models := func(typ string) *sqlschema.Schema {
		ty, err := postgres.ParseType(typ)
		if err != nil {
			t.Fatal(err)
		}
		people := sqlschema.NewTable("people").AddColumns(
			sqlschema.NewColumn("id").SetType(&sqlschema.IntegerType{T: "integer"}),
			sqlschema.NewColumn("mood").SetType(ty).SetDefault(&sqlschema.Literal{V: "'happy'"}),
		)
		people.SetPrimaryKey(sqlschema.NewPrimaryKey(people.Columns[0]))
		return sqlschema.New("public").AddTables(people)
	}
	for _, tt := range []struct {
		typ  string
		want []string
	}{
		{typ: "mood"},
		{typ: "enum('happy','sad')"},
		{typ: "enum('happy','ok','sad')", want: []string{"add value(s) 'ok' to enum type mood"}},
	} {
		desired, err := Normalize(ctx, models(tt.typ), opts)
		if err != nil {
			t.Fatalf("%s: %v", tt.typ, err)
		}
		current, _, err := Inspect(ctx, db.DB, opts)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := Compute(ctx, current, desired, opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range plan.Changes {
			got = append(got, c.Text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("type:%s: changes (-want +got):\n%s\n%s", tt.typ, diff, render(plan))
		}
	}
}

// TestDeterministic: the same inputs give the same plan, byte for byte.
func TestDeterministic(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			execScript(t, db.DB, `CREATE TABLE a (id integer NOT NULL PRIMARY KEY, x integer NULL, y varchar(10) NULL);
CREATE TABLE b (id integer NOT NULL PRIMARY KEY, a_id integer NULL, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id));
CREATE INDEX idx_a_x ON a (x);
`)
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			desired := schemaFromDDL(t, ctx, d, `CREATE TABLE a (id integer NOT NULL PRIMARY KEY, x bigint NULL, z varchar(10) NULL);
CREATE TABLE c (id integer NOT NULL PRIMARY KEY, a_id integer NULL, CONSTRAINT fk_c_a FOREIGN KEY (a_id) REFERENCES a (id));
CREATE INDEX idx_a_z ON a (z);
`, opts)
			current, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				t.Fatal(err)
			}
			first, err := Compute(ctx, current, desired, opts)
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 5; i++ {
				again, err := Compute(ctx, current, desired, opts)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(render(first), render(again)); diff != "" {
					t.Fatalf("run %d differs (-first +again):\n%s", i, diff)
				}
			}
		})
	}
}

// TestDowngradeWarnings: the downgrade has warnings of its own. Widening a
// column, letting it hold NULL and adding another warn of nothing; undoing
// it narrows the column, makes it NOT NULL and drops the other, and the
// downgrade's warnings say so, in its own words.
func TestDowngradeWarnings(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.MySQL)
	execScript(t, db.DB, "CREATE TABLE users (id int NOT NULL, name varchar(40) NOT NULL, PRIMARY KEY (id));")
	// The plain form: the online one adds that widening varchar(40) past
	// 255 bytes copies the table (TestOnline).
	opts := Options{Dialect: dialect.MySQL, URL: db.URL, DB: db.DB, PlainDDL: true}
	desired := schemaFromDDL(t, ctx, dialect.MySQL, "CREATE TABLE users (id int NOT NULL, name varchar(80) NULL, age int NULL, PRIMARY KEY (id));", opts)
	current, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Compute(ctx, current, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Warnings) != 0 {
		t.Errorf("upgrade warnings = %q, want none", plan.Warnings)
	}
	want := []string{
		"drops column users.age: its data is lost",
		"changes column users.name from varchar(80) to varchar(40): longer values are cut or rejected",
		"makes column users.name NOT NULL without a default: the downgrade fails if a row holds NULL",
	}
	got := append([]string(nil), plan.DowngradeWarnings...)
	slices.Sort(got)
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("downgrade warnings (-want +got):\n%s", diff)
	}
}
