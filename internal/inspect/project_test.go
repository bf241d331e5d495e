package inspect

import (
	"fmt"
	"reflect"
	"sort"

	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
)

// project turns an inspected schema into a tree of maps, slices and
// strings that cmp.Diff can compare and print: every field of every value
// is kept (unexported ones too), and the pointers that make the schema a
// graph (table → schema, column → its indexes and foreign keys, foreign
// key → referenced table and columns, enum → schema, ...) are written as
// references by name, "table:users", where they do not own what they
// point to. A reference also says whether it is linked to the inspected
// object or a detached stub, so a foreign key whose referenced column was
// never linked differs from one that was.
func project(s *sqlschema.Schema) any {
	p := &projector{owned: make(map[uintptr]bool)}
	for _, t := range s.Tables {
		p.owned[reflect.ValueOf(t).Pointer()] = true
		for _, c := range t.Columns {
			p.owned[reflect.ValueOf(c).Pointer()] = true
		}
	}
	m := map[string]any{
		"Name":  s.Name,
		"Attrs": p.attrs(s.Attrs),
		"Realm": s.Realm != nil,
	}
	var tables, objects, views, funcs, procs []any
	for _, t := range s.Tables {
		tables = append(tables, p.table(s, t))
	}
	for _, o := range s.Objects {
		objects = append(objects, p.value(reflect.ValueOf(o)))
	}
	for _, v := range s.Views {
		views = append(views, v.Name)
	}
	for _, f := range s.Funcs {
		funcs = append(funcs, f.Name)
	}
	for _, f := range s.Procs {
		procs = append(procs, f.Name)
	}
	m["Tables"], m["Objects"], m["Views"], m["Funcs"], m["Procs"] = tables, objects, views, funcs, procs
	return m
}

type projector struct {
	owned map[uintptr]bool // tables and columns of the schema
}

func (p *projector) table(s *sqlschema.Schema, t *sqlschema.Table) any {
	m := map[string]any{
		"Name":     t.Name,
		"SchemaOK": t.Schema == s,
		"Attrs":    p.attrs(t.Attrs),
		"Triggers": len(t.Triggers),
		"Deps":     len(t.Deps),
	}
	var cols, idxs, fks []any
	for _, c := range t.Columns {
		cols = append(cols, p.column(c))
	}
	if t.PrimaryKey != nil {
		m["PrimaryKey"] = p.index(t, t.PrimaryKey)
	}
	for _, idx := range t.Indexes {
		idxs = append(idxs, p.index(t, idx))
	}
	for _, fk := range t.ForeignKeys {
		fks = append(fks, p.fk(t, fk))
	}
	m["Columns"], m["Indexes"], m["ForeignKeys"] = cols, idxs, fks
	return m
}

func (p *projector) column(c *sqlschema.Column) any {
	m := map[string]any{
		"Name":    c.Name,
		"Default": p.value(reflect.ValueOf(&c.Default).Elem()),
		"Attrs":   p.attrs(c.Attrs),
	}
	if c.Type != nil {
		m["Type"] = map[string]any{
			"Raw":  c.Type.Raw,
			"Null": c.Type.Null,
			"Type": p.value(reflect.ValueOf(&c.Type.Type).Elem()),
		}
	}
	var idxs, fks []any
	for _, idx := range c.Indexes {
		idxs = append(idxs, "index:"+idx.Name)
	}
	for _, fk := range c.ForeignKeys {
		fks = append(fks, "fk:"+fk.Symbol)
	}
	m["Indexes"], m["ForeignKeys"] = idxs, fks
	return m
}

func (p *projector) index(t *sqlschema.Table, idx *sqlschema.Index) any {
	var parts []any
	for _, part := range idx.Parts {
		pm := map[string]any{
			"SeqNo": part.SeqNo,
			"Desc":  part.Desc,
			"X":     p.value(reflect.ValueOf(&part.X).Elem()),
			"Attrs": p.attrs(part.Attrs),
		}
		if part.C != nil {
			pm["C"] = p.ref("column", part.C.Name, part.C)
		}
		parts = append(parts, pm)
	}
	return map[string]any{
		"Name":    idx.Name,
		"Unique":  idx.Unique,
		"TableOK": idx.Table == t,
		"Attrs":   p.attrs(idx.Attrs),
		"Parts":   parts,
	}
}

func (p *projector) fk(t *sqlschema.Table, fk *sqlschema.ForeignKey) any {
	var cols, refs []any
	for _, c := range fk.Columns {
		cols = append(cols, p.ref("column", c.Name, c))
	}
	for _, c := range fk.RefColumns {
		refs = append(refs, p.ref("column", c.Name, c))
	}
	m := map[string]any{
		"Symbol":     fk.Symbol,
		"TableOK":    fk.Table == t,
		"Columns":    cols,
		"RefColumns": refs,
		"OnUpdate":   string(fk.OnUpdate),
		"OnDelete":   string(fk.OnDelete),
		"Attrs":      p.attrs(fk.Attrs),
	}
	if fk.RefTable != nil {
		m["RefTable"] = p.ref("table", fk.RefTable.Name, fk.RefTable)
		if fk.RefTable.Schema != nil {
			m["RefSchema"] = fk.RefTable.Schema.Name
		}
	}
	return m
}

// ref names a table or column, marking whether it is one of the schema's.
func (p *projector) ref(kind, name string, ptr any) string {
	if p.owned[reflect.ValueOf(ptr).Pointer()] {
		return kind + ":" + name
	}
	return kind + ":" + name + "(stub)"
}

// attrs projects a list of attributes. PostgreSQL index Constraint
// attributes come from a JSON object, in map order, so they are sorted.
func (p *projector) attrs(attrs []sqlschema.Attr) []any {
	var out, cons []any
	for _, a := range attrs {
		v := p.value(reflect.ValueOf(&a).Elem())
		if _, ok := a.(*postgres.Constraint); ok {
			cons = append(cons, v)
			continue
		}
		out = append(out, v)
	}
	sort.Slice(cons, func(i, j int) bool { return fmt.Sprint(cons[i]) < fmt.Sprint(cons[j]) })
	return append(out, cons...)
}

var (
	schemaPtr = reflect.TypeOf((*sqlschema.Schema)(nil))
	tablePtr  = reflect.TypeOf((*sqlschema.Table)(nil))
	columnPtr = reflect.TypeOf((*sqlschema.Column)(nil))
	indexPtr  = reflect.TypeOf((*sqlschema.Index)(nil))
	fkPtr     = reflect.TypeOf((*sqlschema.ForeignKey)(nil))
)

// value projects any value reflectively, every field included; pointers
// into the schema graph become references by name.
func (p *projector) value(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		e := v.Elem()
		return map[string]any{"$type": e.Type().String(), "$value": p.value(e)}
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		switch v.Type() {
		case schemaPtr:
			return "schema:" + v.Elem().FieldByName("Name").String()
		case tablePtr:
			return p.refValue("table", v)
		case columnPtr:
			return p.refValue("column", v)
		case indexPtr:
			return "index:" + v.Elem().FieldByName("Name").String()
		case fkPtr:
			return "fk:" + v.Elem().FieldByName("Symbol").String()
		}
		return p.value(v.Elem())
	case reflect.Struct:
		m := make(map[string]any, v.NumField())
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Anonymous && f.Type.Kind() == reflect.Interface {
				// Embedded marker interfaces (schema.Attr, schema.Type).
				if v.Field(i).IsNil() {
					continue
				}
			}
			m[f.Name] = p.value(v.Field(i))
		}
		return m
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return []any(nil)
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = p.value(v.Index(i))
		}
		return out
	case reflect.Map:
		m := make(map[string]any, v.Len())
		for _, k := range v.MapKeys() {
			m[fmt.Sprint(p.value(k))] = p.value(v.MapIndex(k))
		}
		return m
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	}
	return fmt.Sprintf("<%s>", v.Kind())
}

func (p *projector) refValue(kind string, v reflect.Value) string {
	name := v.Elem().FieldByName("Name").String()
	if p.owned[v.Pointer()] {
		return kind + ":" + name
	}
	return kind + ":" + name + "(stub)"
}
