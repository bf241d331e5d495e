package diff

import (
	"context"
	"strings"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// inlineAttr stands for schema.UniqueConstraint.
type inlineAttr struct {
	sqlschema.Attr
	name string
}

func (a *inlineAttr) InlineUnique() string { return a.name }

// TestSQLiteInlineUnique follows a unique index the models make an
// inline constraint (GORM's `unique`) through creation, normalization
// (with and without the cache), the diff and a table rebuild: the
// CREATE TABLE text holds the constraint under its name each time, and
// the database diffs empty against the models.
func TestSQLiteInlineUnique(t *testing.T) {
	const name = "uni_users `email`"
	const clause = "CONSTRAINT `uni_users ``email``` UNIQUE (`email`)"
	build := func(nickDefault string) *sqlschema.Schema {
		typ := func(s string) *sqlschema.ColumnType {
			ty, err := sqlite.ParseType(s)
			if err != nil {
				t.Fatal(err)
			}
			return &sqlschema.ColumnType{Type: ty, Raw: s}
		}
		users := sqlschema.NewTable("users").AddColumns(
			&sqlschema.Column{Name: "id", Type: typ("integer")},
			&sqlschema.Column{Name: "email", Type: typ("varchar(100)")},
			&sqlschema.Column{Name: "nick", Type: typ("text"), Default: &sqlschema.Literal{V: nickDefault}},
		)
		users.Columns[2].Type.Null = true
		users.SetPrimaryKey(sqlschema.NewPrimaryKey(users.Columns[0]))
		idx := sqlschema.NewUniqueIndex("users_email").AddColumns(users.Columns[1])
		idx.AddAttrs(&inlineAttr{name: name})
		users.AddIndexes(idx)
		return sqlschema.New("main").AddTables(users)
	}
	stmts, err := CreateStatements(dialect.SQLite, build(`"a"`))
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) != 1 || !strings.Contains(stmts[0], clause) {
		t.Fatalf("want one CREATE TABLE holding %s; got:\n%s", clause, strings.Join(stmts, "\n"))
	}

	ctx := context.Background()
	db := testdb.New(t, dialect.SQLite)
	db.SetMaxOpenConns(1)
	opts := Options{Dialect: dialect.SQLite, URL: db.URL, DB: db.DB}
	createText := func() string {
		var s string
		if err := db.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE name = 'users'").Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	// sync returns the plan from the database to desired, and whether
	// settle finds the two the same.
	sync := func(desired *sqlschema.Schema, cacheDir string) (*Plan, bool) {
		t.Helper()
		o := opts
		o.CacheDir = cacheDir
		norm, err := Normalize(ctx, desired, o)
		if err != nil {
			t.Fatal(err)
		}
		nt, _ := norm.Table("users")
		if idx, ok := nt.Index("users_email"); !ok || !hasInline(idx) {
			t.Fatalf("normalized: no index users_email carrying the constraint; indexes %v", nt.Indexes)
		}
		current, _, err := Inspect(ctx, db.DB, o)
		if err != nil {
			t.Fatal(err)
		}
		_, left := settle(current, norm, nil)
		plan, err := Compute(ctx, current, norm, o)
		if err != nil {
			t.Fatal(err)
		}
		return plan, len(left.Tables) == 0
	}
	cache := t.TempDir()
	for i, dir := range []string{"", cache, cache} {
		plan, same := sync(build(`"a"`), dir)
		if i == 0 {
			run(t, db.DB, plan.Upgrade, plan.UpgradeNoTransaction, dialect.SQLite)
			if got := createText(); !strings.Contains(got, clause) {
				t.Fatalf("the table made does not hold %s:\n%s", clause, got)
			}
			continue
		}
		if !plan.Empty() || !same {
			t.Errorf("in sync (cache %q), but settle finds the table the same: %v, and the plan is:\n%s", dir, same, render(plan))
		}
	}
	// A change SQLite makes by rebuilding the table keeps the constraint,
	// and so does the downgrade.
	plan, _ := sync(build(`"b"`), "")
	if !plan.UpgradeNoTransaction {
		t.Fatalf("a changed default: want a rebuild, got:\n%s", render(plan))
	}
	run(t, db.DB, plan.Upgrade, true, dialect.SQLite)
	if got := createText(); !strings.Contains(got, clause) || !strings.Contains(got, `"b"`) {
		t.Errorf("the rebuilt table does not hold %s and the new default:\n%s", clause, got)
	}
	if again, _ := sync(build(`"b"`), ""); !again.Empty() {
		t.Errorf("after the rebuild, the plan is:\n%s", render(again))
	}
	run(t, db.DB, plan.Downgrade, plan.DowngradeNoTransaction, dialect.SQLite)
	if got := createText(); !strings.Contains(got, clause) || !strings.Contains(got, `"a"`) {
		t.Errorf("the downgraded table does not hold %s and the old default:\n%s", clause, got)
	}
}

func hasInline(idx *sqlschema.Index) bool {
	for _, a := range idx.Attrs {
		if _, ok := a.(inlineUnique); ok {
			return true
		}
	}
	return false
}
