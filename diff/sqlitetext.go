package diff

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/atlastype"
	"github.com/retortdb/retort/internal/inspect"
)

// SQLite keeps a table's CREATE TABLE text, and GORM's SQLite migrator
// reads its columns back from that text (gorm.io/driver/sqlite, ddlmod.go):
// the declared type with its size, and the default as written. For a
// database retort made to look to GORM like the one GORM makes, each column
// must be written as GORM writes it, which atlas's SQLite planner does not
// do: it drops the size of a type (varchar(180) becomes varchar, so GORM
// sees a size change), quotes every string default in single quotes
// (GORM writes "x", and reads 'x' back as a different value), and wraps
// CURRENT_TIMESTAMP and null in parentheses (GORM reads "(null" back as a
// default). For the time atlas plans, sqliteColumn gives a column a type
// that atlas prints as the declared text and a default that it prints as
// it is, and returns the function that puts the column back.

// sqliteColumn prepares c for atlas's SQLite planner (see above); swaps
// records a default string written in double quotes, and the same string
// in single quotes, for fixRebuildCopy.
func sqliteColumn(c *sqlschema.Column, swaps map[string]string) (restore func()) {
	if c.Type == nil || c.Type.Type == nil {
		return func() {}
	}
	typ, def := c.Type, c.Default
	if _, ok := typ.Type.(*sqlite.UserDefinedType); ok {
		return func() {} // printed as declared already, and not lower-cased
	}
	text, ok := sqliteTypeText(typ)
	if !ok {
		return func() {}
	}
	// Atlas prints a BoolType as its (lower-cased) name, and a literal
	// default of a BoolType column as it is: the one type that does both.
	c.Type = &sqlschema.ColumnType{Type: &sqlschema.BoolType{T: text}, Raw: typ.Raw, Null: typ.Null}
	switch x := def.(type) {
	case *sqlschema.Literal:
		v := x.V
		switch {
		case isQuotedWith(v, '\''), isQuotedWith(v, '"'):
		default:
			switch typ.Type.(type) {
			case *sqlschema.BoolType, *sqlschema.DecimalType, *sqlschema.IntegerType, *sqlschema.FloatType:
			default:
				v = "'" + strings.ReplaceAll(v, "'", "''") + "'"
			}
		}
		if isQuotedWith(v, '"') {
			swaps[v] = "'" + strings.ReplaceAll(strings.ReplaceAll(v[1:len(v)-1], `""`, `"`), "'", "''") + "'"
		}
		c.Default = &sqlschema.Literal{V: v}
	case *sqlschema.RawExpr:
		// A constant or a keyword needs no parentheses (SQLite keeps
		// none in the default it reports); an expression keeps atlas's.
		if bareDefault(x.X) {
			c.Default = &sqlschema.Literal{V: x.X}
		}
	}
	return func() { c.Type, c.Default = typ, def }
}

// sqliteTypeText is the type of a column as declared: the text it was
// read or parsed from, when that text still says the same type, else the
// type atlas formats with its size (which atlas's FormatType leaves out).
func sqliteTypeText(ct *sqlschema.ColumnType) (string, bool) {
	f, err := sqlite.FormatType(ct.Type)
	if err != nil {
		return "", false
	}
	if raw := strings.TrimSpace(ct.Raw); raw != "" {
		if p, err := atlastype.Parse(dialect.SQLite, raw); err == nil {
			if reflect.TypeOf(p) == reflect.TypeOf(ct.Type) && sameSize(p, ct.Type) {
				return strings.ToLower(raw), true
			}
		}
	}
	if strings.HasSuffix(f, ")") {
		return f, true // a name that holds its size already
	}
	switch t := ct.Type.(type) {
	case *sqlschema.StringType:
		if t.Size > 0 {
			f += "(" + strconv.Itoa(t.Size) + ")"
		}
	case *sqlschema.DecimalType:
		if t.Precision > 0 {
			f += "(" + strconv.Itoa(t.Precision)
			if t.Scale > 0 {
				f += "," + strconv.Itoa(t.Scale)
			}
			f += ")"
		}
	}
	return f, true
}

// sameSize reports whether two types of the same name have the same size.
func sameSize(a, b sqlschema.Type) bool {
	switch a := a.(type) {
	case *sqlschema.StringType:
		b, ok := b.(*sqlschema.StringType)
		return ok && a.Size == b.Size
	case *sqlschema.DecimalType:
		b, ok := b.(*sqlschema.DecimalType)
		return ok && a.Precision == b.Precision && a.Scale == b.Scale
	}
	return true
}

// bareDefault reports whether a default expression is written without
// parentheses: a number, a boolean, NULL or one of SQLite's time keywords.
func bareDefault(x string) bool {
	switch strings.ToUpper(x) {
	case "NULL", "TRUE", "FALSE", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME":
		return true
	}
	_, err := strconv.ParseFloat(x, 64)
	return err == nil
}

// isQuotedWith reports whether s is one string quoted with q, inner quotes
// doubled.
func isQuotedWith(s string, q byte) bool {
	last := len(s) - 1
	if last < 1 || s[0] != q || s[last] != q {
		return false
	}
	for i := 1; i < last; i++ {
		if s[i] == q {
			if i+1 < last && s[i+1] == q {
				i++
				continue
			}
			return false
		}
	}
	return true
}

// fixRebuildCopy rewrites, in the statement that copies the rows of a
// rebuilt table, a default in double quotes to single quotes: there it is
// an expression (IFNULL(col, "x")), where SQLite would take "x" for a
// column named x when there is one.
func fixRebuildCopy(cmd string, swaps map[string]string) string {
	if len(swaps) == 0 || !strings.HasPrefix(cmd, "INSERT INTO ") || !strings.Contains(cmd, "IFNULL(") {
		return cmd
	}
	for dq, sq := range swaps {
		cmd = strings.ReplaceAll(cmd, ", "+dq+") AS ", ", "+sq+") AS ")
	}
	return cmd
}

// GORM writes the constraint of a `unique` field inline in SQLite's
// CREATE TABLE text (CONSTRAINT `uni_users_email` UNIQUE (`email`)), and
// its migrator reads the column's uniqueness from that text: a unique
// index instead makes GORM's AutoMigrate rebuild the table at the
// application's next start. Atlas's SQLite planner writes every index as
// CREATE INDEX, so for the time atlas plans, inlineUniques takes out of
// each table created or rebuilt the indexes that are inline constraints
// (sqliteInline) and puts in their place a CHECK constraint of a name
// found nowhere else, whose text the statements then swap for the
// constraint's (fixInline).

// inlineUnique is what an attribute on a desired SQLite unique index
// implements when the models make it an inline constraint of that name
// (schema.UniqueConstraint).
type inlineUnique interface {
	InlineUnique() string
}

// sqliteInline returns the text of the inline constraint that idx of t
// is, if it is one: a desired index of a `unique` field, or the index of
// a constraint SQLite made (origin "u"), written as t's CREATE TABLE text
// (inspected) writes it.
func sqliteInline(t *sqlschema.Table, idx *sqlschema.Index) (string, bool) {
	if !idx.Unique || len(idx.Parts) == 0 || hasAttr[*sqlite.IndexPredicate](idx.Attrs) {
		return "", false
	}
	cols := make([]string, len(idx.Parts))
	for i, p := range idx.Parts {
		if p.C == nil {
			return "", false
		}
		cols[i] = p.C.Name
	}
	name, named := "", false
	for _, a := range idx.Attrs {
		if u, ok := a.(inlineUnique); ok {
			name, named = u.InlineUnique(), true
		}
	}
	if !named {
		if o, ok := attrOf[*sqlite.IndexOrigin](idx.Attrs); !ok || o.O != "u" {
			return "", false
		}
		if cs, ok := attrOf[*sqlite.CreateStmt](t.Attrs); ok {
			for _, u := range inspect.SQLiteUniques(cs.S) {
				if !slices.EqualFunc(u.Columns, cols, strings.EqualFold) {
					continue
				}
				if u.Text != "" {
					return u.Text, true
				}
				name, named = u.Name, u.Name != ""
				break
			}
		}
	}
	var b strings.Builder
	if named {
		b.WriteString("CONSTRAINT " + sqliteIdent(name) + " ")
	}
	b.WriteString("UNIQUE (")
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(sqliteIdent(c))
	}
	b.WriteString(")")
	return b.String(), true
}

// sqliteIdent quotes a name as atlas and GORM do on SQLite.
func sqliteIdent(s string) string { return "`" + strings.ReplaceAll(s, "`", "``") + "`" }

// inlineUniques prepares the tables that changes create or rebuild (see
// above) and returns the function that puts them back, and the one that
// writes the constraints into a planned statement.
func inlineUniques(changes []sqlschema.Change) (restore func(), fix func(string) string) {
	type saved struct {
		t       *sqlschema.Table
		indexes []*sqlschema.Index
		attrs   []sqlschema.Attr
	}
	var (
		undo []saved
		swap = map[string]string{}
		seen = map[*sqlschema.Table]bool{}
	)
	for _, c := range changes {
		var t *sqlschema.Table
		switch c := c.(type) {
		case *sqlschema.AddTable:
			t = c.T
		case *sqlschema.ModifyTable:
			t = c.T // rebuilt from c.T, when atlas cannot ALTER
		}
		if t == nil || seen[t] {
			continue
		}
		seen[t] = true
		var (
			kept    []*sqlschema.Index
			clauses []string
		)
		for _, idx := range t.Indexes {
			if text, ok := sqliteInline(t, idx); ok {
				clauses = append(clauses, text)
			} else {
				kept = append(kept, idx)
			}
		}
		if len(clauses) == 0 {
			continue
		}
		undo = append(undo, saved{t, t.Indexes, t.Attrs})
		t.Indexes = kept
		t.Attrs = slices.Clip(t.Attrs)
		for _, text := range clauses {
			name := fmt.Sprintf("retort inline unique %d", len(swap))
			t.Attrs = append(t.Attrs, &sqlschema.Check{Name: name, Expr: "(0)"})
			swap["CONSTRAINT "+sqliteIdent(name)+" CHECK (0)"] = text
		}
	}
	restore = func() {
		for _, s := range undo {
			s.t.Indexes, s.t.Attrs = s.indexes, s.attrs
		}
	}
	fix = func(cmd string) string {
		if len(swap) == 0 || !strings.HasPrefix(cmd, "CREATE TABLE ") {
			return cmd
		}
		for check, text := range swap {
			cmd = strings.Replace(cmd, check, text, 1)
		}
		return cmd
	}
	return restore, fix
}
