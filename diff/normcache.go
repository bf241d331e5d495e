package diff

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/buildkey"
	"golang.org/x/sync/errgroup"
)

// The normalization cache: a table's normalized form depends only on the
// statements that create it (and the tables its foreign keys reference),
// on the dialect and on the server's version. Options.CacheDir keeps the
// normalized tables under a hash of those, so that a run normalizes only
// the tables it has not seen before, all in one batch in the scratch
// database; a run whose tables are all known creates no scratch database
// at all. An entry is written only when it reads back as exactly the value
// that was inspected (reflect.DeepEqual of the encoded form), so a type the
// encoding cannot carry is simply never cached.

// cacheFormat is part of every key: bump it when the encoding changes.
const cacheFormat = "retort-normalize-2"

// cTable is the stored form of a normalized table: its objects, with the
// pointers between them written as names and positions.
type cTable struct {
	Name    string
	Columns []cColumn
	Indexes []cIndex
	PK      *cIndex
	FKs     []cFK
	Attrs   []wv
}

type cColumn struct {
	Name    string
	Type    wv
	Raw     string
	Null    bool
	HasType bool
	Default wv
	Attrs   []wv
	Indexes []int // positions in the table's Indexes; -1 is the primary key
	FKs     []int // positions in the table's FKs
}

type cIndex struct {
	Name   string
	Unique bool
	Attrs  []wv
	Parts  []cPart
}

type cPart struct {
	SeqNo int
	Desc  bool
	X     wv
	C     string
	HasC  bool
	Attrs []wv
}

type cFK struct {
	Symbol     string
	Columns    []string
	RefTable   string
	RefColumns []string
	OnUpdate   sqlschema.ReferenceOption
	OnDelete   sqlschema.ReferenceOption
	Attrs      []wv
}

// cEntry is one cache file: a table, or the schema's own attributes.
type cEntry struct {
	Table *cTable
	Attrs []wv
}

// wv is a value behind an interface (a Type, Expr or Attr): the value
// itself, and whether it was a pointer to it.
type wv struct {
	Ptr bool
	V   any
}

func wrap(v any) wv {
	if v == nil {
		return wv{}
	}
	registerOnce.Do(registerTypes)
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && !asPointer[rv.Type()] {
		return wv{Ptr: true, V: rv.Elem().Interface()}
	}
	return wv{V: v}
}

func (w wv) value() any {
	if w.V == nil || !w.Ptr {
		return w.V
	}
	rv := reflect.ValueOf(w.V)
	p := reflect.New(rv.Type())
	p.Elem().Set(rv)
	return p.Interface()
}

func wrapAttrs(as []sqlschema.Attr) []wv {
	var out []wv
	for _, a := range as {
		out = append(out, wrap(a))
	}
	return out
}

func unwrapAttrs(ws []wv) []sqlschema.Attr {
	var out []sqlschema.Attr
	for _, w := range ws {
		a, _ := w.value().(sqlschema.Attr)
		out = append(out, a)
	}
	return out
}

func unwrapType(w wv) sqlschema.Type {
	t, _ := w.value().(sqlschema.Type)
	return t
}

func unwrapExpr(w wv) sqlschema.Expr {
	x, _ := w.value().(sqlschema.Expr)
	return x
}

var (
	registerOnce sync.Once
	asPointer    = map[reflect.Type]bool{} // types gob knows as pointers
)

// registerTypes tells gob the concrete types that atlas's inspectors put
// behind the Type, Expr and Attr interfaces.
func registerTypes() {
	for _, v := range []any{
		&sqlschema.BinaryType{}, &sqlschema.BoolType{}, &sqlschema.DecimalType{}, &sqlschema.EnumType{},
		&sqlschema.FloatType{}, &sqlschema.IntegerType{}, &sqlschema.JSONType{}, &sqlschema.SpatialType{},
		&sqlschema.StringType{}, &sqlschema.TimeType{}, &sqlschema.UUIDType{}, &sqlschema.UnsupportedType{},
		&sqlschema.Charset{}, &sqlschema.Collation{}, &sqlschema.Comment{}, &sqlschema.Check{},
		&sqlschema.GeneratedExpr{}, &sqlschema.Literal{}, &sqlschema.RawExpr{},
		&mysql.AutoIncrement{}, &mysql.BitType{}, &mysql.CreateOptions{}, &mysql.DisplayWidth{}, &mysql.Enforced{},
		&mysql.Engine{}, &mysql.IndexType{}, &mysql.NetworkType{}, &mysql.OnUpdate{}, &mysql.SetType{},
		&mysql.SubPart{}, &mysql.ZeroFill{},
		&postgres.ArrayType{}, &postgres.BitType{}, &postgres.Constraint{},
		&postgres.CurrencyType{}, &postgres.Identity{}, &postgres.IndexColumnProperty{}, &postgres.IndexInclude{},
		&postgres.IndexNullsDistinct{}, &postgres.IndexOpClass{}, &postgres.IndexPredicate{},
		&postgres.IndexStorageParams{}, &postgres.IndexType{}, &postgres.IntervalType{}, &postgres.NetworkType{},
		&postgres.NoInherit{}, &postgres.OIDType{}, &postgres.RangeType{}, &postgres.SerialType{},
		&postgres.TextSearchType{}, &postgres.UserDefinedType{}, &postgres.XMLType{},
		&sqlite.AutoIncrement{}, &sqlite.IndexOrigin{}, &sqlite.IndexPredicate{}, &sqlite.UserDefinedType{},
		&sqlite.WithoutRowID{}, &sqlite.Strict{}, &mysql.CreateStmt{}, &postgres.Sequence{},
		&sqlite.File{}, &sqlite.CreateStmt{}, &postgres.OID{},
	} {
		// gob knows a type either as a value or behind a pointer, not
		// both: register the values, and let wrap say which it was.
		gob.Register(reflect.ValueOf(v).Elem().Interface())
	}
	// These are met inside other values (a check's attributes), as
	// pointers.
	for _, v := range []any{&postgres.CheckColumns{}} {
		gob.Register(v)
		asPointer[reflect.TypeOf(v)] = true
	}
}

// encodeTable writes t's objects with names and positions for pointers.
func encodeTable(t *sqlschema.Table) *cTable {
	ct := &cTable{Name: t.Name, Attrs: wrapAttrs(t.Attrs)}
	idxPos := map[*sqlschema.Index]int{}
	for i, idx := range t.Indexes {
		idxPos[idx] = i
		ct.Indexes = append(ct.Indexes, encodeIndex(idx))
	}
	if t.PrimaryKey != nil {
		idxPos[t.PrimaryKey] = -1
		pk := encodeIndex(t.PrimaryKey)
		ct.PK = &pk
	}
	fkPos := map[*sqlschema.ForeignKey]int{}
	for i, fk := range t.ForeignKeys {
		fkPos[fk] = i
		cf := cFK{Symbol: fk.Symbol, OnUpdate: fk.OnUpdate, OnDelete: fk.OnDelete, Attrs: wrapAttrs(fk.Attrs)}
		for _, c := range fk.Columns {
			cf.Columns = append(cf.Columns, c.Name)
		}
		if fk.RefTable != nil {
			cf.RefTable = fk.RefTable.Name
		}
		for _, c := range fk.RefColumns {
			cf.RefColumns = append(cf.RefColumns, c.Name)
		}
		ct.FKs = append(ct.FKs, cf)
	}
	for _, c := range t.Columns {
		cc := cColumn{Name: c.Name, Default: wrap(c.Default), Attrs: wrapAttrs(c.Attrs)}
		if c.Type != nil {
			cc.HasType, cc.Type, cc.Raw, cc.Null = true, wrap(c.Type.Type), c.Type.Raw, c.Type.Null
		}
		for _, idx := range c.Indexes {
			cc.Indexes = append(cc.Indexes, idxPos[idx])
		}
		for _, fk := range c.ForeignKeys {
			cc.FKs = append(cc.FKs, fkPos[fk])
		}
		ct.Columns = append(ct.Columns, cc)
	}
	return ct
}

func encodeIndex(idx *sqlschema.Index) cIndex {
	ci := cIndex{Name: idx.Name, Unique: idx.Unique, Attrs: wrapAttrs(idx.Attrs)}
	for _, p := range idx.Parts {
		cp := cPart{SeqNo: p.SeqNo, Desc: p.Desc, X: wrap(p.X), Attrs: wrapAttrs(p.Attrs)}
		if p.C != nil {
			cp.C, cp.HasC = p.C.Name, true
		}
		ci.Parts = append(ci.Parts, cp)
	}
	return ci
}

// decodeTable builds the table of ct in s; foreign keys reference other
// tables by name and are linked by linkRefs once all tables are in s.
func decodeTable(ct *cTable, s *sqlschema.Schema) *sqlschema.Table {
	t := &sqlschema.Table{Name: ct.Name, Schema: s, Attrs: unwrapAttrs(ct.Attrs)}
	cols := map[string]*sqlschema.Column{}
	for _, cc := range ct.Columns {
		c := &sqlschema.Column{Name: cc.Name, Default: unwrapExpr(cc.Default), Attrs: unwrapAttrs(cc.Attrs)}
		if cc.HasType {
			c.Type = &sqlschema.ColumnType{Type: unwrapType(cc.Type), Raw: cc.Raw, Null: cc.Null}
		}
		cols[c.Name] = c
		t.Columns = append(t.Columns, c)
	}
	index := func(ci cIndex) *sqlschema.Index {
		idx := &sqlschema.Index{Name: ci.Name, Unique: ci.Unique, Table: t, Attrs: unwrapAttrs(ci.Attrs)}
		for _, cp := range ci.Parts {
			p := &sqlschema.IndexPart{SeqNo: cp.SeqNo, Desc: cp.Desc, X: unwrapExpr(cp.X), Attrs: unwrapAttrs(cp.Attrs)}
			if cp.HasC {
				p.C = cols[cp.C]
			}
			idx.Parts = append(idx.Parts, p)
		}
		return idx
	}
	for _, ci := range ct.Indexes {
		t.Indexes = append(t.Indexes, index(ci))
	}
	if ct.PK != nil {
		t.PrimaryKey = index(*ct.PK)
	}
	for _, cf := range ct.FKs {
		fk := &sqlschema.ForeignKey{Symbol: cf.Symbol, Table: t, OnUpdate: cf.OnUpdate, OnDelete: cf.OnDelete, Attrs: unwrapAttrs(cf.Attrs)}
		for _, n := range cf.Columns {
			fk.Columns = append(fk.Columns, cols[n])
		}
		t.ForeignKeys = append(t.ForeignKeys, fk)
	}
	for i, cc := range ct.Columns {
		c := t.Columns[i]
		for _, p := range cc.Indexes {
			if p == -1 {
				c.Indexes = append(c.Indexes, t.PrimaryKey)
			} else {
				c.Indexes = append(c.Indexes, t.Indexes[p])
			}
		}
		for _, p := range cc.FKs {
			c.ForeignKeys = append(c.ForeignKeys, t.ForeignKeys[p])
		}
	}
	return t
}

// linkRefs points the foreign keys of the tables decoded from cts at
// their referenced tables and columns in s.
func linkRefs(s *sqlschema.Schema, decoded map[*sqlschema.Table]*cTable) error {
	sTable := lookup(s)
	for t, ct := range decoded {
		for i, cf := range ct.FKs {
			fk := t.ForeignKeys[i]
			ref, ok := sTable(cf.RefTable)
			if !ok {
				return fmt.Errorf("table %s is not there", cf.RefTable)
			}
			fk.RefTable = ref
			for _, n := range cf.RefColumns {
				c, ok := ref.Column(n)
				if !ok {
					return fmt.Errorf("column %s.%s is not there", cf.RefTable, n)
				}
				fk.RefColumns = append(fk.RefColumns, c)
			}
		}
	}
	return nil
}

func encodeEntry(e *cEntry) ([]byte, error) {
	registerOnce.Do(registerTypes)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(e); err != nil {
		return nil, err
	}
	// Store only what reads back as it was: gob leaves out unexported
	// fields, and some types may not survive.
	back, err := decodeEntry(buf.Bytes())
	if err != nil {
		return nil, err
	}
	if !reflect.DeepEqual(e, back) {
		return nil, fmt.Errorf("the entry does not read back as written")
	}
	return buf.Bytes(), nil
}

func decodeEntry(b []byte) (*cEntry, error) {
	registerOnce.Do(registerTypes)
	e := new(cEntry)
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(e); err != nil {
		return nil, err
	}
	return e, nil
}

// normCache is the cache directory of one Normalize call: a folder of the
// running build's under Options.CacheDir, so that a fix to inspection or
// normalization never meets entries an older build wrote (gob would fill
// a field atlas added with its zero value). The folders of builds that
// are gone are removed when this build first writes its own.
type normCache struct {
	dir   string // this build's folder
	root  string // Options.CacheDir
	build string // buildkey.Self()
	once  *sync.Once
}

// cacheFor is the cache of the running build under root; one with no
// folder (nothing read, nothing written) when the build cannot be named.
func cacheFor(root string) normCache {
	build := buildkey.Self()
	if root == "" || build == "" {
		return normCache{once: new(sync.Once)}
	}
	h := sha256.Sum256([]byte(build))
	return normCache{dir: filepath.Join(root, "build-"+hex.EncodeToString(h[:8])), root: root, build: build, once: new(sync.Once)}
}

// claim makes this build's folder, private to the user, with a file
// naming the build, and removes the folders of builds gone; once.
func (c normCache) claim() {
	c.once.Do(func() {
		if c.root == "" {
			return
		}
		if err := os.MkdirAll(c.dir, 0o700); err != nil {
			return
		}
		marker := filepath.Join(c.dir, "build")
		if _, err := os.Stat(marker); err == nil {
			return
		}
		os.WriteFile(marker, []byte(c.build), 0o600)
		entries, err := os.ReadDir(c.root)
		if err != nil {
			return
		}
		for _, e := range entries {
			p := filepath.Join(c.root, e.Name())
			if !e.IsDir() || !strings.HasPrefix(e.Name(), "build-") || p == c.dir {
				continue
			}
			if b, err := os.ReadFile(filepath.Join(p, "build")); err != nil || buildkey.Gone(string(b)) {
				os.RemoveAll(p)
			}
		}
	})
}

func (c normCache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".gob")
}

func (c normCache) load(key string) *cEntry {
	if c.root == "" {
		return nil
	}
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil
	}
	e, err := decodeEntry(b)
	if err != nil {
		return nil
	}
	return e
}

// store writes e under key and reports whether it did; a failure only
// costs a later miss.
func (c normCache) store(key string, e *cEntry) bool {
	b, err := encodeEntry(e)
	if err != nil {
		return false
	}
	return c.write(c.path(key), b)
}

// write puts b in the file at p, whole or not at all.
func (c normCache) write(p string, b []byte) bool {
	if c.root == "" {
		return false
	}
	c.claim()
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return false
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return false
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return false
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return false
	}
	return true
}

// A pack holds, in one file, the entries of a set of tables (by name)
// that earlier runs used: reading thousands of entries from one gob
// stream costs a fraction of decoding as many files (gob compiles its
// decoders per stream). A run whose entries are all in the pack reads
// nothing else and writes nothing; otherwise it reads the others from
// their files and rewrites the pack with its own entries and, up to twice
// the number of tables, those already there (so that two states of the
// models, as a branch switch makes, both stay in it).
type pack map[string]*cEntry

func (c normCache) packPath(tables []string, base ...string) string {
	names := append([]string(nil), tables...)
	sort.Strings(names)
	key := hashKey(append(append([]string(nil), base...), "pack", strings.Join(names, "\x00"))...)
	return filepath.Join(c.dir, "packs", key+".gob")
}

func (c normCache) loadPack(p string) pack {
	if c.root == "" {
		return nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	registerOnce.Do(registerTypes)
	var pk pack
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&pk); err != nil {
		return nil
	}
	return pk
}

// storePack writes the entries used and as many of old's as fit, only
// if they read back as written. The pack is checked whole, in one gob
// stream that describes each type once, and entry by entry, to leave out
// those that do not read back, only when that fails.
func (c normCache) storePack(p string, used, old pack, limit int) {
	out := make(pack, len(used))
	for k, e := range used {
		out[k] = e
	}
	for k, e := range old {
		if len(out) >= limit {
			break
		}
		out[k] = e
	}
	b, err := encodePack(out)
	if err != nil {
		for k, e := range out {
			if _, err := encodeEntry(e); err != nil {
				delete(out, k)
			}
		}
		if b, err = encodePack(out); err != nil {
			return
		}
	}
	c.write(p, b)
}

// encodePack encodes pk, or fails when it does not read back as it was.
func encodePack(pk pack) ([]byte, error) {
	registerOnce.Do(registerTypes)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(pk); err != nil {
		return nil, err
	}
	var back pack
	if err := gob.NewDecoder(bytes.NewReader(buf.Bytes())).Decode(&back); err != nil {
		return nil, err
	}
	if !reflect.DeepEqual(pk, back) {
		return nil, fmt.Errorf("the pack does not read back as written")
	}
	return buf.Bytes(), nil
}

func hashKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s\n", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// serverVersion returns the full version string of the server that
// normalizes (the scratch database's), and a driver on it to plan with.
func serverVersion(ctx context.Context, opts Options) (string, migrate.Driver, func(), error) {
	var (
		db    *sql.DB
		close = func() {}
		err   error
	)
	switch {
	case opts.Dialect == dialect.SQLite:
		db, err = sql.Open("sqlite", ":memory:") // the scratch of SQLite is in-process
		if err != nil {
			return "", nil, nil, fmt.Errorf("diff: open sqlite: %w", err)
		}
		close = func() { db.Close() }
	case opts.DevURL != nil:
		db, err = opts.DevURL.Open(ctx)
		if err != nil {
			return "", nil, nil, fmt.Errorf("diff: dev_url: %w", err)
		}
		close = func() { db.Close() }
	case opts.DB != nil:
		db = opts.DB
	case opts.URL != nil:
		db, err = opts.URL.Open(ctx)
		if err != nil {
			return "", nil, nil, fmt.Errorf("diff: %w", err)
		}
		close = func() { db.Close() }
	default:
		return "", nil, nil, fmt.Errorf("diff: no database url to normalize on")
	}
	q := map[dialect.Name]string{
		dialect.MySQL:    "SELECT VERSION()",
		dialect.Postgres: "SELECT version()",
		dialect.SQLite:   "SELECT sqlite_version()",
	}[opts.Dialect]
	var v string
	if err := db.QueryRowContext(ctx, q).Scan(&v); err != nil {
		close()
		return "", nil, nil, fmt.Errorf("diff: read the server version: %w", err)
	}
	drv, err := openDriver(db, opts.Dialect)
	if err != nil {
		close()
		return "", nil, nil, err
	}
	return v, drv, close, nil
}

// tableStatements plans the creation of each table of s on its own, for
// the cache's keys, and of the schema's other objects (s is modified).
// Planning all tables in one go would cost atlas a sort of every change
// against every other: quadratic, 16 s of CPU at 10,000 tables.
func tableStatements(ctx context.Context, pl migrate.PlanApplier, d dialect.Name, s *sqlschema.Schema) (map[string]string, string, error) {
	if d == dialect.Postgres {
		ensureEnums(s)
	}
	var tables []sqlschema.Change
	for _, t := range s.Tables {
		tables = append(tables, &sqlschema.AddTable{T: t})
	}
	restoreInline, fixInline := prepareSQLite(d, tables)
	defer restoreInline()
	restore, _ := escapeNames(d, s) // creations only: no row is copied
	defer restore()
	plan := func(changes []sqlschema.Change) (string, error) {
		p, err := pl.PlanChanges(ctx, "key", changes, noQualifier)
		if err != nil {
			return "", fmt.Errorf("diff: plan create statements: %w", err)
		}
		for _, c := range p.Changes {
			c.Cmd = fixInline(c.Cmd)
		}
		return strings.Join(createCommands(d, p.Changes), ";\n"), nil
	}
	var (
		objects []sqlschema.Change
		global  string
		err     error
	)
	for _, o := range s.Objects {
		objects = append(objects, &sqlschema.AddObject{O: o})
	}
	if len(objects) > 0 {
		if global, err = plan(objects); err != nil {
			return nil, "", err
		}
	}
	out := make(map[string]string, len(s.Tables))
	for _, t := range s.Tables {
		t.Attrs = withoutPrivate(t.Attrs)
		if d == dialect.Postgres {
			// Each index is a statement of its own, and their order
			// changes nothing the inspector reads (it lists indexes by
			// name): the same table keys the same entry whatever order
			// its indexes come in (the models', the revisions').
			sort.SliceStable(t.Indexes, func(i, j int) bool { return t.Indexes[i].Name < t.Indexes[j].Name })
		}
		if out[t.Name], err = plan([]sqlschema.Change{&sqlschema.AddTable{T: t}}); err != nil {
			return nil, "", err
		}
	}
	return out, global, nil
}

// normalizeCached is Normalize with the cache of opts.CacheDir: only the
// tables it does not know (and the tables their foreign keys reference)
// are created in a scratch database, in one batch.
func normalizeCached(ctx context.Context, desired *sqlschema.Schema, opts Options) (*sqlschema.Schema, error) {
	d := opts.Dialect
	version, drv, closeV, err := serverVersion(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer closeV()
	refs := references(desired)
	keys, err := tableKeys(ctx, drv, d, version, desired, refs)
	if err != nil {
		return nil, err
	}
	where := ""
	if opts.DevURL != nil {
		where = opts.DevURL.String()
	}
	schemaKey := hashKey(cacheFormat, string(d), version, "schema attributes", where)
	var names []string
	for _, t := range desired.Tables {
		names = append(names, t.Name)
	}
	lk := newLookup(cacheFor(opts.CacheDir), names, cacheFormat, string(d), version, where)
	defer lk.save(2*len(desired.Tables) + 1)
	entries := map[string]*cTable{}
	var misses []string
	for _, t := range desired.Tables {
		if e := lk.load(keys[t.Name]); e != nil && e.Table != nil && e.Table.Name == t.Name {
			entries[t.Name] = e.Table
		} else {
			misses = append(misses, t.Name)
		}
	}
	se := lk.load(schemaKey)
	if se != nil && len(misses) == 0 {
		return assembleCached(desired, unwrapAttrs(se.Attrs), entries)
	}
	schemaAttrs, err := normalizeMissed(ctx, drv, opts, desired, misses, refs, keys, entries, lk)
	if err != nil {
		return nil, err
	}
	if e := (&cEntry{Attrs: wrapAttrs(schemaAttrs)}); lk.cache.store(schemaKey, e) {
		lk.used[schemaKey] = e
	}
	return assembleCached(desired, schemaAttrs, entries)
}

// references lists, by table, the other tables its foreign keys point to,
// sorted.
func references(desired *sqlschema.Schema) map[string][]string {
	refs := map[string][]string{}
	for _, t := range desired.Tables {
		seen := map[string]bool{t.Name: true}
		for _, fk := range t.ForeignKeys {
			if fk.RefTable != nil && !seen[fk.RefTable.Name] {
				seen[fk.RefTable.Name] = true
				refs[t.Name] = append(refs[t.Name], fk.RefTable.Name)
			}
		}
		sort.Strings(refs[t.Name])
	}
	return refs
}

// tableKeys is each table's cache key: its create statement, and those of
// the tables it references, on this server version.
func tableKeys(ctx context.Context, drv migrate.Driver, d dialect.Name, version string, desired *sqlschema.Schema, refs map[string][]string) (map[string]string, error) {
	byTable, global, err := tableStatements(ctx, drv, d, clone(desired))
	if err != nil {
		return nil, err
	}
	base := []string{cacheFormat, string(d), version, global}
	keys := map[string]string{}
	for _, t := range desired.Tables {
		parts := append(append([]string(nil), base...), "table", byTable[t.Name])
		for _, r := range refs[t.Name] {
			parts = append(parts, "references "+r, byTable[r])
		}
		keys[t.Name] = hashKey(parts...)
	}
	return keys, nil
}

// cacheLookup reads entries from the pack of a set of tables, then from
// their own files, and keeps the entries used, to write the pack back.
type cacheLookup struct {
	cache    normCache
	packPath string
	old      pack // the pack as read
	used     pack // the entries that are in the cache, for the pack
	fromPack bool // whether every entry came from the pack
}

func newLookup(cache normCache, names []string, base ...string) *cacheLookup {
	p := cache.packPath(names, base...)
	return &cacheLookup{cache: cache, packPath: p, old: cache.loadPack(p), used: pack{}, fromPack: true}
}

func (l *cacheLookup) load(key string) *cEntry {
	if e, ok := l.old[key]; ok {
		l.used[key] = e
		return e
	}
	l.fromPack = false
	e := l.cache.load(key)
	if e != nil {
		l.used[key] = e
	}
	return e
}

// save writes the pack back unless every entry came from it.
func (l *cacheLookup) save(limit int) {
	if !l.fromPack {
		l.cache.storePack(l.packPath, l.used, l.old, limit)
	}
}

// normalizeMissed normalizes the tables named misses in a scratch
// database into entries and returns the schema's attributes. Most tables
// are made of shapes other tables share: those are normalized a shape at
// a time (shapes.go), the rest whole.
func normalizeMissed(ctx context.Context, drv migrate.Driver, opts Options, desired *sqlschema.Schema, misses []string, refs map[string][]string, keys map[string]string, entries map[string]*cTable, lk *cacheLookup) ([]sqlschema.Attr, error) {
	db, _, cleanup, err := Scratch(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	fast, err := normalizeShapes(ctx, db, drv, opts.Dialect, desired, misses, opts.stats)
	if err != nil {
		return nil, err
	}
	// Their entries go to the pack only: a file per table costs more to
	// create here than normalizing its shapes again, which is what a run
	// that finds no pack for its set of tables does.
	rest := misses[:0:0]
	for _, m := range misses {
		ct, ok := fast.table(m)
		if !ok {
			rest = append(rest, m)
			continue
		}
		entries[m] = ct
		if fast.cacheable[m] {
			lk.used[keys[m]] = &cEntry{Table: ct}
		}
	}
	if len(rest) == 0 && fast != nil {
		return fast.attrs, nil
	}
	return normalizeMissesSplit(ctx, db, drv, opts, desired, rest, refs, keys, entries, lk.used, lk.cache)
}

// sqliteChunk is how many tables one in-memory scratch database of SQLite
// is given. SQLite reads its schema table through for every table it
// creates, so n tables in one database cost n²: 1,000 in chunks, each in a
// database of its own, normalized side by side, take a fraction of the
// time (BenchmarkNoOpBenchgen/sqlite/cold). Each database is closed once
// its chunk is read, so smaller chunks also hold less memory at once;
// below 100 the time no longer changes.
const sqliteChunk = 25

// normalizeMissesSplit is normalizeMisses, on SQLite in chunks of
// sqliteChunk tables: db takes the first chunk, a new scratch database
// each other one.
func normalizeMissesSplit(ctx context.Context, db *sql.DB, drv migrate.Driver, opts Options, desired *sqlschema.Schema, misses []string, refs map[string][]string, keys map[string]string, entries map[string]*cTable, used pack, cache normCache) ([]sqlschema.Attr, error) {
	if opts.Dialect != dialect.SQLite || len(misses) <= sqliteChunk {
		return normalizeMisses(ctx, db, drv, opts, desired, misses, refs, keys, entries, used, cache)
	}
	var (
		mu    sync.Mutex
		attrs []sqlschema.Attr
	)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := 0; i < len(misses); i += sqliteChunk {
		chunk, first := misses[i:min(i+sqliteChunk, len(misses))], i == 0
		g.Go(func() error {
			cdb := db
			if !first {
				sdb, _, cleanup, err := Scratch(gctx, opts)
				if err != nil {
					return err
				}
				defer cleanup()
				cdb = sdb
			}
			ce, cu := map[string]*cTable{}, pack{}
			a, err := normalizeMisses(gctx, cdb, drv, opts, desired, chunk, refs, keys, ce, cu, cache)
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			maps.Copy(entries, ce)
			maps.Copy(used, cu)
			if first {
				attrs = a
			}
			return nil
		})
	}
	return attrs, g.Wait()
}

// execCreates runs the statements that create the tables to normalize.
// On SQLite they go in one call, in one transaction (the driver runs the
// script statement by statement, without a trip through database/sql for
// each); when the server refuses one, the transaction is rolled back and
// the statements run one at a time to name it.
func execCreates(ctx context.Context, db *sql.DB, d dialect.Name, desired *sqlschema.Schema, stmts []string) error {
	if d == dialect.SQLite && len(stmts) > 1 {
		if _, err := db.ExecContext(ctx, "BEGIN;\n"+strings.Join(stmts, ";\n")+";\nCOMMIT"); err == nil {
			return nil
		}
		if _, err := db.ExecContext(ctx, "ROLLBACK"); err != nil && !strings.Contains(err.Error(), "no transaction") {
			return err
		}
	}
	for _, st := range stmts {
		if _, err := db.ExecContext(ctx, st); err != nil {
			return refused(d, desired, st, err)
		}
	}
	return nil
}

// normalizeMisses creates the tables named misses in the scratch database
// db, reads them back into entries (and the cache) and returns the scratch
// schema's attributes.
func normalizeMisses(ctx context.Context, db *sql.DB, drv migrate.Driver, opts Options, desired *sqlschema.Schema, misses []string, refs map[string][]string, keys map[string]string, entries map[string]*cTable, used pack, cache normCache) ([]sqlschema.Attr, error) {
	d := opts.Dialect
	// The misses and, for their foreign keys, the tables they
	// reference. Those are made without foreign keys of their own:
	// a key needs the table it points to, not that table's keys, and
	// following references further could bring in most of a large
	// schema for a few changed tables. SQLite needs none of them: it
	// creates a foreign key to a table that does not exist, and reads
	// the key back from the table's own statement (which names the
	// referenced columns: the planner always does); made alone, each
	// table is read as among the others (sameShapes, TestSQLiteChunks).
	closure := map[string]bool{}
	missed := map[string]bool{}
	for _, m := range misses {
		closure[m], missed[m] = true, true
		if d == dialect.SQLite {
			continue
		}
		for _, r := range refs[m] {
			closure[r] = true
		}
	}
	sub := &sqlschema.Schema{Name: desired.Name, Realm: desired.Realm, Attrs: desired.Attrs, Objects: desired.Objects}
	for _, t := range desired.Tables {
		if closure[t.Name] {
			sub.Tables = append(sub.Tables, t)
		}
	}
	sub = clone(sub)
	for _, t := range sub.Tables {
		if !missed[t.Name] {
			t.ForeignKeys = nil
			for _, c := range t.Columns {
				c.ForeignKeys = nil
			}
		}
	}
	stmts, err := createStatements(drv, d, sub)
	if err != nil {
		return nil, err
	}
	if err := execCreates(ctx, db, d, desired, stmts); err != nil {
		return nil, err
	}
	opts.stats.tables(len(closure))
	io := &sqlschema.InspectOptions{Mode: sqlschema.InspectSchemas | sqlschema.InspectTables}
	for n := range closure {
		io.Tables = append(io.Tables, n)
	}
	sort.Strings(io.Tables)
	if len(io.Tables) == 0 {
		io.Tables = []string{"retort_no_such_table"}
	}
	insp, err := inspector(db, d)
	if err != nil {
		return nil, err
	}
	name := ""
	if d == dialect.SQLite {
		name = "main"
	}
	ns, err := insp.InspectSchema(ctx, name, io)
	if err != nil {
		return nil, fmt.Errorf("diff: normalize the models' schema: inspect: %w", err)
	}
	fixInspected(d, ns)
	nameInlineUniques(d, ns)
	nsTable := lookup(ns)
	for _, m := range misses {
		t, ok := nsTable(m)
		if !ok {
			return nil, fmt.Errorf("diff: normalize the models' schema: table %s was not read back", m)
		}
		ct := encodeTable(t)
		entries[m] = ct
		e := &cEntry{Table: ct}
		if d == dialect.SQLite {
			// In memory, normalizing a table again costs less than
			// creating its file: its entry goes to the pack only, which
			// storePack checks reads back.
			used[keys[m]] = e
		} else if cache.store(keys[m], e) {
			used[keys[m]] = e
		}
	}
	return withoutPrivate(ns.Attrs), nil
}

// assembleCached builds the normalized schema of desired from its tables'
// entries.
func assembleCached(desired *sqlschema.Schema, schemaAttrs []sqlschema.Attr, entries map[string]*cTable) (*sqlschema.Schema, error) {
	ns := &sqlschema.Schema{Name: desired.Name, Attrs: schemaAttrs}
	decoded := map[*sqlschema.Table]*cTable{}
	for _, t := range desired.Tables {
		nt := decodeTable(entries[t.Name], ns)
		decoded[nt] = entries[t.Name]
		ns.Tables = append(ns.Tables, nt)
	}
	if err := linkRefs(ns, decoded); err != nil {
		return nil, fmt.Errorf("diff: normalize the models' schema: %w", err)
	}
	ns.Attrs = append(withoutPrivate(ns.Attrs), &normalized{})
	carryAttrs(desired, ns)
	markImplicitCharsets(desired, ns)
	return ns, nil
}
