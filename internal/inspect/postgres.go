package inspect

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"

	sqlschema "ariga.io/atlas/sql/schema"
)

// PostgreSQL: atlas's inspector reads the whole schema in seven queries,
// and turns their rows into schema values with a lot of care (types,
// serial and identity columns, defaults, index parts, operator classes).
// Two of those queries are slow and grow with the size of the whole
// database: the columns query scans information_schema.columns and calls
// pg_get_serial_sequence per identity row, and the indexes query joins an
// aggregate over all of pg_constraint that the planner misestimates (3.4 s
// for 1,000 tables).
//
// pgQuerier sits between atlas's driver and the database and answers those
// two queries with plain pg_catalog queries that return the same rows
// (same columns, same values, same order), leaving atlas's row handling in
// charge of building the schema. A query is substituted only when its text
// is exactly the one of the pinned atlas version (by fingerprint); any
// other query, e.g. after an atlas upgrade, passes through unchanged, which
// is slow but still right. TestPostgresQueriesSubstituted fails when that
// happens, and TestPostgresRows compares the rows of both versions.
type pgQuerier struct {
	sqlschema.ExecQuerier
	// missed counts the queries that looked like a slow atlas query but
	// did not match its fingerprint (tests only).
	missed atomic.Int64
}

// Fingerprints of the normalized atlas queries (see fingerprint) that
// pgQuerier replaces, for ariga.io/atlas v0.32.1-0.20250325101103-175b25e1c1b9.
const (
	atlasColumnsQuery   = "036bca08c5d64ed5"
	atlasIndexes15Query = "86d803e7fb0fd91d"
	atlasIndexes11Query = "3b50cf69bc19f634"
)

var (
	reSpace  = regexp.MustCompile(`\s+`)
	reParams = regexp.MustCompile(`\$\d+(?:, \$\d+)*`)
)

// fingerprint returns a short hash of a query with white space collapsed
// and every list of placeholders replaced by one "$".
func fingerprint(query string) string {
	q := reParams.ReplaceAllString(strings.TrimSpace(reSpace.ReplaceAllString(query, " ")), "$$")
	sum := sha256.Sum256([]byte(q))
	return hex.EncodeToString(sum[:8])
}

// QueryContext implements sqlschema.ExecQuerier.
func (q *pgQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if r, ok := q.substitute(query, len(args)); ok {
		return q.ExecQuerier.QueryContext(ctx, r, args...)
	}
	return q.ExecQuerier.QueryContext(ctx, query, args...)
}

// substitute returns the fast query answering the atlas query with n
// arguments ($1 the schema, $2... the table names), if it is one of the
// slow ones.
func (q *pgQuerier) substitute(query string, n int) (string, bool) {
	head := strings.TrimSpace(query)
	slow := strings.HasPrefix(head, "SELECT\n\tt1.table_name,\n\tt1.column_name,") ||
		strings.HasPrefix(head, "SELECT\n\tt.relname AS table_name,\n\ti.relname AS index_name,")
	if !slow || n < 2 {
		return "", false
	}
	var tmpl string
	switch fingerprint(query) {
	case atlasColumnsQuery:
		tmpl = pgColumnsQuery
	case atlasIndexes15Query:
		tmpl = pgIndexesQuery
	case atlasIndexes11Query:
		tmpl = pgIndexesQuery14
	default:
		q.missed.Add(1)
		return "", false
	}
	return fmt.Sprintf(tmpl, placeholders(2, n-1)), true
}

// placeholders returns "$from, ..., $(from+n-1)".
func placeholders(from, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(from + i))
	}
	return b.String()
}

// pgColumnsQuery returns the rows of atlas's columns query from pg_catalog:
// one row per column of the listed tables of schema $1, ordered by table
// name and position. The expressions are those information_schema.columns
// uses, so the values are the same, except that the "true type" of a
// column (its domain's base type) is computed once per row rather than
// passing whole rows to information_schema._pg_truetypid/_pg_truetypmod
// ten times, and the bodies of the information_schema._pg_* functions are
// written inline (they are SQL functions PostgreSQL cannot inline, about
// 10 µs a call, five calls a row); identity sequences are found through pg_depend (deptype 'i')
// instead of a pg_get_serial_sequence call per row. A default is printed
// without its table (pg_get_expr(adbin, 0)): a default cannot refer to a
// column, and giving the table makes PostgreSQL open it, which in a new
// session costs as much as the rest of the query (0.1 s for 1,000
// tables); a generation expression, which names columns, gets its table.
const pgColumnsQuery = `
SELECT
	c.relname AS table_name,
	a.attname AS column_name,
	CASE
		WHEN t.typtype = 'd' THEN
			CASE
				WHEN bt.typelem <> 0 AND bt.typlen = -1 THEN 'ARRAY'
				WHEN nbt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.typbasetype, NULL)
				ELSE 'USER-DEFINED'
			END
		ELSE
			CASE
				WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
				WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(a.atttypid, NULL)
				ELSE 'USER-DEFINED'
			END
	END AS data_type,
	pg_catalog.format_type(a.atttypid, a.atttypmod) AS format_type,
	CASE WHEN a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) THEN 'NO' ELSE 'YES' END AS is_nullable,
	CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) END AS column_default,
	CASE
		WHEN tt.typmod = -1 THEN NULL
		WHEN tt.typid IN (1042, 1043) THEN tt.typmod - 4 -- bpchar, varchar
		WHEN tt.typid IN (1560, 1562) THEN tt.typmod -- bit, varbit
	END AS character_maximum_length,
	CASE tt.typid
		WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64 -- int2, int4, int8
		WHEN 1700 THEN CASE WHEN tt.typmod = -1 THEN NULL ELSE ((tt.typmod - 4) >> 16) & 65535 END -- numeric
		WHEN 700 THEN 24 WHEN 701 THEN 53 -- float4, float8
	END AS numeric_precision,
	CASE
		WHEN tt.typid = 1082 THEN 0 -- date
		WHEN tt.typid IN (1083, 1114, 1184, 1266) THEN CASE WHEN tt.typmod < 0 THEN 6 ELSE tt.typmod END -- time, timestamp, timestamptz, timetz
		WHEN tt.typid = 1186 THEN CASE WHEN tt.typmod < 0 OR (tt.typmod & 65535) = 65535 THEN 6 ELSE tt.typmod & 65535 END -- interval
	END AS datetime_precision,
	CASE
		WHEN tt.typid IN (21, 23, 20) THEN 0
		WHEN tt.typid = 1700 THEN CASE WHEN tt.typmod = -1 THEN NULL ELSE (tt.typmod - 4) & 65535 END
	END AS numeric_scale,
	CASE WHEN tt.typid = 1186 THEN information_schema._pg_interval_type(tt.typid, tt.typmod) END AS interval_type,
	NULL::text AS character_set_name,
	co.collname AS collation_name,
	CASE WHEN a.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO' END AS is_identity,
	seq.seqstart AS identity_start,
	seq.seqincrement AS identity_increment,
	CASE WHEN a.attidentity IN ('a', 'd') AND pg_catalog.has_sequence_privilege(seq.seqrelid, 'SELECT,USAGE')
		THEN pg_catalog.pg_sequence_last_value(seq.seqrelid) END AS identity_last,
	CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END AS identity_generation,
	CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generation_expression,
	d.description AS comment,
	t.typtype,
	t.typelem,
	t.oid,
	a.attnum
FROM
	pg_catalog.pg_class AS c
	JOIN pg_catalog.pg_namespace AS nc ON nc.oid = c.relnamespace
	JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid
	JOIN pg_catalog.pg_namespace AS nt ON nt.oid = t.typnamespace
	CROSS JOIN LATERAL (SELECT
		CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END AS typid,
		CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS typmod
	) AS tt
	LEFT JOIN pg_catalog.pg_attrdef AS ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	LEFT JOIN (pg_catalog.pg_type AS bt JOIN pg_catalog.pg_namespace AS nbt ON nbt.oid = bt.typnamespace)
		ON t.typtype = 'd' AND t.typbasetype = bt.oid
	LEFT JOIN (pg_catalog.pg_collation AS co JOIN pg_catalog.pg_namespace AS nco ON nco.oid = co.collnamespace)
		ON a.attcollation = co.oid AND (nco.nspname <> 'pg_catalog' OR co.collname <> 'default')
	LEFT JOIN (pg_catalog.pg_depend AS dep JOIN pg_catalog.pg_sequence AS seq
		ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = seq.seqrelid AND dep.deptype = 'i')
		ON dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
	LEFT JOIN pg_catalog.pg_description AS d
		ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
WHERE
	nc.nspname = $1
	AND c.relname IN (%s)
	AND c.relkind IN ('r', 'v', 'f', 'p')
	AND (pg_catalog.pg_has_role(c.relowner, 'USAGE') OR pg_catalog.has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES'))
ORDER BY
	c.relname, a.attnum
`

// pgIndexesQuery returns the rows of atlas's indexes query (PostgreSQL 15
// and later; pgIndexesQuery14 for 11 to 14, which have no NULLS NOT
// DISTINCT): one row per index key or INCLUDE column of the listed
// tables. The indexes are listed first, and only the constraints that use
// one of them are aggregated; atlas aggregates all of pg_constraint and
// joins the result. The expression of a key is computed only for
// expression keys (atlas reads it only when the key is not a column), and
// the DESC and NULLS FIRST/LAST flags come from pg_index.indoption instead
// of three pg_index_column_has_property calls per row, each of which opens
// the index (1.5 s for 1,000 tables). Where that function returns NULL or
// false (keys of an index method without order, INCLUDE columns) this
// query returns NULL; atlas reads both as false.
const pgIndexesQuery = `
WITH idx AS MATERIALIZED (
	SELECT
		i.indexrelid, i.indrelid, i.indnatts, i.indnkeyatts, i.indisprimary, i.indisunique,
		i.indisexclusion, i.indpred, i.indclass, i.indoption, i.indnullsnotdistinct, t.relname AS table_name,
		k.key, k.ord::int AS ord
	FROM
		pg_catalog.pg_index AS i
		JOIN pg_catalog.pg_class AS t ON t.oid = i.indrelid
		JOIN pg_catalog.pg_namespace AS n ON n.oid = t.relnamespace
		CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(key, ord)
	WHERE
		n.nspname = $1
		AND t.relname IN (%s)
),
con AS MATERIALIZED (
	SELECT conindid, jsonb_object_agg(conname, contype) AS nametypes
	FROM pg_catalog.pg_constraint
	WHERE conindid IN (SELECT indexrelid FROM idx)
	GROUP BY conindid
),
am AS MATERIALIZED (
	SELECT oid, amname, pg_catalog.pg_indexam_has_property(oid, 'can_order') AS can_order
	FROM pg_catalog.pg_am
	WHERE amtype = 'i'
)
SELECT
	idx.table_name,
	i.relname AS index_name,
	am.amname AS index_type,
	a.attname AS column_name,
	(a.attname <> '' AND idx.indnatts > idx.indnkeyatts AND idx.ord > idx.indnkeyatts) AS included,
	idx.indisprimary AS primary,
	idx.indisunique AS unique,
	xc.conexclop[idx.ord]::regoper AS excoper,
	con.nametypes AS constraints,
	pg_catalog.pg_get_expr(idx.indpred, idx.indrelid) AS predicate,
	CASE WHEN a.attname IS NULL THEN pg_catalog.pg_get_indexdef(idx.indexrelid, idx.ord, false) END AS expression,
	CASE WHEN am.can_order AND idx.ord <= idx.indnkeyatts THEN (idx.indoption[idx.ord-1] & 1) <> 0 END AS isdesc,
	CASE WHEN am.can_order AND idx.ord <= idx.indnkeyatts THEN (idx.indoption[idx.ord-1] & 2) <> 0 END AS nulls_first,
	CASE WHEN am.can_order AND idx.ord <= idx.indnkeyatts THEN (idx.indoption[idx.ord-1] & 2) = 0 END AS nulls_last,
	d.description AS comment,
	i.reloptions AS options,
	op.opcname AS opclass_name,
	op.opcnamespace::regnamespace::text AS opclass_schema,
	op.opcdefault AS opclass_default,
	a2.attoptions AS opclass_params,
	idx.indnullsnotdistinct
FROM
	idx
	JOIN pg_catalog.pg_class AS i ON i.oid = idx.indexrelid
	LEFT JOIN con ON con.conindid = idx.indexrelid
	LEFT JOIN pg_catalog.pg_attribute AS a ON (a.attrelid, a.attnum) = (idx.indrelid, idx.key)
	JOIN am ON am.oid = i.relam
	LEFT JOIN pg_catalog.pg_opclass AS op ON op.oid = idx.indclass[idx.ord-1]
	LEFT JOIN pg_catalog.pg_attribute AS a2 ON (a2.attrelid, a2.attnum) = (idx.indexrelid, idx.ord)
	LEFT JOIN pg_catalog.pg_description AS d
		ON d.objoid = i.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
	LEFT JOIN pg_catalog.pg_constraint AS xc
		ON idx.indisexclusion AND xc.conindid = idx.indexrelid AND xc.contype = 'x'
ORDER BY
	idx.table_name, index_name, idx.ord
`

var pgIndexesQuery14 = strings.Replace(pgIndexesQuery, "i.indoption, i.indnullsnotdistinct,", "i.indoption, false AS indnullsnotdistinct,", 1)
