package autogen_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"

	_ "modernc.org/sqlite"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
)

// Plan a revision from the models of a package against a database, then
// render the revision file, as `retort revision --autogenerate` does.
func ExamplePlan() {
	ctx := context.Background()
	u, err := dburl.Parse("sqlite://:memory:", "")
	if err != nil {
		log.Fatal(err)
	}
	db, err := sql.Open(u.Driver, u.DSN)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one in-memory database
	plan, err := autogen.Plan(ctx, db, autogen.Options{
		Dir:      ".",
		Patterns: []string{"./testdata/example/models"},
		Diff:     diff.Options{Dialect: dialect.SQLite, URL: u, DB: db},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range plan.Changes {
		fmt.Println("change:", c)
	}
	rev := codegen.Revision{ID: "1a2b3c4d5e6f", Message: "create users", CreateDate: "2026-12-05T12:00:00Z"}
	autogen.Fill(&rev, plan)
	file, err := codegen.Render(codegen.Default(), rev)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("file:", file.Path)
	for _, st := range rev.Upgrade {
		fmt.Println(st + ";")
	}
	// Output:
	// change: add table users (id integer NOT NULL, email text NOT NULL)
	// file: versions/1a2b3c4d5e6f_create_users.sql
	// CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `email` text NOT NULL);
	// CREATE UNIQUE INDEX `idx_users_email` ON `users` (`email`);
}
