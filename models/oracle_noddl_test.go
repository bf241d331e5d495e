//go:build !oracle_gormonly

package models_test

// The second GORM oracle: a database that retort made must look to GORM
// exactly like the one GORM would make. For every case of the corpus and
// every dialect, retort autogenerates the revision that takes an empty
// database to the models (Normalize, Inspect, Compute, the rendered file)
// and upgrades through the real parser and runner; then the application's
// own start-up runs, GORM's AutoMigrate of the same models, and it must
// issue no DDL at all. A statement that GORM still issues is a
// difference GORM sees (it compares CREATE TABLE text on SQLite, and
// types, sizes, defaults, nullability, uniques on every dialect), which
// would rebuild or alter the application's tables at every start.
//
//	go test -run TestOracleNoDDL ./models

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/gormtest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrations"
)

// gormDDL is a table GORM's AutoMigrate still changes on a database
// retort made, and why; the test fails on any other, and on one listed
// here that GORM no longer changes.
type gormDDL struct {
	caseName string
	dialect  dialect.Name // "" for every dialect
	table    string       // every statement naming it (or its rebuild's table__temp) is this
	why      string
}

var knownGormDDL = []gormDDL{
	{"31_db_tag", "", "contacts", `db:"email_address" names the column in retort (CONTRACT.md, Models); GORM ignores db tags and adds its own "email"`},
}

// names reports whether a statement of GORM's is about table t, quoted
// as GORM quotes it (in backquotes but on PostgreSQL).
func (k gormDDL) names(d dialect.Name, stmt string) bool {
	q := "`"
	if d == dialect.Postgres {
		q = `"`
	}
	for _, n := range []string{k.table, k.table + "__temp"} {
		if strings.Contains(stmt, q+n+q) {
			return true
		}
	}
	return false
}

func TestOracleNoDDL(t *testing.T) {
	root := moduleRoot(t)
	var pg *testdb.DB
	if os.Getenv(testdb.EnvVar(dialect.Postgres)) != "" {
		pg = testdb.New(t, dialect.Postgres)
	}
	for _, c := range oracleCases {
		if c.retortOnly {
			continue // retort-only tags: GORM would see other models
		}
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			loaded := loadRetort(t, root, c.name)
			if loaded.err != nil {
				t.Fatalf("retort: %v", loaded.err)
			}
			for _, d := range dialect.All {
				if !c.runsOn(d) {
					continue
				}
				t.Run(string(d), func(t *testing.T) {
					runNoDDL(t, c, d, loaded, pg)
				})
			}
		})
	}
}

func runNoDDL(t *testing.T, c oracleCase, d dialect.Name, loaded retortModels, pg *testdb.DB) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	db, u := freshWithURL(t, d, pg)
	if d == dialect.SQLite {
		db.SetMaxOpenConns(1) // a NoTransaction section runs on one connection
	}
	desired, err := loaded.m.Schema(d, autogen.SchemaName(d, u.Database))
	if err != nil {
		t.Fatalf("retort: %v", err)
	}
	opts := diff.Options{Dialect: d, URL: u, DB: db, VersionTable: "retort_version"}
	normalized, err := diff.Normalize(ctx, desired, opts)
	if err != nil {
		t.Fatalf("normalize: %v", err)
	}
	current, _, err := diff.Inspect(ctx, db, opts)
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	plan, err := diff.Compute(ctx, current, normalized, opts)
	if err != nil {
		t.Fatalf("compute: %v", err)
	}
	rev := codegen.Revision{ID: "0123456789ab", Message: c.name, CreateDate: "2026-01-01T00:00:00Z"}
	autogen.Fill(&rev, plan)
	file, err := codegen.Render(codegen.Default(), rev)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := migrations.ParseFile(file.Path, file.Data, d)
	if err != nil {
		t.Fatalf("parse the rendered revision: %v\n%s", err, file.Data)
	}
	g, err := migrations.NewGraph([]*migrations.Revision{parsed})
	if err != nil {
		t.Fatal(err)
	}
	runner := migrations.NewRunner(db, migrations.RunnerOptions{Dialect: d, VersionTable: "retort_version"})
	if err := runner.Run(ctx, []*migrations.Revision{parsed}, func(cur []string) ([]migrations.Step, error) {
		return g.PlanUpgrade(cur, "heads")
	}); err != nil {
		t.Fatalf("upgrade: %v\n%s", err, file.Data)
	}

	// What GORM changes on its own database when it starts again: GORM's
	// migrator does not read back some of what it writes (its SQLite
	// migrator reads "DEFAULT (lower('x'))" as "lower('x'))"), and alters
	// those columns at every start whoever made the table. retort's
	// database may get the same, nothing more.
	gdb, _ := freshWithURL(t, d, pg)
	if err := gormtest.AutoMigrateWith(gdb, d, caseSettings[c.name].gorm(), c.models...); err != nil {
		t.Fatalf("gorm AutoMigrate: %v", err)
	}
	again, err := gormtest.AutoMigrateRecorded(gdb, d, caseSettings[c.name].gorm(), c.models...)
	if err != nil {
		// GORM cannot start on its own database (hostile names it does
		// not quote in its queries): there is nothing to hold retort to.
		t.Logf("GORM's AutoMigrate fails on the database GORM made, so it is no oracle here: %v", err)
		return
	}
	own := map[string]int{}
	for _, s := range again {
		if isDDL(s) {
			own[ddlKey(s)]++
		}
	}
	stmts, err := gormtest.AutoMigrateRecorded(db, d, caseSettings[c.name].gorm(), c.models...)
	if err != nil {
		t.Fatalf("gorm AutoMigrate on retort's database: %v", err)
	}
	var unexpected []string
	seen := map[int]bool{}
	for _, s := range stmts {
		if !isDDL(s) {
			continue
		}
		if k := ddlKey(s); own[k] > 0 {
			own[k]--
			t.Logf("GORM does this on its own database too: %s", s)
			continue
		}
		known := false
		for i, k := range knownGormDDL {
			if k.caseName == c.name && (k.dialect == "" || k.dialect == d) && k.names(d, s) {
				t.Logf("known: GORM issues %s (%s)", s, k.why)
				known, seen[i] = true, true
				break
			}
		}
		if !known {
			unexpected = append(unexpected, s)
		}
	}
	for i, k := range knownGormDDL {
		if k.caseName == c.name && (k.dialect == "" || k.dialect == d) && !seen[i] {
			t.Errorf("GORM no longer changes table %s: remove it from knownGormDDL", k.table)
		}
	}
	if len(unexpected) > 0 {
		t.Errorf("GORM's AutoMigrate changes the database retort made (%d statements):\n  %s\nretort's revision:\n%s",
			len(unexpected), strings.Join(unexpected, "\n  "), file.Data)
	}
}

// isDDL reports whether GORM's statement changes the database: all GORM
// should run on a database in sync with its models are reads.
func isDDL(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	switch strings.ToUpper(f[0]) {
	case "CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE", "COMMENT", "RENAME":
		return true
	}
	return false
}

// ddlKey is what a DDL statement of GORM's does, without the text that
// comes from the table's current definition: "CREATE TABLE `t__temp`"
// for a SQLite rebuild, "ALTER TABLE `t` MODIFY COLUMN `c`" for a column.
func ddlKey(s string) string {
	f := strings.Fields(s)
	n := 4
	switch {
	case len(f) > 2 && strings.EqualFold(f[0], "CREATE") && strings.EqualFold(f[1], "TABLE"):
		n = 3
	case len(f) > 1 && strings.EqualFold(f[0], "ALTER"):
		n = 7
	}
	return strings.Join(f[:min(n, len(f))], " ")
}

// freshWithURL is freshDB with the URL diff's options name: on PostgreSQL
// the shared database's, whose connection here has the new schema as its
// search_path.
func freshWithURL(t *testing.T, d dialect.Name, pg *testdb.DB) (*sql.DB, *dburl.URL) {
	t.Helper()
	if d != dialect.Postgres {
		db := testdb.New(t, d)
		return db.DB, db.URL
	}
	if pg == nil {
		testdb.Server(t, d)
		t.Fatal(fmt.Sprintf("no %s database", d))
	}
	return freshDB(t, d, pg), pg.URL
}
