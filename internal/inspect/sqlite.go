package inspect

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/atlastype"
)

// sqliteInspector reads a SQLite database in five queries: the database
// list, the tables, and the columns, indexes (with their parts) and foreign
// keys of every table at once, by joining sqlite_schema with the pragma
// table functions. It builds the same values as atlas's sqlite inspector,
// which runs about five PRAGMA queries per table, except for the
// deliberate differences listed in the package documentation.
type sqliteInspector struct {
	db sqlschema.ExecQuerier
}

var _ sqlschema.Inspector = (*sqliteInspector)(nil)

// The table filter shared by the queries: the tables atlas lists.
const sqliteTablesWhere = `m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'libsql_%'`

const (
	sqliteDatabasesQuery     = "SELECT name, file FROM pragma_database_list() WHERE name <> 'temp'"
	sqliteDatabasesQueryArgs = "SELECT name, file FROM pragma_database_list() WHERE name IN (%s)"
	sqliteTablesQuery        = `SELECT m.name, m.sql, tl.wr, tl.strict FROM sqlite_master AS m JOIN pragma_table_list(m.name) AS tl WHERE ` + sqliteTablesWhere
	sqliteColumnsQuery       = `
SELECT m.name, c.name, c.type, NOT c."notnull", c.dflt_value, c.pk <> 0, c.hidden
FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name) AS c
WHERE ` + sqliteTablesWhere + `
ORDER BY m.name, c.cid`
	sqliteIndexesQuery = `
SELECT m.name, il.name, il."unique", il.origin, il.partial, im.sql, ii.name, ii."desc", ii.coll
FROM sqlite_master AS m
	JOIN pragma_index_list(m.name) AS il
	JOIN sqlite_master AS im ON im.name = il.name
	JOIN pragma_index_xinfo(il.name) AS ii
WHERE ` + sqliteTablesWhere + ` AND ii.key = 1
ORDER BY m.name, im.rowid, ii.seqno`
	sqliteFKsQuery = `
SELECT m.name, fk.id, fk."from", fk."to", fk."table", fk.on_update, fk.on_delete
FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS fk
WHERE ` + sqliteTablesWhere + `
ORDER BY m.name, fk.id, fk.seq`
)

// InspectRealm implements sqlschema.Inspector.
func (i *sqliteInspector) InspectRealm(ctx context.Context, opts *sqlschema.InspectRealmOption) (*sqlschema.Realm, error) {
	if opts == nil {
		opts = &sqlschema.InspectRealmOption{}
	}
	schemas, err := i.databases(ctx, opts.Schemas)
	if err != nil {
		return nil, err
	}
	if len(schemas) > 1 {
		return nil, fmt.Errorf("inspect: sqlite: multiple database files are not supported, got %d", len(schemas))
	}
	r := sqlschema.NewRealm(schemas...)
	if opts.Mode == 0 || opts.Mode.Is(sqlschema.InspectTables) {
		for _, s := range schemas {
			if err := i.inspectTables(ctx, s, nil); err != nil {
				return nil, err
			}
		}
	}
	return sqlschema.ExcludeRealm(r, opts.Exclude)
}

// InspectSchema implements sqlschema.Inspector. An empty name is "main".
func (i *sqliteInspector) InspectSchema(ctx context.Context, name string, opts *sqlschema.InspectOptions) (*sqlschema.Schema, error) {
	if name == "" {
		name = "main"
	}
	if opts == nil {
		opts = &sqlschema.InspectOptions{}
	}
	schemas, err := i.databases(ctx, []string{name})
	if err != nil {
		return nil, err
	}
	if len(schemas) == 0 {
		return nil, &sqlschema.NotExistError{Err: fmt.Errorf("inspect: sqlite: schema %q was not found", name)}
	}
	sqlschema.NewRealm(schemas...)
	if opts.Mode == 0 || opts.Mode.Is(sqlschema.InspectTables) {
		if err := i.inspectTables(ctx, schemas[0], opts.Tables); err != nil {
			return nil, err
		}
	}
	return sqlschema.ExcludeSchema(schemas[0], opts.Exclude)
}

func (i *sqliteInspector) databases(ctx context.Context, names []string) ([]*sqlschema.Schema, error) {
	query, args := sqliteDatabasesQuery, []any(nil)
	if len(names) > 0 {
		query = fmt.Sprintf(sqliteDatabasesQueryArgs, strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", "))
		for _, n := range names {
			args = append(args, n)
		}
	}
	rows, err := i.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("inspect: sqlite: query databases: %w", err)
	}
	defer rows.Close()
	var schemas []*sqlschema.Schema
	for rows.Next() {
		var name, file sql.NullString
		if err := rows.Scan(&name, &file); err != nil {
			return nil, fmt.Errorf("inspect: sqlite: scan databases: %w", err)
		}
		if file.String == "" {
			file.String = ":memory:"
		}
		schemas = append(schemas, &sqlschema.Schema{
			Name:  name.String,
			Attrs: []sqlschema.Attr{&sqlite.File{Name: file.String}},
		})
	}
	return schemas, rows.Err()
}

// inspectTables adds the tables of s (only those named in only, if any).
func (i *sqliteInspector) inspectTables(ctx context.Context, s *sqlschema.Schema, only []string) error {
	tables, err := i.tables(ctx, only)
	if err != nil {
		return err
	}
	if len(tables) == 0 {
		return nil
	}
	byName := make(map[string]*sqlschema.Table, len(tables))
	for _, t := range tables {
		byName[t.Name] = t
		s.AddTables(t)
	}
	if err := i.columns(ctx, byName); err != nil {
		return err
	}
	if err := i.indexes(ctx, byName); err != nil {
		return err
	}
	if err := i.fks(ctx, byName); err != nil {
		return err
	}
	for _, t := range tables {
		if err := fillConstNames(t); err != nil {
			return err
		}
		fillChecks(t)
	}
	linkTables(s)
	return nil
}

func (i *sqliteInspector) tables(ctx context.Context, only []string) ([]*sqlschema.Table, error) {
	query, args := sqliteTablesQuery, []any(nil)
	if len(only) > 0 {
		query += " AND m.name IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(only)), ", ") + ")"
		for _, n := range only {
			args = append(args, n)
		}
	}
	rows, err := i.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("inspect: sqlite: query tables: %w", err)
	}
	defer rows.Close()
	var tables []*sqlschema.Table
	for rows.Next() {
		var (
			name, stmt string
			wr, strict sql.NullBool
		)
		if err := rows.Scan(&name, &stmt, &wr, &strict); err != nil {
			return nil, fmt.Errorf("inspect: sqlite: scan tables: %w", err)
		}
		t := &sqlschema.Table{Name: name, Attrs: []sqlschema.Attr{&sqlite.CreateStmt{S: strings.TrimSpace(stmt)}}}
		if wr.Bool {
			t.Attrs = append(t.Attrs, &sqlite.WithoutRowID{})
		}
		if strict.Bool {
			t.Attrs = append(t.Attrs, &sqlite.Strict{})
		}
		tables = append(tables, t)
	}
	return tables, rows.Err()
}

func (i *sqliteInspector) columns(ctx context.Context, tables map[string]*sqlschema.Table) error {
	rows, err := i.db.QueryContext(ctx, sqliteColumnsQuery)
	if err != nil {
		return fmt.Errorf("inspect: sqlite: query columns: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			table               string
			nullable, primary   bool
			hidden              sql.NullInt64
			name, typ, defaults sql.NullString
		)
		if err := rows.Scan(&table, &name, &typ, &nullable, &defaults, &primary, &hidden); err != nil {
			return fmt.Errorf("inspect: sqlite: scan columns: %w", err)
		}
		t, ok := tables[table]
		if !ok {
			continue // not asked for
		}
		c := &sqlschema.Column{
			Name: name.String,
			Type: &sqlschema.ColumnType{Raw: typ.String, Null: nullable},
		}
		if c.Type.Type, err = atlastype.Parse(dialect.SQLite, typ.String); err != nil {
			return fmt.Errorf("inspect: sqlite: column %s.%s: %w", table, c.Name, err)
		}
		if defaults.Valid {
			c.Default = sqliteDefault(defaults.String)
		}
		// hidden is 2 for VIRTUAL and 3 for STORED generated columns.
		if hidden.Int64 >= 2 {
			if err := setGenExpr(t, c, hidden.Int64); err != nil {
				return err
			}
		}
		t.Columns = append(t.Columns, c)
		if primary {
			if t.PrimaryKey == nil {
				t.SetPrimaryKey(&sqlschema.Index{Name: "PRIMARY", Unique: true, Table: t})
			}
			// As atlas does, parts follow the column order (not the
			// order of the PRIMARY KEY clause).
			t.PrimaryKey.Parts = append(t.PrimaryKey.Parts, &sqlschema.IndexPart{C: c, SeqNo: len(t.PrimaryKey.Parts) + 1})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("inspect: sqlite: read columns: %w", err)
	}
	for _, t := range tables {
		if err := autoIncrement(t); err != nil {
			return err
		}
		setCollations(t)
	}
	return nil
}

// setCollations adds the collation a column declares in the CREATE
// statement as a sqlschema.Collation attribute (a deliberate difference).
func setCollations(t *sqlschema.Table) {
	stmt, err := createStmt(t)
	if err != nil || !containsFold(stmt, "COLLATE") {
		return
	}
	for name, coll := range columnCollations(stmt) {
		if c, ok := t.Column(name); ok {
			c.SetCollation(coll)
		}
	}
}

// rowidNotNull marks the column of an "INTEGER PRIMARY KEY" (the rowid
// alias of a rowid table) as NOT NULL. SQLite reports it as nullable, but
// it can never hold NULL; atlas keeps it nullable, so that every such table
// looks changed against models that say NOT NULL (a deliberate
// difference). pkIndex says whether SQLite made an index for the primary
// key, which it does for every primary key but a rowid alias (e.g. for
// "id INTEGER PRIMARY KEY DESC", which is not one).
func rowidNotNull(t *sqlschema.Table, pkIndex bool) {
	if pkIndex || t.PrimaryKey == nil || len(t.PrimaryKey.Parts) != 1 || t.PrimaryKey.Parts[0].C == nil {
		return
	}
	if hasAttr[*sqlite.WithoutRowID](t.Attrs) {
		return
	}
	if c := t.PrimaryKey.Parts[0].C; strings.EqualFold(c.Type.Raw, "integer") {
		c.Type.Null = false
	}
}

func (i *sqliteInspector) indexes(ctx context.Context, tables map[string]*sqlschema.Table) error {
	rows, err := i.db.QueryContext(ctx, sqliteIndexesQuery)
	if err != nil {
		return fmt.Errorf("inspect: sqlite: query indexes: %w", err)
	}
	defer rows.Close()
	var (
		last    *sqlschema.Index
		hasExpr = make(map[*sqlschema.Index]bool)
		pkIndex = make(map[*sqlschema.Table]bool)
	)
	for rows.Next() {
		var (
			table, name, origin string
			uniq, partial       bool
			stmt, part, coll    sql.NullString
			desc                sql.NullBool
		)
		if err := rows.Scan(&table, &name, &uniq, &origin, &partial, &stmt, &part, &desc, &coll); err != nil {
			return fmt.Errorf("inspect: sqlite: scan indexes: %w", err)
		}
		t, ok := tables[table]
		if !ok {
			continue
		}
		if origin == "pk" {
			pkIndex[t] = true
			continue
		}
		if last == nil || last.Table != t || last.Name != name {
			last = &sqlschema.Index{
				Name:   name,
				Unique: uniq,
				Table:  t,
				Attrs:  []sqlschema.Attr{&sqlite.CreateStmt{S: stmt.String}, &sqlite.IndexOrigin{O: origin}},
			}
			if partial {
				w := strings.Index(stmt.String, "WHERE")
				if w == -1 {
					return fmt.Errorf("inspect: sqlite: index %q: no WHERE clause in its partial definition: %s", name, stmt.String)
				}
				last.Attrs = append(last.Attrs, &sqlite.IndexPredicate{P: strings.TrimSpace(stmt.String[w+5:])})
			}
			t.Indexes = append(t.Indexes, last)
		}
		p := &sqlschema.IndexPart{SeqNo: len(last.Parts) + 1, Desc: desc.Bool}
		if coll.Valid && !strings.EqualFold(coll.String, "BINARY") {
			// The collation the index compares with, from the column or
			// the key's COLLATE clause (a deliberate difference).
			p.Attrs = append(p.Attrs, &sqlschema.Collation{V: strings.ToUpper(coll.String)})
		}
		switch c, ok := t.Column(part.String); {
		case ok:
			p.C = c
		case !part.Valid:
			// An expression; its text comes from the CREATE INDEX statement.
			hasExpr[last] = true
			p.X = &sqlschema.RawExpr{X: "<unsupported>"}
		default:
			return fmt.Errorf("inspect: sqlite: column %q was not found for index %q", part.String, name)
		}
		last.Parts = append(last.Parts, p)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("inspect: sqlite: read indexes: %w", err)
	}
	for idx := range hasExpr {
		indexExprs(idx)
	}
	for _, t := range tables {
		rowidNotNull(t, pkIndex[t])
	}
	return nil
}

var (
	// reIndexParts captures the key list of a CREATE INDEX statement.
	reIndexParts = regexp.MustCompile("(?i)ON\\s+[\"`]*(?:\\w+)[\"`]*\\s*\\((.+?)\\)(\\s*WHERE\\s+.+)?$")
	reDescSuffix = regexp.MustCompile(`(?i)\s+DESC\s*$`)
)

// indexExprs fills the text of the expression parts of idx from its
// CREATE INDEX statement, leaving "<unsupported>" when it cannot be split.
func indexExprs(idx *sqlschema.Index) {
	var stmt *sqlite.CreateStmt
	for _, a := range idx.Attrs {
		if s, ok := a.(*sqlite.CreateStmt); ok {
			stmt = s
			break
		}
	}
	if stmt == nil {
		return
	}
	m := reIndexParts.FindStringSubmatch(stmt.S)
	if m == nil {
		return
	}
	keys := m[1]
	for _, p := range idx.Parts {
		j := exprEnd(keys)
		if j == -1 {
			return
		}
		if p.X != nil {
			x := strings.TrimSpace(keys[:j+1])
			if p.Desc {
				x = reDescSuffix.ReplaceAllString(x, "")
			}
			p.X.(*sqlschema.RawExpr).X = x
		}
		keys = strings.TrimLeft(keys[j+1:], ", ")
	}
}

// exprEnd returns the index of the last byte of the first expression of a
// comma-separated list: where the parentheses balance and the input ends
// or a comma follows. Quoted strings and identifiers are skipped. It
// returns -1 when the list is malformed.
func exprEnd(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(':
			depth++
		case ')':
			depth--
		case '\'', '"', '`':
			end := -1
			for j := i + 1; j < len(s); j++ {
				if s[j] == '\\' {
					j++
					continue
				}
				if s[j] == c {
					end = j
					break
				}
			}
			if end == -1 {
				return -1
			}
			i = end
		}
		if depth == 0 && (i == len(s)-1 || s[i+1] == ',') {
			return i
		}
	}
	return -1
}

func (i *sqliteInspector) fks(ctx context.Context, tables map[string]*sqlschema.Table) error {
	rows, err := i.db.QueryContext(ctx, sqliteFKsQuery)
	if err != nil {
		return fmt.Errorf("inspect: sqlite: query foreign keys: %w", err)
	}
	defer rows.Close()
	type key struct {
		t  *sqlschema.Table
		id int
	}
	ids := make(map[key]*sqlschema.ForeignKey)
	for rows.Next() {
		var (
			table                                string
			id                                   int
			column, refTable, onUpdate, onDelete string
			refColumn                            sql.NullString
		)
		if err := rows.Scan(&table, &id, &column, &refColumn, &refTable, &onUpdate, &onDelete); err != nil {
			return fmt.Errorf("inspect: sqlite: scan foreign keys: %w", err)
		}
		t, ok := tables[table]
		if !ok {
			continue
		}
		fk, ok := ids[key{t, id}]
		if !ok {
			fk = &sqlschema.ForeignKey{
				Symbol:   strconv.Itoa(id),
				Table:    t,
				RefTable: t,
				OnDelete: sqlschema.ReferenceOption(onDelete),
				OnUpdate: sqlschema.ReferenceOption(onUpdate),
			}
			if refTable != t.Name {
				fk.RefTable = &sqlschema.Table{Name: refTable, Schema: &sqlschema.Schema{Name: t.Schema.Name}}
			}
			ids[key{t, id}] = fk
			t.ForeignKeys = append(t.ForeignKeys, fk)
		}
		c, ok := t.Column(column)
		if !ok {
			return fmt.Errorf("inspect: sqlite: column %q was not found for foreign key %q of %q", column, fk.Symbol, table)
		}
		if _, ok := fk.Column(c.Name); !ok {
			fk.Columns = append(fk.Columns, c)
			c.ForeignKeys = append(c.ForeignKeys, fk)
		}
		if !refColumn.Valid {
			// "REFERENCES parent" without columns names the parent's
			// primary key; atlas fails on it (a deliberate difference).
			refColumn.String, ok = implicitRefColumn(tables, refTable, len(fk.Columns)-1)
			if !ok {
				return fmt.Errorf("inspect: sqlite: foreign key %q of %q: cannot resolve the primary key of %q", fk.Symbol, table, refTable)
			}
		}
		var rc *sqlschema.Column
		if fk.Table != fk.RefTable {
			rc = &sqlschema.Column{Name: refColumn.String}
		} else if rc, ok = t.Column(refColumn.String); !ok {
			return fmt.Errorf("inspect: sqlite: referenced column %q was not found for foreign key %q of %q", refColumn.String, fk.Symbol, table)
		}
		if _, ok := fk.RefColumn(rc.Name); !ok {
			fk.RefColumns = append(fk.RefColumns, rc)
		}
	}
	return rows.Err()
}

// implicitRefColumn returns the n-th primary key column of table.
func implicitRefColumn(tables map[string]*sqlschema.Table, table string, n int) (string, bool) {
	t, ok := tables[table]
	if !ok || t.PrimaryKey == nil || n < 0 || n >= len(t.PrimaryKey.Parts) || t.PrimaryKey.Parts[n].C == nil {
		return "", false
	}
	return t.PrimaryKey.Parts[n].C.Name, true
}

// sqliteDefault turns a column default as SQLite stores it into an atlas
// expression: literals (numbers, booleans, quoted strings, blobs) become
// Literal, anything else (CURRENT_TIMESTAMP, (expr)) RawExpr.
func sqliteDefault(x string) sqlschema.Expr {
	if isLiteralBool(x) || isLiteralNumber(x) || isQuoted(x, '"') || isQuoted(x, '\'') || isBlob(x) {
		return &sqlschema.Literal{V: x}
	}
	return &sqlschema.RawExpr{X: x}
}

func isLiteralBool(s string) bool {
	_, err := strconv.ParseBool(s)
	return err == nil
}

func isLiteralNumber(s string) bool {
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		_, err := strconv.ParseUint(s[2:], 16, 64)
		return err == nil
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// isQuoted reports whether s is one string quoted with q, inner quotes
// doubled or escaped with a backslash.
func isQuoted(s string, q byte) bool {
	last := len(s) - 1
	if last < 1 || s[0] != q || s[last] != q {
		return false
	}
	for i := 1; i < last-1; i++ {
		switch {
		case s[i] == '\\', s[i] == q && s[i+1] == q:
			i++
		case s[i] == q:
			return false
		}
	}
	return true
}

// isBlob reports whether s is a blob literal (x'0a1b').
func isBlob(s string) bool {
	if (strings.HasPrefix(s, "x'") || strings.HasPrefix(s, "X'")) && strings.HasSuffix(s, "'") && len(s) >= 3 {
		_, err := strconv.ParseUint(s[2:len(s)-1], 16, 64)
		return err == nil
	}
	return false
}

func createStmt(t *sqlschema.Table) (string, error) {
	for _, a := range t.Attrs {
		if s, ok := a.(*sqlite.CreateStmt); ok {
			return s.S, nil
		}
	}
	return "", fmt.Errorf("inspect: sqlite: no CREATE statement for table %q", t.Name)
}

func hasAttr[T sqlschema.Attr](attrs []sqlschema.Attr) bool {
	for _, a := range attrs {
		if _, ok := a.(T); ok {
			return true
		}
	}
	return false
}

var reAutoIncrement = regexp.MustCompile("(?i)(?:[(,]\\s*)[\"`]?(\\w+)[\"`]?\\s+INTEGER\\s+[^,]*PRIMARY\\s+KEY\\s+[^,]*AUTOINCREMENT")

// autoIncrement marks the primary key and its column with AUTOINCREMENT
// when the CREATE statement says so.
func autoIncrement(t *sqlschema.Table) error {
	stmt, err := createStmt(t)
	if err != nil {
		return err
	}
	if t.PrimaryKey == nil || len(t.PrimaryKey.Parts) != 1 || t.PrimaryKey.Parts[0].C == nil || !containsFold(stmt, "AUTOINCREMENT") {
		return nil
	}
	m := reAutoIncrement.FindStringSubmatch(stmt)
	if len(m) != 2 {
		return nil
	}
	c, ok := t.Column(m[1])
	if !ok {
		return fmt.Errorf("inspect: sqlite: column %q was not found for AUTOINCREMENT in %q", m[1], t.Name)
	}
	if t.PrimaryKey.Parts[0].C != c {
		return fmt.Errorf("inspect: sqlite: AUTOINCREMENT column %q of %q is not its primary key", m[1], t.Name)
	}
	inc := &sqlite.AutoIncrement{}
	t.PrimaryKey.Attrs = append(t.PrimaryKey.Attrs, inc)
	c.Attrs = append(c.Attrs, inc)
	return nil
}

// setGenExpr reads the expression of generated column c from the CREATE
// statement of t; kind is 2 for VIRTUAL and 3 for STORED.
func setGenExpr(t *sqlschema.Table, c *sqlschema.Column, kind int64) error {
	stmt, err := createStmt(t)
	if err != nil {
		return err
	}
	re, err := regexp.Compile(fmt.Sprintf("(?:[(,]\\s*)[\"`]*(%s)[\"`]*[^,]*(?i:GENERATED\\s+ALWAYS)*\\s*(?i:AS){1}\\s*\\(", regexp.QuoteMeta(c.Name)))
	if err != nil {
		return fmt.Errorf("inspect: sqlite: generated column %q: %w", c.Name, err)
	}
	loc := re.FindStringIndex(stmt)
	if loc == nil {
		return fmt.Errorf("inspect: sqlite: generation expression of column %q was not found in the CREATE statement of %q", c.Name, t.Name)
	}
	x := parenExpr(stmt[loc[1]-1:])
	if x == "" {
		return fmt.Errorf("inspect: sqlite: empty generation expression for column %q of %q", c.Name, t.Name)
	}
	typ := "VIRTUAL"
	if kind == 3 {
		typ = "STORED"
	}
	c.SetGeneratedExpr(&sqlschema.GeneratedExpr{Expr: x, Type: typ})
	return nil
}

// parenExpr returns the parenthesized expression s starts with, up to its
// closing parenthesis, skipping quoted strings; "" when it is unbalanced.
func parenExpr(s string) string {
	open, closed := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			open++
		case ')':
			closed++
		case '\'', '"':
			if j := strings.IndexByte(s[i+1:], s[i]); j != -1 {
				i += j + 1
			}
		}
		if open == closed {
			return s[:i+1]
		}
	}
	return ""
}

// Named constraints in a CREATE TABLE statement: a foreign key inlined in
// a column definition, a table-level foreign key, a check.
var (
	reColumnFK = regexp.MustCompile("(?i)(?:[(,]\\s*)[\"`]*(\\w+)[\"`]*[^,]*\\s+CONSTRAINT\\s+[\"`]*(\\w+)[\"`]*\\s+REFERENCES\\s+[\"`]*(\\w+)[\"`]*\\s*\\(([,\"` \\w]+)\\)")
	reTableFK  = regexp.MustCompile("(?i)CONSTRAINT\\s+[\"`]*(\\w+)[\"`]*\\s+FOREIGN\\s+KEY\\s*\\(([,\"` \\w]+)\\)\\s+REFERENCES\\s+[\"`]*(\\w+)[\"`]*\\s*\\(([,\"` \\w]+)\\)")
	reCheck    = regexp.MustCompile("(?i)(?:CONSTRAINT\\s+[\"`]?(\\w+)[\"`]?\\s+)?CHECK\\s*\\(")
)

// fillConstNames names the foreign keys of t after their CONSTRAINT
// clauses; unnamed ones keep their pragma id as symbol.
func fillConstNames(t *sqlschema.Table) error {
	stmt, err := createStmt(t)
	if err != nil {
		return err
	}
	if len(t.ForeignKeys) == 0 || !containsFold(stmt, "CONSTRAINT") {
		return nil
	}
	for _, m := range reTableFK.FindAllStringSubmatch(stmt, -1) {
		for _, fk := range t.ForeignKeys {
			if matchFK(fk, splitNames(m[2]), m[3], splitNames(m[4])) {
				fk.Symbol = m[1]
				break
			}
		}
	}
	for _, m := range reColumnFK.FindAllStringSubmatch(stmt, -1) {
		for _, fk := range t.ForeignKeys {
			if matchFK(fk, splitNames(m[1]), m[3], splitNames(m[4])) {
				fk.Symbol = m[2]
				break
			}
		}
	}
	return nil
}

func splitNames(s string) []string {
	names := strings.Split(s, ",")
	for k := range names {
		names[k] = strings.Trim(strings.TrimSpace(names[k]), "`\"")
	}
	return names
}

func matchFK(fk *sqlschema.ForeignKey, columns []string, refTable string, refColumns []string) bool {
	if len(fk.Columns) != len(columns) || fk.RefTable.Name != refTable || len(fk.RefColumns) != len(refColumns) {
		return false
	}
	for k := range columns {
		if fk.Columns[k].Name != columns[k] {
			return false
		}
	}
	for k := range refColumns {
		if fk.RefColumns[k].Name != refColumns[k] {
			return false
		}
	}
	return true
}

// fillChecks adds the CHECK constraints of the CREATE statement of t to
// its attributes, in order.
func fillChecks(t *sqlschema.Table) {
	stmt, err := createStmt(t)
	if err != nil || !containsFold(stmt, "CHECK") {
		return
	}
	for {
		loc := reCheck.FindStringSubmatchIndex(stmt)
		if len(loc) != 4 {
			return
		}
		ck := &sqlschema.Check{Expr: parenExpr(stmt[loc[1]-1:])}
		if loc[2] != -1 && loc[3] != -1 {
			ck.Name = stmt[loc[2]:loc[3]]
		}
		t.Attrs = append(t.Attrs, ck)
		stmt = stmt[loc[1]+len(ck.Expr)-1:]
	}
}

// containsFold reports whether s contains the upper-case ASCII word sub in
// any letter case: a cheap test before running a regexp that needs it.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// columnCollations returns the collation each column of a CREATE TABLE
// statement declares (COLLATE name), upper-cased, by column name. atlas
// does not read column collations at all, so a NOCASE column reads like a
// BINARY one (ATLAS.md, trap 6); SQLite has no pragma that reports them.
func columnCollations(stmt string) map[string]string {
	open := bodyOpen(stmt)
	if open == -1 {
		return nil
	}
	var out map[string]string
	for _, def := range splitTopLevel(stmt[open+1:]) {
		toks := sqlTokens(def)
		if len(toks) == 0 {
			continue
		}
		switch strings.ToUpper(toks[0]) {
		case "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN":
			continue // a table constraint
		}
		for k := 1; k+1 < len(toks); k++ {
			if strings.EqualFold(toks[k], "COLLATE") {
				if out == nil {
					out = make(map[string]string)
				}
				out[unquoteIdent(toks[0])] = strings.ToUpper(unquoteIdent(toks[k+1]))
				break
			}
		}
	}
	return out
}

// splitTopLevel splits the body of a CREATE TABLE statement (after its
// opening parenthesis) at the commas outside parentheses and quotes, up to
// the closing parenthesis.
func splitTopLevel(body string) []string {
	var (
		parts []string
		depth int
		start int
	)
	for i := 0; i < len(body); i++ {
		switch c := body[i]; c {
		case '\'', '"', '`', '[':
			i = skipQuoted(body, i)
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return append(parts, body[start:i])
			}
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, body[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, body[start:])
}

// skipQuoted returns the index of the character closing the quoted string
// or identifier that starts at s[i] (a doubled quote is part of it).
func skipQuoted(s string, i int) int {
	closing := s[i]
	if closing == '[' {
		closing = ']'
	}
	for j := i + 1; j < len(s); j++ {
		if s[j] != closing {
			continue
		}
		if closing != ']' && j+1 < len(s) && s[j+1] == closing {
			j++
			continue
		}
		return j
	}
	return len(s) - 1
}

// sqlTokens splits a column definition into words, quoted names and
// strings; parenthesized groups (type sizes, CHECK and DEFAULT
// expressions) are single tokens, so words inside them are not seen.
func sqlTokens(def string) []string {
	var toks []string
	for i := 0; i < len(def); i++ {
		c := def[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case c == '\'' || c == '"' || c == '`' || c == '[':
			j := skipQuoted(def, i)
			toks = append(toks, def[i:j+1])
			i = j
		case c == '(':
			depth, j := 0, i
			for ; j < len(def); j++ {
				switch def[j] {
				case '\'', '"', '`', '[':
					j = skipQuoted(def, j)
				case '(':
					depth++
				case ')':
					depth--
				}
				if depth == 0 {
					break
				}
			}
			toks = append(toks, def[i:min(j+1, len(def))])
			i = j
		default:
			j := i
			for j < len(def) && !strings.ContainsRune(" \t\n\r'\"`[(", rune(def[j])) {
				j++
			}
			toks = append(toks, def[i:j])
			i = j - 1
		}
	}
	return toks
}

// unquoteIdent removes the quotes around an SQLite identifier.
func unquoteIdent(s string) string {
	if len(s) >= 2 {
		switch q := s[0]; {
		case q == '[' && s[len(s)-1] == ']':
			return s[1 : len(s)-1]
		case (q == '"' || q == '`' || q == '\'') && s[len(s)-1] == q:
			return strings.ReplaceAll(s[1:len(s)-1], string(q)+string(q), string(q))
		}
	}
	return s
}

// SQLiteUnique is a UNIQUE constraint of a SQLite CREATE TABLE statement,
// which SQLite keeps as an index named sqlite_autoindex_<table>_<n>,
// without the constraint's name.
type SQLiteUnique struct {
	Name    string   // the constraint's name, "" when it has none
	Columns []string // its columns, unquoted
	Text    string   // a table constraint as written; "" for a column's
}

// bodyOpen returns the offset of the parenthesis that opens a CREATE TABLE
// statement's body, or -1.
func bodyOpen(stmt string) int {
	for i := 0; i < len(stmt); i++ {
		switch stmt[i] {
		case '\'', '"', '`', '[':
			i = skipQuoted(stmt, i)
		case '(':
			return i
		}
	}
	return -1
}

// SQLiteUniques returns the UNIQUE constraints of a CREATE TABLE
// statement, table and column constraints, in the order written.
func SQLiteUniques(stmt string) []SQLiteUnique {
	open := bodyOpen(stmt)
	if open == -1 {
		return nil
	}
	var out []SQLiteUnique
	for _, def := range splitTopLevel(stmt[open+1:]) {
		toks := sqlTokens(def)
		if len(toks) == 0 {
			continue
		}
		name := ""
		switch strings.ToUpper(toks[0]) {
		case "CONSTRAINT":
			if len(toks) < 4 || !strings.EqualFold(toks[2], "UNIQUE") {
				continue
			}
			name, toks = unquoteIdent(toks[1]), toks[2:]
			fallthrough
		case "UNIQUE":
			if len(toks) < 2 || !strings.HasPrefix(toks[1], "(") {
				continue
			}
			u := SQLiteUnique{Name: name, Text: strings.TrimSpace(def)}
			for _, part := range splitTopLevel(toks[1][1:]) {
				if pt := sqlTokens(part); len(pt) > 0 {
					u.Columns = append(u.Columns, unquoteIdent(pt[0]))
				}
			}
			out = append(out, u)
		case "PRIMARY", "CHECK", "FOREIGN":
		default:
			// A column: UNIQUE among its constraints, perhaps named.
			for k := 1; k < len(toks); k++ {
				if strings.EqualFold(toks[k], "UNIQUE") {
					u := SQLiteUnique{Columns: []string{unquoteIdent(toks[0])}}
					if k >= 3 && strings.EqualFold(toks[k-2], "CONSTRAINT") {
						u.Name = unquoteIdent(toks[k-1])
					}
					out = append(out, u)
					break
				}
			}
		}
	}
	return out
}
