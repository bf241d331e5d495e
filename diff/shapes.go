package diff

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// Normalizing shapes, not tables. A table's normalized form is assembled
// from the normalized forms of its parts, and real schemas repeat a small
// set of part shapes: the same column types, sizes and defaults, the same
// primary key, indexes over columns of the same types. Each distinct
// shape is created once in the scratch database, in a probe table
// (retort_shape_N) holding many shapes side by side under names of its
// own, and read back; the tables are then built from the results under
// their own names, in the order the inspectors list things.
//
// A part's shape carries the context that changes what the server makes
// of it: the table's own attributes (charset, collation, engine) for every
// part; the table's primary key, its columns and the table's attributes
// for the table-level answer (auto-increment, the key's and the serial
// sequences' names, which PostgreSQL derives from the table's name and
// which are renamed only where retort knows the rule and the name is
// free, as is the list of foreign keys using a key that PostgreSQL keeps
// on the key's index); a foreign key's referenced table's key shape.
//
// What a table holds that this does not know (check constraints,
// expression or partial indexes, generated columns, timestamp columns on
// MySQL, keys referencing anything but a primary key, a MySQL foreign key
// no index of its table can serve, names that do not sort or rename
// plainly), any probe the server refuses or reads back with something
// more than the shapes put in it, and any probe name found left in a
// result, send the table to the scratch database as a whole, as before.
// sameShapes (shapes_test.go) compares the two paths table by table on
// every schema of the scenario corpus and the random pairs, and
// TestShapesBenchgen on the benchmark's, which must take the shapes path
// whole.

const shapePrefix = "retort_shape_"

// plainName is a name PostgreSQL writes without quotes and derives names
// from plainly; shorter than its 63-byte limit with room for suffixes.
var plainName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,39}$`)

// shapePart is one distinct shape and where its probe put it.
type shapePart struct {
	probe *shapeProbe
	// names in the probe: the column, index or key symbol; cols, the
	// probe's names of the part's columns (indexes and keys).
	name string
	cols []string
	ok   bool // read back as expected
}

// shapeProbe is one probe table.
type shapeProbe struct {
	t     *sqlschema.Table
	group string
	parts []*shapePart
	ct    *cTable // read back
	// cacheable: ct's entry reads back as it was (encodeEntry), and so
	// do the tables made of it, whose values are ct's values.
	cacheable bool
	// extra is the number of indexes the probe holds that belong to no
	// part (MySQL foreign keys need an index).
	extra int
}

// shapeTable is a table of the models and the parts it is built from.
type shapeTable struct {
	t       *sqlschema.Table
	base    *shapePart // primary key and table attributes
	cols    map[string]*shapePart
	indexes []*shapePart
	fks     []*shapePart
}

// normalizeShapes normalizes the tables named want of desired (enums
// resolved, nothing else done to it) by shapes, in the scratch database
// db, and returns the tables it could (the rest are left to a full
// normalization), or nil if it created nothing.
func normalizeShapes(ctx context.Context, db *sql.DB, pl migrate.PlanApplier, d dialect.Name, desired *sqlschema.Schema, want []string, stats *normStats) (*shaped, error) {
	if d != dialect.MySQL && d != dialect.Postgres {
		return nil, nil
	}
	for _, t := range desired.Tables {
		if strings.HasPrefix(strings.ToLower(t.Name), shapePrefix) {
			return nil, nil
		}
	}
	b := &shapeBuilder{
		d:      d,
		bases:  map[string]*shapePart{},
		parts:  map[string]*shapePart{},
		byTbl:  map[string]*sqlschema.Table{},
		groups: map[string][]*shapePart{},
		gattrs: map[string][]sqlschema.Attr{},
		baseBy: map[string]*shapePart{},
		elems:  map[*shapePart]any{},
		kinds:  map[*shapePart]byte{},
	}
	for _, t := range desired.Tables {
		b.byTbl[t.Name] = t
	}
	if d == dialect.Postgres {
		b.taken = pgNames(desired)
		b.refBy, b.refOther = pgReferences(desired)
	}
	var tables []*shapeTable
	for _, name := range want {
		if st := b.table(b.byTbl[name]); st != nil {
			tables = append(tables, st)
		}
	}
	if len(tables) == 0 {
		return nil, nil
	}
	// The bases first: keys refer to them.
	bases, rest := b.pack()
	for _, list := range [][]*shapeProbe{bases, rest} {
		if err := b.createAll(ctx, db, pl, list); err != nil {
			return nil, err
		}
	}
	var names []string
	for _, p := range b.created {
		names = append(names, p.t.Name)
	}
	if len(names) == 0 {
		return nil, nil
	}
	insp, err := inspector(db, d)
	if err != nil {
		return nil, err
	}
	ns, err := insp.InspectSchema(ctx, "", &sqlschema.InspectOptions{Mode: sqlschema.InspectSchemas | sqlschema.InspectTables, Tables: names})
	if err != nil {
		return nil, fmt.Errorf("diff: normalize the models' schema: inspect: %w", err)
	}
	fixInspected(d, ns)
	stats.probes(len(names))
	nsTable := lookup(ns)
	for _, p := range b.created {
		t, ok := nsTable(p.t.Name)
		if !ok {
			continue
		}
		p.ct = encodeTable(t)
		_, err := encodeEntry(&cEntry{Table: p.ct})
		p.cacheable = err == nil
		b.check(p)
	}
	out := &shaped{tables: map[string]*cTable{}, cacheable: map[string]bool{}, attrs: withoutPrivate(ns.Attrs)}
	for _, st := range tables {
		if ct := b.assemble(st); ct != nil {
			out.tables[st.t.Name] = ct
			out.cacheable[st.t.Name] = st.cacheable()
		}
	}
	return out, nil
}

// shaped is what normalizeShapes made: the tables, which of them may be
// cached, and the scratch schema's attributes.
type shaped struct {
	tables    map[string]*cTable
	cacheable map[string]bool
	attrs     []sqlschema.Attr
}

// cacheable reports whether every probe st is made of reads back.
func (st *shapeTable) cacheable() bool {
	ok := st.base.probe.cacheable
	for _, p := range st.cols {
		ok = ok && p.probe.cacheable
	}
	for _, list := range [][]*shapePart{st.indexes, st.fks} {
		for _, p := range list {
			ok = ok && p.probe.cacheable
		}
	}
	return ok
}

type shapeBuilder struct {
	d      dialect.Name
	bases  map[string]*shapePart // by key
	parts  map[string]*shapePart // columns, indexes, keys by key
	byTbl  map[string]*sqlschema.Table
	groups map[string][]*shapePart // parts by table attributes, in order of first use
	gorder []string
	gattrs map[string][]sqlschema.Attr
	kinds  map[*shapePart]byte
	taken  map[string]int // PostgreSQL relation names the models use or derive, counted
	baseBy map[string]*shapePart
	// PostgreSQL lists on a key's index the foreign keys that use it:
	// the symbols of the keys that refer to each table's primary key, and
	// the tables some key refers to by other columns.
	refBy    map[string][]string
	refOther map[string]bool
	elems    map[*shapePart]any
	mu       sync.Mutex // created, n and the parts' probes while probes are made
	created  []*shapeProbe
	n        int
}

// atlasAttrs returns the attributes of atlas's own among attrs: the ones
// that reach DDL.
func atlasAttrs(attrs []sqlschema.Attr) []sqlschema.Attr {
	var out []sqlschema.Attr
	for _, a := range attrs {
		if isAtlasAttr(a) {
			out = append(out, a)
		}
	}
	return out
}

// fingerprint writes v, through pointers and interfaces, as text: equal
// texts are equal values (names of types included).
func fingerprint(v ...any) string {
	var sb strings.Builder
	var walk func(rv reflect.Value, depth int)
	walk = func(rv reflect.Value, depth int) {
		if depth > 12 {
			sb.WriteString("<deep>")
			return
		}
		switch rv.Kind() {
		case reflect.Invalid:
			sb.WriteString("nil")
		case reflect.Pointer, reflect.Interface:
			if rv.IsNil() {
				sb.WriteString("nil")
				return
			}
			sb.WriteString("*")
			walk(rv.Elem(), depth+1)
		case reflect.Struct:
			sb.WriteString(rv.Type().String())
			sb.WriteString("{")
			for i := 0; i < rv.NumField(); i++ {
				sb.WriteString(rv.Type().Field(i).Name)
				sb.WriteString(":")
				walk(rv.Field(i), depth+1)
				sb.WriteString(",")
			}
			sb.WriteString("}")
		case reflect.Slice, reflect.Array:
			sb.WriteString("[")
			for i := 0; i < rv.Len(); i++ {
				walk(rv.Index(i), depth+1)
				sb.WriteString(",")
			}
			sb.WriteString("]")
		case reflect.Map:
			sb.WriteString("<map>") // never equal: maps are not expected here
			fmt.Fprintf(&sb, "%p", rv.UnsafePointer())
		case reflect.String:
			fmt.Fprintf(&sb, "%q", rv.String())
		default:
			fmt.Fprintf(&sb, "%v", rv)
		}
	}
	for _, x := range v {
		walk(reflect.ValueOf(x), 0)
		sb.WriteString("|")
	}
	return sb.String()
}

// columnShape is what of c reaches its DDL, without its name.
func columnShape(c *sqlschema.Column) string {
	return fingerprint(c.Type, c.Default, atlasAttrs(c.Attrs))
}

// known reports whether the fast path knows every construct of t.
func (b *shapeBuilder) known(t *sqlschema.Table) bool {
	if t == nil || t.PrimaryKey == nil || len(t.PrimaryKey.Parts) == 0 {
		return false
	}
	pg := b.d == dialect.Postgres
	if pg && !plainName.MatchString(t.Name) {
		return false
	}
	for _, a := range t.Attrs {
		switch a.(type) {
		case *sqlschema.Check:
			return false
		}
	}
	inPK := map[*sqlschema.Column]bool{}
	for _, p := range t.PrimaryKey.Parts {
		if p.C == nil || p.X != nil || p.C.Type == nil {
			return false
		}
		if pg && !plainName.MatchString(p.C.Name) {
			return false
		}
		inPK[p.C] = true
	}
	for _, c := range t.Columns {
		if c.Type == nil || c.Type.Type == nil {
			return false
		}
		for _, a := range c.Attrs {
			switch a.(type) {
			case *sqlschema.GeneratedExpr, *postgres.Identity:
				return false
			case *mysql.AutoIncrement:
				if !inPK[c] {
					return false
				}
			}
		}
		switch ty := c.Type.Type.(type) {
		case *sqlschema.TimeType:
			if b.d == dialect.MySQL && strings.Contains(strings.ToLower(ty.T), "timestamp") {
				return false
			}
		case *postgres.SerialType:
			if !inPK[c] {
				return false
			}
		case *sqlschema.EnumType, *sqlschema.UnsupportedType:
			return false
		}
		if _, ok := c.Default.(*sqlschema.RawExpr); ok {
			return false
		}
	}
	names := map[string]bool{"PRIMARY": true}
	for _, idx := range t.Indexes {
		if len(idx.Parts) == 0 || idx.Name == "" {
			return false
		}
		key := idx.Name
		if b.d == dialect.MySQL {
			if !asciiName(idx.Name) {
				return false
			}
			key = strings.ToUpper(idx.Name)
		}
		if names[key] {
			return false
		}
		names[key] = true
		for _, a := range idx.Attrs {
			switch a.(type) {
			case *mysql.IndexType, *postgres.IndexType, *sqlschema.Comment:
			default:
				if isAtlasAttr(a) {
					return false
				}
			}
		}
		for _, p := range idx.Parts {
			if p.C == nil || p.X != nil {
				return false
			}
			for _, a := range p.Attrs {
				switch a.(type) {
				case *mysql.SubPart, *postgres.IndexColumnProperty:
				default:
					if isAtlasAttr(a) {
						return false
					}
				}
			}
		}
	}
	for _, fk := range t.ForeignKeys {
		if fk.Symbol == "" || !asciiName(fk.Symbol) || fk.RefTable == nil || len(fk.Columns) == 0 {
			return false
		}
		ref, ok := b.byTbl[fk.RefTable.Name]
		if !ok || ref.PrimaryKey == nil || len(ref.PrimaryKey.Parts) != len(fk.RefColumns) || len(fk.Columns) != len(fk.RefColumns) {
			return false
		}
		for i, rc := range fk.RefColumns {
			if p := ref.PrimaryKey.Parts[i]; p.C == nil || p.C.Name != rc.Name {
				return false
			}
		}
		if len(atlasAttrs(fk.Attrs)) > 0 {
			return false
		}
		if b.d == dialect.MySQL && !servedByIndex(t, fk) {
			return false
		}
	}
	return true
}

// asciiName reports whether s is made of ASCII letters, digits, _ and $.
func asciiName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return s != ""
}

// servedByIndex reports whether an index of t (or its key) starts with
// fk's columns as whole columns: MySQL then makes no index of its own for
// the key.
func servedByIndex(t *sqlschema.Table, fk *sqlschema.ForeignKey) bool {
	starts := func(idx *sqlschema.Index) bool {
		if idx == nil || len(idx.Parts) < len(fk.Columns) {
			return false
		}
		for i, c := range fk.Columns {
			p := idx.Parts[i]
			if p.C == nil || p.C.Name != c.Name || len(p.Attrs) > 0 {
				return false
			}
		}
		return true
	}
	if starts(t.PrimaryKey) {
		return true
	}
	for _, idx := range t.Indexes {
		if starts(idx) {
			return true
		}
	}
	return false
}

// pgNames counts the relation names of desired and the ones PostgreSQL
// derives from its tables for their keys and serial sequences.
func pgNames(desired *sqlschema.Schema) map[string]int {
	n := map[string]int{}
	for _, t := range desired.Tables {
		n[t.Name]++
		for _, idx := range t.Indexes {
			n[idx.Name]++
		}
		for _, d := range pgDerived(t) {
			n[d]++
		}
	}
	return n
}

// pgReferences returns, for each table, the symbols of the foreign keys
// of desired that refer to its primary key, sorted, and the tables a key
// refers to by other columns.
func pgReferences(desired *sqlschema.Schema) (map[string][]string, map[string]bool) {
	by, other := map[string][]string{}, map[string]bool{}
	for _, t := range desired.Tables {
		for _, fk := range t.ForeignKeys {
			if fk.RefTable == nil {
				continue
			}
			ref := fk.RefTable
			pk := ref.PrimaryKey
			same := pk != nil && len(pk.Parts) == len(fk.RefColumns)
			for i := 0; same && i < len(fk.RefColumns); i++ {
				same = pk.Parts[i].C != nil && pk.Parts[i].C.Name == fk.RefColumns[i].Name
			}
			if !same {
				other[ref.Name] = true
				continue
			}
			by[ref.Name] = append(by[ref.Name], fk.Symbol)
		}
	}
	for _, s := range by {
		sort.Strings(s)
	}
	return by, other
}

// pkAlsoUnique reports whether a unique index of t has the columns of its
// primary key, which a foreign key could then use instead.
func pkAlsoUnique(t *sqlschema.Table) bool {
	pk := map[string]bool{}
	for _, p := range t.PrimaryKey.Parts {
		if p.C != nil {
			pk[p.C.Name] = true
		}
	}
	for _, idx := range t.Indexes {
		if !idx.Unique || len(idx.Parts) != len(pk) {
			continue
		}
		all := true
		for _, p := range idx.Parts {
			all = all && p.C != nil && pk[p.C.Name]
		}
		if all {
			return true
		}
	}
	return false
}

// pgDerived returns the names PostgreSQL gives t's primary key and serial
// sequences.
func pgDerived(t *sqlschema.Table) []string {
	if t.PrimaryKey == nil {
		return nil
	}
	out := []string{t.Name + "_pkey"}
	for _, c := range t.Columns {
		if c.Type == nil {
			continue
		}
		if _, ok := c.Type.Type.(*postgres.SerialType); ok {
			out = append(out, t.Name+"_"+c.Name+"_seq")
		}
	}
	return out
}

// baseOf returns the part of t's primary key and attributes, or nil.
func (b *shapeBuilder) baseOf(t *sqlschema.Table) *shapePart {
	if p, ok := b.baseBy[t.Name]; ok {
		return p
	}
	b.baseBy[t.Name] = nil
	if t.PrimaryKey == nil || len(t.PrimaryKey.Parts) == 0 {
		return nil
	}
	pg := b.d == dialect.Postgres
	if pg && !plainName.MatchString(t.Name) {
		return nil
	}
	for _, a := range t.Attrs {
		if _, ok := a.(*sqlschema.Check); ok {
			return nil
		}
	}
	var shape []any
	for _, p := range t.PrimaryKey.Parts {
		if p.C == nil || p.X != nil || p.C.Type == nil || pg && !plainName.MatchString(p.C.Name) {
			return nil
		}
		shape = append(shape, p.C.Name, columnShape(p.C), p.Desc, atlasAttrs(p.Attrs))
	}
	group := b.group(t)
	p := b.part(b.bases, "base", group, fingerprint(group, shape, atlasAttrs(t.PrimaryKey.Attrs), t.PrimaryKey.Name), t)
	b.baseBy[t.Name] = p
	return p
}

// group returns the key of t's attributes.
func (b *shapeBuilder) group(t *sqlschema.Table) string {
	var tattrs []sqlschema.Attr
	for _, a := range atlasAttrs(t.Attrs) {
		if _, ok := a.(*postgres.OID); !ok { // the inspected table's identity
			tattrs = append(tattrs, a)
		}
	}
	g := fingerprint(tattrs)
	if _, ok := b.gattrs[g]; !ok {
		b.gattrs[g] = tattrs
		b.gorder = append(b.gorder, g)
	}
	return g
}

// table returns the parts of t, or nil if the fast path does not know t.
func (b *shapeBuilder) table(t *sqlschema.Table) *shapeTable {
	if !b.known(t) {
		return nil
	}
	if b.d == dialect.Postgres {
		if b.refOther[t.Name] || pkAlsoUnique(t) {
			return nil
		}
		// The names PostgreSQL will derive must be its alone.
		for _, n := range pgDerived(t) {
			if b.taken[n] != 1 || len(n) > 63 {
				return nil
			}
		}
	}
	base := b.baseOf(t)
	if base == nil {
		return nil
	}
	group := b.group(t)
	st := &shapeTable{t: t, base: base, cols: map[string]*shapePart{}}
	inPK := map[string]bool{}
	for _, p := range t.PrimaryKey.Parts {
		inPK[p.C.Name] = true
	}
	for _, c := range t.Columns {
		if !inPK[c.Name] {
			st.cols[c.Name] = b.part(b.parts, "column", group, fingerprint("column", group, columnShape(c)), c)
		}
	}
	for _, idx := range t.Indexes {
		var shape []any
		pos := map[string]int{}
		for _, p := range idx.Parts {
			if _, ok := pos[p.C.Name]; !ok {
				pos[p.C.Name] = len(pos)
			}
			shape = append(shape, pos[p.C.Name], columnShape(p.C), p.Desc, atlasAttrs(p.Attrs))
		}
		st.indexes = append(st.indexes, b.part(b.parts, "index", group, fingerprint("index", group, idx.Unique, atlasAttrs(idx.Attrs), shape), idx))
	}
	for _, fk := range t.ForeignKeys {
		ref := b.baseOf(b.byTbl[fk.RefTable.Name])
		if ref == nil {
			return nil
		}
		var shape []any
		for _, c := range fk.Columns {
			shape = append(shape, columnShape(c))
		}
		st.fks = append(st.fks, b.part(b.parts, "fk", group, fingerprint("fk", group, fk.OnUpdate, fk.OnDelete, shape, fmt.Sprintf("%p", ref)), &fkElem{fk: fk, ref: ref}))
	}
	return st
}

// fkElem is a foreign key and the part of its referenced table's key.
type fkElem struct {
	fk  *sqlschema.ForeignKey
	ref *shapePart
}

// part returns the part of key in m, made from elem if new.
func (b *shapeBuilder) part(m map[string]*shapePart, kind, group, key string, elem any) *shapePart {
	key = kind + "\x00" + key
	if p, ok := m[key]; ok {
		return p
	}
	p := &shapePart{}
	m[key] = p
	b.elems[p] = elem
	b.kinds[p] = kind[0]
	b.groups[group] = append(b.groups[group], p)
	return p
}

// Parts per probe table: MySQL's rows must fit 65,535 bytes and a table
// holds at most 64 indexes (a probe the server refuses is split in two).
func (b *shapeBuilder) perProbe() int {
	if b.d == dialect.MySQL {
		return 24
	}
	return 200
}

// pack lays the parts out in probe tables: a table per base (its key is
// the table's), then columns, indexes and keys of each group of table
// attributes, many to a table.
func (b *shapeBuilder) pack() (bases, rest []*shapeProbe) {
	// Every base first: a key's probe names its referenced table's base
	// probe, which may be of another group.
	for _, g := range b.gorder {
		for _, p := range b.groups[g] {
			if b.kinds[p] == 'b' {
				bases = append(bases, b.probe(g, []*shapePart{p}))
			}
		}
	}
	for _, g := range b.gorder {
		var cols, idxs, fks []*shapePart
		for _, p := range b.groups[g] {
			switch b.kinds[p] {
			case 'c':
				cols = append(cols, p)
			case 'i':
				idxs = append(idxs, p)
			case 'f':
				fks = append(fks, p)
			}
		}
		for _, list := range [][]*shapePart{cols, idxs, fks} {
			for len(list) > 0 {
				n := min(len(list), b.perProbe())
				rest = append(rest, b.probe(g, list[:n]))
				list = list[n:]
			}
		}
	}
	return bases, rest
}

// probe builds the probe table of parts (all of group g).
func (b *shapeBuilder) probe(g string, parts []*shapePart) *shapeProbe {
	b.n++
	name := fmt.Sprintf("%s%d", shapePrefix, b.n)
	t := &sqlschema.Table{Name: name, Attrs: append([]sqlschema.Attr(nil), b.gattrs[g]...)}
	pr := &shapeProbe{t: t, group: g, parts: parts}
	copyCol := func(c *sqlschema.Column, name string) *sqlschema.Column {
		nc := &sqlschema.Column{Name: name, Default: c.Default, Attrs: atlasAttrs(c.Attrs)}
		ty := *c.Type
		nc.Type = &ty
		t.AddColumns(nc)
		return nc
	}
	for i, p := range parts {
		p.probe = pr
		switch e := b.elems[p].(type) {
		case *sqlschema.Table: // a base: the key's columns under their own names

			cols := map[string]*sqlschema.Column{}
			for _, kp := range e.PrimaryKey.Parts {
				if cols[kp.C.Name] == nil {
					cols[kp.C.Name] = copyCol(kp.C, kp.C.Name)
				}
			}
			pk := &sqlschema.Index{Name: e.PrimaryKey.Name, Unique: true, Table: t, Attrs: atlasAttrs(e.PrimaryKey.Attrs)}
			for _, kp := range e.PrimaryKey.Parts {
				c := cols[kp.C.Name]
				pk.Parts = append(pk.Parts, &sqlschema.IndexPart{SeqNo: kp.SeqNo, Desc: kp.Desc, C: c, Attrs: atlasAttrs(kp.Attrs)})
				c.Indexes = append(c.Indexes, pk)
			}
			t.PrimaryKey = pk
			p.name = name
		case *sqlschema.Column:
			p.name = fmt.Sprintf("%sc%d", shapePrefix, i)
			copyCol(e, p.name)
		case *sqlschema.Index:
			p.name = fmt.Sprintf("%s%d_i%d", shapePrefix, b.n, i)
			idx := &sqlschema.Index{Name: p.name, Unique: e.Unique, Table: t, Attrs: atlasAttrs(e.Attrs)}
			cols := map[string]*sqlschema.Column{}
			for _, ip := range e.Parts {
				c := cols[ip.C.Name]
				if c == nil {
					c = copyCol(ip.C, fmt.Sprintf("%sc%d_%d", shapePrefix, i, len(cols)))
					cols[ip.C.Name] = c
					p.cols = append(p.cols, c.Name)
				}
				idx.Parts = append(idx.Parts, &sqlschema.IndexPart{SeqNo: ip.SeqNo, Desc: ip.Desc, C: c, Attrs: atlasAttrs(ip.Attrs)})
				c.Indexes = append(c.Indexes, idx)
			}
			t.Indexes = append(t.Indexes, idx)
		case *fkElem:
			p.name = fmt.Sprintf("%s%d_f%d", shapePrefix, b.n, i)
			ref := e.ref.probe.t
			fk := &sqlschema.ForeignKey{Symbol: p.name, Table: t, RefTable: ref, OnUpdate: e.fk.OnUpdate, OnDelete: e.fk.OnDelete}
			var cols []*sqlschema.Column
			for j, c := range e.fk.Columns {
				nc := copyCol(c, fmt.Sprintf("%sc%d_%d", shapePrefix, i, j))
				cols = append(cols, nc)
				p.cols = append(p.cols, nc.Name)
				fk.Columns = append(fk.Columns, nc)
				nc.ForeignKeys = append(nc.ForeignKeys, fk)
			}
			for _, rp := range ref.PrimaryKey.Parts {
				fk.RefColumns = append(fk.RefColumns, rp.C)
			}
			t.ForeignKeys = append(t.ForeignKeys, fk)
			if b.d == dialect.MySQL {
				// The index MySQL would otherwise make under the key's name.
				idx := &sqlschema.Index{Name: p.name + "_k", Table: t}
				for j, c := range cols {
					idx.Parts = append(idx.Parts, &sqlschema.IndexPart{SeqNo: j + 1, C: c})
					c.Indexes = append(c.Indexes, idx)
				}
				t.Indexes = append(t.Indexes, idx)
				pr.extra++
			}
		}
	}
	return pr
}

// createAll makes the probes, a few at a time: the server spends most of
// a CREATE TABLE waiting for its files and its log.
func (b *shapeBuilder) createAll(ctx context.Context, db *sql.DB, pl migrate.PlanApplier, probes []*shapeProbe) error {
	const workers = 4
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(probes) && errs[w] == nil; i += workers {
				errs[w] = b.create(ctx, db, pl, probes[i])
			}
		}(w)
	}
	wg.Wait()
	return errors.Join(errs...)
}

// create makes probe p in db; a probe the server refuses is split in two
// and each half made on its own, down to single parts, whose refusal
// leaves them out (their tables go to the full normalization).
func (b *shapeBuilder) create(ctx context.Context, db *sql.DB, pl migrate.PlanApplier, p *shapeProbe) error {
	stmts, err := createStatements(pl, b.d, &sqlschema.Schema{Tables: []*sqlschema.Table{p.t}})
	if err == nil {
		err = execAll(ctx, db, b.d, stmts)
	}
	if err == nil {
		b.mu.Lock()
		b.created = append(b.created, p)
		b.mu.Unlock()
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if len(p.parts) == 1 {
		return nil
	}
	half := len(p.parts) / 2
	for _, parts := range [][]*shapePart{p.parts[:half], p.parts[half:]} {
		b.mu.Lock()
		q := b.probe(p.group, append([]*shapePart(nil), parts...))
		b.mu.Unlock()
		if err := b.create(ctx, db, pl, q); err != nil {
			return err
		}
	}
	return nil
}

// execAll runs stmts, on PostgreSQL in one transaction so that a refusal
// leaves nothing behind (MySQL makes a table and its keys in one
// statement).
func execAll(ctx context.Context, db *sql.DB, d dialect.Name, stmts []string) error {
	if d != dialect.Postgres || len(stmts) == 1 {
		for _, s := range stmts {
			if _, err := db.ExecContext(ctx, s); err != nil {
				return err
			}
		}
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// check marks the parts of probe p that read back as they were put in:
// the probe must hold its parts and nothing else (no check constraint, no
// index or key of the server's own making), or none of them counts.
func (b *shapeBuilder) check(p *shapeProbe) {
	ct := p.ct
	for _, a := range ct.Attrs {
		if _, ok := a.V.(sqlschema.Check); ok {
			return
		}
	}
	var cols, idxs, fks, pk int
	switch b.kinds[p.parts[0]] {
	case 'b':
		pk = 1
		cols = len(p.t.Columns)
	case 'c':
		cols = len(p.parts)
	case 'i':
		idxs, cols = len(p.parts), len(p.t.Columns)
	case 'f':
		fks, idxs, cols = len(p.parts), p.extra, len(p.t.Columns)
	}
	if len(ct.Columns) != cols || len(ct.Indexes) != idxs || len(ct.FKs) != fks || (ct.PK != nil) != (pk == 1) {
		return
	}
	for _, part := range p.parts {
		switch b.kinds[part] {
		case 'b':
			part.ok = true
		case 'c':
			_, part.ok = findColumn(ct, part.name)
		case 'i':
			_, part.ok = findIndex(ct, part.name)
		case 'f':
			_, part.ok = findFK(ct, part.name)
		}
	}
}

func findColumn(ct *cTable, name string) (cColumn, bool) {
	for _, c := range ct.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return cColumn{}, false
}

func findIndex(ct *cTable, name string) (cIndex, bool) {
	for _, x := range ct.Indexes {
		if x.Name == name {
			return x, true
		}
	}
	return cIndex{}, false
}

func findFK(ct *cTable, name string) (cFK, bool) {
	for _, f := range ct.FKs {
		if f.Symbol == name {
			return f, true
		}
	}
	return cFK{}, false
}

// pgRename returns w with the probe's derived name from replaced by to's,
// and whether w held it where PostgreSQL puts it (a key's constraint, a
// serial column's sequence).
func pgRename(w wv, from, to string) (wv, bool) {
	switch v := w.V.(type) {
	case postgres.Constraint:
		if strings.HasPrefix(v.N, from+"_") {
			v.N = to + v.N[len(from):]
			return wv{Ptr: w.Ptr, V: v}, true
		}
	case postgres.SerialType:
		if strings.HasPrefix(v.SequenceName, from+"_") {
			v.SequenceName = to + v.SequenceName[len(from):]
			return wv{Ptr: w.Ptr, V: v}, true
		}
	}
	return w, false
}

// assemble builds the normalized table of st from its parts' results, or
// returns nil if a part is missing or a probe's name is left in it.
func (b *shapeBuilder) assemble(st *shapeTable) *cTable {
	t := st.t
	base := st.base.probe
	if !st.base.ok || base.ct == nil {
		return nil
	}
	pg := b.d == dialect.Postgres
	out := &cTable{Name: t.Name, Attrs: append([]wv(nil), base.ct.Attrs...)}
	for _, c := range t.Columns {
		var cc cColumn
		if part, ok := st.cols[c.Name]; ok {
			if !part.ok || part.probe.ct == nil {
				return nil
			}
			cc, ok = findColumn(part.probe.ct, part.name)
			if !ok {
				return nil
			}
		} else {
			var ok bool
			if cc, ok = findColumn(base.ct, c.Name); !ok {
				return nil
			}
			if pg && cc.HasType {
				if w, ok := pgRename(cc.Type, base.t.Name, t.Name); ok {
					cc.Type = w
				}
			}
		}
		cc.Name, cc.Indexes, cc.FKs = c.Name, nil, nil
		out.Columns = append(out.Columns, cc)
	}
	pk := *base.ct.PK
	pk.Parts = append([]cPart(nil), pk.Parts...)
	if pg {
		if pk.Name != base.t.Name+"_pkey" {
			return nil
		}
		pk.Name = t.Name + "_pkey"
		// The foreign keys that use the key are the models', not the
		// probes'.
		attrs := pk.Attrs
		pk.Attrs = nil
		for _, a := range attrs {
			if c, ok := a.V.(postgres.Constraint); ok && c.T == "f" {
				continue
			}
			a, _ = pgRename(a, base.t.Name, t.Name)
			pk.Attrs = append(pk.Attrs, a)
		}
		for _, sym := range b.refBy[t.Name] {
			pk.Attrs = append(pk.Attrs, wv{Ptr: true, V: postgres.Constraint{N: sym, T: "f"}})
		}
	}
	out.PK = &pk
	for i, part := range st.indexes {
		if !part.ok || part.probe.ct == nil {
			return nil
		}
		x, ok := findIndex(part.probe.ct, part.name)
		if !ok {
			return nil
		}
		idx := t.Indexes[i]
		real := map[string]string{}
		for _, p := range idx.Parts {
			if _, ok := real[p.C.Name]; !ok {
				if len(real) >= len(part.cols) {
					return nil
				}
				real[part.cols[len(real)]] = p.C.Name
			}
		}
		x.Name = idx.Name
		x.Parts = append([]cPart(nil), x.Parts...)
		for j := range x.Parts {
			if x.Parts[j].HasC {
				n, ok := real[x.Parts[j].C]
				if !ok {
					return nil
				}
				x.Parts[j].C = n
			}
		}
		out.Indexes = append(out.Indexes, x)
	}
	for i, part := range st.fks {
		if !part.ok || part.probe.ct == nil {
			return nil
		}
		f, ok := findFK(part.probe.ct, part.name)
		if !ok {
			return nil
		}
		fk := t.ForeignKeys[i]
		if len(f.Columns) != len(fk.Columns) {
			return nil
		}
		f.Symbol, f.RefTable = fk.Symbol, fk.RefTable.Name
		f.Columns = nil
		for _, c := range fk.Columns {
			f.Columns = append(f.Columns, c.Name)
		}
		out.FKs = append(out.FKs, f)
	}
	// The inspectors list indexes by name (MySQL's information schema
	// compares them without case) and keys by name, byte by byte.
	sortKey := func(name string) string {
		if b.d == dialect.MySQL {
			return strings.ToUpper(name)
		}
		return name
	}
	sort.SliceStable(out.Indexes, func(i, j int) bool { return sortKey(out.Indexes[i].Name) < sortKey(out.Indexes[j].Name) })
	sort.SliceStable(out.FKs, func(i, j int) bool { return out.FKs[i].Symbol < out.FKs[j].Symbol })
	col := map[string]int{}
	for i, c := range out.Columns {
		col[c.Name] = i
	}
	pkName := "PRIMARY"
	if pg {
		pkName = out.PK.Name
	}
	type named struct {
		key string
		pos int
		x   *cIndex
	}
	all := []named{{sortKey(pkName), -1, out.PK}}
	for i := range out.Indexes {
		all = append(all, named{sortKey(out.Indexes[i].Name), i, &out.Indexes[i]})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].key < all[j].key })
	for i := 1; i < len(all); i++ {
		if all[i].key == all[i-1].key {
			return nil
		}
	}
	for _, n := range all {
		for _, p := range n.x.Parts {
			if !p.HasC {
				return nil
			}
			c, ok := col[p.C]
			if !ok {
				return nil
			}
			out.Columns[c].Indexes = append(out.Columns[c].Indexes, n.pos)
		}
	}
	for i, f := range out.FKs {
		seen := map[string]bool{}
		for _, n := range f.Columns {
			if seen[n] {
				continue
			}
			seen[n] = true
			c, ok := col[n]
			if !ok {
				return nil
			}
			out.Columns[c].FKs = append(out.Columns[c].FKs, i)
		}
	}
	if strings.Contains(fingerprint(out), shapePrefix) {
		return nil
	}
	return out
}

// table returns the table named name, if s made it (s may be nil).
func (s *shaped) table(name string) (*cTable, bool) {
	if s == nil {
		return nil, false
	}
	ct, ok := s.tables[name]
	return ct, ok
}
