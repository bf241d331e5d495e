// Command mysqlonly is a MySQL application that migrates at start-up: it
// exists to show (TestLibraryLinksNoOtherDriver) that embedding retort
// links only the driver the application chose.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	_ "github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/migrations"
)

func main() {
	db, err := sql.Open("mysql", os.Getenv("DSN"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	p, err := migrations.NewProvider("mysql", db, os.DirFS("migrations"), migrations.ProviderOptions{Log: os.Stdout})
	if err == nil {
		_, err = p.Upgrade(context.Background(), "heads")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
