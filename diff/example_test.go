package diff_test

import (
	"context"
	"database/sql"
	"fmt"
	"log"

	_ "modernc.org/sqlite"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/models"
)

// The three steps of a plan: inspect the database, normalize the models'
// schema into the server's own terms, and compute the statements between
// them (package autogen does all three in one call).
func ExampleCompute() {
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
	if _, err := db.Exec("CREATE TABLE products (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, code varchar(32) NOT NULL)"); err != nil {
		log.Fatal(err)
	}
	opts := diff.Options{Dialect: dialect.SQLite, URL: u, DB: db}

	current, _, err := diff.Inspect(ctx, db, opts)
	if err != nil {
		log.Fatal(err)
	}
	m, err := models.Load(ctx, models.LoadOptions{Dir: "..", Patterns: []string{"./demo/models"}})
	if err != nil {
		log.Fatal(err)
	}
	desired, err := m.Schema(dialect.SQLite, current.Name)
	if err != nil {
		log.Fatal(err)
	}
	if desired, err = diff.Normalize(ctx, desired, opts); err != nil {
		log.Fatal(err)
	}
	plan, err := diff.Compute(ctx, current, desired, opts)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range plan.Changes {
		fmt.Println(c.Text)
	}
	// Output:
	// add check chk_products_price_cents on products: (price_cents >= 0)
	// add column products.title text NOT NULL
	// add column products.price_cents integer NOT NULL DEFAULT 0
	// add column products.created_at datetime
	// add unique index products_code on products (code)
	// add table orders (id integer NOT NULL, user_id integer NOT NULL, product_id integer NOT NULL, quantity integer NOT NULL DEFAULT 1, placed_at datetime)
	// add table users (id integer NOT NULL, created_at datetime, updated_at datetime, deleted_at datetime, name text NOT NULL, email text NOT NULL)
}
