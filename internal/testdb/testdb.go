// Package testdb gives tests a fresh, empty database on each dialect: a
// temporary SQLite file, or a database named retort_t_<random> on the
// MariaDB/PostgreSQL server named by RETORT_TEST_MYSQL_URL or
// RETORT_TEST_POSTGRES_URL, dropped when the test ends.
//
// Without the variable a server test is skipped with a visible reason; with
// RETORT_TEST_REQUIRE_DB=1 (as in CI) that skip becomes a failure.
package testdb

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbserver"
)

// EnvVar names the variable holding the server URL for d ("" for SQLite).
func EnvVar(d dialect.Name) string { return dbserver.EnvVar(d) }

// Server returns the admin URL of the server for d, skipping (or failing,
// under RETORT_TEST_REQUIRE_DB=1) when it is not configured. For SQLite it
// returns nil.
func Server(t testing.TB, d dialect.Name) *dburl.URL {
	t.Helper()
	if d == dialect.SQLite {
		return nil
	}
	v := os.Getenv(EnvVar(d))
	if v == "" {
		if os.Getenv("RETORT_TEST_REQUIRE_DB") == "1" {
			t.Fatalf("%s is not set and RETORT_TEST_REQUIRE_DB=1", EnvVar(d))
		}
		t.Skipf("skipping: %s is not set (no %s server to test against)", EnvVar(d), d)
	}
	u, err := dburl.Parse(v, "")
	if err != nil {
		t.Fatalf("%s: %v", EnvVar(d), err)
	}
	return u
}

// DB is a fresh database for one test.
type DB struct {
	*sql.DB
	URL *dburl.URL
}

// New creates an empty database for d and drops it when t ends.
func New(t testing.TB, d dialect.Name) *DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if d == dialect.SQLite {
		u, err := dburl.Parse("sqlite://"+filepath.Join(t.TempDir(), "test.db"), "")
		if err != nil {
			t.Fatal(err)
		}
		db, err := u.Open(ctx)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return &DB{DB: db, URL: u}
	}
	admin := Server(t, d)
	name := Name("t")
	adb, err := admin.Open(ctx)
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	defer adb.Close()
	if _, err := adb.ExecContext(ctx, "CREATE DATABASE "+d.QuoteIdent(name)); err != nil {
		t.Fatalf("testdb: create database %s: %v", name, err)
	}
	u := admin.WithDatabase(name)
	db, err := u.Open(ctx)
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(func() {
		db.Close()
		Drop(t, admin, name)
	})
	return &DB{DB: db, URL: u}
}

// Create creates a fresh database retort_<kind>_<random> on the server at
// admin and returns its URL and a function that drops it. It is for test
// set-ups that have no testing.TB at hand (testscript's Setup).
func Create(ctx context.Context, admin *dburl.URL, kind string) (*dburl.URL, func() error, error) {
	return dbserver.Create(ctx, admin, kind)
}

// Drop drops database name on the server at admin, if it exists. On
// PostgreSQL other sessions still connected to it are terminated first.
func Drop(t testing.TB, admin *dburl.URL, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := dbserver.Drop(ctx, admin, name); err != nil {
		t.Errorf("testdb: drop %s: %v", name, err)
	}
}

// Name returns a fresh database name retort_<kind>_<random>.
func Name(kind string) string { return dbserver.Name(kind) }

// Dialects returns the dialects to run a test on: all three.
func Dialects() []dialect.Name { return dialect.All }
