package diff

import (
	"reflect"
	"strconv"
	"strings"

	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
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
		if p, err := sqlite.ParseType(raw); err == nil {
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
