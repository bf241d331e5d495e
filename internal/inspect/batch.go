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
// A schema of at most onePassTables tables is read by atlas in one pass,
// exactly as before.
type batched struct {
	open   func(sqlschema.ExecQuerier) (sqlschema.Inspector, error)
	q      sqlschema.ExecQuerier // the database, behind the dialect's substitutions
	pool   bool                  // q runs queries side by side
	drv    sqlschema.Inspector   // atlas on q
	opened []*memResult          // the rows of the queries open ran
	// onePass is the most tables read in one pass; above it, batch
	// tables are built at a time.
	onePass, batch int
}

// onePassTables is the most tables atlas reads in one pass, as usual, with
// the rows streamed to it: at 1,000 tables its searching costs some 50 ms,
// less than keeping the rows in memory (10-20 MB) and replaying them.
// Above it, tables are built batchTables at a time: the searching grows
// with the size of a batch, the replaying does not (10,000 tables on
// PostgreSQL: 1.5 s less CPU in batches of 250 than of 1,000).
const (
	onePassTables = 1000
	batchTables   = 250
)

func newBatched(q sqlschema.ExecQuerier, pool bool, open func(sqlschema.ExecQuerier) (sqlschema.Inspector, error)) (*batched, error) {
	rec := &recorder{ExecQuerier: q}
	drv, err := open(rec)
	if err != nil {
		return nil, err
	}
	return &batched{open: open, q: q, pool: pool, drv: drv, opened: rec.results, onePass: onePassTables, batch: batchTables}, nil
}

// InspectRealm implements sqlschema.Inspector.
func (b *batched) InspectRealm(ctx context.Context, opts *sqlschema.InspectRealmOption) (*sqlschema.Realm, error) {
	return b.drv.InspectRealm(ctx, opts)
}

// InspectSchema implements sqlschema.Inspector.
func (b *batched) InspectSchema(ctx context.Context, name string, opts *sqlschema.InspectOptions) (*sqlschema.Schema, error) {
	first := &splitter{q: b.q, pool: b.pool, onePass: b.onePass}
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
	// Each row goes to the batch of its table, once: a batch's replayer
	// then answers with its own rows only.
	batchOf := make(map[string]int, len(s.Tables))
	for i, t := range s.Tables {
		batchOf[t.Name] = i / b.batch
	}
	n := (len(s.Tables) + b.batch - 1) / b.batch
	exact := make([][]*memResult, n)
	for _, res := range append(append([]*memResult(nil), b.opened...), first.exact...) {
		for i, part := range res.byBatch(batchOf, n) {
			exact[i] = append(exact[i], part)
		}
	}
	perTable := make([]map[string]*memResult, n)
	for i := range perTable {
		perTable[i] = make(map[string]*memResult, len(first.kept))
	}
	for key, res := range first.kept {
		for i, part := range res.byBatch(batchOf, n) {
			perTable[i][key] = part
		}
	}
	built := make([]*sqlschema.Schema, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			tables := min(b.batch, len(s.Tables)-i*b.batch)
			r := &replayer{exact: exact[i], perTable: perTable[i], tables: tables, next: b.q}
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
// more than onePass of them, the queries that end with all their names as
// arguments are kept, by shape (kept), and atlas is given no rows for
// them. The other queries' rows are kept too (exact), for the batches.
type splitter struct {
	q       sqlschema.ExecQuerier
	pool    bool
	onePass int

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
	if s.listed && len(s.tables) > s.onePass && endsWith(args, s.tables) {
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
		return (&memResult{}).sqlRows(ctx)
	}
	if s.listed && len(s.tables) <= s.onePass {
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
		if len(s.tables) > s.onePass {
			return withoutPartitions(res).sqlRows(ctx)
		}
	}
	return res.sqlRows(ctx)
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
// (same query and arguments) and, for a batch of tables, the per-table
// ones by shape. A batch's results hold the rows of its tables only (see
// memResult.byBatch). Any other query goes to next.
type replayer struct {
	exact    []*memResult
	perTable map[string]*memResult
	tables   int // the number of tables of the batch; 0 in the first pass
	next     sqlschema.ExecQuerier
}

func (r *replayer) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return r.next.ExecContext(ctx, query, args...)
}

func (r *replayer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	for _, res := range r.exact {
		if res.sameCall(query, args) {
			return res.sqlRows(ctx)
		}
	}
	if r.tables > 0 && len(args) >= r.tables {
		if res, ok := r.perTable[shapeKey(query, args[:len(args)-r.tables])]; ok {
			return res.sqlRows(ctx)
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
	return res.sqlRows(ctx)
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

// byBatch returns r's rows split into n results by the batch of their
// table (batchOf); a row of a table no batch has is left out. A result
// with no table column is every batch's, whole (replaying only reads it).
func (r *memResult) byBatch(batchOf map[string]int, n int) []*memResult {
	out := make([]*memResult, n)
	for i := range out {
		out[i] = r
	}
	if r.table < 0 {
		return out
	}
	for i := range out {
		out[i] = &memResult{query: r.query, args: r.args, columns: r.columns, table: r.table}
	}
	for _, row := range r.rows {
		if i, ok := batchOf[asString(row[r.table])]; ok {
			out[i].rows = append(out[i].rows, row)
		}
	}
	return out
}

// sqlRows returns the rows of r as *sql.Rows, through the in-memory
// driver: database/sql converts each value into the caller's Scan
// destinations as it did the original's.
func (r *memResult) sqlRows(ctx context.Context) (*sql.Rows, error) {
	rows := r.rows
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
