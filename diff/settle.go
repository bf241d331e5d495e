package diff

import (
	"reflect"
	"sort"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

// settle returns current and desired (shallow copies; the arguments are
// not modified) without the tables that are the same on both sides: the
// same atlas values, once the attributes the server does not keep
// (positions, hints) and MySQL's AUTO_INCREMENT counter are left out. Such
// a table can bring no change, so the differ need not look at it: on a
// schema of 10,000 tables of which a few changed, the differ's passes and
// atlas's own (which grow with the square of the number of tables) then
// see only those few. A table stays when a rename names it, when it holds
// an enum type (PostgreSQL's are shared objects), or when a foreign key
// links it to a table that stays: its statements may have to follow.
// Anything the comparison cannot settle is left to the differ, so the
// result is the one of diffing everything (every scenario and random pair in roundTrip).
func settle(current, desired *sqlschema.Schema, renames []Rename) (*sqlschema.Schema, *sqlschema.Schema) {
	named := map[string]bool{}
	for _, r := range renames {
		if r.Table != "" {
			named[r.Table] = true
		} else {
			named[r.From], named[r.To] = true, true
		}
	}
	currentTable := lookup(current)
	same := map[string]bool{}
	for _, dt := range desired.Tables {
		ct, ok := currentTable(dt.Name)
		if !ok || named[dt.Name] || hasEnumColumn(ct) || hasEnumColumn(dt) {
			continue
		}
		if reflect.DeepEqual(settledForm(ct), settledForm(dt)) {
			same[dt.Name] = true
		}
	}
	if len(same) == 0 {
		return current, desired
	}
	// A foreign key between a table that stays and one that would not
	// keeps both.
	var keep []string
	for _, s := range []*sqlschema.Schema{current, desired} {
		for _, t := range s.Tables {
			for _, fk := range t.ForeignKeys {
				if fk.RefTable == nil {
					continue
				}
				if same[t.Name] != same[fk.RefTable.Name] {
					keep = append(keep, t.Name, fk.RefTable.Name)
				}
			}
		}
	}
	for _, n := range keep {
		delete(same, n)
	}
	return withoutTables(current, same), withoutTables(desired, same)
}

// withoutTables returns a shallow copy of s without the tables named in drop.
func withoutTables(s *sqlschema.Schema, drop map[string]bool) *sqlschema.Schema {
	c := *s
	c.Tables = make([]*sqlschema.Table, 0, len(s.Tables))
	for _, t := range s.Tables {
		if !drop[t.Name] {
			c.Tables = append(c.Tables, t)
		}
	}
	return &c
}

func hasEnumColumn(t *sqlschema.Table) bool {
	for _, c := range t.Columns {
		if c.Type == nil {
			continue
		}
		if _, ok := c.Type.Type.(*sqlschema.EnumType); ok {
			return true
		}
	}
	return false
}

// settledForm is t as settle compares it: the cache's pointer-free form,
// with atlas's attributes only and without the AUTO_INCREMENT counter.
func settledForm(t *sqlschema.Table) *cTable {
	ct := encodeTable(t)
	ct.Attrs = atlasOnly(ct.Attrs, true)
	for i := range ct.Columns {
		ct.Columns[i].Attrs = atlasOnly(ct.Columns[i].Attrs, false)
	}
	index := func(ci *cIndex) {
		ci.Attrs = constraintsLast(atlasOnly(ci.Attrs, false))
		for k := range ci.Parts {
			ci.Parts[k].Attrs = atlasOnly(ci.Parts[k].Attrs, false)
		}
	}
	for i := range ct.Indexes {
		index(&ct.Indexes[i])
		ct.Indexes[i].Name = inlineIndexName(t.Name, ct.Indexes[i])
	}
	if ct.PK != nil {
		index(ct.PK)
	}
	for i := range ct.FKs {
		ct.FKs[i].Attrs = atlasOnly(ct.FKs[i].Attrs, false)
	}
	return ct
}

// inlineIndexName is the name of an index of a SQLite inline UNIQUE
// constraint as the models' side has it (nameInlineUniques): the
// database's is sqlite_autoindex_<table>_<n>.
func inlineIndexName(table string, ci cIndex) string {
	if !strings.HasPrefix(ci.Name, "sqlite_autoindex_") {
		return ci.Name
	}
	for _, w := range ci.Attrs {
		if o, ok := w.V.(sqlite.IndexOrigin); ok && o.O == "u" {
			name := table
			for _, p := range ci.Parts {
				if !p.HasC {
					return ci.Name
				}
				name += "_" + p.C
			}
			return name
		}
	}
	return ci.Name
}

// constraintsLast puts PostgreSQL's constraint attributes of an index
// (the constraints it backs, a foreign key of another table among them)
// after the others, by name: their order depends on how they were read.
func constraintsLast(ws []wv) []wv {
	var out, cons []wv
	for _, w := range ws {
		if _, ok := w.V.(postgres.Constraint); ok {
			cons = append(cons, w)
		} else {
			out = append(out, w)
		}
	}
	sort.SliceStable(cons, func(i, j int) bool {
		return cons[i].V.(postgres.Constraint).N < cons[j].V.(postgres.Constraint).N
	})
	return append(out, cons...)
}

// atlasOnly keeps the attributes atlas defines, less the values that say
// nothing of the definition: PostgreSQL's OIDs and MySQL's AUTO_INCREMENT
// counters (the table's attribute when table is set; a column's counter
// value).
func atlasOnly(ws []wv, table bool) []wv {
	var out []wv
	for _, w := range ws {
		if w.V == nil {
			continue
		}
		t := reflect.TypeOf(w.V)
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if !strings.HasPrefix(t.PkgPath(), "ariga.io/") {
			continue
		}
		switch v := w.V.(type) {
		case postgres.OID:
			continue // the relation's id, different in every database
		case mysql.AutoIncrement:
			if table {
				continue
			}
			// A column's: whether it is one counts, not the counter.
			v.V = 0
			w.V = v
		}
		out = append(out, w)
	}
	return out
}
