package diff

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"unicode/utf8"

	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestOnlineForeignKeyHostileNames: the in-place foreign key and its
// check work with names that need quoting (quotes, backticks,
// backslashes) and with MySQL's longest names, whose procedure name and
// message are cut to fit; the check fails on a row without a parent,
// naming the key, and passes once the row is fixed.
func TestOnlineForeignKeyHostileNames(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.MySQL)
	q := dialect.MySQL.QuoteIdent
	parent, child := "pa'r`ent\\s", "ch'i`ld"+strings.Repeat("x", 64-7)
	fk := "fk_'`\\" + strings.Repeat("y", 64-6)
	before := "CREATE TABLE " + q(parent) + " (id bigint NOT NULL, PRIMARY KEY (id));\n" +
		"CREATE TABLE " + q(child) + " (id bigint NOT NULL, pid bigint NULL, PRIMARY KEY (id), KEY k (pid));\n"
	execScript(t, db.DB, before)
	execScript(t, db.DB, "INSERT INTO "+q(parent)+" VALUES (1);\nINSERT INTO "+q(child)+" VALUES (1, 1), (2, NULL), (3, 7);\n")
	opts := Options{Dialect: dialect.MySQL, URL: db.URL, DB: db.DB}
	after := strings.Replace(before, "KEY k (pid))", "KEY k (pid), CONSTRAINT "+q(fk)+" FOREIGN KEY (pid) REFERENCES "+q(parent)+" (id))", 1)
	desired := schemaFromDDL(t, ctx, dialect.MySQL, after, opts)
	current, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Compute(ctx, current, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Warnings) > 0 {
		t.Errorf("warnings: %q", plan.Warnings)
	}
	run := func(stmts []string) error {
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for _, s := range stmts {
			if _, err := conn.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		return nil
	}
	err = run(plan.Upgrade)
	if err == nil || !strings.Contains(err.Error(), "Error 1644 (45000): foreign key "+fk) {
		t.Fatalf("upgrade = %v, want the check's error naming the key\n%s", err, strings.Join(plan.Upgrade, ";\n"))
	}
	t.Logf("the check: %v", err)
	var proc string
	for _, s := range plan.Upgrade {
		if name, ok := strings.CutPrefix(s, "CALL "); ok {
			proc = strings.TrimSuffix(name, "()")
		}
	}
	name := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(proc, "`"), "`"), "``", "`")
	if n := utf8.RuneCountInString(name); n > 64 || !strings.HasPrefix(name, "retort_verify_fk_'`") {
		t.Errorf("procedure %s: %d characters, want at most 64, named after the key", proc, n)
	}
	if _, err := db.Exec("UPDATE " + q(child) + " SET pid = NULL WHERE id = 3"); err != nil {
		t.Fatal(err)
	}
	// What is left of the upgrade after the failed CALL: the CALL again.
	var rest []string
	for i, s := range plan.Upgrade {
		if strings.HasPrefix(s, "CALL ") {
			rest = plan.Upgrade[i:]
		}
	}
	if err := run(rest); err != nil {
		t.Fatalf("the check after fixing the row: %v", err)
	}
	again, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := Compute(ctx, again, schemaFromDDL(t, ctx, dialect.MySQL, after, opts), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(p2.Upgrade) != 0 {
		t.Errorf("after the upgrade: %q", p2.Upgrade)
	}
	if n := countRoutines(t, db.DB); n != 0 {
		t.Errorf("%d procedure(s) left", n)
	}
}

func countRoutines(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOrphanMessage: the check's message fits MySQL's 128 characters.
func TestOrphanMessage(t *testing.T) {
	long := strings.Repeat("n", 64)
	for _, c := range []struct{ table, key, ref, want string }{
		{"orders", "fk_orders_user", "users", "foreign key fk_orders_user: rows of orders have no match in users; fix them and run retort upgrade again"},
		{long, "fk", long, "foreign key fk: rows of " + long + " have no parent"},
	} {
		got := orphanMessage(c.table, &sqlschema.ForeignKey{Symbol: c.key}, c.ref)
		if got != c.want || utf8.RuneCountInString(got) > 128 {
			t.Errorf("orphanMessage(%s, %s, %s) = %q, want %q", c.table, c.key, c.ref, got, c.want)
		}
	}
	if got := orphanMessage(long, &sqlschema.ForeignKey{Symbol: long}, long); utf8.RuneCountInString(got) > 128 {
		t.Errorf("%d characters: %q", utf8.RuneCountInString(got), got)
	}
}
