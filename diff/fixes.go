package diff

import (
	"fmt"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// regenerated is a PostgreSQL column whose generation expression changes
// (or that becomes generated): PostgreSQL cannot alter that in place, so
// the column is dropped and added again, and its values computed anew.
type regenerated struct {
	table    string
	from, to *sqlschema.Column // with their generation expressions
}

// detachGenerated finds such columns and takes the expressions off both
// sides, so that atlas's differ (which refuses them) sees no change there.
func detachGenerated(from, to *sqlschema.Schema) []regenerated {
	var out []regenerated
	fromTable := lookup(from)
	for _, tt := range to.Tables {
		ft, ok := fromTable(tt.Name)
		if !ok {
			continue
		}
		for _, tc := range tt.Columns {
			fc, ok := ft.Column(tc.Name)
			if !ok {
				continue
			}
			fx, fromHas := attrOf[*sqlschema.GeneratedExpr](fc.Attrs)
			tx, toHas := attrOf[*sqlschema.GeneratedExpr](tc.Attrs)
			if !toHas || (fromHas && normExpr(fx.Expr) == normExpr(tx.Expr)) {
				continue
			}
			r := regenerated{table: tt.Name, from: copyColumn(fc), to: copyColumn(tc)}
			out = append(out, r)
			fc.Attrs = withoutGenerated(fc.Attrs)
			tc.Attrs = withoutGenerated(tc.Attrs)
			fc.Type = tc.Type
			fc.Default = tc.Default
		}
	}
	return out
}

func copyColumn(c *sqlschema.Column) *sqlschema.Column {
	cc := *c
	cc.Attrs = append([]sqlschema.Attr(nil), c.Attrs...)
	return &cc
}

func withoutGenerated(attrs []sqlschema.Attr) []sqlschema.Attr {
	var out []sqlschema.Attr
	for _, a := range attrs {
		if _, ok := a.(*sqlschema.GeneratedExpr); !ok {
			out = append(out, a)
		}
	}
	return out
}

// reattachGenerated adds the drop and add of each regenerated column to
// its table's changes.
func reattachGenerated(changes []sqlschema.Change, to *sqlschema.Schema, regen []regenerated) []sqlschema.Change {
	for _, r := range regen {
		var m *sqlschema.ModifyTable
		for _, c := range changes {
			if mt, ok := c.(*sqlschema.ModifyTable); ok && mt.T.Name == r.table {
				m = mt
				break
			}
		}
		if m == nil {
			t, _ := to.Table(r.table)
			m = &sqlschema.ModifyTable{T: t}
			changes = append(changes, m)
		}
		var kept []sqlschema.Change
		for _, c := range m.Changes {
			if mc, ok := c.(*sqlschema.ModifyColumn); ok && mc.To.Name == r.to.Name {
				continue
			}
			kept = append(kept, c)
		}
		m.Changes = append(kept, &sqlschema.DropColumn{C: r.from}, &sqlschema.AddColumn{C: r.to})
	}
	return changes
}

// fillRestored makes a downgrade that adds back a NOT NULL column without
// a default (one the upgrade dropped) runnable on a table with rows: the
// column is added with the zero value of its type as a temporary default,
// which is then dropped. The values were lost with the upgrade; the rows
// are not. MySQL fills such columns by itself. It returns the statements
// to run after the tables are altered (PostgreSQL).
func fillRestored(d dialect.Name, changes []sqlschema.Change) ([]sqlschema.Change, []string) {
	if d == dialect.MySQL {
		return changes, nil
	}
	var (
		after []string
		extra []sqlschema.Change
	)
	for i, c := range changes {
		m, ok := c.(*sqlschema.ModifyTable)
		if !ok {
			continue
		}
		var filled []*sqlschema.Column
		subs := append([]sqlschema.Change(nil), m.Changes...)
		for j, sub := range subs {
			add, ok := sub.(*sqlschema.AddColumn)
			if !ok || add.C.Type == nil || add.C.Type.Null || add.C.Default != nil || generated(add.C) || autoIncrement(add.C) {
				continue
			}
			zero, ok := zeroValue(d, add.C)
			if !ok {
				continue
			}
			tmp := copyColumn(add.C)
			tmp.Default = &sqlschema.RawExpr{X: zero}
			subs[j] = &sqlschema.AddColumn{C: tmp}
			filled = append(filled, add.C)
			if d == dialect.Postgres {
				after = append(after, fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT", d.QuoteIdent(m.T.Name), d.QuoteIdent(add.C.Name)))
			}
		}
		if len(filled) == 0 {
			continue
		}
		if d == dialect.SQLite {
			// The rebuild creates the table from m.T: give it the
			// defaulted columns, and rebuild once more without them.
			t := *m.T
			t.Columns = append([]*sqlschema.Column(nil), m.T.Columns...)
			for k, col := range t.Columns {
				for j, sub := range subs {
					if add, ok := sub.(*sqlschema.AddColumn); ok && add.C.Name == col.Name && add.C != col {
						t.Columns[k] = add.C
						_ = j
					}
				}
			}
			changes[i] = &sqlschema.ModifyTable{T: &t, Changes: subs}
			var undo []sqlschema.Change
			for _, col := range filled {
				from, _ := t.Column(col.Name)
				undo = append(undo, &sqlschema.ModifyColumn{From: from, To: col, Change: sqlschema.ChangeDefault})
			}
			extra = append(extra, &sqlschema.ModifyTable{T: m.T, Changes: undo})
			continue
		}
		changes[i] = &sqlschema.ModifyTable{T: m.T, Changes: subs}
	}
	return append(changes, extra...), after
}

// zeroValue is the literal of the zero value of c's type.
func zeroValue(d dialect.Name, c *sqlschema.Column) (string, bool) {
	switch t := c.Type.Type.(type) {
	case *sqlschema.IntegerType, *sqlschema.DecimalType, *sqlschema.FloatType:
		return "0", true
	case *sqlschema.StringType, *sqlschema.BinaryType:
		return "''", true
	case *sqlschema.BoolType:
		if d == dialect.SQLite {
			return "0", true
		}
		return "false", true
	case *sqlschema.JSONType:
		return "'{}'", true
	case *sqlschema.UUIDType:
		return "'00000000-0000-0000-0000-000000000000'", true
	case *sqlschema.EnumType:
		if len(t.Values) > 0 {
			return d.QuoteString(t.Values[0]), true
		}
	case *sqlschema.TimeType:
		switch tt := strings.ToLower(t.T); {
		case tt == "date":
			return "'1970-01-01'", true
		case strings.HasPrefix(tt, "time") && !strings.HasPrefix(tt, "timestamp"):
			return "'00:00:00'", true
		default:
			return "'1970-01-01 00:00:00'", true
		}
	}
	return "", false
}

// attrChanges adds what atlas's MySQL and SQLite differs do not see: a
// column that becomes (or stops being) AUTO_INCREMENT, and, on MySQL, a
// changed ON UPDATE clause.
func attrChanges(d dialect.Name, from, to *sqlschema.Schema, changes []sqlschema.Change) []sqlschema.Change {
	if d == dialect.Postgres {
		return changes
	}
	fromTable := lookup(from)
	for _, tt := range to.Tables {
		ft, ok := fromTable(tt.Name)
		if !ok {
			continue
		}
		for _, tc := range tt.Columns {
			fc, ok := ft.Column(tc.Name)
			if !ok || (autoIncAttr(fc.Attrs) == autoIncAttr(tc.Attrs) && onUpdate(fc.Attrs) == onUpdate(tc.Attrs)) {
				continue
			}
			changes = addColumnChange(changes, tt, fc, tc, sqlschema.ChangeAttr)
		}
	}
	return changes
}

// addColumnChange adds kind to the change of column to in table t,
// making the change (and the table's) if there is none.
func addColumnChange(changes []sqlschema.Change, t *sqlschema.Table, from, to *sqlschema.Column, kind sqlschema.ChangeKind) []sqlschema.Change {
	var m *sqlschema.ModifyTable
	for _, c := range changes {
		if mt, ok := c.(*sqlschema.ModifyTable); ok && mt.T.Name == t.Name {
			m = mt
			break
		}
	}
	if m == nil {
		m = &sqlschema.ModifyTable{T: t}
		changes = append(changes, m)
	}
	for _, c := range m.Changes {
		if mc, ok := c.(*sqlschema.ModifyColumn); ok && mc.To.Name == to.Name {
			mc.Change |= kind
			return changes
		}
	}
	m.Changes = append(m.Changes, &sqlschema.ModifyColumn{From: from, To: to, Change: kind})
	return changes
}

// autoIncAttr reports whether attrs make a column auto-increment (the
// AutoIncrement attribute of atlas's mysql and sqlite packages).
func autoIncAttr(attrs []sqlschema.Attr) bool {
	for _, a := range attrs {
		if attrName(a) == "AutoIncrement" {
			return true
		}
	}
	return false
}

func onUpdate(attrs []sqlschema.Attr) string {
	for _, a := range attrs {
		if u, ok := a.(*mysql.OnUpdate); ok {
			return strings.ToLower(strings.TrimSuffix(u.A, "()"))
		}
	}
	return ""
}

// serialStarts returns, for PostgreSQL columns that become serial (their
// sequence is created by the change), the statement that starts the
// sequence after the largest value the column holds.
func serialStarts(d dialect.Name, changes []sqlschema.Change) []string {
	if d != dialect.Postgres {
		return nil
	}
	var out []string
	for _, c := range changes {
		m, ok := c.(*sqlschema.ModifyTable)
		if !ok {
			continue
		}
		for _, sub := range m.Changes {
			mc, ok := sub.(*sqlschema.ModifyColumn)
			if !ok || !mc.Change.Is(sqlschema.ChangeType) {
				continue
			}
			_, toSerial := mc.To.Type.Type.(*postgres.SerialType)
			_, fromSerial := mc.From.Type.Type.(*postgres.SerialType)
			if toSerial && !fromSerial {
				t, col := d.QuoteIdent(m.T.Name), d.QuoteIdent(mc.To.Name)
				out = append(out, fmt.Sprintf("SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max(%s), 0) + 1, false) FROM %s",
					d.QuoteString(t), d.QuoteString(mc.To.Name), col, t))
			}
		}
	}
	return out
}

// implicitCharset marks a normalized table or column whose model gave no
// charset or collation: the server's default was filled in, and the
// database's own, whatever it is, is not a change.
type implicitCharset struct{ sqlschema.Attr }

func hasCharset(attrs []sqlschema.Attr) bool {
	for _, a := range attrs {
		switch a.(type) {
		case *sqlschema.Charset, *sqlschema.Collation:
			return true
		}
	}
	return false
}

func markImplicitCharsets(models, normalized *sqlschema.Schema) {
	normalizedTable := lookup(normalized)
	for _, t := range models.Tables {
		nt, ok := normalizedTable(t.Name)
		if !ok {
			continue
		}
		if !hasCharset(t.Attrs) {
			nt.Attrs = append(nt.Attrs, &implicitCharset{})
		}
		for _, c := range t.Columns {
			if nc, ok := nt.Column(c.Name); ok && !hasCharset(c.Attrs) {
				nc.Attrs = append(nc.Attrs, &implicitCharset{})
			}
		}
	}
}

// adoptCharsets gives the models' side of each table and column that says
// nothing of its charset and collation those of the database's side.
func adoptCharsets(from, to *sqlschema.Schema) {
	adopt := func(dst *[]sqlschema.Attr, src []sqlschema.Attr) {
		var out []sqlschema.Attr
		for _, a := range *dst {
			switch a.(type) {
			case *sqlschema.Charset, *sqlschema.Collation, *implicitCharset:
				continue
			}
			out = append(out, a)
		}
		for _, a := range src {
			switch a.(type) {
			case *sqlschema.Charset, *sqlschema.Collation:
				out = append(out, a)
			}
		}
		*dst = out
	}
	implicit := func(attrs []sqlschema.Attr) bool {
		return hasAttr[*implicitCharset](attrs)
	}
	fromTable := lookup(from)
	for _, tt := range to.Tables {
		ft, ok := fromTable(tt.Name)
		if !ok {
			continue
		}
		switch {
		case implicit(tt.Attrs):
			adopt(&tt.Attrs, ft.Attrs)
		case implicit(ft.Attrs):
			adopt(&ft.Attrs, tt.Attrs)
		}
		for _, tc := range tt.Columns {
			fc, ok := ft.Column(tc.Name)
			if !ok {
				continue
			}
			switch {
			case implicit(tc.Attrs):
				adopt(&tc.Attrs, fc.Attrs)
			case implicit(fc.Attrs):
				adopt(&fc.Attrs, tc.Attrs)
			}
		}
	}
	// The marks of tables and columns without a counterpart go too.
	for _, s := range []*sqlschema.Schema{from, to} {
		for _, t := range s.Tables {
			t.Attrs = withoutPrivate(t.Attrs)
			for _, c := range t.Columns {
				c.Attrs = withoutPrivate(c.Attrs)
			}
		}
	}
}
