package models

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/atlastype"
)

// Schema returns the models' schema on dialect d as an atlas schema named
// name: tables sorted by name, columns in GORM's field order, each table
// and column carrying its Pos. Column types are parsed by atlas's own
// parser of the dialect, so they compare like inspected ones.
func (m *Models) Schema(d dialect.Name, name string) (*sqlschema.Schema, error) {
	switch d {
	case dialect.MySQL, dialect.Postgres, dialect.SQLite:
	default:
		return nil, fmt.Errorf("schema: unknown dialect %q", d)
	}
	if m.slim {
		return nil, fmt.Errorf("models: Schema of Models.WithoutStructs, which has no structs left")
	}
	b := &builder{d: d, m: m, tables: map[*gschema]*sqlschema.Table{}}
	s := sqlschema.New(name)
	for _, gs := range m.tables {
		t := b.table(gs)
		s.AddTables(t)
	}
	for _, gs := range m.tables {
		b.foreignKeys(gs)
	}
	if len(b.errs) > 0 {
		return nil, &LoadError{Errs: sortErrs(b.errs)}
	}
	if d == dialect.Postgres {
		clipNames(s)
	}
	return s, nil
}

// pgMaxIdent is the longest identifier PostgreSQL keeps, in bytes
// (NAMEDATALEN-1): a longer one is cut to it, at a character boundary, in
// every statement, so the database holds the cut name.
const pgMaxIdent = 63

// clipNames cuts the names of s as PostgreSQL does: a model's name, or
// GORM's made-up one, of at most 63 characters can still be over 63 bytes.
func clipNames(s *sqlschema.Schema) {
	for _, t := range s.Tables {
		t.Name = clipName(t.Name, pgMaxIdent)
		for _, c := range t.Columns {
			c.Name = clipName(c.Name, pgMaxIdent)
		}
		for _, idx := range t.Indexes {
			idx.Name = clipName(idx.Name, pgMaxIdent)
			for _, a := range idx.Attrs {
				if c, ok := a.(*postgres.Constraint); ok {
					c.N = clipName(c.N, pgMaxIdent)
				}
			}
		}
		if t.PrimaryKey != nil {
			t.PrimaryKey.Name = clipName(t.PrimaryKey.Name, pgMaxIdent)
		}
		for _, fk := range t.ForeignKeys {
			fk.Symbol = clipName(fk.Symbol, pgMaxIdent)
		}
		for _, a := range t.Attrs {
			if c, ok := a.(*sqlschema.Check); ok {
				c.Name = clipName(c.Name, pgMaxIdent)
			}
		}
	}
}

type builder struct {
	d      dialect.Name
	m      *Models
	tables map[*gschema]*sqlschema.Table
	errs   []*PosError
}

// name returns a constraint or index name as GORM gives it on the dialect:
// default names hashed down to the identifier length of GORM's driver.
func (b *builder) name(s string, named bool) string {
	if named {
		return s
	}
	if b.d == dialect.Postgres {
		return hashName(s, 63)
	}
	return hashName(s, 64)
}

func (b *builder) errorf(pos Pos, model, format string, args ...any) {
	b.errs = append(b.errs, &PosError{Pos: pos, Model: model, Err: fmt.Errorf(format, args...)})
}

func (b *builder) table(gs *gschema) *sqlschema.Table {
	t := sqlschema.NewTable(gs.Table)
	b.tables[gs] = t
	t.AddAttrs(ptrPos(gs.ppos))
	if gs.decl != nil && gs.decl.renamedFrom != "" {
		t.AddAttrs(&RenamedFrom{Name: gs.decl.renamedFrom})
	}
	var inTypePK []*sqlschema.Column
	for _, dbName := range gs.DBNames {
		f := gs.FieldsByDBName[dbName]
		if f.IgnoreMigration {
			continue
		}
		c, pk := b.column(f)
		if c == nil {
			continue
		}
		if pk {
			inTypePK = append(inTypePK, c)
		}
		t.AddColumns(c)
	}
	var pkCols []*sqlschema.Column
	if len(inTypePK) > 0 {
		pkCols = inTypePK
	} else {
		for _, f := range gs.PrimaryFields {
			if c, ok := t.Column(f.DBName); ok && !containsCol(pkCols, c) {
				pkCols = append(pkCols, c)
			}
		}
	}
	if len(pkCols) > 0 {
		pk := sqlschema.NewPrimaryKey(pkCols...)
		t.SetPrimaryKey(pk)
		if b.d != dialect.SQLite {
			for _, c := range pkCols {
				c.Type.Null = false
			}
		}
	}
	for _, gi := range gs.indexes {
		if idx := b.index(t, gi); idx != nil {
			t.AddIndexes(idx)
		}
	}
	for _, f := range gs.uniques {
		c, ok := t.Column(f.DBName)
		if !ok {
			continue
		}
		name := b.name(uniqueName(gs.Table, f.DBName), false)
		var inline *UniqueConstraint
		if b.d == dialect.SQLite {
			// GORM writes the constraint inline in the CREATE TABLE text,
			// where SQLite keeps its name, but its index is
			// sqlite_autoindex_<table>_<n>: atlas reads such an index as
			// <table>_<columns>, and so does retort. The constraint's name
			// goes with it, for diff to write the constraint as GORM does.
			inline = &UniqueConstraint{Name: name}
			name = gs.Table + "_" + f.DBName
		}
		idx := sqlschema.NewUniqueIndex(name).AddColumns(c)
		switch {
		case b.d == dialect.Postgres:
			idx.AddAttrs(&postgres.Constraint{N: name, T: "u"})
		case inline != nil:
			idx.AddAttrs(inline)
		}
		t.AddIndexes(idx)
	}
	for _, chk := range gs.checks {
		c := sqlschema.NewCheck().SetName(b.name(chk.Name, chk.named)).SetExpr(chk.Expr)
		if chk.named {
			c.AddAttrs(&ExplicitName{})
		}
		t.AddChecks(c)
	}
	return t
}

func containsCol(cs []*sqlschema.Column, c *sqlschema.Column) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// column builds the atlas column of f; pk reports a type that declares the
// column the primary key itself (SQLite's autoincrement).
func (b *builder) column(f *gfield) (c *sqlschema.Column, pk bool) {
	raw := dataTypeOf(b.d, f, b.m.settings)
	c = sqlschema.NewColumn(f.DBName)
	c.AddAttrs(ptrPos(f.ppos))
	if f.renamedFrom != "" {
		c.AddAttrs(&RenamedFrom{Name: f.renamedFrom})
	}
	typ := strings.TrimSpace(raw)
	lower := strings.ToLower(typ)
	switch b.d {
	case dialect.MySQL:
		if i := strings.Index(lower, " auto_increment"); i >= 0 {
			typ = strings.TrimSpace(typ[:i] + typ[i+len(" auto_increment"):])
			c.AddAttrs(&mysql.AutoIncrement{})
		}
	case dialect.Postgres:
		if i := strings.Index(lower, " generated "); i >= 0 {
			rest := strings.TrimSpace(typ[i+len(" generated "):])
			typ = strings.TrimSpace(typ[:i])
			lr := strings.ToLower(rest)
			switch {
			case strings.HasSuffix(lr, "as identity"):
				c.AddAttrs(&postgres.Identity{Generation: strings.ToUpper(strings.TrimSpace(rest[:len(rest)-len("as identity")]))})
			case strings.HasPrefix(lr, "always as (") && strings.HasSuffix(lr, ") stored"):
				c.SetGeneratedExpr(&sqlschema.GeneratedExpr{Expr: rest[len("always as (") : len(rest)-len(") stored")], Type: "STORED"})
			}
		}
	case dialect.SQLite:
		if i := strings.Index(lower, " primary key"); i >= 0 {
			if strings.Contains(lower[i:], "autoincrement") {
				c.AddAttrs(&sqlite.AutoIncrement{})
			}
			typ = strings.TrimSpace(typ[:i])
			pk = true
		}
	}
	typ = generatedClause(c, typ)
	typ = typeClauses(c, typ)
	typ, notNull := nullClause(typ)
	var typeDefault string
	if m := reDefault.FindStringSubmatch(typ); m != nil {
		typeDefault = m[1]
		typ = strings.TrimSpace(reDefault.ReplaceAllString(typ, ""))
	}
	if b.d == dialect.MySQL {
		if m := reOnUpdate.FindStringSubmatch(typ); m != nil {
			c.AddAttrs(&mysql.OnUpdate{A: m[1]})
			typ = strings.TrimSpace(reOnUpdate.ReplaceAllString(typ, ""))
		}
	}
	t, err := parseType(b.d, typ)
	if err != nil {
		b.errorf(f.ppos, f.model, "type %q: %v", typ, err)
		return nil, false
	}
	c.Type = &sqlschema.ColumnType{Type: t, Raw: typ, Null: !f.NotNull && !notNull}
	x := defaultExpr(b.d, f)
	if x == nil && typeDefault != "" && !(b.d == dialect.MySQL && strings.EqualFold(typeDefault, "null")) {
		x = &sqlschema.RawExpr{X: typeDefault}
	}
	if x != nil {
		if raw, ok := x.(*sqlschema.RawExpr); ok && b.d == dialect.MySQL {
			x = mysqlRawDefault(raw, t)
		}
		c.SetDefault(x)
	}
	switch b.d {
	case dialect.MySQL:
		if v, ok := f.Settings["COMMENT"]; ok {
			c.SetComment(v)
		}
	case dialect.Postgres:
		if f.Comment != "" {
			c.SetComment(f.Comment)
		}
	}
	return c, pk
}

var (
	reParser  = regexp.MustCompile(`(?i)with\s+parser\s+(\w+)`)
	reCollate = regexp.MustCompile(`(?i)\s+collate\s+("[^"]+"|\S+)`)
	reCharset = regexp.MustCompile(`(?i)\s+(?:character\s+set|charset)\s+(\S+)`)
)

// reGenerated matches a generated column in a type: tag, "int GENERATED
// ALWAYS AS (a + b) STORED" or MySQL's short "int AS (a + b)".
var reGenerated = regexp.MustCompile(`(?is)^(.*?)\s+(?:generated\s+always\s+)?as\s*\((.*)\)\s*(stored|virtual|persistent)?\s*$`)

// generatedClause moves a generated column's expression to the column.
func generatedClause(c *sqlschema.Column, typ string) string {
	m := reGenerated.FindStringSubmatch(typ)
	if m == nil {
		return typ
	}
	kind := strings.ToUpper(m[3])
	if kind == "" {
		kind = "VIRTUAL"
	}
	c.SetGeneratedExpr(&sqlschema.GeneratedExpr{Expr: strings.TrimSpace(m[2]), Type: kind})
	return m[1]
}

var (
	reOnUpdate = regexp.MustCompile(`(?i)\s+on\s+update\s+(\w+(?:\(\d*\))?)`)
	reDefault  = regexp.MustCompile(`(?i)\s+default\s+('(?:[^']|'')*'|\w+(?:\([^)]*\))?|\([^)]*\)|-?[\d.]+)`)
	reNotNull  = regexp.MustCompile(`(?i)\s+not\s+null\b`)
	reNull     = regexp.MustCompile(`(?i)\s+null\b`)
)

// nullClause removes NOT NULL and NULL written in a type: tag; notNull
// reports the former.
func nullClause(typ string) (string, bool) {
	notNull := reNotNull.MatchString(typ)
	typ = reNotNull.ReplaceAllString(typ, "")
	typ = reNull.ReplaceAllString(typ, "")
	return strings.TrimSpace(typ), notNull
}

// typeClauses moves the COLLATE and CHARACTER SET clauses people write in
// type: tags to the column's attributes and returns the rest.
func typeClauses(c *sqlschema.Column, typ string) string {
	if m := reCollate.FindStringSubmatch(typ); m != nil {
		c.SetCollation(strings.Trim(m[1], `"`))
		typ = reCollate.ReplaceAllString(typ, "")
	}
	if m := reCharset.FindStringSubmatch(typ); m != nil {
		c.SetCharset(m[1])
		typ = reCharset.ReplaceAllString(typ, "")
	}
	return strings.TrimSpace(typ)
}

func parseType(d dialect.Name, typ string) (sqlschema.Type, error) {
	if d != dialect.SQLite {
		typ = lowerOutsideQuotes(typ)
	}
	return atlastype.Parse(d, typ)
}

// lowerOutsideQuotes lower-cases a type ("CHAR(36)", "INT UNSIGNED") for
// atlas's parsers, which know the lower-case names, keeping quoted enum
// values as they are.
func lowerOutsideQuotes(s string) string {
	var b strings.Builder
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// defaultExpr is the DEFAULT GORM's FullDataTypeOf writes: a parsed value
// as a literal, anything else as a raw expression.
func defaultExpr(d dialect.Name, f *gfield) sqlschema.Expr {
	if !f.HasDefault {
		return nil
	}
	switch f.defaultKind {
	case dtString:
		if d == dialect.SQLite {
			// GORM's SQLite Explain quotes strings in double quotes, and
			// its migrator reads a default in single quotes back as
			// another value.
			return &sqlschema.Literal{V: `"` + strings.ReplaceAll(f.DefaultValue, `"`, `""`) + `"`}
		}
		return &sqlschema.Literal{V: quoteLiteral(f.DefaultValue)}
	case dtBool, dtInt, dtUint, dtFloat:
		return &sqlschema.Literal{V: f.DefaultValue}
	}
	v := f.DefaultValue
	if v == "" || v == "(-)" {
		return nil
	}
	if d == dialect.MySQL && strings.EqualFold(v, "null") {
		// atlas would quote it as the string 'null'; MariaDB reports a
		// DEFAULT NULL column as having no default.
		return nil
	}
	return &sqlschema.RawExpr{X: v}
}

// mysqlRawDefault keeps a function-call default such as uuid() an
// expression: atlas quotes a raw default of a non-numeric column unless it
// is wrapped in parentheses (or is CURRENT_TIMESTAMP on a time column), and
// MariaDB reads DEFAULT uuid() and DEFAULT (uuid()) the same.
func mysqlRawDefault(x *sqlschema.RawExpr, t sqlschema.Type) sqlschema.Expr {
	v := x.X
	switch t.(type) {
	case *sqlschema.IntegerType, *sqlschema.FloatType, *sqlschema.DecimalType, *sqlschema.BoolType:
		return x
	case *sqlschema.TimeType:
		if strings.HasPrefix(strings.ToLower(v), "current_timestamp") {
			return x
		}
	}
	if strings.Contains(v, "(") && !strings.HasPrefix(v, "(") {
		return &sqlschema.RawExpr{X: "(" + v + ")"}
	}
	return x
}

// quoteLiteral quotes s as GORM's MySQL and PostgreSQL Explain do: single
// quotes, doubled.
func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func (b *builder) index(t *sqlschema.Table, gi *gindex) *sqlschema.Index {
	idx := sqlschema.NewIndex(b.name(gi.Name, gi.named))
	if gi.named {
		idx.AddAttrs(&ExplicitName{})
	}
	class := strings.ToUpper(gi.Class)
	idx.Unique = class == "UNIQUE"
	for _, o := range gi.Fields {
		var part *sqlschema.IndexPart
		if o.Expression != "" {
			part = sqlschema.NewExprPart(&sqlschema.RawExpr{X: o.Expression})
		} else {
			c, ok := t.Column(o.Field.DBName)
			if !ok {
				b.errorf(o.Field.ppos, o.Field.model, "index %s: column %s is not created (it is ignored or shadowed)", gi.Name, o.Field.DBName)
				return nil
			}
			part = sqlschema.NewColumnPart(c)
			if o.Length > 0 && b.d == dialect.MySQL {
				part.AddAttrs(&mysql.SubPart{Len: o.Length})
			}
		}
		part.Desc = strings.EqualFold(o.Sort, "desc")
		idx.AddParts(part)
	}
	switch b.d {
	case dialect.MySQL:
		// GORM writes MySQL indexes inside CREATE TABLE, where it leaves
		// out the index type (USING) and the WHERE clause.
		if class == "FULLTEXT" || class == "SPATIAL" {
			idx.AddAttrs(&mysql.IndexType{T: class})
		}
		if gi.Comment != "" {
			idx.AddAttrs(&sqlschema.Comment{Text: gi.Comment})
		}
		if m := reParser.FindStringSubmatch(gi.Option); m != nil {
			idx.AddAttrs(&mysql.IndexParser{P: m[1]})
		}
	case dialect.Postgres:
		if gi.Type != "" {
			idx.AddAttrs(&postgres.IndexType{T: strings.ToUpper(gi.Type)})
		}
		if gi.Where != "" {
			idx.AddAttrs(&postgres.IndexPredicate{P: gi.Where})
		}
	case dialect.SQLite:
		if gi.Where != "" {
			idx.AddAttrs(&sqlite.IndexPredicate{P: gi.Where})
		}
	}
	return idx
}

func (b *builder) foreignKeys(gs *gschema) {
	t := b.tables[gs]
	for _, c := range gs.fks {
		ref, ok := b.tables[c.RefSchema]
		if !ok {
			continue
		}
		fk := sqlschema.NewForeignKey(b.name(c.Name, c.named)).SetTable(t).SetRefTable(ref)
		complete := true
		for i := range c.ForeignKeys {
			col, ok1 := t.Column(c.ForeignKeys[i].DBName)
			rcol, ok2 := ref.Column(c.References[i].DBName)
			if !ok1 || !ok2 {
				complete = false
				break
			}
			fk.AddColumns(col)
			fk.AddRefColumns(rcol)
		}
		if !complete || len(fk.Columns) == 0 {
			continue
		}
		if c.named {
			fk.Attrs = append(fk.Attrs, &ExplicitName{})
		}
		if o := c.origin(); o != nil {
			fk.Attrs = append(fk.Attrs, o)
		}
		fk.OnUpdate = refOption(c.OnUpdate)
		fk.OnDelete = refOption(c.OnDelete)
		t.AddForeignKeys(fk)
	}
}

func refOption(s string) sqlschema.ReferenceOption {
	return sqlschema.ReferenceOption(strings.Join(strings.Fields(strings.ToUpper(s)), " "))
}

func ptrPos(p Pos) *Pos { return &p }
