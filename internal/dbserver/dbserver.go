// Package dbserver knows the MariaDB and PostgreSQL servers the tests and
// the benchmarks talk to: the variables naming them, and databases
// retort_<kind>_<random> made and dropped on them. It does not import
// testing: internal/testdb builds the tests' helpers on it, and
// internal/benchrun, a program, uses it directly.
package dbserver

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/internal/drivers"
)

// EnvVar names the variable holding the server URL for d ("" for SQLite).
func EnvVar(d dialect.Name) string {
	switch d {
	case dialect.MySQL:
		return "RETORT_TEST_MYSQL_URL"
	case dialect.Postgres:
		return "RETORT_TEST_POSTGRES_URL"
	}
	return ""
}

// Create creates a fresh database retort_<kind>_<random> on the server at
// admin and returns its URL and a function that drops it.
func Create(ctx context.Context, admin *dburl.URL, kind string) (*dburl.URL, func() error, error) {
	name := Name(kind)
	adb, err := admin.Open(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer adb.Close()
	if _, err := adb.ExecContext(ctx, "CREATE DATABASE "+admin.Dialect.QuoteIdent(name)); err != nil {
		return nil, nil, err
	}
	drop := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		return Drop(ctx, admin, name)
	}
	return admin.WithDatabase(name), drop, nil
}

// Drop drops database name on the server at admin, if it exists. On
// PostgreSQL other sessions still connected to it are ended first.
func Drop(ctx context.Context, admin *dburl.URL, name string) error {
	adb, err := admin.Open(ctx)
	if err != nil {
		return err
	}
	defer adb.Close()
	stmt := "DROP DATABASE IF EXISTS " + admin.Dialect.QuoteIdent(name)
	if admin.Dialect == dialect.Postgres {
		stmt += " WITH (FORCE)"
	}
	_, err = adb.ExecContext(ctx, stmt)
	return err
}

// Name returns a fresh database name retort_<kind>_<random>.
func Name(kind string) string {
	var b [6]byte
	rand.Read(b[:])
	return "retort_" + kind + "_" + hex.EncodeToString(b[:])
}
