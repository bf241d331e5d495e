package diff

import (
	"context"
	"database/sql"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/inspect"
)

// openDriver returns atlas's driver for d on db: its inspector, differ and
// planner. It is the one place that picks the inspector, so that the fast
// inspectors of internal/inspect can be swapped in later.
func openDriver(db sqlschema.ExecQuerier, d dialect.Name) (migrate.Driver, error) {
	var (
		drv migrate.Driver
		err error
	)
	switch d {
	case dialect.MySQL:
		drv, err = mysql.Open(db)
	case dialect.Postgres:
		drv, err = postgres.Open(db)
	case dialect.SQLite:
		drv, err = sqlite.Open(db)
	default:
		return nil, fmt.Errorf("diff: unknown dialect %q", d)
	}
	if err != nil {
		return nil, fmt.Errorf("diff: open %s driver: %w", d, err)
	}
	return drv, nil
}

// inspector returns the schema inspector for d on db: internal/inspect's
// fast ones.
func inspector(db sqlschema.ExecQuerier, d dialect.Name) (sqlschema.Inspector, error) {
	insp, err := inspect.New(db, d)
	if err != nil {
		return nil, fmt.Errorf("diff: %w", err)
	}
	return insp, nil
}

// skipped is a schema attribute listing the tables Inspect left out
// because atlas cannot read them (MariaDB INVISIBLE columns, system
// versioning, partitioning). Compute never creates or drops them.
type skipped struct {
	sqlschema.Attr
	tables map[string]bool
}

// triggers is a schema attribute holding the CREATE TRIGGER statements of
// each SQLite table, which a table rebuild must run again.
type triggers struct {
	sqlschema.Attr
	byTable map[string][]string
}

func sqliteTriggers(ctx context.Context, db *sql.DB) (*triggers, error) {
	rows, err := db.QueryContext(ctx, "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("diff: read triggers: %w", err)
	}
	defer rows.Close()
	t := &triggers{byTable: map[string][]string{}}
	for rows.Next() {
		var table, stmt string
		if err := rows.Scan(&table, &stmt); err != nil {
			return nil, fmt.Errorf("diff: read triggers: %w", err)
		}
		t.byTable[table] = append(t.byTable[table], stmt)
	}
	return t, rows.Err()
}

// normalized marks a schema returned by Normalize after a round trip
// through a scratch database.
type normalized struct{ sqlschema.Attr }

// Inspect reads the schema of the database db (the one opts.URL names),
// without the version tables and the tables Include/Exclude leave out. The
// notes name what the database holds that retort does not manage.
func Inspect(ctx context.Context, db *sql.DB, opts Options) (*sqlschema.Schema, []Note, error) {
	insp, err := inspector(db, opts.Dialect)
	if err != nil {
		return nil, nil, err
	}
	notes, skip, all, err := unmanaged(ctx, db, opts.Dialect)
	if err != nil {
		return nil, nil, err
	}
	io := &sqlschema.InspectOptions{Mode: sqlschema.InspectSchemas | sqlschema.InspectTables}
	if opts.Dialect == dialect.Postgres {
		io.Mode |= sqlschema.InspectTypes
	}
	// Name the tables to read when some are left out: atlas fails on a
	// whole schema for one table it cannot read, and the version tables,
	// whose names the user chooses, are never read at all.
	if all == nil {
		if all, err = tableNames(ctx, db, opts.Dialect); err != nil {
			return nil, nil, err
		}
	}
	var only []string
	for _, t := range all {
		if opts.manages(t) && !skip[t] {
			only = append(only, t)
		}
	}
	if len(only) < len(all) {
		io.Tables = only
		if len(io.Tables) == 0 {
			io.Tables = []string{"retort_no_such_table"}
		}
	}
	name := ""
	if opts.Dialect == dialect.SQLite {
		name = "main"
	}
	s, err := insp.InspectSchema(ctx, name, io)
	if err != nil {
		return nil, nil, fmt.Errorf("diff: inspect %s: %w", what(opts), err)
	}
	tables := s.Tables[:0]
	for _, t := range s.Tables {
		if opts.manages(t.Name) && !skip[t.Name] {
			tables = append(tables, t)
		}
	}
	s.Tables = tables
	// Atlas reads other schema objects (domains, composite types) with the
	// enums; retort manages enums only.
	objs := s.Objects[:0]
	for _, o := range s.Objects {
		if _, ok := o.(*sqlschema.EnumType); ok {
			objs = append(objs, o)
		}
	}
	s.Objects = objs
	s.Views, s.Funcs, s.Procs = nil, nil, nil
	fixInspected(opts.Dialect, s)
	if opts.Dialect == dialect.SQLite {
		trig, err := sqliteTriggers(ctx, db)
		if err != nil {
			return nil, nil, err
		}
		if len(trig.byTable) > 0 {
			s.Attrs = append(s.Attrs, trig)
		}
	}
	if len(skip) > 0 {
		s.Attrs = append(s.Attrs, &skipped{tables: skip})
	}
	return s, notes, nil
}

func what(opts Options) string {
	if opts.URL != nil {
		return opts.URL.String()
	}
	return string(opts.Dialect) + " database"
}

// manages reports whether retort manages table t: not a version, log or
// lock table, and allowed by Include/Exclude.
func (o Options) manages(t string) bool {
	vt := o.VersionTable
	if vt == "" {
		vt = "retort_version"
	}
	if t == vt || t == vt+"_log" || t == vt+"_lock" || (strings.HasPrefix(t, "retort_") && strings.Contains(t, "lock")) {
		return false
	}
	if len(o.Include) > 0 {
		in := false
		for _, p := range o.Include {
			if ok, _ := path.Match(p, t); ok {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	for _, p := range o.Exclude {
		if ok, _ := path.Match(p, t); ok {
			return false
		}
	}
	return true
}

// tableNames lists the base tables of the connected schema.
func tableNames(ctx context.Context, db *sql.DB, d dialect.Name) ([]string, error) {
	var q string
	switch d {
	case dialect.MySQL:
		q = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')"
	case dialect.Postgres:
		q = "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
	default:
		q = "SELECT name FROM sqlite_master WHERE type = 'table'"
	}
	return queryStrings(ctx, db, q)
}

func queryStrings(ctx context.Context, db *sql.DB, q string) ([]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("diff: query catalog: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("diff: query catalog: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("diff: query catalog: %w", err)
	}
	return out, nil
}

// catalogQuery finds one kind of unmanaged object. Its query returns one
// row per object: the object's name, and the table it belongs to ("" if
// none). skip says that the table is left out of inspection altogether.
type catalogQuery struct {
	kind string
	q    string
	text string // fmt with the object's name (and table)
	skip bool
	// tableType, instead of q, takes the objects from the MySQL listing
	// of mysqlTablesQuery with that TABLE_TYPE (the table is the object
	// itself when skip is set).
	tableType string
}

// mysqlTablesQuery lists the tables, views and sequences of a MySQL
// database with their types, for the listing of tables and three kinds
// of unmanaged objects at once: MariaDB reads every table's definition for
// each query on information_schema.TABLES (0.2 s a query at 10,000
// tables).
const mysqlTablesQuery = "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"

var catalogQueries = map[dialect.Name][]catalogQuery{
	dialect.MySQL: {
		{kind: "view", tableType: "VIEW",
			text: "view %s is not managed by retort: it is left as it is"},
		{kind: "trigger", q: "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()",
			text: "trigger %s (on table %s) is not managed by retort: it is left as it is"},
		{kind: "routine", q: "SELECT ROUTINE_NAME, '' FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()",
			text: "routine %s is not managed by retort: it is left as it is"},
		{kind: "sequence", tableType: "SEQUENCE",
			text: "sequence %s is not managed by retort: it is left as it is"},
		{kind: "system-versioned table", tableType: "SYSTEM VERSIONED",
			text: "table %s is system-versioned, which retort cannot read: it is left as it is, neither created, changed nor dropped", skip: true},
		{kind: "invisible column", q: "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME), TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND EXTRA LIKE '%INVISIBLE%'",
			text: "column %s is INVISIBLE, which retort cannot read: table %s is left as it is, neither created, changed nor dropped", skip: true},
		{kind: "partition", q: "SELECT DISTINCT TABLE_NAME, TABLE_NAME FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND PARTITION_NAME IS NOT NULL",
			text: "table %s is partitioned, which retort does not manage: it is left as it is, neither created, changed nor dropped", skip: true},
	},
	dialect.Postgres: {
		{kind: "view", q: "SELECT c.relname, '' FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('v', 'm')",
			text: "view %s is not managed by retort: it is left as it is"},
		{kind: "trigger", q: "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal",
			text: "trigger %s (on table %s) is not managed by retort: it is left as it is"},
		{kind: "routine", q: "SELECT p.proname, '' FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')",
			text: "routine %s is not managed by retort: it is left as it is"},
		{kind: "sequence", q: "SELECT c.relname, '' FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))",
			text: "sequence %s is not owned by a column and not managed by retort: it is left as it is"},
		{kind: "domain", q: "SELECT t.typname, '' FROM pg_type t WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype = 'd'",
			text: "domain %s is not managed by retort: it is left as it is"},
		{kind: "partition", q: "SELECT c.relname, c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND (c.relispartition OR c.relkind = 'p')",
			text: "table %s is partitioned or a partition, which retort does not manage: it is left as it is, neither created, changed nor dropped", skip: true},
	},
	dialect.SQLite: {
		{kind: "view", q: "SELECT name, '' FROM sqlite_master WHERE type = 'view'",
			text: "view %s is not managed by retort: it is left as it is"},
		{kind: "trigger", q: "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'",
			text: "trigger %s (on table %s) is not managed by retort: it is left as it is"},
	},
}

// unmanaged counts, from the catalog, what the connected schema holds
// that retort does not manage, and which tables must be left out of
// inspection. On MySQL it also returns the names of all the tables, which
// it reads anyway (nil elsewhere, or when there are none: see tableNames).
func unmanaged(ctx context.Context, db *sql.DB, d dialect.Name) ([]Note, map[string]bool, []string, error) {
	var (
		notes  []Note
		skip   map[string]bool
		listed []catalogObject // name and TABLE_TYPE
		tables []string
	)
	if d == dialect.MySQL {
		var err error
		if listed, err = catalogObjects(ctx, db, "tables", mysqlTablesQuery); err != nil {
			return nil, nil, nil, err
		}
		for _, o := range listed {
			if o.table == "BASE TABLE" || o.table == "SYSTEM VERSIONED" {
				tables = append(tables, o.name)
			}
		}
	}
	for _, cq := range catalogQueries[d] {
		var found []catalogObject
		if cq.tableType != "" {
			for _, o := range listed {
				if o.table == cq.tableType {
					o.table = ""
					if cq.skip {
						o.table = o.name
					}
					found = append(found, o)
				}
			}
		} else {
			var err error
			if found, err = catalogObjects(ctx, db, cq.kind, cq.q); err != nil {
				return nil, nil, nil, err
			}
		}
		for _, o := range found {
			var text string
			if strings.Count(cq.text, "%s") == 2 {
				text = fmt.Sprintf(cq.text, o.name, o.table)
			} else {
				text = fmt.Sprintf(cq.text, o.name)
			}
			notes = append(notes, Note{Kind: cq.kind, Object: o.name, Text: text})
			if cq.skip && o.table != "" {
				if skip == nil {
					skip = make(map[string]bool)
				}
				skip[o.table] = true
			}
		}
	}
	return notes, skip, tables, nil
}

// catalogObject is a row of a catalog query: an object's name and its
// table ("" if none).
type catalogObject struct{ name, table string }

// catalogObjects runs q, which finds objects of one kind, and returns
// them by name.
func catalogObjects(ctx context.Context, db *sql.DB, kind, q string) ([]catalogObject, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("diff: look for %ss: %w", kind, err)
	}
	defer rows.Close()
	var found []catalogObject
	for rows.Next() {
		var o catalogObject
		if err := rows.Scan(&o.name, &o.table); err != nil {
			return nil, fmt.Errorf("diff: look for %ss: %w", kind, err)
		}
		found = append(found, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("diff: look for %ss: %w", kind, err)
	}
	sort.Slice(found, func(i, j int) bool { return found[i].name < found[j].name })
	return found, nil
}

// fixInspected corrects what atlas reads wrong. SQLite: a column that is
// the whole INTEGER PRIMARY KEY aliases the rowid and can never be NULL,
// but reads as nullable unless declared NOT NULL.
func fixInspected(d dialect.Name, s *sqlschema.Schema) {
	if d == dialect.Postgres {
		fixSerials(s)
		return
	}
	if d != dialect.SQLite {
		return
	}
	for _, t := range s.Tables {
		// Atlas writes SQLite types without their size ("varchar" for
		// "varchar(100)"), so a rebuilt table would lose what the user
		// declared: keep the declared type.
		for _, c := range t.Columns {
			if c.Type == nil || !strings.Contains(c.Type.Raw, "(") {
				continue
			}
			raw := strings.ToLower(c.Type.Raw)
			switch ty := c.Type.Type.(type) {
			case *sqlschema.StringType:
				ty.T = raw
			case *sqlschema.DecimalType:
				ty.T = raw
			case *sqlschema.BinaryType:
				ty.T = raw
			}
		}
		rowidNotNull(t)
	}
}

// rowidNotNull marks a SQLite table's INTEGER PRIMARY KEY column NOT NULL:
// it aliases the rowid and can never be NULL.
func rowidNotNull(t *sqlschema.Table) {
	pk := t.PrimaryKey
	if pk == nil || len(pk.Parts) != 1 || pk.Parts[0].C == nil {
		return
	}
	c := pk.Parts[0].C
	if it, ok := c.Type.Type.(*sqlschema.IntegerType); ok && strings.EqualFold(it.T, "integer") {
		c.Type.Null = false
	}
}

// reNextval matches a column default that takes the next value of a
// sequence: nextval('<name>'::regclass), the name quoted when it must be.
var reNextval = regexp.MustCompile(`^nextval\('((?:[^']|'')+)'::regclass\)$`)

// fixSerials makes a serial column of PostgreSQL whose table or column name
// is not plain \w+ a serial again: atlas recognises the sequence of
// "<table>_<column>_seq" only when its name needs no quotes, and otherwise
// reads an integer with a nextval default, which no CREATE TABLE can run
// (the sequence is not there yet).
func fixSerials(s *sqlschema.Schema) {
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			x, ok := c.Default.(*sqlschema.RawExpr)
			if !ok {
				continue
			}
			m := reNextval.FindStringSubmatch(x.X)
			if m == nil {
				continue
			}
			seq := strings.ReplaceAll(m[1], "''", "'")
			if len(seq) >= 2 && seq[0] == '"' && seq[len(seq)-1] == '"' {
				seq = strings.ReplaceAll(seq[1:len(seq)-1], `""`, `"`)
			}
			if seq != t.Name+"_"+c.Name+"_seq" {
				continue
			}
			it, ok := c.Type.Type.(*sqlschema.IntegerType)
			if !ok {
				continue
			}
			st := &postgres.SerialType{SequenceName: seq}
			st.SetType(it)
			c.Type.Raw = st.T
			c.Type.Type = st
			c.Default = nil
		}
	}
}
