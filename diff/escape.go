package diff

import (
	"context"
	"reflect"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// Atlas writes an identifier between the dialect's quotes without doubling
// a quote inside it (sqlx.Builder.Ident), so a column named
// "a` int); DROP TABLE t; --" would become two statements. planChanges
// doubles the quote character in every name the changes reach for the
// time atlas plans them, and puts the names back afterwards. It does the
// same to MySQL comments, which it quotes as strings in single quotes.

// quoteChar is the character atlas puts around identifiers on d.
func quoteChar(d dialect.Name) string {
	if d == dialect.Postgres {
		return `"`
	}
	return "`"
}

// planChanges is drv.PlanChanges with every identifier escaped.
func planChanges(ctx context.Context, pl migrate.PlanApplier, d dialect.Name, name string, changes []sqlschema.Change) (*migrate.Plan, error) {
	restoreInline, fixInline := prepareSQLite(d, changes)
	defer restoreInline()
	restore, swaps := escapeNames(d, changes)
	defer restore()
	p, err := pl.PlanChanges(ctx, name, changes, noQualifier)
	if err != nil {
		return nil, err
	}
	for _, c := range p.Changes {
		c.Cmd = fixInline(fixRebuildCopy(c.Cmd, swaps))
	}
	return p, nil
}

// prepareSQLite is inlineUniques on SQLite, and does nothing elsewhere.
func prepareSQLite(d dialect.Name, changes []sqlschema.Change) (restore func(), fix func(string) string) {
	if d != dialect.SQLite {
		return func() {}, func(s string) string { return s }
	}
	return inlineUniques(changes)
}

// planInChunks is planChanges on changes that do not depend on each other,
// n at a time (the names escaped once), and returns the planned changes
// of all chunks in order.
func planInChunks(ctx context.Context, pl migrate.PlanApplier, d dialect.Name, name string, changes []sqlschema.Change, n int) ([]*migrate.Change, error) {
	restoreInline, fixInline := prepareSQLite(d, changes)
	defer restoreInline()
	restore, swaps := escapeNames(d, changes)
	defer restore()
	var out []*migrate.Change
	for len(changes) > 0 {
		k := min(n, len(changes))
		p, err := pl.PlanChanges(ctx, name, changes[:k], noQualifier)
		if err != nil {
			return nil, err
		}
		for _, c := range p.Changes {
			c.Cmd = fixInline(fixRebuildCopy(c.Cmd, swaps))
		}
		out = append(out, p.Changes...)
		changes = changes[k:]
	}
	return out, nil
}

var (
	schemaPtr = reflect.TypeOf((*sqlschema.Schema)(nil))
	realmPtr  = reflect.TypeOf((*sqlschema.Realm)(nil))
)

// escapeNames doubles the quote character of d inside the names of the
// tables, columns, indexes, keys and checks reachable from v, in place
// (quotes MySQL comments, and writes SQLite columns as declared: see
// sqliteColumn), and returns the function that puts them back, and the
// SQLite defaults to write in single quotes where they are expressions
// (fixRebuildCopy).
func escapeNames(d dialect.Name, v any) (restore func(), swaps map[string]string) {
	q := quoteChar(d)
	type saved struct {
		p   *string
		old string
	}
	var (
		undo    []saved
		slots   []func() // attribute slots given a copy
		quoted  = map[*sqlschema.Comment]bool{}
		columns []func()
	)
	swaps = map[string]string{}
	esc := func(p *string) {
		if strings.Contains(*p, q) {
			undo = append(undo, saved{p, *p})
			*p = strings.ReplaceAll(*p, q, q+q)
		}
	}
	type ptr struct {
		addr uintptr
		t    reflect.Type
	}
	seen := make(map[ptr]bool)
	var walk func(reflect.Value)
	walk = func(rv reflect.Value) {
		switch rv.Kind() {
		case reflect.Pointer:
			if rv.IsNil() {
				return
			}
			key := ptr{rv.Pointer(), rv.Type()}
			if seen[key] {
				return
			}
			seen[key] = true
			switch x := rv.Interface().(type) {
			case *sqlschema.Table:
				esc(&x.Name)
			case *sqlschema.Column:
				esc(&x.Name)
				if d == dialect.SQLite {
					columns = append(columns, sqliteColumn(x, swaps))
				}
			case *sqlschema.Index:
				esc(&x.Name)
			case *sqlschema.ForeignKey:
				esc(&x.Symbol)
			case *sqlschema.Check:
				esc(&x.Name)
			case *postgres.Constraint:
				esc(&x.N)
			case *postgres.SerialType:
				esc(&x.SequenceName)
			}
			walk(rv.Elem())
		case reflect.Interface:
			if rv.IsNil() {
				return
			}
			if c, ok := rv.Interface().(*sqlschema.Comment); ok && d == dialect.MySQL && rv.CanSet() {
				if quoted[c] {
					return // a slot shared by two copies of one value
				}
				// Atlas writes a MySQL comment between double quotes,
				// which ANSI_QUOTES reads as an identifier, and takes a
				// text that looks quoted as already quoted: a text
				// quoted here is written as it is. The quoted copy goes
				// in the slot, the comment itself is left alone: it may
				// be shared with values planned at the same time (the
				// shape probes' columns share their attributes), which
				// would then read it quoted and quote it again.
				old := reflect.ValueOf(rv.Interface())
				cp := &sqlschema.Comment{Text: d.QuoteString(c.Text)}
				quoted[cp] = true
				rv.Set(reflect.ValueOf(cp))
				slots = append(slots, func() { rv.Set(old) })
				return
			}
			walk(rv.Elem())
		case reflect.Struct:
			for i := 0; i < rv.NumField(); i++ {
				f := rv.Type().Field(i)
				// A table's schema leads to every other table: the names
				// a plan prints are those of its changes and of what they
				// refer to (plans are unqualified).
				if f.IsExported() && f.Type != schemaPtr && f.Type != realmPtr {
					walk(rv.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < rv.Len(); i++ {
				walk(rv.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(v))
	return func() {
		for i := len(undo) - 1; i >= 0; i-- {
			*undo[i].p = undo[i].old
		}
		for _, f := range slots {
			f()
		}
		for _, f := range columns {
			f()
		}
	}, swaps
}
