package diff

import (
	"fmt"
	"reflect"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dialect"
)

// summarize writes the changes in plain words, one line each.
func summarize(d dialect.Name, changes []sqlschema.Change) []Change {
	var out []Change
	add := func(kind, table, object, format string, args ...any) {
		out = append(out, Change{Kind: kind, Table: table, Object: object, Text: fmt.Sprintf(format, args...)})
	}
	for _, c := range changes {
		switch c := c.(type) {
		case *sqlschema.RenameTable:
			add("rename table", c.To.Name, "", "rename table %s to %s", c.From.Name, c.To.Name)
		case *sqlschema.AddTable:
			add("add table", c.T.Name, "", "add table %s (%s)", c.T.Name, columnList(d, c.T.Columns))
		case *sqlschema.DropTable:
			add("drop table", c.T.Name, "", "drop table %s", c.T.Name)
		case *sqlschema.AddObject:
			if e, ok := c.O.(*sqlschema.EnumType); ok {
				add("add enum", "", e.T, "add enum type %s (%s)", e.T, quoteValues(d, e.Values))
			}
		case *sqlschema.DropObject:
			if e, ok := c.O.(*sqlschema.EnumType); ok {
				add("drop enum", "", e.T, "drop enum type %s", e.T)
			}
		case *sqlschema.ModifyObject:
			if e, ok := c.To.(*sqlschema.EnumType); ok {
				from, _ := c.From.(*sqlschema.EnumType)
				add("modify enum", "", e.T, "add value(s) %s to enum type %s", quoteValues(d, newValues(from, e)), e.T)
			}
		case *sqlschema.ModifyTable:
			t := c.T.Name
			for _, sub := range c.Changes {
				switch sub := sub.(type) {
				case *sqlschema.AddColumn:
					add("add column", t, sub.C.Name, "add column %s.%s %s", t, sub.C.Name, columnDef(d, sub.C))
				case *sqlschema.DropColumn:
					add("drop column", t, sub.C.Name, "drop column %s.%s", t, sub.C.Name)
				case *sqlschema.RenameColumn:
					add("rename column", t, sub.To.Name, "rename column %s.%s to %s", t, sub.From.Name, sub.To.Name)
				case *sqlschema.ModifyColumn:
					add("modify column", t, sub.To.Name, "modify column %s.%s: %s", t, sub.To.Name, columnChange(d, sub))
				case *sqlschema.AddIndex:
					add("add index", t, sub.I.Name, "add %s %s on %s (%s)", indexWord(sub.I), sub.I.Name, t, partList(sub.I))
				case *sqlschema.DropIndex:
					add("drop index", t, sub.I.Name, "drop %s %s on %s", indexWord(sub.I), sub.I.Name, t)
				case *sqlschema.ModifyIndex:
					add("modify index", t, sub.To.Name, "change %s %s on %s to (%s)", indexWord(sub.To), sub.To.Name, t, partList(sub.To))
				case *sqlschema.RenameIndex:
					add("rename index", t, sub.To.Name, "rename index %s on %s to %s", sub.From.Name, t, sub.To.Name)
				case *sqlschema.AddPrimaryKey:
					add("add primary key", t, "", "add primary key on %s (%s)", t, partList(sub.P))
				case *sqlschema.DropPrimaryKey:
					add("drop primary key", t, "", "drop primary key of %s (%s)", t, partList(sub.P))
				case *sqlschema.ModifyPrimaryKey:
					add("modify primary key", t, "", "change primary key of %s from (%s) to (%s)", t, partList(sub.From), partList(sub.To))
				case *sqlschema.AddForeignKey:
					add("add foreign key", t, sub.F.Symbol, "add foreign key %s on %s %s", sub.F.Symbol, t, fkDef(sub.F))
				case *sqlschema.DropForeignKey:
					add("drop foreign key", t, sub.F.Symbol, "drop foreign key %s on %s", sub.F.Symbol, t)
				case *sqlschema.ModifyForeignKey:
					add("modify foreign key", t, sub.To.Symbol, "change foreign key %s on %s to %s%s", sub.To.Symbol, t, fkDef(sub.To), fkActionChange(sub))
				case *sqlschema.AddCheck:
					add("add check", t, sub.C.Name, "add check %son %s: %s", checkName(sub.C), t, sub.C.Expr)
				case *sqlschema.DropCheck:
					add("drop check", t, sub.C.Name, "drop check %son %s: %s", checkName(sub.C), t, sub.C.Expr)
				case *sqlschema.ModifyCheck:
					add("modify check", t, sub.To.Name, "change check %son %s to: %s", checkName(sub.To), t, sub.To.Expr)
				case *sqlschema.AddAttr:
					if cm, ok := sub.A.(*sqlschema.Comment); ok {
						add("table comment", t, "", "set comment of table %s to %s", t, d.QuoteString(cm.Text))
					} else {
						add("table option", t, "", "add option %s to table %s", attrName(sub.A), t)
					}
				case *sqlschema.DropAttr:
					if _, ok := sub.A.(*sqlschema.Comment); ok {
						add("table comment", t, "", "remove comment of table %s", t)
					} else {
						add("table option", t, "", "drop option %s of table %s", attrName(sub.A), t)
					}
				case *sqlschema.ModifyAttr:
					if cm, ok := sub.To.(*sqlschema.Comment); ok {
						add("table comment", t, "", "set comment of table %s to %s", t, d.QuoteString(cm.Text))
					} else {
						add("table option", t, "", "change option %s of table %s", attrName(sub.To), t)
					}
				default:
					add("modify table", t, "", "modify table %s (%T)", t, sub)
				}
			}
		}
	}
	return out
}

func attrName(a sqlschema.Attr) string {
	s := fmt.Sprintf("%T", a)
	if i := strings.LastIndex(s, "."); i >= 0 {
		s = s[i+1:]
	}
	return s
}

func newValues(from, to *sqlschema.EnumType) []string {
	have := map[string]bool{}
	if from != nil {
		for _, v := range from.Values {
			have[v] = true
		}
	}
	var out []string
	for _, v := range to.Values {
		if !have[v] {
			out = append(out, v)
		}
	}
	return out
}

func quoteValues(d dialect.Name, vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = d.QuoteString(v)
	}
	return strings.Join(q, ", ")
}

// typeString formats a column type as the dialect writes it.
func typeString(d dialect.Name, c *sqlschema.Column) string {
	if c.Type == nil {
		return "?"
	}
	var (
		s   string
		err error
	)
	if c.Type.Type != nil {
		switch d {
		case dialect.MySQL:
			s, err = mysql.FormatType(c.Type.Type)
		case dialect.Postgres:
			s, err = postgres.FormatType(c.Type.Type)
		default:
			s, err = sqlite.FormatType(c.Type.Type)
		}
	}
	if err != nil || s == "" {
		s = c.Type.Raw
	}
	return s
}

// columnDef is the column as a reader would write it:
// "varchar(255) NOT NULL DEFAULT ”".
func columnDef(d dialect.Name, c *sqlschema.Column) string {
	s := typeString(d, c)
	if c.Type != nil && !c.Type.Null {
		s += " NOT NULL"
	}
	if c.Default != nil {
		s += " DEFAULT " + exprString(c.Default)
	}
	if g, ok := attrOf[*sqlschema.GeneratedExpr](c.Attrs); ok {
		s += " GENERATED AS (" + normExpr(g.Expr) + ")"
	}
	return s
}

func columnChange(d dialect.Name, m *sqlschema.ModifyColumn) string {
	var parts []string
	if m.Change.Is(sqlschema.ChangeType) {
		parts = append(parts, fmt.Sprintf("type %s → %s", typeString(d, m.From), typeString(d, m.To)))
	}
	if m.Change.Is(sqlschema.ChangeNull) {
		if m.To.Type.Null {
			parts = append(parts, "NOT NULL → NULL")
		} else {
			parts = append(parts, "NULL → NOT NULL")
		}
	}
	if m.Change.Is(sqlschema.ChangeDefault) {
		parts = append(parts, fmt.Sprintf("default %s → %s", orNone(exprString(m.From.Default)), orNone(exprString(m.To.Default))))
	}
	if m.Change.Is(sqlschema.ChangeComment) {
		parts = append(parts, fmt.Sprintf("comment %s → %s", commentOf(d, m.From.Attrs), commentOf(d, m.To.Attrs)))
	}
	if m.Change.Is(sqlschema.ChangeGenerated) {
		parts = append(parts, "generated expression")
	}
	if m.Change.Is(sqlschema.ChangeAttr) {
		parts = append(parts, attrChange(d, m))
	}
	if m.Change.Is(sqlschema.ChangeCharset) || m.Change.Is(sqlschema.ChangeCollate) {
		parts = append(parts, "charset or collation")
	}
	if len(parts) == 0 {
		parts = append(parts, "definition")
	}
	return strings.Join(parts, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func columnList(d dialect.Name, cols []*sqlschema.Column) string {
	var parts []string
	for _, c := range cols {
		parts = append(parts, c.Name+" "+columnDef(d, c))
	}
	return strings.Join(parts, ", ")
}

func indexWord(idx *sqlschema.Index) string {
	if idx.Unique {
		return "unique index"
	}
	return "index"
}

// partList is the index's parts, and its predicate for a partial index.
func partList(idx *sqlschema.Index) string {
	s := parts(idx)
	if p := predicate(idx); p != "" {
		s += ") WHERE (" + normExpr(p)
	}
	return s
}

func predicate(idx *sqlschema.Index) string {
	for _, a := range idx.Attrs {
		if attrName(a) != "IndexPredicate" {
			continue
		}
		v := reflect.ValueOf(a)
		for v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		if f := v.FieldByName("P"); f.IsValid() && f.Kind() == reflect.String {
			return f.String()
		}
	}
	return ""
}

func parts(idx *sqlschema.Index) string {
	var parts []string
	for _, p := range idx.Parts {
		s := ""
		if p.C != nil {
			s = p.C.Name
		} else {
			s = exprString(p.X)
		}
		if p.Desc {
			s += " DESC"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func fkDef(fk *sqlschema.ForeignKey) string {
	var cols, refs []string
	for _, c := range fk.Columns {
		cols = append(cols, c.Name)
	}
	for _, c := range fk.RefColumns {
		refs = append(refs, c.Name)
	}
	rt := "?"
	if fk.RefTable != nil {
		rt = fk.RefTable.Name
	}
	s := fmt.Sprintf("(%s) references %s (%s)", strings.Join(cols, ", "), rt, strings.Join(refs, ", "))
	if fk.OnDelete != "" && fk.OnDelete != sqlschema.NoAction {
		s += " ON DELETE " + string(fk.OnDelete)
	}
	if fk.OnUpdate != "" && fk.OnUpdate != sqlschema.NoAction {
		s += " ON UPDATE " + string(fk.OnUpdate)
	}
	return s
}

// checkName is a check's name and a space, or "" for an unnamed check.
func checkName(c *sqlschema.Check) string {
	if c.Name == "" {
		return ""
	}
	return c.Name + " "
}

func commentOf(d dialect.Name, attrs []sqlschema.Attr) string {
	if c, ok := attrOf[*sqlschema.Comment](attrs); ok && c.Text != "" {
		return d.QuoteString(c.Text)
	}
	return "none"
}

// attrChange says which column attribute changes.
func attrChange(d dialect.Name, m *sqlschema.ModifyColumn) string {
	var parts []string
	if f, t := autoIncAttr(m.From.Attrs), autoIncAttr(m.To.Attrs); f != t {
		word := "AUTO_INCREMENT"
		if d == dialect.SQLite {
			word = "AUTOINCREMENT"
		}
		if t {
			parts = append(parts, word+" added")
		} else {
			parts = append(parts, word+" removed")
		}
	}
	if f, t := onUpdate(m.From.Attrs), onUpdate(m.To.Attrs); f != t {
		parts = append(parts, fmt.Sprintf("ON UPDATE %s → %s", orNone(f), orNone(t)))
	}
	fi, fok := identityOf(m.From)
	ti, tok := identityOf(m.To)
	switch {
	case tok && !fok:
		parts = append(parts, "identity (GENERATED "+strings.ToUpper(orDefault(ti, "BY DEFAULT"))+" AS IDENTITY, auto-increment) added")
	case fok && !tok:
		parts = append(parts, "identity (auto-increment) removed")
	case fok && tok && fi != ti:
		parts = append(parts, "identity GENERATED "+fi+" → "+ti)
	}
	if len(parts) == 0 {
		return "attributes (charset, collation or identity options)"
	}
	return strings.Join(parts, ", ")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// fkActionChange says how the actions of a foreign key change.
func fkActionChange(m *sqlschema.ModifyForeignKey) string {
	var parts []string
	act := func(o sqlschema.ReferenceOption) string {
		if o == "" {
			return string(sqlschema.NoAction)
		}
		return string(o)
	}
	if m.Change.Is(sqlschema.ChangeDeleteAction) {
		parts = append(parts, fmt.Sprintf("ON DELETE %s → %s", act(m.From.OnDelete), act(m.To.OnDelete)))
	}
	if m.Change.Is(sqlschema.ChangeUpdateAction) {
		parts = append(parts, fmt.Sprintf("ON UPDATE %s → %s", act(m.From.OnUpdate), act(m.To.OnUpdate)))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
