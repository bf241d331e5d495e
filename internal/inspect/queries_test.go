package inspect

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/benchgen"
	"github.com/retortdb/retort/internal/testdb"
)

// counter is an ExecQuerier that counts and records the queries run
// through it.
type counter struct {
	sqlschema.ExecQuerier
	mu      sync.Mutex
	queries []string
	args    [][]any
}

func (c *counter) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	c.mu.Lock()
	c.queries = append(c.queries, query)
	c.args = append(c.args, args)
	c.mu.Unlock()
	return c.ExecQuerier.QueryContext(ctx, query, args...)
}

func (c *counter) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	c.mu.Lock()
	c.queries = append(c.queries, query)
	c.args = append(c.args, args)
	c.mu.Unlock()
	return c.ExecQuerier.ExecContext(ctx, query, args...)
}

// maxQueries is the most queries New plus one InspectSchema may run, for
// any schema.
var maxQueries = map[dialect.Name]int{
	dialect.Postgres: 8, // server version, schemas, enums, tables, columns, indexes, foreign keys, checks
	dialect.SQLite:   5, // databases, tables, columns, indexes with their parts, foreign keys
	dialect.MySQL:    7, // server variables, schemas, tables, columns, indexes, foreign keys, checks
}

// createBench creates the benchmark schema of n tables in db.
func createBench(t testing.TB, db *testdb.DB, d dialect.Name, n int) {
	t.Helper()
	_, ddl := benchgen.Generate(benchgen.Options{Tables: n, Seed: 5})
	ctx := context.Background()
	if d == dialect.SQLite {
		// One transaction: a file database syncs on every commit.
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		for _, s := range ddl[d] {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				t.Fatalf("%v\n%s", err, s)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, s := range ddl[d] {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%v\n%s", err, s)
		}
	}
}

// TestQueryCounts checks that inspecting a schema costs the same fixed
// number of queries whatever its number of tables.
func TestQueryCounts(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			counts := make(map[int]int)
			for _, n := range []int{1, 40} {
				db := testdb.New(t, d)
				createBench(t, db, d, n)
				c := &counter{ExecQuerier: db.DB}
				insp, err := New(c, d)
				if err != nil {
					t.Fatal(err)
				}
				s, err := insp.InspectSchema(context.Background(), "", nil)
				if err != nil {
					t.Fatal(err)
				}
				if len(s.Tables) != n {
					t.Fatalf("%d tables inspected, want %d", len(s.Tables), n)
				}
				counts[n] = len(c.queries)
				if len(c.queries) > maxQueries[d] {
					t.Errorf("%d tables: %d queries, want at most %d:\n%q", n, len(c.queries), maxQueries[d], c.queries)
				}
				// Built in batches of 3 tables: no more queries.
				if b, ok := insp.(*batched); ok && n > 3 {
					b.onePass, b.batch = 3, 3
					c.queries = nil
					if _, err := insp.InspectSchema(context.Background(), "", nil); err != nil {
						t.Fatal(err)
					}
					if len(c.queries) != counts[n]-len(b.opened) {
						t.Errorf("%d tables in batches of 3: %d queries, want %d:\n%q", n, len(c.queries), counts[n]-len(b.opened), c.queries)
					}
				}
			}
			if counts[1] != counts[40] {
				t.Errorf("queries grow with the tables: %v", counts)
			}
		})
	}
}

// TestPostgresQueriesSubstituted checks that both slow atlas queries are
// recognized (so an atlas upgrade that changes them does not silently
// bring the slow path back) and that the substituted queries return the
// same rows as atlas's, on the whole PostgreSQL corpus.
func TestPostgresQueriesSubstituted(t *testing.T) {
	files := []string{"01_types", "02_enums_identity", "03_defaults", "04_generated_comments_collation", "05_indexes", "06_fks_checks", "07_partitions_domains"}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			db := testdb.New(t, dialect.Postgres)
			applyDDL(t, db, "testdata/conformance/postgres/"+f+".sql")
			rec := &counter{ExecQuerier: db.DB}
			pq := &pgQuerier{ExecQuerier: rec}
			ref, err := atlasInspector(rec, dialect.Postgres)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ref.InspectSchema(context.Background(), "", nil); err != nil {
				t.Fatal(err)
			}
			substituted := 0
			for k, q := range rec.queries {
				fast, ok := pq.substitute(q, len(rec.args[k]))
				if !ok {
					continue
				}
				substituted++
				want := queryRows(t, db.DB, q, rec.args[k])
				got := queryRows(t, db.DB, fast, rec.args[k])
				if fingerprint(q) == atlasIndexes15Query {
					ignoreUnread(want, got)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("rows of %s (-atlas +fast):\n%s", fingerprint(q), diff)
				}
			}
			if substituted != 2 || pq.missed.Load() != 0 {
				t.Errorf("%d queries substituted and %d missed, want 2 and 0", substituted, pq.missed.Load())
			}
		})
	}
}

func queryRows(t *testing.T, db *sql.DB, query string, args []any) [][]any {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), query, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, query)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			// Compare values as text: atlas's information_schema columns
			// are domains over text where the fast query has integers.
			if v != nil {
				vals[i] = fmt.Sprint(v)
			}
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPostgres14Indexes covers the indexes query atlas runs on PostgreSQL
// 11 to 14 (no NULLS NOT DISTINCT), whose only difference from the one of
// PostgreSQL 15 is a constant column: it is derived from the recorded
// query, recognized, and its substitute returns the same rows.
func TestPostgres14Indexes(t *testing.T) {
	db := testdb.New(t, dialect.Postgres)
	applyDDL(t, db, "testdata/conformance/postgres/05_indexes.sql")
	rec := &counter{ExecQuerier: db.DB}
	ref, err := atlasInspector(rec, dialect.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ref.InspectSchema(context.Background(), "", nil); err != nil {
		t.Fatal(err)
	}
	found := false
	for k, q := range rec.queries {
		if fingerprint(q) != atlasIndexes15Query {
			continue
		}
		found = true
		const col = "idx.indnullsnotdistinct AS indnullsnotdistinct"
		if !strings.Contains(q, col) {
			t.Fatalf("the PostgreSQL 15 indexes query has no %q", col)
		}
		q14 := strings.Replace(q, col, "false AS indnullsnotdistinct", 1)
		if got := fingerprint(q14); got != atlasIndexes11Query {
			t.Fatalf("fingerprint of the PostgreSQL 11-14 indexes query is %s, want %s", got, atlasIndexes11Query)
		}
		pq := &pgQuerier{}
		fast, ok := pq.substitute(q14, len(rec.args[k]))
		if !ok {
			t.Fatal("the PostgreSQL 11-14 indexes query is not substituted")
		}
		want := queryRows(t, db.DB, q14, rec.args[k])
		got := queryRows(t, db.DB, fast, rec.args[k])
		ignoreUnread(want, got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("rows (-atlas +fast):\n%s", diff)
		}
	}
	if !found {
		t.Fatal("atlas ran no indexes query")
	}
}

// ignoreUnread blanks out, in rows of the indexes query, the values that
// atlas does not read and the fast query does not compute: the expression
// of a column key (atlas reads it only for expression keys) and NULL DESC
// and NULLS flags, which atlas reads as false (sql.NullBool.Bool).
func ignoreUnread(rowSets ...[][]any) {
	for _, rows := range rowSets {
		for _, r := range rows {
			if r[3] != nil { // column_name
				r[10] = nil // expression
			}
			for _, c := range []int{11, 12, 13} { // isdesc, nulls_first, nulls_last
				if r[c] == nil {
					r[c] = "false"
				}
			}
		}
	}
}
