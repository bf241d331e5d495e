package diff

import (
	sqlschema "ariga.io/atlas/sql/schema"
)

// clone returns a deep copy of s's tables, columns, indexes, keys and
// checks, so that atlas's differ, which mutates its arguments, and
// retort's own rewrites never touch the caller's schema. Types, defaults
// and other attributes are shared: nothing here changes them.
func clone(s *sqlschema.Schema) *sqlschema.Schema {
	c := &sqlschema.Schema{
		Name:  s.Name,
		Realm: s.Realm,
		Attrs: append([]sqlschema.Attr(nil), s.Attrs...),
	}
	enums := make(map[*sqlschema.EnumType]*sqlschema.EnumType)
	for _, o := range s.Objects {
		if e, ok := o.(*sqlschema.EnumType); ok {
			ce := &sqlschema.EnumType{T: e.T, Schema: c, Values: append([]string(nil), e.Values...)}
			enums[e] = ce
			c.Objects = append(c.Objects, ce)
			continue
		}
		c.Objects = append(c.Objects, o)
	}
	tables := make(map[*sqlschema.Table]*sqlschema.Table, len(s.Tables))
	cols := make(map[*sqlschema.Column]*sqlschema.Column)
	for _, t := range s.Tables {
		ct := &sqlschema.Table{Name: t.Name, Schema: c}
		for _, a := range t.Attrs {
			if ck, ok := a.(*sqlschema.Check); ok {
				cc := *ck
				cc.Attrs = append([]sqlschema.Attr(nil), ck.Attrs...)
				a = &cc
			}
			ct.Attrs = append(ct.Attrs, a)
		}
		for _, col := range t.Columns {
			cc := &sqlschema.Column{
				Name:    col.Name,
				Default: col.Default,
				Attrs:   append([]sqlschema.Attr(nil), col.Attrs...),
			}
			if col.Type != nil {
				ty := *col.Type
				if e, ok := ty.Type.(*sqlschema.EnumType); ok && enums[e] != nil {
					ty.Type = enums[e]
				}
				cc.Type = &ty
			}
			cols[col] = cc
			ct.Columns = append(ct.Columns, cc)
		}
		tables[t] = ct
		c.Tables = append(c.Tables, ct)
	}
	col := func(x *sqlschema.Column) *sqlschema.Column {
		if y, ok := cols[x]; ok {
			return y
		}
		return x
	}
	index := func(ct *sqlschema.Table, idx *sqlschema.Index) *sqlschema.Index {
		ci := &sqlschema.Index{Name: idx.Name, Unique: idx.Unique, Table: ct, Attrs: append([]sqlschema.Attr(nil), idx.Attrs...)}
		for _, p := range idx.Parts {
			cp := &sqlschema.IndexPart{SeqNo: p.SeqNo, Desc: p.Desc, X: p.X, Attrs: append([]sqlschema.Attr(nil), p.Attrs...)}
			if p.C != nil {
				cp.C = col(p.C)
				cp.C.Indexes = append(cp.C.Indexes, ci)
			}
			ci.Parts = append(ci.Parts, cp)
		}
		return ci
	}
	for _, t := range s.Tables {
		ct := tables[t]
		if t.PrimaryKey != nil {
			ct.PrimaryKey = index(ct, t.PrimaryKey)
		}
		for _, idx := range t.Indexes {
			ct.Indexes = append(ct.Indexes, index(ct, idx))
		}
		for _, fk := range t.ForeignKeys {
			cf := &sqlschema.ForeignKey{
				Symbol:   fk.Symbol,
				Table:    ct,
				RefTable: fk.RefTable,
				OnUpdate: fk.OnUpdate,
				OnDelete: fk.OnDelete,
				Attrs:    append([]sqlschema.Attr(nil), fk.Attrs...),
			}
			if rt, ok := tables[fk.RefTable]; ok {
				cf.RefTable = rt
			}
			for _, x := range fk.Columns {
				cx := col(x)
				cx.ForeignKeys = append(cx.ForeignKeys, cf)
				cf.Columns = append(cf.Columns, cx)
			}
			for _, x := range fk.RefColumns {
				cf.RefColumns = append(cf.RefColumns, col(x))
			}
			ct.ForeignKeys = append(ct.ForeignKeys, cf)
		}
	}
	return c
}

// has reports whether attrs hold an attribute of type T, and returns it.
func attrOf[T sqlschema.Attr](attrs []sqlschema.Attr) (T, bool) {
	for _, a := range attrs {
		if t, ok := a.(T); ok {
			return t, true
		}
	}
	var zero T
	return zero, false
}

// withoutPrivate returns attrs without retort's own marker attributes.
func withoutPrivate(attrs []sqlschema.Attr) []sqlschema.Attr {
	out := attrs[:0:0]
	for _, a := range attrs {
		switch a.(type) {
		case *skipped, *normalized, *fallback, *triggers, *implicitCharset:
			continue
		}
		out = append(out, a)
	}
	return out
}

// ensureEnums adds to s.Objects the PostgreSQL enum types its columns use
// but that are not listed there (a schema built from models may give them
// on the columns only), so that they are created and diffed.
func ensureEnums(s *sqlschema.Schema) {
	have := map[string]bool{}
	for _, o := range s.Objects {
		if e, ok := o.(*sqlschema.EnumType); ok {
			have[e.T] = true
		}
	}
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.Type == nil {
				continue
			}
			if e, ok := c.Type.Type.(*sqlschema.EnumType); ok && e.T != "" && !have[e.T] {
				have[e.T] = true
				e.Schema = s
				s.Objects = append(s.Objects, e)
			}
		}
	}
}

// lookup returns a function finding the tables of s by name, in constant
// time where s.Table searches the list: the differ's passes over every
// table would otherwise grow with the square of their number.
func lookup(s *sqlschema.Schema) func(string) (*sqlschema.Table, bool) {
	byName := make(map[string]*sqlschema.Table, len(s.Tables))
	for _, t := range s.Tables {
		if _, ok := byName[t.Name]; !ok {
			byName[t.Name] = t
		}
	}
	return func(name string) (*sqlschema.Table, bool) {
		t, ok := byName[name]
		return t, ok
	}
}
