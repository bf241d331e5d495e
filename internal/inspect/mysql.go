package inspect

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	sqlschema "ariga.io/atlas/sql/schema"
)

// MySQL/MariaDB: atlas's inspector reads a schema in six queries and
// builds the schema values from their rows with care (types, defaults,
// MariaDB's quirks). Two things make it slow on large schemas:
//
//   - its foreign keys query joins KEY_COLUMN_USAGE with
//     REFERENTIAL_CONSTRAINTS on the constraint name, which MariaDB runs as
//     a block nested loop over both INFORMATION_SCHEMA tables: 20 s for
//     10,000 tables. myQuerier answers it with the same query over a
//     materialized (and so indexed) derived table: 1 s.
//   - every row it reads looks its table up by name in a list
//     (schema.Schema.Table), so reading grows with the square of the
//     number of tables: 5 s of CPU for 10,000 tables.
//
// For the second, mysqlInspector runs each of atlas's queries once, for
// all tables, keeps the rows in memory, and has atlas build the tables in
// batches, each from the rows of its own tables replayed through an
// in-memory database/sql driver. atlas's row handling stays in charge of
// every value; only the lists it searches are short. The queries are the
// same, and as many, whatever the number of tables.

// batchTables is the most tables atlas builds at once: at 1,000 tables its
// own searching costs some 50 ms.
const batchTables = 1000

// atlasFKsQuery is the fingerprint (see myFingerprint) of atlas's foreign
// keys query, for ariga.io/atlas v0.32.1-0.20250325101103-175b25e1c1b9.
const atlasFKsQuery = "945224463061b9db"

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

// myQuerier answers atlas's foreign keys query with myFKsQuery; every
// other query passes through.
type myQuerier struct {
	sqlschema.ExecQuerier
	missed counter32 // queries that looked like the foreign keys query but did not match it (tests)
}

// QueryContext implements sqlschema.ExecQuerier.
func (q *myQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if r, a, ok := q.substitute(query, args); ok {
		return q.ExecQuerier.QueryContext(ctx, r, a...)
	}
	return q.ExecQuerier.QueryContext(ctx, query, args...)
}

// substitute returns the fast query and its arguments for atlas's foreign
// keys query (arguments: the schema twice, then the tables).
func (q *myQuerier) substitute(query string, args []any) (string, []any, bool) {
	if !strings.Contains(query, "INFORMATION_SCHEMA.KEY_COLUMN_USAGE AS t1") || len(args) < 3 {
		return "", nil, false
	}
	if myFingerprint(query) != atlasFKsQuery {
		q.missed.Add(1)
		return "", nil, false
	}
	tables := args[2:]
	a := append([]any{args[0], args[0], args[0], args[0]}, tables...)
	return fmt.Sprintf(myFKsQuery, nArgs(len(tables))), a, true
}

// myFingerprint is fingerprint for MySQL's "?" placeholders.
func myFingerprint(query string) string {
	return fingerprint(reMyParams.ReplaceAllString(query, "?"))
}

var reMyParams = regexp.MustCompile(`\?(?:, \?)*`)

func nArgs(n int) string { return strings.Repeat("?, ", n-1) + "?" }

// counter32 is a count safe for concurrent use.
type counter32 = atomic.Int64

// mysqlInspector is atlas's MySQL inspector, on myQuerier, building large
// schemas in batches (see above).
type mysqlInspector struct {
	q     *myQuerier
	drv   migrate.Driver
	open  []*memResult // the rows of the queries mysql.Open ran (server variables)
	batch int          // batchTables; smaller in tests
}

func newMySQL(db sqlschema.ExecQuerier) (*mysqlInspector, error) {
	q := &myQuerier{ExecQuerier: db}
	rec := &recorder{ExecQuerier: q}
	drv, err := mysql.Open(rec)
	if err != nil {
		return nil, err
	}
	return &mysqlInspector{q: q, drv: drv, open: rec.results, batch: batchTables}, nil
}

// InspectRealm implements sqlschema.Inspector.
func (m *mysqlInspector) InspectRealm(ctx context.Context, opts *sqlschema.InspectRealmOption) (*sqlschema.Realm, error) {
	return m.drv.InspectRealm(ctx, opts)
}

// InspectSchema implements sqlschema.Inspector.
func (m *mysqlInspector) InspectSchema(ctx context.Context, name string, opts *sqlschema.InspectOptions) (*sqlschema.Schema, error) {
	if opts == nil {
		opts = &sqlschema.InspectOptions{}
	}
	if opts.Mode != 0 && !opts.Mode.Is(sqlschema.InspectTables) {
		return m.drv.InspectSchema(ctx, name, opts)
	}
	// First pass: atlas lists the tables; the queries of their columns,
	// indexes, keys and checks run for all of them and are kept, and
	// atlas is told there are none.
	first := &splitter{q: m.q, kept: map[string]*memResult{}}
	drv, err := mysql.Open(&replayer{exact: m.open, next: first})
	if err != nil {
		return nil, err
	}
	s, err := drv.InspectSchema(ctx, name, opts)
	if err != nil {
		return nil, err
	}
	if first.perTable == 0 {
		// No table, or atlas's queries were not recognized and it read
		// them as usual.
		return s, nil
	}
	var batches [][]string
	for i := 0; i < len(s.Tables); i += m.batch {
		var names []string
		for _, t := range s.Tables[i:min(i+m.batch, len(s.Tables))] {
			names = append(names, t.Name)
		}
		batches = append(batches, names)
	}
	built := make([]*sqlschema.Schema, len(batches))
	errs := make([]error, len(batches))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, names := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			built[i], errs[i] = m.batchSchema(ctx, name, opts, first, names)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s.Tables = s.Tables[:0]
	for _, b := range built {
		s.Tables = append(s.Tables, b.Tables...)
	}
	linkTables(s)
	return s, nil
}

// batchSchema has atlas build the tables names of schema name from the
// rows kept by the first pass.
func (m *mysqlInspector) batchSchema(ctx context.Context, name string, opts *sqlschema.InspectOptions, first *splitter, names []string) (*sqlschema.Schema, error) {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	r := &replayer{exact: append(append([]*memResult(nil), m.open...), first.exact...), byKind: first.kept, tables: set, next: m.q}
	drv, err := mysql.Open(r)
	if err != nil {
		return nil, err
	}
	bo := *opts
	bo.Tables = names
	return drv.InspectSchema(ctx, name, &bo)
}

// kindOf returns the INFORMATION_SCHEMA table a query reads first
// ("COLUMNS"), or "".
func kindOf(query string) string {
	m := reFromIS.FindStringSubmatch(query)
	if m == nil {
		return ""
	}
	return strings.ToUpper(m[1])
}

var reFromIS = regexp.MustCompile("(?i)\\bFROM\\s+`?INFORMATION_SCHEMA`?\\.`?(\\w+)`?")

// perTableKinds are the queries atlas runs for the tables it listed, with
// the table names as their last arguments.
var perTableKinds = map[string]bool{
	"COLUMNS": true, "STATISTICS": true, "KEY_COLUMN_USAGE": true,
	"CHECK_CONSTRAINTS": true, "TABLE_CONSTRAINTS": true,
}

// memResult is the rows of a query, in memory.
type memResult struct {
	query   string
	args    []any
	columns []string
	rows    [][]any
	table   int // the column holding the table name, or -1
}

func fetch(ctx context.Context, q sqlschema.ExecQuerier, query string, args []any) (*memResult, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	r := &memResult{query: query, args: args, columns: cols, table: -1}
	for i, c := range cols {
		if strings.EqualFold(c, "TABLE_NAME") {
			r.table = i
			break
		}
	}
	for rows.Next() {
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		r.rows = append(r.rows, row)
	}
	return r, rows.Err()
}

// sameCall reports whether query and args are those of r.
func (r *memResult) sameCall(query string, args []any) bool {
	if r.query != query || len(r.args) != len(args) {
		return false
	}
	return reflect.DeepEqual(r.args, args)
}

// recorder keeps the rows of every query it runs.
type recorder struct {
	sqlschema.ExecQuerier
	results []*memResult
}

func (r *recorder) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	res, err := fetch(ctx, r.ExecQuerier, query, args)
	if err != nil {
		return nil, err
	}
	r.results = append(r.results, res)
	return res.sqlRows(ctx, nil)
}

// splitter is the querier of the first pass: it keeps the rows of the
// schema and table listings (exact) and of the per-table queries
// (kept, by kind), and gives atlas no rows for the latter.
type splitter struct {
	q        sqlschema.ExecQuerier
	exact    []*memResult
	kept     map[string]*memResult
	perTable int
}

func (s *splitter) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return s.q.ExecContext(ctx, query, args...)
}

func (s *splitter) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	kind := kindOf(query)
	if kind == "" {
		return s.q.QueryContext(ctx, query, args...)
	}
	res, err := fetch(ctx, s.q, query, args)
	if err != nil {
		return nil, err
	}
	if !perTableKinds[kind] || res.table < 0 {
		s.exact = append(s.exact, res)
		if kind == "TABLES" && res.table >= 0 {
			s.kept[kind] = res
		}
		return res.sqlRows(ctx, nil)
	}
	s.kept[kind] = res
	s.perTable++
	return res.sqlRows(ctx, func([]any) bool { return false })
}

// replayer answers from memory the queries it has rows for: exact ones
// (same query and arguments), and those of a kind kept by the first pass,
// with the rows of its tables only. Any other query goes to next.
type replayer struct {
	exact  []*memResult
	byKind map[string]*memResult
	tables map[string]bool
	next   sqlschema.ExecQuerier
}

func (r *replayer) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return r.next.ExecContext(ctx, query, args...)
}

func (r *replayer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	for _, res := range r.exact {
		if res.sameCall(query, args) {
			return res.sqlRows(ctx, nil)
		}
	}
	if res, ok := r.byKind[kindOf(query)]; ok && r.tables != nil {
		return res.sqlRows(ctx, func(row []any) bool {
			return r.tables[asString(row[res.table])]
		})
	}
	return r.next.QueryContext(ctx, query, args...)
}

func asString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// sqlRows returns the rows of r that keep accepts (all when keep is nil)
// as *sql.Rows, through an in-memory driver: database/sql converts each
// value into the caller's Scan destinations as it did the original's.
func (r *memResult) sqlRows(ctx context.Context, keep func([]any) bool) (*sql.Rows, error) {
	rows := r.rows
	if keep != nil {
		rows = nil
		for _, row := range r.rows {
			if keep(row) {
				rows = append(rows, row)
			}
		}
	}
	memOnce.Do(func() { memDB = sql.OpenDB(memConnector{}) })
	key := fmt.Sprintf("replay %d", memSeq.Add(1))
	memPending.Store(key, &memRows{columns: r.columns, rows: rows})
	res, err := memDB.QueryContext(ctx, key)
	if err != nil {
		memPending.Delete(key)
		return nil, err
	}
	return res, nil
}

// The in-memory driver: its connections answer a query whose text is a
// key of memPending with those rows, once.
var (
	memOnce    sync.Once
	memDB      *sql.DB
	memSeq     atomic.Int64
	memPending sync.Map // key → *memRows
)

type memConnector struct{}

func (memConnector) Connect(context.Context) (driver.Conn, error) { return memConn{}, nil }
func (memConnector) Driver() driver.Driver                        { return memDriver{} }

type memDriver struct{}

func (memDriver) Open(string) (driver.Conn, error) { return memConn{}, nil }

type memConn struct{}

func (memConn) Prepare(string) (driver.Stmt, error) {
	return nil, errors.New("inspect: in-memory rows cannot prepare")
}
func (memConn) Close() error { return nil }
func (memConn) Begin() (driver.Tx, error) {
	return nil, errors.New("inspect: in-memory rows have no transactions")
}

func (memConn) QueryContext(_ context.Context, key string, _ []driver.NamedValue) (driver.Rows, error) {
	r, ok := memPending.LoadAndDelete(key)
	if !ok {
		return nil, fmt.Errorf("inspect: no in-memory rows for %q", key)
	}
	return r.(*memRows), nil
}

type memRows struct {
	columns []string
	rows    [][]any
	next    int
}

func (r *memRows) Columns() []string { return r.columns }
func (r *memRows) Close() error      { return nil }

func (r *memRows) Next(dest []driver.Value) error {
	if r.next >= len(r.rows) {
		return io.EOF
	}
	for i, v := range r.rows[r.next] {
		dest[i] = v
	}
	r.next++
	return nil
}
