package diff

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"sync"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
)

// fallback marks a desired schema that could not be normalized; text
// says why, and Compute repeats it as a note.
type fallback struct {
	sqlschema.Attr
	text string
}

// Normalize returns desired as the server writes it back: its tables are
// created in a scratch database (Scratch) and inspected there. Attributes
// the server does not keep (the models' positions, rename hints) are
// carried over by name. Without the privilege to create a scratch
// database, Normalize returns a copy of desired marked so that Compute
// compares without normalization and says so in a note.
func Normalize(ctx context.Context, desired *sqlschema.Schema, opts Options) (*sqlschema.Schema, error) {
	if opts.Dialect == dialect.Postgres {
		desired = clone(desired)
		if err := resolveEnums(ctx, desired, opts); err != nil {
			return nil, err
		}
	}
	var (
		out *sqlschema.Schema
		err error
	)
	if opts.CacheDir != "" && !hasEnums(desired) {
		out, err = normalizeCached(ctx, desired, opts)
	} else {
		out, err = normalizeAll(ctx, desired, opts)
	}
	if err != nil {
		var perm *privilegeError
		if errors.As(err, &perm) {
			out := clone(desired)
			out.Attrs = append(out.Attrs, &fallback{text: fmt.Sprintf(
				"the models' schema was compared without normalization (%v): "+
					"expect spurious type or default changes; set [database] dev_url to a scratch database to avoid them", perm.err)})
			return out, nil
		}
		return nil, err
	}
	return out, nil
}

// normalizeAll creates all of desired in a scratch database.
func normalizeAll(ctx context.Context, desired *sqlschema.Schema, opts Options) (*sqlschema.Schema, error) {
	db, _, cleanup, err := Scratch(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	return normalizeIn(ctx, db, desired, opts)
}

// hasEnums reports whether s holds enum types (PostgreSQL), which the
// cache of normalized tables does not handle.
func hasEnums(s *sqlschema.Schema) bool {
	for _, o := range s.Objects {
		if _, ok := o.(*sqlschema.EnumType); ok {
			return true
		}
	}
	for _, t := range s.Tables {
		if hasEnumColumn(t) {
			return true
		}
	}
	return false
}

func normalizeIn(ctx context.Context, db *sql.DB, desired *sqlschema.Schema, opts Options) (*sqlschema.Schema, error) {
	d := opts.Dialect
	drv, err := openDriver(db, d)
	if err != nil {
		return nil, err
	}
	stmts, err := createStatements(drv, d, clone(desired))
	if err != nil {
		return nil, err
	}
	for _, stmt := range stmts {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return nil, refused(d, desired, stmt, err)
		}
	}
	io := &sqlschema.InspectOptions{Mode: sqlschema.InspectSchemas | sqlschema.InspectTables}
	if d == dialect.Postgres {
		io.Mode |= sqlschema.InspectTypes
	}
	name := ""
	if d == dialect.SQLite {
		name = "main"
	}
	insp, err := inspector(db, d)
	if err != nil {
		return nil, err
	}
	ns, err := insp.InspectSchema(ctx, name, io)
	if err != nil {
		return nil, fmt.Errorf("diff: normalize the models' schema: inspect: %w", err)
	}
	ns.Name = desired.Name
	ns.Views, ns.Funcs, ns.Procs = nil, nil, nil
	opts.stats.tables(len(ns.Tables))
	ns.Tables = inOrderOf(desired, ns.Tables)
	fixInspected(d, ns)
	nameInlineUniques(d, ns)
	ns.Attrs = append(withoutPrivate(ns.Attrs), &normalized{})
	carryAttrs(desired, ns)
	markImplicitCharsets(desired, ns)
	return ns, nil
}

// nameInlineUniques gives the indexes SQLite made for the inline UNIQUE
// constraints of the tables created from the models
// (sqlite_autoindex_<table>_<n>) the name atlas reads such an index as
// and the models give it, <table>_<columns>: the attributes of the
// models' index are then carried to it by name, and a database that
// holds the constraint, or an index of that name, is matched as before.
func nameInlineUniques(d dialect.Name, s *sqlschema.Schema) {
	if d != dialect.SQLite {
		return
	}
	for _, t := range s.Tables {
		for _, idx := range t.Indexes {
			if o, ok := attrOf[*sqlite.IndexOrigin](idx.Attrs); !ok || o.O != "u" || !strings.HasPrefix(idx.Name, "sqlite_autoindex_") {
				continue
			}
			name := t.Name
			for _, p := range idx.Parts {
				if p.C == nil {
					name = ""
					break
				}
				name += "_" + p.C.Name
			}
			if _, taken := t.Index(name); name != "" && !taken {
				idx.Name = name
			}
		}
	}
}

// carryAttrs copies the attributes the server does not keep (positions,
// rename hints, explicit names: any attribute not defined by atlas) from
// the models' tables, columns, indexes and keys to their normalized copies.
func carryAttrs(from, to *sqlschema.Schema) {
	keep := func(attrs []sqlschema.Attr) []sqlschema.Attr {
		var out []sqlschema.Attr
		for _, a := range withoutPrivate(attrs) {
			if !isAtlasAttr(a) {
				out = append(out, a)
			}
		}
		return out
	}
	toTable := lookup(to)
	for _, t := range from.Tables {
		nt, ok := toTable(t.Name)
		if !ok {
			continue
		}
		nt.Attrs = append(nt.Attrs, keep(t.Attrs)...)
		for _, c := range t.Columns {
			if nc, ok := nt.Column(c.Name); ok {
				nc.Attrs = append(nc.Attrs, keep(c.Attrs)...)
			}
		}
		for _, idx := range t.Indexes {
			if ni, ok := nt.Index(idx.Name); ok {
				ni.Attrs = append(ni.Attrs, keep(idx.Attrs)...)
			}
		}
		for _, fk := range t.ForeignKeys {
			if nf, ok := nt.ForeignKey(fk.Symbol); ok {
				nf.Attrs = append(nf.Attrs, keep(fk.Attrs)...)
			}
		}
	}
}

// isAtlasAttr reports whether a is one of atlas's own attributes, which
// the round trip through the server already accounts for.
func isAtlasAttr(a sqlschema.Attr) bool {
	t := reflect.TypeOf(a)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return strings.HasPrefix(t.PkgPath(), "ariga.io/")
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// privilegeError says the scratch database could not be created for lack
// of privilege.
type privilegeError struct{ err error }

func (e *privilegeError) Error() string { return "diff: create scratch database: " + e.err.Error() }
func (e *privilegeError) Unwrap() error { return e.err }

// Scratch gives an empty database to normalize in or to replay the
// revisions into (`check --from-migrations`): opts.DevURL when set (it
// must be empty; what is created in it is dropped by cleanup), else a new
// database retort_dev_<random> on the server of opts.URL (on PostgreSQL a
// schema of that name in opts.URL's database, which is much cheaper, and a
// database only if that fails); for SQLite an in-memory database (use
// db: every new connection to that URL is another, empty, database). u
// names the scratch (on PostgreSQL, with the scratch schema as its
// search_path). cleanup drops what was made and closes db; call it,
// deferred, whatever happens; calling it twice is harmless.
func Scratch(ctx context.Context, opts Options) (db *sql.DB, u *dburl.URL, cleanup func(), err error) {
	db, u, done, err := scratch(ctx, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	var once sync.Once
	return db, u, func() { once.Do(done) }, nil
}

func scratch(ctx context.Context, opts Options) (db *sql.DB, u *dburl.URL, cleanup func(), err error) {
	if opts.Dialect == dialect.SQLite {
		u, err := dburl.Parse("sqlite://:memory:", "")
		if err != nil {
			return nil, nil, nil, err
		}
		db, err := sql.Open(u.Driver, u.DSN)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("diff: open scratch database: %w", err)
		}
		// Every connection to :memory: is a database of its own: keep one.
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		// The scratch database holds tables without rows: each table and
		// index is one page, and 1 KiB pages keep 1,000 tables in 3 MB of
		// memory instead of 12.
		if _, err := db.ExecContext(ctx, "PRAGMA page_size = 1024"); err != nil {
			db.Close()
			return nil, nil, nil, fmt.Errorf("diff: open scratch database: %w", err)
		}
		return db, u, func() { db.Close() }, nil
	}
	if opts.DevURL != nil {
		db, err := opts.DevURL.Open(ctx)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("diff: dev_url: %w", err)
		}
		names, err := tableNames(ctx, db, opts.Dialect)
		if err != nil {
			db.Close()
			return nil, nil, nil, err
		}
		if len(names) > 0 {
			db.Close()
			return nil, nil, nil, fmt.Errorf("diff: dev_url %s is not empty (it holds table %s): retort needs a scratch database there", opts.DevURL, names[0])
		}
		return db, opts.DevURL, func() {
			emptyOut(context.Background(), db, opts.Dialect)
			db.Close()
		}, nil
	}
	if opts.URL == nil {
		return nil, nil, nil, errors.New("diff: no database url to make a scratch database next to")
	}
	admin, err := opts.URL.Open(ctx)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("diff: %w", err)
	}
	name := scratchName()
	q := opts.Dialect.QuoteIdent(name)
	var schemaErr error
	if opts.Dialect == dialect.Postgres {
		// A schema is much cheaper to make than a database.
		db, su, err := scratchSchema(ctx, admin, opts, name)
		if err == nil {
			return db, su, func() {
				db.Close()
				dropSchema(context.Background(), admin, name)
				admin.Close()
			}, nil
		}
		schemaErr = err
	}
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+q); err != nil {
		admin.Close()
		if schemaErr != nil {
			err = fmt.Errorf("%w; %v", err, schemaErr)
		}
		return nil, nil, nil, &privilegeError{err: err}
	}
	su := opts.URL.WithDatabase(name)
	drop := func() {
		stmt := "DROP DATABASE IF EXISTS " + q
		if opts.Dialect == dialect.Postgres {
			stmt += " WITH (FORCE)"
		}
		admin.ExecContext(context.Background(), stmt)
		admin.Close()
	}
	db, err = su.Open(ctx)
	if err != nil {
		drop()
		return nil, nil, nil, fmt.Errorf("diff: %w", err)
	}
	return db, su, func() { db.Close(); drop() }, nil
}

// scratchSchema creates schema name in the database of opts.URL and
// returns a connection, and a URL, whose search_path is that schema.
func scratchSchema(ctx context.Context, admin *sql.DB, opts Options, name string) (*sql.DB, *dburl.URL, error) {
	q := opts.Dialect.QuoteIdent(name)
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+q); err != nil {
		return nil, nil, err
	}
	raw := opts.URL.Secret()
	sep := "?"
	if strings.Contains(raw, "?") {
		sep = "&"
	}
	// Nothing made there is kept: its commits need not wait for the disk
	// (1,000 tables are some 4,000 statements, each its own transaction).
	su, err := dburl.Parse(raw+sep+"search_path="+url.QueryEscape(name)+"&synchronous_commit=off", "")
	var db *sql.DB
	if err == nil {
		db, err = su.Open(ctx)
	}
	if err != nil {
		dropSchema(context.Background(), admin, name)
		return nil, nil, err
	}
	return db, su, nil
}

// dropSchema drops the PostgreSQL schema name and all it holds. Its
// tables go first, a few hundred per statement: dropping thousands in one
// transaction takes a lock per table, index and sequence, more than the
// server's default lock table holds (max_locks_per_transaction).
func dropSchema(ctx context.Context, db *sql.DB, name string) {
	const batch = 200
	rows, err := db.QueryContext(ctx, "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = $1", name)
	if err == nil {
		var tables []string
		for rows.Next() {
			var t string
			if rows.Scan(&t) == nil {
				tables = append(tables, dialect.Postgres.QuoteIdent(name)+"."+dialect.Postgres.QuoteIdent(t))
			}
		}
		rows.Close()
		for len(tables) > 0 {
			n := min(batch, len(tables))
			if _, err := db.ExecContext(ctx, "DROP TABLE IF EXISTS "+strings.Join(tables[:n], ", ")+" CASCADE"); err != nil {
				break
			}
			tables = tables[n:]
		}
	}
	db.ExecContext(ctx, "DROP SCHEMA IF EXISTS "+dialect.Postgres.QuoteIdent(name)+" CASCADE")
}

func scratchName() string {
	var b [6]byte
	rand.Read(b[:])
	return "retort_dev_" + hex.EncodeToString(b[:])
}

// emptyOut drops every table (and enum type) of the connected schema.
func emptyOut(ctx context.Context, db *sql.DB, d dialect.Name) {
	drv, err := openDriver(db, d)
	if err != nil {
		return
	}
	insp, err := inspector(db, d)
	if err != nil {
		return
	}
	name := ""
	if d == dialect.SQLite {
		name = "main"
	}
	mode := sqlschema.InspectSchemas | sqlschema.InspectTables
	if d == dialect.Postgres {
		mode |= sqlschema.InspectTypes
	}
	cur, err := insp.InspectSchema(ctx, name, &sqlschema.InspectOptions{Mode: mode})
	if err != nil {
		return
	}
	empty := &sqlschema.Schema{Name: cur.Name, Attrs: cur.Attrs}
	changes, err := drv.SchemaDiff(cur, empty)
	if err != nil {
		return
	}
	p, err := planChanges(ctx, drv, d, "empty", changes)
	if err != nil {
		return
	}
	for _, c := range p.Changes {
		if _, err := db.ExecContext(ctx, c.Cmd); err != nil {
			return
		}
	}
}

// planner returns atlas's planner for d without a connection, for
// statements that do not depend on the server's version.
func planner(d dialect.Name) (migrate.PlanApplier, error) {
	switch d {
	case dialect.MySQL:
		return mysql.DefaultPlan, nil
	case dialect.Postgres:
		return postgres.DefaultPlan, nil
	case dialect.SQLite:
		return sqlite.DefaultPlan, nil
	}
	return nil, fmt.Errorf("diff: unknown dialect %q", d)
}

// CreateStatements returns the DDL that creates schema s from nothing
// (enum types, then tables, then the foreign keys of tables that refer to
// each other), for `retort schema`: written as a revision writes it, so
// on SQLite an INTEGER PRIMARY KEY is NOT NULL, as the database reports
// it once created.
func CreateStatements(d dialect.Name, s *sqlschema.Schema) ([]string, error) {
	pl, err := planner(d)
	if err != nil {
		return nil, err
	}
	s = clone(s)
	if d == dialect.SQLite {
		for _, t := range s.Tables {
			rowidNotNull(t)
		}
	}
	return createStatements(pl, d, s)
}

func createStatements(pl migrate.PlanApplier, d dialect.Name, s *sqlschema.Schema) ([]string, error) {
	if d == dialect.Postgres {
		ensureEnums(s)
	}
	var changes []sqlschema.Change
	for _, o := range s.Objects {
		changes = append(changes, &sqlschema.AddObject{O: o})
	}
	for _, t := range s.Tables {
		t.Attrs = withoutPrivate(t.Attrs)
		changes = append(changes, &sqlschema.AddTable{T: t})
	}
	if len(changes) == 0 {
		return nil, nil
	}
	p, err := planChanges(context.Background(), pl, d, "create", changes)
	if err != nil {
		return nil, fmt.Errorf("diff: plan create statements: %w", err)
	}
	return createCommands(d, p.Changes), nil
}

// createCommands returns the statements of planned creations, less the
// PRAGMA foreign_keys switches atlas's SQLite planner puts around them
// (the tables are new: there is no row to check).
func createCommands(d dialect.Name, planned []*migrate.Change) []string {
	out := make([]string, 0, len(planned))
	for _, c := range planned {
		if d == dialect.SQLite && strings.HasPrefix(c.Cmd, "PRAGMA foreign_keys") {
			continue
		}
		out = append(out, c.Cmd)
	}
	return out
}

func noQualifier(o *migrate.PlanOptions) {
	empty := ""
	o.SchemaQualifier = &empty
}

// inOrderOf returns tables in the order of the tables of s (the others
// after them, as they were), so that a normalized schema does not depend
// on the order the server lists its tables in.
func inOrderOf(s *sqlschema.Schema, tables []*sqlschema.Table) []*sqlschema.Table {
	pos := make(map[string]int, len(s.Tables))
	for i, t := range s.Tables {
		pos[t.Name] = i
	}
	out := append([]*sqlschema.Table(nil), tables...)
	sort.SliceStable(out, func(i, j int) bool {
		pi, iok := pos[out[i].Name]
		pj, jok := pos[out[j].Name]
		switch {
		case iok && jok:
			return pi < pj
		case iok != jok:
			return iok
		}
		return false
	})
	return out
}
