package autogen_test

// Real-world shapes (issue 13): for each project of testdata/realworld
// and each dialect,
//
//  1. GORM's own AutoMigrate, through the project's migrate function and
//     with its gorm.Config, makes a database, and retort plans nothing
//     against it (`retort check` exits 0);
//  2. retort's plan from an empty database, rendered, parsed and run by
//     the runner, gives GORM's schema (atlas diffs the two inspections
//     empty), and planning again gives nothing;
//  3. the project's own AutoMigrate at start-up, run on the database retort
//     made, changes nothing in its schema (GORM sees what it would make);
//  4. downgrade to base leaves no table but retort's own.

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/gormtest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrations"
	"github.com/retortdb/retort/models"

	adminpanel "github.com/retortdb/retort/autogen/testdata/realworld/adminpanel/initialize"
	notify "github.com/retortdb/retort/autogen/testdata/realworld/notify/database"
	teamhub "github.com/retortdb/retort/autogen/testdata/realworld/teamhub/store"
)

type realProject struct {
	name     string
	patterns []string
	migrate  func(*gorm.DB) error
	// gorm is the project's gorm.Config and driver options; naming and
	// settings the retort.toml keys that say the same.
	gorm     gormtest.Options
	naming   models.Naming
	settings models.Settings
}

var realProjects = []realProject{
	{name: "adminpanel", patterns: []string{"./model/..."}, migrate: adminpanel.RegisterTables,
		gorm:     gormtest.Options{DisableForeignKeyConstraintWhenMigrating: true, DefaultStringSize: 191},
		settings: models.Settings{NoForeignKeys: true, DefaultStringSize: 191}},
	{name: "notify", patterns: []string{"./model"}, migrate: notify.Migrate},
	{name: "teamhub", patterns: []string{"./model"}, migrate: teamhub.Migrate,
		gorm: gormtest.Options{SingularTable: true}, naming: models.Naming{SingularTable: true}},
}

func TestRealWorld(t *testing.T) {
	e := &env{}
	if os.Getenv(testdb.EnvVar(dialect.Postgres)) != "" {
		e.pg = testdb.New(t, dialect.Postgres)
	}
	for _, p := range realProjects {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			for _, d := range dialect.All {
				t.Run(string(d), func(t *testing.T) { runRealWorld(t, e, p, d) })
			}
		})
	}
}

func runRealWorld(t *testing.T, e *env, p realProject, d dialect.Name) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	options := func(u *dburl.URL) autogen.Options {
		return autogen.Options{
			Dir:      filepath.Join("testdata", "realworld", p.name),
			Patterns: p.patterns,
			Naming:   p.naming,
			Settings: p.settings,
			Diff:     diff.Options{Dialect: d, URL: u, VersionTable: "retort_version"},
		}
	}

	// 1. GORM's database: retort plans nothing.
	gdb, gu := fresh(t, e, d)
	if _, err := p.open(t, gdb, d); err != nil {
		t.Fatalf("GORM's AutoMigrate: %v", err)
	}
	if plan, err := autogen.Plan(ctx, gdb, options(gu)); err != nil {
		t.Fatalf("plan against GORM's database: %v", err)
	} else if !plan.Empty() {
		t.Errorf("retort check on GORM's database finds changes:\n  %s\nupgrade:\n  %s", strings.Join(changeTexts(plan), "\n  "), strings.Join(plan.Upgrade, ";\n  "))
	}

	// 2. From empty: retort's revision, run, gives GORM's schema.
	rdb, ru := fresh(t, e, d)
	if d == dialect.SQLite {
		rdb.SetMaxOpenConns(1)
	}
	plan, err := autogen.Plan(ctx, rdb, options(ru))
	if err != nil {
		t.Fatalf("plan from empty: %v", err)
	}
	rev := codegen.Revision{ID: "0123456789ab", Message: p.name, CreateDate: "2026-01-01T00:00:00Z"}
	autogen.Fill(&rev, plan)
	file, err := codegen.Render(codegen.Default(), rev)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := migrations.ParseFile(file.Path, file.Data, d)
	if err != nil {
		t.Fatalf("parse the revision: %v\n%s", err, file.Data)
	}
	g, err := migrations.NewGraph([]*migrations.Revision{parsed})
	if err != nil {
		t.Fatal(err)
	}
	revs := []*migrations.Revision{parsed}
	runner := migrations.NewRunner(rdb, migrations.RunnerOptions{Dialect: d, VersionTable: "retort_version"})
	if err := runner.Run(ctx, revs, func(cur []string) ([]migrations.Step, error) { return g.PlanUpgrade(cur, "heads") }); err != nil {
		t.Fatalf("upgrade: %v\n%s", err, file.Data)
	}
	if diffs := schemaDiff(ctx, t, rdb, d, inspect(ctx, t, rdb, d), inspect(ctx, t, gdb, d)); len(diffs) > 0 {
		t.Errorf("retort's upgrade from empty differs from GORM's schema; what would take it there:\n  %s\nrevision:\n%s", strings.Join(diffs, "\n  "), file.Data)
	}
	if again, err := autogen.Plan(ctx, rdb, options(ru)); err != nil {
		t.Fatalf("plan after the upgrade: %v", err)
	} else if !again.Empty() {
		t.Errorf("after the upgrade retort still finds changes:\n  %s", strings.Join(changeTexts(again), "\n  "))
	}

	// 3. The application's AutoMigrate at start-up does to retort's
	// database what it does to its own (on MariaDB GORM alters a JSON
	// column on every start, as it reads back longtext).
	own, err := p.open(t, gdb, d)
	if err != nil {
		t.Errorf("the project's AutoMigrate again on GORM's database: %v", err)
	}
	ddl, err := p.open(t, rdb, d)
	if err != nil {
		t.Errorf("the project's AutoMigrate on retort's database: %v", err)
	}
	if extra := minus(ddl, own); len(extra) > 0 {
		t.Errorf("the project's AutoMigrate at start-up changes the database retort made:\n  %s", strings.Join(extra, "\n  "))
	}

	// 4. Downgrade to base.
	if err := runner.Run(ctx, revs, func(cur []string) ([]migrations.Step, error) { return g.PlanDowngrade(cur, "base") }); err != nil {
		t.Fatalf("downgrade: %v\n%s", err, file.Data)
	}
	if left := inspect(ctx, t, rdb, d); len(left.Tables) > 0 {
		var names []string
		for _, tb := range left.Tables {
			names = append(names, tb.Name)
		}
		t.Errorf("downgrade to base leaves tables: %q", names)
	}
}

// open runs the project's migrate function through GORM on db with the
// project's settings, and returns the statements that changed the schema.
func (p realProject) open(t *testing.T, db *sql.DB, d dialect.Name) ([]string, error) {
	t.Helper()
	stmts, err := gormtest.Migrate(db, d, p.gorm, p.migrate)
	var ddl []string
	for _, s := range stmts {
		switch strings.ToUpper(strings.Fields(s + " x")[0]) {
		case "CREATE", "ALTER", "DROP":
			ddl = append(ddl, s)
		}
	}
	return ddl, err
}

// minus returns the statements of a that b does not hold.
func minus(a, b []string) []string {
	have := map[string]int{}
	for _, s := range b {
		have[s]++
	}
	var out []string
	for _, s := range a {
		if have[s] > 0 {
			have[s]--
			continue
		}
		out = append(out, s)
	}
	return out
}

// When the server refuses a foreign key of the models (GORM's has-one
// guess pointing it at a column that is not unique), the error names the
// field and GORM's reading of it, and is bad input.
func TestRefusedForeignKeyNamesTheField(t *testing.T) {
	e := &env{}
	if os.Getenv(testdb.EnvVar(dialect.Postgres)) != "" {
		e.pg = testdb.New(t, dialect.Postgres)
	}
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			db, u := fresh(t, e, d)
			_, err := autogen.Plan(ctx, db, autogen.Options{
				Dir:      filepath.Join("testdata", "realworld", "adminpanel"),
				Patterns: []string{"./model/..."},
				Diff:     diff.Options{Dialect: d, URL: u, VersionTable: "retort_version"},
			})
			var me *diff.ModelError
			if !errors.As(err, &me) {
				t.Fatalf("plan = %v; want a *diff.ModelError", err)
			}
			want := "model/system/user.go:15:2: SysUser.Authority: GORM reads SysUser.Authority as has one: sys_authorities.(authority_id) refers to sys_users.(authority_id) (GORM tries has one before belongs to, and SysAuthority has the field AuthorityId); the database refuses the foreign key fk_sys_users_authority"
			if !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "CREATE TABLE") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error:\n%s\nwant one line starting with\n%s", err, want)
			}
		})
	}
}
