package diff

import (
	"context"
	"fmt"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestDropSchemaInBatches fills a PostgreSQL scratch schema with more
// tables than one DROP TABLE statement of dropSchema takes, and requires
// that nothing of it is left.
func TestDropSchemaInBatches(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.Postgres)
	name := scratchName()
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+name); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 450; i++ {
		stmt := fmt.Sprintf("CREATE TABLE %s.t%d (id serial PRIMARY KEY, parent int REFERENCES %s.t%d (id), name text UNIQUE)", name, i, name, max(i-1, 0))
		if i == 0 {
			stmt = fmt.Sprintf("CREATE TABLE %s.t0 (id serial PRIMARY KEY, name text UNIQUE)", name)
		}
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	dropSchema(ctx, db.DB, name)
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = $1", name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("schema %s is still there", name)
	}
}
