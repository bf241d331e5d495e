package diff

import (
	"fmt"
	"strings"
	"unicode/utf8"

	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// ModelError is a schema of the models that the database refuses, said in
// the models' terms: which field made the refused object, and how GORM
// read it. It is bad input, like an error in a struct tag.
type ModelError struct{ Msg string }

func (e *ModelError) Error() string { return e.Msg }

// BadInput reports that the error is about the user's models.
func (e *ModelError) BadInput() bool { return true }

// origin is what an attribute on a desired foreign key implements to say
// which model field made it (the models package's Relation).
type origin interface {
	Origin() string
}

// refused explains why the scratch database refused stmt, a statement of
// the models' schema s: a foreign key whose referenced columns the server
// cannot refer to (GORM's has-one guess pointing a key at a column that
// is not unique, on PostgreSQL; at one with no index, on MySQL), named by
// its model field. Other refusals keep the server's words, with the start
// of the statement.
func refused(d dialect.Name, s *sqlschema.Schema, stmt string, err error) error {
	if d != dialect.SQLite && s != nil {
		for _, t := range s.Tables {
			for _, fk := range t.ForeignKeys {
				if fk.RefTable == nil || referable(d, fk) {
					continue
				}
				from := ""
				for _, a := range fk.Attrs {
					if o, ok := a.(origin); ok {
						from = o.Origin()
					}
				}
				if from == "" {
					continue
				}
				need := "its primary key or a unique index"
				if d == dialect.MySQL {
					need = "the first columns of an index"
				}
				return &ModelError{Msg: fmt.Sprintf("%s; the database refuses the foreign key %s, as %s.(%s) is not %s (%s); "+
					"say which side holds the key with foreignKey:/references: tags, leave the key out with constraint:- on the field, "+
					"or set [models] foreign_keys = false if the program sets DisableForeignKeyConstraintWhenMigrating",
					from, fk.Symbol, fk.RefTable.Name, strings.Join(colNames(fk.RefColumns), ", "), need, oneLine(err.Error()))}
			}
		}
	}
	return fmt.Errorf("diff: the database refuses the models' schema: %s: %w", stmtHead(stmt), err)
}

// referable reports whether the server accepts a key referring to the
// referenced columns of fk: on PostgreSQL they must be the primary key or
// a unique index, on MySQL the leftmost columns of some index.
func referable(d dialect.Name, fk *sqlschema.ForeignKey) bool {
	want := colNames(fk.RefColumns)
	t := fk.RefTable
	var keys [][]string
	if t.PrimaryKey != nil {
		keys = append(keys, partNames(t.PrimaryKey))
	}
	for _, idx := range t.Indexes {
		if d == dialect.Postgres && !idx.Unique {
			continue
		}
		keys = append(keys, partNames(idx))
	}
	for _, k := range keys {
		switch {
		case d == dialect.MySQL && len(k) >= len(want) && strings.Join(k[:len(want)], ",") == strings.Join(want, ","):
			return true
		case d == dialect.Postgres && sameSet(k, want):
			return true
		}
	}
	return false
}

func colNames(cs []*sqlschema.Column) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

func partNames(idx *sqlschema.Index) []string {
	var out []string
	for _, p := range idx.Parts {
		if p.C == nil {
			return nil // an expression: not a key a foreign key can use
		}
		out = append(out, p.C.Name)
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]bool{}
	for _, x := range a {
		seen[x] = true
	}
	for _, x := range b {
		if !seen[x] {
			return false
		}
	}
	return true
}

// stmtHead is the start of a statement, enough to tell which it is.
func stmtHead(s string) string {
	s = oneLine(s)
	if len(s) <= 100 {
		return s
	}
	cut := 100
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
