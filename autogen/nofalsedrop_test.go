package autogen_test

// A table the models do not describe is proposed for dropping only when
// nothing in the model packages could be its model (issue 13): one case
// per shape that once made retort propose dropping a table the project's
// models describe.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/gormtest"
	"github.com/retortdb/retort/internal/testdb"

	bothsides "github.com/retortdb/retort/autogen/testdata/bothsides/models"
	dto "github.com/retortdb/retort/autogen/testdata/nofalsedrop/dto/models"
	hidden "github.com/retortdb/retort/autogen/testdata/nofalsedrop/hidden/models"
	notmigrated "github.com/retortdb/retort/autogen/testdata/nofalsedrop/notmigrated/models"
	ownbase "github.com/retortdb/retort/autogen/testdata/nofalsedrop/ownbase/models"
	untagged "github.com/retortdb/retort/autogen/testdata/nofalsedrop/untagged/models"
	view "github.com/retortdb/retort/autogen/testdata/nofalsedrop/view/models"
)

func TestNoFalseDrop(t *testing.T) {
	cases := []struct {
		shape string
		start []any
		// left is the table the note must say is left alone, lookalike
		// the start of what it must say about the struct; "" when the
		// models now describe the database exactly.
		left, lookalike string
	}{
		{"view", view.Start, "menus", "models.Menu (models/models.go:5:6) is not a model: it is embedded in MenuView"},
		{"dto", dto.Start, "", ""},
		{"ownbase", ownbase.Start, "", ""},
		{"untagged", untagged.Start, "plains", "models.Plain (models/models.go:5:6) is not a model: it has no gorm tag"},
		{"hidden", hidden.Start, "hiddens", "models.Hidden (models/models.go:4:6) is not a model: it has no gorm tag"},
		{"notmigrated", notmigrated.Start, "archives", "models.Archive (models/models.go:10:6) is not a model: not passed to AutoMigrate (initialize/db.go:9:42)"},
	}
	e := &env{}
	if os.Getenv(testdb.EnvVar(dialect.Postgres)) != "" {
		e.pg = testdb.New(t, dialect.Postgres)
	}
	for _, c := range cases {
		t.Run(c.shape, func(t *testing.T) {
			t.Parallel()
			for _, d := range dialect.All {
				t.Run(string(d), func(t *testing.T) {
					ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
					defer cancel()
					db, u := fresh(t, e, d)
					if err := gormtest.AutoMigrate(db, d, c.start...); err != nil {
						t.Fatalf("gorm AutoMigrate: %v", err)
					}
					plan, err := autogen.Plan(ctx, db, autogen.Options{
						Dir:      filepath.Join("testdata", "nofalsedrop", c.shape),
						Patterns: []string{"./models"},
						Diff:     diff.Options{Dialect: d, URL: u, VersionTable: "retort_version"},
					})
					if err != nil {
						t.Fatal(err)
					}
					for _, ch := range plan.Changes {
						if ch.Kind == "drop table" {
							t.Errorf("a table the models could describe is dropped: %s", ch.Text)
						}
					}
					for _, s := range plan.Upgrade {
						if strings.Contains(strings.ToUpper(s), "DROP TABLE") {
							t.Errorf("upgrade drops a table: %s", s)
						}
					}
					if c.left == "" {
						if !plan.Empty() {
							t.Errorf("the models describe the database, yet the plan is:\n%s", strings.Join(changeTexts(plan), "\n"))
						}
						return
					}
					found := false
					for _, n := range plan.Notes {
						if strings.HasPrefix(n, `table "`+c.left+`" is left alone`) {
							found = true
							if !strings.Contains(n, c.lookalike) || !strings.Contains(n, "//retort:model") || !strings.Contains(n, "//retort:ignore") || !strings.Contains(n, "exclude") {
								t.Errorf("the note does not name the struct and what settles it:\n%s\nwant it to hold %q", n, c.lookalike)
							}
						}
					}
					if !found {
						t.Errorf("no note says table %s is left alone; notes:\n%s", c.left, strings.Join(plan.Notes, "\n"))
					}
				})
			}
		})
	}
}

// A many2many declared on both sides without an AutoMigrate call: GORM's
// join table has the key order of the side it parsed last, which retort
// cannot know, so a database made either way matches the models.
func TestJoinTableEitherSide(t *testing.T) {
	e := &env{}
	if os.Getenv(testdb.EnvVar(dialect.Postgres)) != "" {
		e.pg = testdb.New(t, dialect.Postgres)
	}
	for name, order := range map[string][]any{"students_first": bothsides.StudentsFirst, "courses_first": bothsides.CoursesFirst} {
		for _, d := range dialect.All {
			t.Run(name+"/"+string(d), func(t *testing.T) {
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				defer cancel()
				db, u := fresh(t, e, d)
				if err := gormtest.AutoMigrate(db, d, order...); err != nil {
					t.Fatalf("gorm AutoMigrate: %v", err)
				}
				plan, err := autogen.Plan(ctx, db, autogen.Options{
					Dir:      filepath.Join("testdata", "bothsides"),
					Patterns: []string{"./models"},
					Diff:     diff.Options{Dialect: d, URL: u, VersionTable: "retort_version"},
				})
				if err != nil {
					t.Fatal(err)
				}
				if !plan.Empty() {
					t.Errorf("GORM's database (%s) does not match the models:\n%s", name, strings.Join(changeTexts(plan), "\n"))
				}
			})
		}
	}
}
