package migrations_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing/fstest"

	_ "modernc.org/sqlite"

	"github.com/retortdb/retort/migrations"
)

// An application migrates its database at start-up from revision files it
// carries (here an fstest.MapFS; usually an embed.FS of its migrations
// folder, see examples/startup).
func ExampleNewProvider() {
	db, err := sql.Open("sqlite", "file:example?mode=memory&cache=shared")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	files := fstest.MapFS{
		"versions/1a2b3c4d5e6f_create_notes.sql": {Data: []byte(`-- create notes
--
-- Revision ID: 1a2b3c4d5e6f
-- Revises:
-- Create Date: 2026-12-04T00:00:00Z

-- +retort Upgrade
CREATE TABLE notes (id integer PRIMARY KEY, body text);

-- +retort Downgrade
DROP TABLE notes;
`)},
	}
	p, err := migrations.NewProvider("sqlite", db, files, migrations.ProviderOptions{})
	if err != nil {
		panic(err)
	}
	ran, err := p.Upgrade(context.Background(), "heads")
	if err != nil {
		panic(err)
	}
	for _, r := range ran {
		fmt.Println("applied", r.Revision.ID, r.Revision.Message)
	}
	st, _ := p.Current(context.Background())
	fmt.Println("at", st.Heads)
	// Output:
	// applied 1a2b3c4d5e6f create notes
	// at [1a2b3c4d5e6f]
}
