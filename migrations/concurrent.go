package migrations

import (
	"context"
	"fmt"
	"regexp"

	"github.com/retortdb/retort/dialect"
)

// PostgreSQL's CREATE INDEX CONCURRENTLY cannot run in a transaction, and
// when it fails or is interrupted it leaves the index behind, INVALID: it
// slows every write and is never used, and running the statement again
// fails with "already exists". The runner reads pg_index.indisvalid to
// know what such a statement left: a valid index means it completed, an
// invalid one is dropped (concurrently) and the statement runs again.

var concurrentIndex = regexp.MustCompile(`(?is)^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s+ON\s`)

// concurrentIndexName returns the name, as written (quoted or not), of
// the index a CREATE INDEX CONCURRENTLY statement builds.
func concurrentIndexName(d dialect.Name, sql string) (string, bool) {
	if d != dialect.Postgres {
		return "", false
	}
	m := concurrentIndex.FindStringSubmatch(sql)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// indexState says whether the index named (as written in SQL) exists on
// the session's search path, and whether it is valid.
func indexState(ctx context.Context, db execer, name string) (exists, valid bool, err error) {
	var v *bool
	err = db.QueryRowContext(ctx, `SELECT (SELECT i.indisvalid FROM pg_catalog.pg_index i WHERE i.indexrelid = to_regclass($1))`, name).Scan(&v)
	if err != nil || v == nil {
		return false, false, err
	}
	return true, *v, nil
}

// dropInvalidIndex drops the index named when it exists and is invalid:
// what a CREATE INDEX CONCURRENTLY that failed or was cut off leaves.
func dropInvalidIndex(ctx context.Context, db execer, name string) error {
	exists, valid, err := indexState(ctx, db, name)
	if err != nil || !exists || valid {
		return err
	}
	if _, err := db.ExecContext(ctx, "DROP INDEX CONCURRENTLY IF EXISTS "+name); err != nil {
		return fmt.Errorf("migrations: drop the invalid index %s left by an earlier CREATE INDEX CONCURRENTLY: %w", name, err)
	}
	return nil
}
