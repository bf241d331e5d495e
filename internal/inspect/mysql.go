package inspect

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"

	sqlschema "ariga.io/atlas/sql/schema"
)

// MySQL/MariaDB: atlas's inspector reads a schema in six queries and
// builds the schema values from their rows with care (types, defaults,
// MariaDB's quirks). Two things make it slow on large schemas:
//
//   - its foreign keys query (and, less so, its listing of tables) joins KEY_COLUMN_USAGE with
//     REFERENTIAL_CONSTRAINTS on the constraint name, which MariaDB runs as
//     a block nested loop over both INFORMATION_SCHEMA tables: 20 s for
//     10,000 tables. myQuerier answers it with the same query over a
//     materialized (and so indexed) derived table: 1 s.
//   - every row it reads looks its table up by name in a list
//     (schema.Schema.Table), so reading grows with the square of the
//     number of tables: 5 s of CPU for 10,000 tables. batched (batch.go)
//     takes care of that.

// atlasFKsQuery is the fingerprint (see myFingerprint) of atlas's foreign
// keys query, for ariga.io/atlas v0.32.1-0.20250325101103-175b25e1c1b9.
const atlasFKsQuery = "945224463061b9db"

// atlasTablesQuery is the fingerprint of atlas's listing of the tables of
// schemas, and myTablesQuery returns its rows: the same joins, with
// COLLATIONS and ENGINES in materialized (keyed) derived tables, which
// MariaDB otherwise joins by nested loops: 1.5 s -> 0.4 s for 10,000
// tables.
const (
	atlasTablesQuery = "1c79121e13ff55f0"
	myTablesQuery    = `
SELECT
	t1.TABLE_SCHEMA,
	t1.TABLE_NAME,
	t2.CHARACTER_SET_NAME,
	t1.TABLE_COLLATION,
	t1.AUTO_INCREMENT,
	t1.TABLE_COMMENT,
	t1.CREATE_OPTIONS,
	t1.ENGINE,
	t3.SUPPORT = 'DEFAULT' AS DEFAULT_ENGINE,
	t1.TABLE_TYPE
FROM
	INFORMATION_SCHEMA.TABLES AS t1
	LEFT JOIN (
		SELECT COLLATION_NAME, CHARACTER_SET_NAME FROM INFORMATION_SCHEMA.COLLATIONS
		LIMIT 18446744073709551615
	) AS t2
	ON t1.TABLE_COLLATION = t2.COLLATION_NAME
	LEFT JOIN (
		SELECT ENGINE, SUPPORT FROM INFORMATION_SCHEMA.ENGINES
		LIMIT 18446744073709551615
	) AS t3
	ON t1.ENGINE = t3.ENGINE
WHERE
	TABLE_SCHEMA IN (%s)
	AND TABLE_TYPE = 'BASE TABLE'
ORDER BY
	TABLE_SCHEMA, TABLE_NAME`
)

// myFKsQuery returns the rows of atlas's foreign keys query. Its
// arguments are the schema four times, then the tables. The non-binary
// comparisons of the schema name let MariaDB open only that database's
// tables ("Scanned 1 database"); the binary ones keep atlas's exact match.
// The LIMIT keeps the derived table from being merged into the outer
// query, so that it is materialized with a key on CONSTRAINT_NAME.
const myFKsQuery = `
SELECT
	t1.CONSTRAINT_NAME,
	t1.TABLE_NAME,
	t1.COLUMN_NAME,
	t1.TABLE_SCHEMA,
	t1.REFERENCED_TABLE_NAME,
	t1.REFERENCED_COLUMN_NAME,
	t1.REFERENCED_TABLE_SCHEMA,
	t2.UPDATE_RULE,
	t2.DELETE_RULE
FROM
	INFORMATION_SCHEMA.KEY_COLUMN_USAGE AS t1
	JOIN (
		SELECT CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE
		FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS
		WHERE CONSTRAINT_SCHEMA = ? AND BINARY CONSTRAINT_SCHEMA = ?
		LIMIT 18446744073709551615
	) AS t2
	ON t1.CONSTRAINT_NAME = t2.CONSTRAINT_NAME
WHERE
	t1.REFERENCED_COLUMN_NAME IS NOT NULL
	AND t1.TABLE_SCHEMA = ? AND BINARY t1.TABLE_SCHEMA = ?
	AND t1.TABLE_NAME IN (%s)
ORDER BY
	BINARY t1.TABLE_NAME,
	BINARY t1.CONSTRAINT_NAME,
	t1.ORDINAL_POSITION`

// myQuerier answers atlas's listing of tables with myTablesQuery and its
// foreign keys query with myFKsQuery; every other query passes through.
type myQuerier struct {
	sqlschema.ExecQuerier
	missed atomic.Int64 // queries that looked like one of those but did not match it (tests)
}

// QueryContext implements sqlschema.ExecQuerier.
func (q *myQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if r, a, ok := q.substitute(query, args); ok {
		return q.ExecQuerier.QueryContext(ctx, r, a...)
	}
	return q.ExecQuerier.QueryContext(ctx, query, args...)
}

// substitute returns the fast query and its arguments for atlas's
// listing of the tables (arguments: the schemas) and its foreign keys query
// (the schema twice, then the tables).
func (q *myQuerier) substitute(query string, args []any) (string, []any, bool) {
	switch {
	case strings.Contains(query, "INFORMATION_SCHEMA.KEY_COLUMN_USAGE AS t1") && len(args) >= 3:
		if myFingerprint(query) != atlasFKsQuery {
			q.missed.Add(1)
			return "", nil, false
		}
		tables := args[2:]
		a := append([]any{args[0], args[0], args[0], args[0]}, tables...)
		return fmt.Sprintf(myFKsQuery, nArgs(len(tables))), a, true
	case strings.Contains(query, "LEFT JOIN INFORMATION_SCHEMA.COLLATIONS AS t2") && len(args) >= 1:
		if myFingerprint(query) != atlasTablesQuery {
			q.missed.Add(1)
			return "", nil, false
		}
		return fmt.Sprintf(myTablesQuery, nArgs(len(args))), args, true
	}
	return "", nil, false
}

// myFingerprint is fingerprint for MySQL's "?" placeholders.
func myFingerprint(query string) string {
	return fingerprint(reMyParams.ReplaceAllString(query, "?"))
}

var reMyParams = regexp.MustCompile(`\?(?:, \?)*`)

func nArgs(n int) string { return strings.Repeat("?, ", n-1) + "?" }
