// Command startup is an application that migrates its own database at
// start-up, with its revision files compiled into the binary: the way Go
// programs use retort as a library. It opens an SQLite file (the first
// argument, default app.db), applies every pending revision, and prints
// where the database is.
//
//	go run ./examples/startup /tmp/app.db
package main

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"time"

	_ "modernc.org/sqlite" // the application's driver: retort links none

	"github.com/retortdb/retort/migrations"
)

//go:embed migrations
var files embed.FS

func main() {
	path := "app.db"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	if err := run(context.Background(), path); err != nil {
		fmt.Fprintln(os.Stderr, "startup:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	// The revisions live in migrations/versions/ of the embedded files.
	fsys, err := fs.Sub(files, "migrations")
	if err != nil {
		return err
	}
	p, err := migrations.NewProvider("sqlite", db, fsys, migrations.ProviderOptions{})
	if err != nil {
		return err
	}
	ran, err := p.Upgrade(ctx, "heads")
	for _, r := range ran {
		fmt.Printf("applied %s (%s) in %s\n", r.Revision.ID, r.Revision.Message, r.Duration.Round(time.Microsecond))
	}
	if err != nil {
		return err
	}
	st, err := p.Current(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("database at %v\n", st.Heads)
	return nil
}
