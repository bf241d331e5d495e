package inspect

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	sqlschema "ariga.io/atlas/sql/schema"
)

// Large schemas: atlas's MySQL and PostgreSQL inspectors look the table of
// every row they read up by name in a list (schema.Schema.Table), so the
// work grows with the square of the number of tables: 5 s of CPU for
// 10,000 tables on MySQL, 7 s on PostgreSQL.
//
// batched runs each of atlas's queries once, for all tables, and keeps
// the rows in memory; atlas then builds the tables in batches, each from
// the rows of its own tables, replayed through an in-memory database/sql
// driver. atlas's row handling stays in charge of every value, only the
// lists it searches are short, and the queries are the same and as many.
// The per-table queries of the first pass (columns, indexes, keys,
// checks) run side by side when the database is a connection pool.
//
// The queries are told apart by what they return and take, not by their
// text: the first one returning a table_name column lists the tables, and
// the per-table ones end with the names of all the tables as arguments.
// A schema of at most batchTables tables is read by atlas in one pass,
// exactly as before.
type batched struct {
	open   func(sqlschema.ExecQuerier) (sqlschema.Inspector, error)
	q      sqlschema.ExecQuerier // the database, behind the dialect's substitutions
	pool   bool                  // q runs queries side by side
	drv    sqlschema.Inspector   // atlas on q
	opened []*memResult          // the rows of the queries open ran
	batch  int
}

// batchTables is the most tables atlas builds at once: at 1,000 tables its
// searching costs some 50 ms.
const batchTables = 1000

func newBatched(q sqlschema.ExecQuerier, pool bool, open func(sqlschema.ExecQuerier) (sqlschema.Inspector, error)) (*batched, error) {
	rec := &recorder{ExecQuerier: q}
	drv, err := open(rec)
	if err != nil {
		return nil, err
	}
	return &batched{open: open, q: q, pool: pool, drv: drv, opened: rec.results, batch: batchTables}, nil
}

// InspectRealm implements sqlschema.Inspector.
func (b *batched) InspectRealm(ctx context.Context, opts *sqlschema.InspectRealmOption) (*sqlschema.Realm, error) {
	return b.drv.InspectRealm(ctx, opts)
}

// InspectSchema implements sqlschema.Inspector.
func (b *batched) InspectSchema(ctx context.Context, name string, opts *sqlschema.InspectOptions) (*sqlschema.Schema, error) {
	first := &splitter{q: b.q, pool: b.pool, batch: b.batch}
	drv, err := b.open(&replayer{exact: b.opened, next: first})
	if err != nil {
		return nil, err
	}
	s, err := drv.InspectSchema(ctx, name, opts)
	if werr := first.wait(); err == nil {
		err = werr
	}
	if err != nil || len(first.kept) == 0 {
		// Few tables (atlas read them all as usual), or an error.
		return s, err
	}
	var batches []map[string]bool
	for i, t := range s.Tables {
		if i%b.batch == 0 {
			batches = append(batches, map[string]bool{})
		}
		batches[len(batches)-1][t.Name] = true
	}
	exact := append(append([]*memResult(nil), b.opened...), first.exact...)
	built := make([]*sqlschema.Schema, len(batches))
	errs := make([]error, len(batches))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, names := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			r := &replayer{exact: exact, perTable: first.kept, tables: names, next: b.q}
			drv, err := b.open(r)
			if err == nil {
				built[i], err = drv.InspectSchema(ctx, name, opts)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s.Tables = s.Tables[:0]
	for _, bs := range built {
		s.Tables = append(s.Tables, bs.Tables...)
	}
	linkTables(s)
	linkEnums(s)
	return s, nil
}

// linkEnums points the enum columns of s at the enum objects of s (a
// batch had its own copies).
func linkEnums(s *sqlschema.Schema) {
	enums := map[string]*sqlschema.EnumType{}
	for _, o := range s.Objects {
		if e, ok := o.(*sqlschema.EnumType); ok {
			enums[e.T] = e
		}
	}
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.Type == nil {
				continue
			}
			if e, ok := c.Type.Type.(*sqlschema.EnumType); ok && e.Schema != s {
				if se, ok := enums[e.T]; ok {
					c.Type.Type = se
				}
			}
		}
	}
}

// splitter is the querier of the first pass. It runs every query. The
// first that returns a table_name column lists the tables; when there are
// more than batch of them, the queries that end with all their names as
// arguments are kept, by shape (kept), and atlas is given no rows for
// them. The other queries' rows are kept too (exact), for the batches.
type splitter struct {
	q     sqlschema.ExecQuerier
	pool  bool
	batch int

	tables []any // the names the listing returned
	listed bool
	exact  []*memResult
	kept   map[string]*memResult
	wg     sync.WaitGroup
}

func (s *splitter) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return s.q.ExecContext(ctx, query, args...)
}

func (s *splitter) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s.listed && len(s.tables) > s.batch && endsWith(args, s.tables) {
		key := shapeKey(query, args[:len(args)-len(s.tables)])
		res := &memResult{query: query, args: args, table: -1, ready: make(chan struct{})}
		if s.kept == nil {
			s.kept = map[string]*memResult{}
		}
		s.kept[key] = res
		fill := func() {
			defer close(res.ready)
			got, err := fetch(ctx, s.q, query, args)
			if err == nil && got.table < 0 {
				err = fmt.Errorf("inspect: a query on all tables returned no table_name column: %s", firstLine(query))
			}
			if err != nil {
				res.err = err
				return
			}
			res.columns, res.rows, res.table = got.columns, got.rows, got.table
		}
		if s.pool {
			s.wg.Add(1)
			go func() { defer s.wg.Done(); fill() }()
		} else {
			fill()
		}
		return (&memResult{}).sqlRows(ctx, func([]any) bool { return false })
	}
	if s.listed && len(s.tables) <= s.batch {
		// One pass: atlas reads the rows as they come.
		return s.q.QueryContext(ctx, query, args...)
	}
	res, err := fetch(ctx, s.q, query, args)
	if err != nil {
		return nil, err
	}
	s.exact = append(s.exact, res)
	if !s.listed && res.table >= 0 {
		s.listed = true
		for _, row := range res.rows {
			s.tables = append(s.tables, asString(row[res.table]))
		}
		if len(s.tables) > s.batch {
			return withoutPartitions(res).sqlRows(ctx, nil)
		}
	}
	return res.sqlRows(ctx, nil)
}

// withoutPartitions returns the listing of the tables without their
// PostgreSQL partition keys (partition_* columns), for the first pass:
// atlas resolves a key's columns there, and the tables have none yet.
func withoutPartitions(res *memResult) *memResult {
	var cols []int
	for i, c := range res.columns {
		if strings.HasPrefix(strings.ToLower(c), "partition_") {
			cols = append(cols, i)
		}
	}
	if len(cols) == 0 {
		return res
	}
	out := *res
	out.rows = make([][]any, len(res.rows))
	for i, row := range res.rows {
		row = append([]any(nil), row...)
		for _, c := range cols {
			row[c] = nil
		}
		out.rows[i] = row
	}
	return &out
}

// wait waits for the per-table queries and returns their first error.
func (s *splitter) wait() error {
	s.wg.Wait()
	for _, r := range s.kept {
		<-r.ready
		if r.err != nil {
			return r.err
		}
	}
	return nil
}

// endsWith reports whether args ends with names.
func endsWith(args, names []any) bool {
	if len(args) < len(names) {
		return false
	}
	for i, n := range names {
		if args[len(args)-len(names)+i] != n {
			return false
		}
	}
	return true
}

// shapeKey is what a per-table query is known by whatever its tables: its
// text with every list of placeholders collapsed, and its other arguments.
func shapeKey(query string, lead []any) string {
	return reMyParams.ReplaceAllString(reParams.ReplaceAllString(query, "$"), "?") + fmt.Sprintf("\x00%q", lead)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// replayer answers from memory the queries it has rows for: exact ones
// (same query and arguments) and, for a batch, the per-table ones by shape,
// with the rows of its tables only (and the listing of the tables, too).
// Any other query goes to next.
type replayer struct {
	exact    []*memResult
	perTable map[string]*memResult
	tables   map[string]bool
	next     sqlschema.ExecQuerier
}

func (r *replayer) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return r.next.ExecContext(ctx, query, args...)
}

func (r *replayer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	mine := func(res *memResult) func([]any) bool {
		if r.tables == nil || res.table < 0 {
			return nil
		}
		return func(row []any) bool { return r.tables[asString(row[res.table])] }
	}
	for _, res := range r.exact {
		if res.sameCall(query, args) {
			return res.sqlRows(ctx, mine(res))
		}
	}
	if r.tables != nil && len(args) >= len(r.tables) {
		if res, ok := r.perTable[shapeKey(query, args[:len(args)-len(r.tables)])]; ok {
			return res.sqlRows(ctx, mine(res))
		}
	}
	return r.next.QueryContext(ctx, query, args...)
}

// memResult is the rows of a query, in memory.
type memResult struct {
	query   string
	args    []any
	columns []string
	rows    [][]any
	table   int // the column holding the table name, or -1

	ready chan struct{} // closed once rows are in (a query run in the background)
	err   error
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
		if strings.EqualFold(c, "table_name") {
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
	return r.query == query && reflect.DeepEqual(r.args, args)
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
// as *sql.Rows, through the in-memory driver: database/sql converts each
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
