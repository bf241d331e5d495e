package diff

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/retortdb/retort/dialect"
)

// On SQLite the statements go in one script, in one transaction; when one
// is refused, nothing of the script stays and the error names that one.
func TestExecCreatesSQLite(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := execCreates(ctx, db, dialect.SQLite, nil, []string{"CREATE TABLE a (x int)", "CREATE INDEX a_x ON a (x)"}); err != nil {
		t.Fatal(err)
	}
	err = execCreates(ctx, db, dialect.SQLite, nil, []string{"CREATE TABLE b (x int)", "CREATE TABLE a (y int)", "CREATE TABLE c (x int)"})
	if err == nil || !strings.Contains(err.Error(), "CREATE TABLE a") {
		t.Fatalf("execCreates = %v, want the refusal of CREATE TABLE a", err)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'c'").Scan(&n); err != nil || n != 0 {
		t.Errorf("table c: %d, %v: the statements after the refused one ran", n, err)
	}
	// The connection is usable afterwards, outside any transaction.
	if err := execCreates(ctx, db, dialect.SQLite, nil, []string{"CREATE TABLE d (x int)", "CREATE TABLE e (x int)"}); err != nil {
		t.Fatal(err)
	}
}
