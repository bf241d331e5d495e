package dburl_test

import (
	"fmt"

	"github.com/retortdb/retort/dburl"
)

// Parse reads a URL as retort.toml holds it; Display and Redact keep the
// password out of anything printed.
func ExampleParse() {
	u, err := dburl.Parse("postgres://app:s3cret@db.internal:5432/shop?sslmode=disable", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(u.Dialect, u.Driver, u.Database)
	fmt.Println(u.Display())
	fmt.Println(dburl.Redact("cannot reach postgres://app:s3cret@db.internal:5432/shop"))
	// Output:
	// postgres pgx shop
	// postgres://app@db.internal:5432/shop
	// cannot reach postgres://app:xxxxx@db.internal:5432/shop
}

// ParseSQLAlchemy reads the URLs of an Alembic project's configuration,
// driver suffix and all.
func ExampleParseSQLAlchemy() {
	u, err := dburl.ParseSQLAlchemy("mysql+pymysql://fenix:pw@127.0.0.1/fenix?charset=utf8", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(u.Dialect, u.Database)
	// Output: mysql fenix
}
