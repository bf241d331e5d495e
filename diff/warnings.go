package diff

import (
	"fmt"
	"sort"
	"strings"

	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// warnings lists, loudly, what in the changes can lose data, fail on a
// table with rows, or lock, and the drops and adds that look like renames.
// With down set the changes are a downgrade's: the warnings say "the
// downgrade", and suggest no renames (a rename hint is given to the
// upgrade, which the downgrade then reverses).
func warnings(d dialect.Name, changes []sqlschema.Change, down bool) []string {
	out := upgradeWarnings(d, changes, !down)
	if down {
		for i, w := range out {
			out[i] = strings.ReplaceAll(w, "the upgrade", "the downgrade")
		}
	}
	return out
}

// upgradeWarnings are the warnings of changes run as an upgrade; hints
// adds the drops and adds that look like renames.
func upgradeWarnings(d dialect.Name, changes []sqlschema.Change, hints bool) []string {
	var out []string
	var droppedTables, addedTables []*sqlschema.Table
	for _, c := range changes {
		switch c := c.(type) {
		case *sqlschema.DropTable:
			droppedTables = append(droppedTables, c.T)
			out = append(out, fmt.Sprintf("drops table %s: all its rows are lost", c.T.Name))
		case *sqlschema.AddTable:
			addedTables = append(addedTables, c.T)
		case *sqlschema.ModifyTable:
			out = append(out, tableWarnings(d, c, hints)...)
		}
	}
	if !hints {
		return out
	}
	for _, dt := range droppedTables {
		for _, at := range addedTables {
			if sameShape(d, dt, at) {
				out = append(out, fmt.Sprintf("table %s is dropped and table %s added with the same columns: if it is a rename, run again with --rename %s=%s, or write // retort:renamed_from %s above the model's struct", dt.Name, at.Name, dt.Name, at.Name, dt.Name))
			}
		}
	}
	return out
}

func tableWarnings(d dialect.Name, m *sqlschema.ModifyTable, hints bool) []string {
	var (
		out           []string
		t             = m.T.Name
		dropped, adds []*sqlschema.Column
	)
	for _, sub := range m.Changes {
		switch sub := sub.(type) {
		case *sqlschema.DropColumn:
			if generated(sub.C) {
				break // computed again from the other columns
			}
			dropped = append(dropped, sub.C)
			out = append(out, fmt.Sprintf("drops column %s.%s: its data is lost", t, sub.C.Name))
		case *sqlschema.AddColumn:
			adds = append(adds, sub.C)
			if !sub.C.Type.Null && sub.C.Default == nil && !generated(sub.C) && !autoIncrement(sub.C) {
				out = append(out, fmt.Sprintf("adds column %s.%s NOT NULL without a default: the upgrade fails if %s has rows", t, sub.C.Name, t))
			}
		case *sqlschema.ModifyColumn:
			if sub.Change.Is(sqlschema.ChangeType) {
				if why := narrowing(d, sub.From, sub.To); why != "" {
					out = append(out, fmt.Sprintf("changes column %s.%s from %s to %s: %s", t, sub.To.Name, typeString(d, sub.From), typeString(d, sub.To), why))
				}
			}
			if sub.Change.Is(sqlschema.ChangeNull) && !sub.To.Type.Null {
				if sub.To.Default == nil {
					out = append(out, fmt.Sprintf("makes column %s.%s NOT NULL without a default: the upgrade fails if a row holds NULL", t, sub.To.Name))
				} else {
					out = append(out, fmt.Sprintf("makes column %s.%s NOT NULL: the upgrade fails (or, on some servers, rows are changed) where a row holds NULL", t, sub.To.Name))
				}
			}
		case *sqlschema.AddIndex:
			if sub.I.Unique {
				out = append(out, fmt.Sprintf("adds unique index %s on %s (%s): the upgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table", sub.I.Name, t, partList(sub.I)))
			}
		case *sqlschema.ModifyIndex:
			if sub.To.Unique {
				out = append(out, fmt.Sprintf("changes unique index %s on %s to (%s): the upgrade fails if existing rows hold duplicates", sub.To.Name, t, partList(sub.To)))
			}
		case *sqlschema.AddPrimaryKey:
			out = append(out, fmt.Sprintf("adds a primary key to %s (%s): the upgrade fails on duplicates or NULLs, and rebuilds the table", t, partList(sub.P)))
		case *sqlschema.DropPrimaryKey:
			out = append(out, fmt.Sprintf("drops the primary key of %s (%s)", t, partList(sub.P)))
		case *sqlschema.ModifyPrimaryKey:
			out = append(out, fmt.Sprintf("changes the primary key of %s from (%s) to (%s): the upgrade fails on duplicates, and rebuilds the table", t, partList(sub.From), partList(sub.To)))
		case *sqlschema.AddCheck:
			out = append(out, fmt.Sprintf("adds check %son %s (%s): the upgrade fails if a row breaks it", checkName(sub.C), t, sub.C.Expr))
		case *sqlschema.ModifyCheck:
			out = append(out, fmt.Sprintf("changes check %son %s (%s): the upgrade fails if a row breaks it", checkName(sub.To), t, sub.To.Expr))
		}
	}
	if !hints {
		return out
	}
	for _, dc := range dropped {
		for _, ac := range adds {
			if dc.Name != ac.Name && typeString(d, dc) == typeString(d, ac) {
				out = append(out, fmt.Sprintf("column %s.%s is dropped and %s.%s added with the same type: if it is a rename, run again with --rename %s.%s=%s, or tag the field retort:\"renamed_from:%s\"", t, dc.Name, t, ac.Name, t, dc.Name, ac.Name, dc.Name))
			}
		}
	}
	return out
}

func generated(c *sqlschema.Column) bool {
	_, ok := attrOf[*sqlschema.GeneratedExpr](c.Attrs)
	return ok
}

func autoIncrement(c *sqlschema.Column) bool {
	for _, a := range c.Attrs {
		if strings.Contains(strings.ToLower(fmt.Sprintf("%T", a)), "autoincrement") || strings.Contains(strings.ToLower(fmt.Sprintf("%T", a)), "identity") {
			return true
		}
	}
	if c.Type != nil {
		if _, ok := c.Type.Type.(interface{ Serial() }); ok {
			return true
		}
		if strings.Contains(strings.ToLower(c.Type.Raw), "serial") {
			return true
		}
	}
	return false
}

var intRank = map[string]int{
	"tinyint": 1, "smallint": 2, "int2": 2, "mediumint": 3, "int": 4, "integer": 4, "int4": 4, "bigint": 5, "int8": 5,
	"smallserial": 2, "serial": 4, "bigserial": 5,
}

var textRank = map[string]int{
	"tinytext": 1, "text": 2, "mediumtext": 3, "longtext": 4,
	"tinyblob": 1, "blob": 2, "mediumblob": 3, "longblob": 4,
}

// narrowing says why changing a column from one type to the other can cut
// or reject values, or "" when it cannot.
func narrowing(d dialect.Name, from, to *sqlschema.Column) string {
	// Integers and serials (PostgreSQL) compare by width.
	if fr, ok := intWidth(from); ok {
		if tr, ok := intWidth(to); ok {
			if tr < fr {
				return "large values are rejected"
			}
			if fu, tu := unsigned(from), unsigned(to); fu != tu {
				return "values outside the new signed/unsigned range are rejected"
			}
			return ""
		}
	}
	switch ft := from.Type.Type.(type) {
	case *sqlschema.StringType:
		switch tt := to.Type.Type.(type) {
		case *sqlschema.StringType:
			fr, tr := textRank[strings.ToLower(ft.T)], textRank[strings.ToLower(tt.T)]
			switch {
			case fr > 0 && tr == 0:
				return "text values longer than the new size are cut or rejected"
			case fr > 0 && tr > 0 && tr < fr:
				return "long values are cut or rejected"
			case fr == 0 && tr == 0 && tt.Size > 0 && (ft.Size == 0 || tt.Size < ft.Size):
				return "longer values are cut or rejected"
			}
			return ""
		case *sqlschema.EnumType:
			return "values outside the enum are rejected"
		}
		return "values that do not convert make the upgrade fail"
	case *sqlschema.IntegerType:
		if tt, ok := to.Type.Type.(*sqlschema.IntegerType); ok {
			fr, tr := intRank[strings.ToLower(ft.T)], intRank[strings.ToLower(tt.T)]
			switch {
			case tr < fr:
				return "large values are rejected"
			case ft.Unsigned != tt.Unsigned:
				return "values outside the new signed/unsigned range are rejected"
			}
			return ""
		}
		switch to.Type.Type.(type) {
		case *sqlschema.DecimalType, *sqlschema.FloatType, *sqlschema.StringType:
			return ""
		}
		return "values that do not convert make the upgrade fail"
	case *sqlschema.DecimalType:
		if tt, ok := to.Type.Type.(*sqlschema.DecimalType); ok {
			if tt.Precision-tt.Scale < ft.Precision-ft.Scale {
				return "large values are rejected"
			}
			if tt.Scale < ft.Scale {
				return "digits after the point are rounded away"
			}
			return ""
		}
		return "values may be rounded or rejected"
	case *sqlschema.FloatType:
		if _, ok := to.Type.Type.(*sqlschema.FloatType); ok {
			return ""
		}
		return "values may be rounded or rejected"
	case *sqlschema.EnumType:
		if tt, ok := to.Type.Type.(*sqlschema.EnumType); ok {
			if lost := newValues(tt, ft); len(lost) > 0 {
				return fmt.Sprintf("enum value(s) %s are removed: rows holding them make the upgrade fail or are changed", quoteValues(d, lost))
			}
			return ""
		}
		return ""
	}
	if typeString(d, from) != typeString(d, to) {
		return "values that do not convert make the upgrade fail"
	}
	return ""
}

// sameShape reports whether two tables have the same column types in the
// same order.
func sameShape(d dialect.Name, a, b *sqlschema.Table) bool {
	if len(a.Columns) != len(b.Columns) || len(a.Columns) == 0 {
		return false
	}
	ta, tb := make([]string, len(a.Columns)), make([]string, len(b.Columns))
	for i := range a.Columns {
		ta[i], tb[i] = typeString(d, a.Columns[i]), typeString(d, b.Columns[i])
	}
	sort.Strings(ta)
	sort.Strings(tb)
	for i := range ta {
		if ta[i] != tb[i] {
			return false
		}
	}
	return true
}

// intWidth ranks an integer or serial column type by width.
func intWidth(c *sqlschema.Column) (int, bool) {
	switch t := c.Type.Type.(type) {
	case *sqlschema.IntegerType:
		r, ok := intRank[strings.ToLower(t.T)]
		return r, ok
	case *postgres.SerialType:
		r, ok := intRank[strings.ToLower(t.T)]
		return r, ok
	}
	return 0, false
}

func unsigned(c *sqlschema.Column) bool {
	t, ok := c.Type.Type.(*sqlschema.IntegerType)
	return ok && t.Unsigned
}
