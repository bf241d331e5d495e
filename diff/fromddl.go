package diff

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/atlastype"
	"github.com/retortdb/retort/internal/sqllex"
)

// Reading the revisions' DDL instead of running it. `check
// --from-migrations` needs the schema the revisions make in an empty
// database; running them there costs a server round trip and a file per
// table. ddlSchema reads the statements as the models' loader reads Go
// structs: into atlas values written as the revisions wrote them, which
// Normalize (and its shapes, shapes.go) then takes through the scratch
// database like the models' own schema. It knows a small, closed set of
// statements, the ones retort's autogenerate and GORM-style schema dumps
// write: CREATE TABLE with columns, a primary key, named indexes (MySQL)
// and named foreign keys, MySQL's column and table comments; CREATE
// [UNIQUE] INDEX (a MySQL index's columns may take a prefix length,
// "name(n)", and the index USING BTREE or HASH); ALTER TABLE ADD COLUMN, COMMENT (MySQL), ADD INDEX (MySQL),
// ADD CONSTRAINT ... FOREIGN KEY (and PostgreSQL's NOT VALID, VALIDATE
// CONSTRAINT), DROP COLUMN of a column no key or index has, MODIFY
// [COLUMN] (MySQL; of a column in an index, keeping its type), DROP
// INDEX no foreign key needs, DROP FOREIGN KEY / DROP CONSTRAINT of a
// foreign key; DROP TABLE; MySQL's online form of a foreign key added to
// an existing table (fromddl_fk.go: SET [SESSION] foreign_key_checks,
// CREATE PROCEDURE of autogenerate's check, CALL, DROP PROCEDURE [IF
// EXISTS]). Anything else, and any of
// these with a clause it does not know, a name it would have to derive,
// a type atlas would write differently, or an order of statements whose
// result depends on the server's own choices (an index added to or
// dropped from a MySQL table where the server made one for a foreign
// key, which it may then drop or keep), is an *unknownDDL: the caller
// then runs the statements in a scratch database, as before.
// replayed_test.go compares the two paths table by table.

// unknownDDL says which statement ddlSchema does not know, and why.
type unknownDDL struct {
	stmt   int // 0-based
	reason string
}

func (e *unknownDDL) Error() string {
	return fmt.Sprintf("diff: statement %d: %s", e.stmt+1, e.reason)
}

// ddlToken is one token of a statement.
type ddlToken struct {
	kind byte   // 'w' word, 'i' quoted identifier, 's' string, 'n' number, 'p' punctuation
	text string // words and punctuation as written; identifiers unquoted; strings with their quotes
}

var errDDLToken = fmt.Errorf("a token the reader does not know")

// tokenize splits stmt into tokens, leaving out comments.
func tokenize(d dialect.Name, stmt string) ([]ddlToken, error) {
	var out []ddlToken
	s := stmt
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			if d == dialect.MySQL && i+2 < len(s) && !(s[i+2] == ' ' || s[i+2] == '\t' || s[i+2] == '\n' || s[i+2] == '\r') {
				return nil, errDDLToken
			}
			i = sqllex.LineEnd(s, i)
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			if i+2 < len(s) && (s[i+2] == '!' || s[i+2] == '+') {
				return nil, errDDLToken // MySQL's executable comments, optimizer hints
			}
			end, _, ok := sqllex.BlockCommentEnd(s, i, d == dialect.Postgres)
			if !ok {
				return nil, errDDLToken
			}
			i = end
		case c == '\'':
			j := i + 1
			for {
				if j >= len(s) {
					return nil, errDDLToken
				}
				if s[j] == '\\' {
					return nil, errDDLToken // MySQL's escapes: not read here
				}
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			out = append(out, ddlToken{'s', s[i : j+1]})
			i = j + 1
		case c == '`' && d == dialect.MySQL, c == '"' && d == dialect.Postgres:
			end, _, ok := sqllex.QuotedEnd(s, i, c, false)
			if !ok || end == i+2 {
				return nil, errDDLToken // unterminated, or empty
			}
			out = append(out, ddlToken{'i', strings.ReplaceAll(s[i+1:end-1], string([]byte{c, c}), string(c))})
			i = end
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			if j < len(s) && isWordByte(s[j]) {
				return nil, errDDLToken // 1e5, 0x1f, 12abc
			}
			out = append(out, ddlToken{'n', s[i:j]})
			i = j
		case isWordByte(c) && !(c >= '0' && c <= '9'):
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			out = append(out, ddlToken{'w', s[i:j]})
			i = j
		case strings.IndexByte("(),.=-;", c) >= 0:
			out = append(out, ddlToken{'p', string(c)})
			i++
		default:
			return nil, errDDLToken
		}
	}
	// A trailing semicolon, as a splitter may leave it.
	for len(out) > 0 && out[len(out)-1] == (ddlToken{'p', ";"}) {
		out = out[:len(out)-1]
	}
	// Semicolons within: only in a MySQL procedure's body (readProc).
	if d != dialect.MySQL || len(out) < 2 || !strings.EqualFold(out[0].text, "CREATE") || !strings.EqualFold(out[1].text, "PROCEDURE") {
		for _, t := range out {
			if t == (ddlToken{'p', ";"}) {
				return nil, errDDLToken
			}
		}
	}
	return out, nil
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ddlReader reads the tokens of one statement.
type ddlReader struct {
	d    dialect.Name
	toks []ddlToken
	pos  int
	err  string // the first thing not understood
}

func (r *ddlReader) fail(format string, args ...any) {
	if r.err == "" {
		r.err = fmt.Sprintf(format, args...)
	}
}

func (r *ddlReader) peek() ddlToken {
	if r.pos < len(r.toks) {
		return r.toks[r.pos]
	}
	return ddlToken{}
}

func (r *ddlReader) done() bool { return r.pos >= len(r.toks) }

// word reports whether the next token is the keyword w (any case), and
// takes it if so.
func (r *ddlReader) word(w string) bool {
	if t := r.peek(); t.kind == 'w' && strings.EqualFold(t.text, w) {
		r.pos++
		return true
	}
	return false
}

// words takes the keywords ws in sequence, or none of them.
func (r *ddlReader) words(ws ...string) bool {
	save := r.pos
	for _, w := range ws {
		if !r.word(w) {
			r.pos = save
			return false
		}
	}
	return true
}

func (r *ddlReader) punct(p string) bool {
	if t := r.peek(); t.kind == 'p' && t.text == p {
		r.pos++
		return true
	}
	return false
}

func (r *ddlReader) expect(p string) bool {
	if !r.punct(p) {
		r.fail("expected %q", p)
		return false
	}
	return true
}

// reserved words never read as a plain identifier here.
var ddlReserved = map[string]bool{
	"add": true, "alter": true, "check": true, "constraint": true, "create": true, "default": true, "drop": true,
	"foreign": true, "index": true, "key": true, "not": true, "null": true, "on": true, "primary": true,
	"references": true, "table": true, "unique": true, "using": true, "collate": true, "generated": true,
}

// ident reads a name: quoted as written, unquoted folded as the server
// folds it (PostgreSQL to lower case; MySQL keeps it).
func (r *ddlReader) ident() string {
	t := r.peek()
	var name string
	switch {
	case t.kind == 'i':
		name = t.text
	case t.kind == 'w' && !ddlReserved[strings.ToLower(t.text)]:
		name = t.text
		if r.d == dialect.Postgres {
			name = strings.ToLower(name)
		}
	default:
		r.fail("expected a name")
		return ""
	}
	r.pos++
	limit := 64
	if r.d == dialect.Postgres {
		limit = 63 // longer names are cut by the server
	}
	if len(name) > limit || strings.TrimSpace(name) != name {
		r.fail("name %q", name)
		return ""
	}
	if r.punct(".") {
		r.fail("a qualified name")
		return ""
	}
	return name
}

// identList reads "( name, ... )".
func (r *ddlReader) identList() []string {
	parts := r.keyParts(false)
	if parts == nil {
		return nil
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.name
	}
	return out
}

// keyPart is one part of an index's key as written: a column and the
// length of its prefix, 0 for the whole column.
type keyPart struct {
	name string
	sub  int
}

// keyParts reads "( name, ... )"; with prefixes, a name may be followed
// by a prefix length, "name(n)" (MySQL's index key parts).
func (r *ddlReader) keyParts(prefixes bool) []keyPart {
	if !r.expect("(") {
		return nil
	}
	var out []keyPart
	seen := map[string]bool{}
	for {
		n := r.ident()
		if n == "" {
			return nil
		}
		key := n
		if r.d == dialect.MySQL {
			key = strings.ToLower(n)
		}
		if seen[key] {
			r.fail("column %s twice", n)
			return nil
		}
		seen[key] = true
		p := keyPart{name: n}
		if prefixes && r.punct("(") {
			t := r.peek()
			v, err := strconv.Atoi(t.text)
			if t.kind != 'n' || err != nil || v <= 0 || v > 65535 {
				r.fail("prefix length %q", t.text)
				return nil
			}
			r.pos++
			if !r.expect(")") {
				return nil
			}
			p.sub = v
		}
		out = append(out, p)
		if r.punct(")") {
			return out
		}
		if !r.expect(",") {
			return nil
		}
	}
}

// ddlState is the schema the statements made so far.
type ddlState struct {
	d      dialect.Name
	s      *sqlschema.Schema
	tables map[string]*sqlschema.Table
	// names: PostgreSQL relation names (tables, indexes, the names the
	// server derives for keys and serial sequences); MySQL foreign key
	// symbols (one namespace per database), lower-cased.
	names map[string]bool
	// notValid holds the PostgreSQL foreign keys added NOT VALID and not
	// validated yet, by table and symbol.
	notValid map[[2]string]bool
	// ownIndex holds the MySQL tables with a foreign key no index served
	// when it was added: the server made an index for it, under its name,
	// and may drop that index when a later one can serve the key.
	ownIndex map[*sqlschema.Table]bool
	// fkChecksOff says that MySQL's session foreign_key_checks is 0.
	fkChecksOff bool
	// procs holds the MySQL procedures created and not dropped, by
	// lower-cased name (fromddl_fk.go).
	procs map[string]*verifyProc
	// unchecked counts the foreign keys added with foreign_key_checks
	// off, read as MariaDB makes them (uncheckedActions).
	unchecked int
}

// ddlSchema returns the schema stmts make in an empty database, as atlas
// values before normalization, named name; or an *unknownDDL.
func ddlSchema(d dialect.Name, name string, stmts []string) (*sqlschema.Schema, error) {
	s, _, err := ddlRead(d, name, stmts)
	return s, err
}

// ddlRead is ddlSchema, with the reader's state at the end.
func ddlRead(d dialect.Name, name string, stmts []string) (*sqlschema.Schema, *ddlState, error) {
	if d != dialect.MySQL && d != dialect.Postgres {
		return nil, nil, &unknownDDL{reason: "only MySQL and PostgreSQL statements are read"}
	}
	st := &ddlState{d: d, s: sqlschema.New(name), tables: map[string]*sqlschema.Table{}, names: map[string]bool{}, notValid: map[[2]string]bool{}, ownIndex: map[*sqlschema.Table]bool{}, procs: map[string]*verifyProc{}}
	for i, stmt := range stmts {
		toks, err := tokenize(d, stmt)
		if err != nil {
			return nil, nil, &unknownDDL{stmt: i, reason: err.Error()}
		}
		if len(toks) == 0 {
			continue
		}
		r := &ddlReader{d: d, toks: toks}
		if st.fkChecksOff && !st.readsUnchecked(r) {
			return nil, nil, &unknownDDL{stmt: i, reason: "a statement other than SET, a procedure's or an ALTER TABLE that only adds foreign keys, with foreign_key_checks off"}
		}
		st.statement(r)
		if r.err == "" && !r.done() {
			r.fail("unexpected %q", r.peek().text)
		}
		if r.err != "" {
			return nil, nil, &unknownDDL{stmt: i, reason: r.err}
		}
	}
	for k := range st.notValid {
		return nil, nil, &unknownDDL{stmt: len(stmts) - 1, reason: fmt.Sprintf("foreign key %s of %s left NOT VALID", k[1], k[0])}
	}
	for _, t := range st.s.Tables {
		for _, fk := range t.ForeignKeys {
			if _, ok := st.tables[fk.RefTable.Name]; !ok || st.tables[fk.RefTable.Name] != fk.RefTable {
				return nil, nil, &unknownDDL{stmt: len(stmts) - 1, reason: "a foreign key to a dropped table"}
			}
			// PostgreSQL ties a foreign key to one key of the referenced
			// table, of its choosing when several have its columns.
			if d == dialect.Postgres && len(keysOf(fk.RefTable, fk.RefColumns)) != 1 {
				return nil, nil, &unknownDDL{stmt: len(stmts) - 1, reason: fmt.Sprintf("foreign key %s: several keys have its referenced columns", fk.Symbol)}
			}
		}
	}
	return st.s, st, nil
}

func (st *ddlState) statement(r *ddlReader) {
	switch {
	case r.words("CREATE", "TABLE"):
		st.createTable(r)
	case r.words("CREATE", "UNIQUE", "INDEX"):
		st.createIndex(r, true)
	case r.words("CREATE", "INDEX"):
		st.createIndex(r, false)
	case r.words("ALTER", "TABLE"):
		st.alterTable(r)
	case r.words("DROP", "TABLE"):
		st.dropTable(r)
	case st.d == dialect.Postgres && r.words("DROP", "INDEX"):
		st.pgDropIndex(r)
	case st.d == dialect.MySQL && r.word("SET"):
		st.setFKChecks(r)
	case st.d == dialect.MySQL && r.words("CREATE", "PROCEDURE"):
		st.createProc(r)
	case st.d == dialect.MySQL && r.words("DROP", "PROCEDURE"):
		st.dropProc(r)
	case st.d == dialect.MySQL && r.word("CALL"):
		st.callProc(r)
	default:
		r.fail("a statement other than CREATE TABLE, CREATE INDEX, ALTER TABLE, DROP TABLE, DROP INDEX")
	}
}

// relName claims a PostgreSQL relation name.
func (st *ddlState) relName(r *ddlReader, n string) {
	if st.d != dialect.Postgres {
		return
	}
	if st.names[n] || len(n) > 63 {
		r.fail("name %s taken or too long", n)
		return
	}
	st.names[n] = true
}

// derived returns the names PostgreSQL derives for t (its key, its serial
// columns' sequences).
func (st *ddlState) derived(t *sqlschema.Table) []string {
	if st.d != dialect.Postgres {
		return nil
	}
	return pgDerived(t)
}

func (st *ddlState) createTable(r *ddlReader) {
	if r.word("IF") {
		r.fail("IF NOT EXISTS")
		return
	}
	name := r.ident()
	if name == "" {
		return
	}
	if _, ok := st.tables[name]; ok {
		r.fail("table %s made twice", name)
		return
	}
	if st.d == dialect.MySQL && name != strings.ToLower(name) {
		// The server's lower_case_table_names decides what it is called.
		r.fail("table name %s with upper-case letters", name)
		return
	}
	t := sqlschema.NewTable(name)
	t.SetSchema(st.s)
	if !r.expect("(") {
		return
	}
	var pkCols []string
	var fks []*pendingFK
	for {
		switch {
		case r.words("PRIMARY", "KEY"):
			if pkCols != nil {
				r.fail("two primary keys")
				return
			}
			if pkCols = r.identList(); pkCols == nil {
				return
			}
		case r.word("CONSTRAINT"):
			fk := st.namedFK(r)
			if fk == nil {
				return
			}
			fks = append(fks, fk)
		case st.d == dialect.MySQL && (r.peek().kind == 'w' && (strings.EqualFold(r.peek().text, "UNIQUE") || strings.EqualFold(r.peek().text, "INDEX") || strings.EqualFold(r.peek().text, "KEY"))):
			unique := r.word("UNIQUE")
			if !r.word("INDEX") && !r.word("KEY") && !unique {
				r.fail("an index")
				return
			}
			if !st.mysqlIndex(r, t, unique) {
				return
			}
		default:
			c, inlinePK := st.column(r, t)
			if c == nil {
				return
			}
			if inlinePK {
				if pkCols != nil {
					r.fail("two primary keys")
					return
				}
				pkCols = []string{c.Name}
			}
		}
		if r.err != "" {
			return
		}
		if r.punct(")") {
			break
		}
		if !r.expect(",") {
			return
		}
	}
	if len(t.Columns) == 0 {
		r.fail("a table without columns")
		return
	}
	if pkCols != nil && !st.setPK(r, t, pkCols) {
		return
	}
	st.tableOptions(r, t)
	for _, idx := range t.Indexes {
		if r.err == "" {
			st.hashKnown(r, t, idx)
		}
	}
	if r.err != "" {
		return
	}
	st.relName(r, name)
	for _, n := range st.derived(t) {
		st.relName(r, n)
	}
	for _, ix := range t.Indexes {
		st.relName(r, ix.Name)
	}
	if r.err != "" {
		return
	}
	st.tables[name] = t
	st.s.AddTables(t)
	for _, fk := range fks {
		if !st.addFK(r, t, fk) {
			return
		}
	}
}

// setPK makes cols t's primary key; their columns become NOT NULL, as the
// server makes them.
func (st *ddlState) setPK(r *ddlReader, t *sqlschema.Table, cols []string) bool {
	pk := &sqlschema.Index{Unique: true, Table: t}
	for i, n := range cols {
		c, ok := t.Column(n)
		if !ok {
			r.fail("key column %s not in table %s", n, t.Name)
			return false
		}
		c.Type.Null = false
		pk.Parts = append(pk.Parts, &sqlschema.IndexPart{SeqNo: i, C: c})
		c.Indexes = append(c.Indexes, pk)
	}
	t.PrimaryKey = pk
	return true
}

// tableOptions reads MySQL's CHARSET, COLLATE and COMMENT table options.
func (st *ddlState) tableOptions(r *ddlReader, t *sqlschema.Table) {
	if st.d != dialect.MySQL {
		return
	}
	for !r.done() && r.err == "" {
		r.word("DEFAULT")
		switch {
		case r.word("CHARSET"), r.words("CHARACTER", "SET"):
			r.punct("=")
			v := r.optionValue()
			if v == "" || hasAttr[*sqlschema.Charset](t.Attrs) {
				r.fail("table charset")
				return
			}
			t.AddAttrs(&sqlschema.Charset{V: v})
		case r.word("COLLATE"):
			r.punct("=")
			v := r.optionValue()
			if v == "" || hasAttr[*sqlschema.Collation](t.Attrs) {
				r.fail("table collation")
				return
			}
			t.AddAttrs(&sqlschema.Collation{V: v})
		case r.word("COMMENT"):
			r.punct("=")
			if hasAttr[*sqlschema.Comment](t.Attrs) {
				r.fail("two table comments")
				return
			}
			setComment(r, &t.Attrs)
		default:
			r.fail("table option %q", r.peek().text)
			return
		}
		r.punct(",")
	}
}

// setComment reads a MySQL comment, a plain string, into attrs as atlas's
// inspection reads it: its text, the string's quotes taken off; none
// for an empty one (the server keeps "", which the inspection skips).
// An earlier comment goes.
func setComment(r *ddlReader, attrs *[]sqlschema.Attr) {
	t := r.peek()
	if t.kind != 's' || !reString.MatchString(t.text) {
		r.fail("comment %q", t.text)
		return
	}
	r.pos++
	kept := (*attrs)[:0:0]
	for _, a := range *attrs {
		if _, ok := a.(*sqlschema.Comment); !ok {
			kept = append(kept, a)
		}
	}
	if text := strings.ReplaceAll(t.text[1:len(t.text)-1], "''", "'"); text != "" {
		kept = append(kept, &sqlschema.Comment{Text: text})
	}
	*attrs = kept
}

var reOptionValue = regexp.MustCompile(`^[a-z0-9_]+$`)

// optionValue reads a charset or collation name.
func (r *ddlReader) optionValue() string {
	t := r.peek()
	if t.kind != 'w' && t.kind != 'i' || !reOptionValue.MatchString(strings.ToLower(t.text)) {
		return ""
	}
	r.pos++
	return strings.ToLower(t.text)
}

// mysqlIndex reads "name (cols)" of an index of t, after INDEX or KEY.
func (st *ddlState) mysqlIndex(r *ddlReader, t *sqlschema.Table, unique bool) bool {
	name := r.ident()
	if name == "" {
		return false
	}
	using := st.indexUsing(r, "")
	parts := r.keyParts(true)
	if parts == nil {
		return false
	}
	using = st.indexUsing(r, using)
	return r.err == "" && st.addIndex(r, t, name, unique, using, parts)
}

// indexUsing reads MySQL's USING BTREE or USING HASH of an index, before
// or after its columns, given the one read so far; it returns the type
// as the inspection reads it (upper case), or "".
func (st *ddlState) indexUsing(r *ddlReader, using string) string {
	if st.d != dialect.MySQL || !r.word("USING") {
		return using
	}
	t := r.peek()
	v := strings.ToUpper(t.text)
	if t.kind != 'w' || v != "BTREE" && v != "HASH" || using != "" {
		r.fail("index type %q", t.text)
		return ""
	}
	r.pos++
	return v
}

// addIndex adds the index name of parts to t; using, if not "", is the
// index type it was written with (the server's own choice of type, such
// as InnoDB's BTREE for HASH, or MariaDB's HASH for a unique key too
// long for a BTREE, comes from normalizing in the scratch database).
func (st *ddlState) addIndex(r *ddlReader, t *sqlschema.Table, name string, unique bool, using string, parts []keyPart) bool {
	if strings.EqualFold(name, "PRIMARY") {
		r.fail("an index named PRIMARY")
		return false
	}
	for _, ix := range t.Indexes {
		if ix.Name == name || st.d == dialect.MySQL && strings.EqualFold(ix.Name, name) {
			r.fail("index %s twice", name)
			return false
		}
	}
	if st.ownIndex[t] {
		r.fail("an index added to table %s, whose foreign key has an index of the server's making", t.Name)
		return false
	}
	idx := &sqlschema.Index{Name: name, Unique: unique, Table: t}
	if using != "" {
		idx.AddAttrs(&mysql.IndexType{T: using})
	}
	for i, kp := range parts {
		c, ok := t.Column(kp.name)
		if !ok {
			r.fail("index column %s not in table %s", kp.name, t.Name)
			return false
		}
		p := &sqlschema.IndexPart{SeqNo: i, C: c}
		if kp.sub > 0 {
			if !prefixable(c.Type.Type, kp.sub) {
				r.fail("prefix length %d of column %s", kp.sub, c.Name)
				return false
			}
			// As the inspection reads INFORMATION_SCHEMA's SUB_PART; the
			// server's own changes to it (none where the prefix is the
			// whole column, a shorter one where the key would be too long)
			// come from normalizing the index in the scratch database.
			p.Attrs = append(p.Attrs, &mysql.SubPart{Len: kp.sub})
		}
		idx.Parts = append(idx.Parts, p)
	}
	if st.tables[t.Name] == t && !st.hashKnown(r, t, idx) { // else after CREATE TABLE's charset
		return false
	}
	for _, p := range idx.Parts {
		p.C.Indexes = append(p.C.Indexes, idx)
	}
	t.Indexes = append(t.Indexes, idx)
	return true
}

// hashKnown fails r for a unique index of t written USING HASH that
// MariaDB may make either way: it keeps some short ones as a hash and
// makes others a B-tree, depending on the statement and the table's other
// keys. One that no B-tree can hold, surely, is a hash: a part of a TEXT,
// BLOB or JSON column without a prefix, or more than 3,072 bytes (InnoDB's
// longest key) at the table's charset's bytes a character.
func (st *ddlState) hashKnown(r *ddlReader, t *sqlschema.Table, idx *sqlschema.Index) bool {
	hash := false
	for _, a := range idx.Attrs {
		if it, ok := a.(*mysql.IndexType); ok && it.T == "HASH" {
			hash = true
		}
	}
	if !hash || !idx.Unique {
		return true
	}
	width := 0
	for _, a := range t.Attrs {
		if cs, ok := a.(*sqlschema.Charset); ok {
			width = map[string]int{"utf8mb4": 4, "utf8mb3": 3, "utf8": 3, "latin1": 1, "ascii": 1, "binary": 1}[cs.V]
		}
	}
	n := 0
	for _, p := range idx.Parts {
		sub := 0
		if sp, ok := attrOf[*mysql.SubPart](p.Attrs); ok {
			sub = sp.Len
		}
		switch ty := p.C.Type.Type.(type) {
		case *sqlschema.StringType:
			switch {
			case !isSized(ty.T) && sub == 0:
				return true
			case sub > 0:
				n += width * sub
			default:
				n += width * ty.Size
			}
		case *sqlschema.BinaryType:
			switch {
			case !isSized(ty.T) && sub == 0:
				return true
			case sub > 0:
				n += sub
			case ty.Size != nil:
				n += *ty.Size
			}
		case *sqlschema.JSONType:
			return true
		}
	}
	if n <= 3072 {
		r.fail("unique index %s USING HASH, which the server may keep as a hash or not", idx.Name)
		return false
	}
	return true
}

// prefixable reports whether a MySQL index may take the first n
// characters (bytes, of a binary type) of a column of type typ: a string
// or binary type, at most as long as a sized one (the server refuses a
// longer prefix).
func prefixable(typ sqlschema.Type, n int) bool {
	switch ty := typ.(type) {
	case *sqlschema.StringType:
		return !isSized(ty.T) || n <= ty.Size
	case *sqlschema.BinaryType:
		return !isSized(ty.T) || ty.Size != nil && n <= *ty.Size
	}
	return false
}

// isSized reports whether MySQL type t takes its length as an argument.
func isSized(t string) bool {
	switch strings.ToLower(t) {
	case "char", "varchar", "binary", "varbinary":
		return true
	}
	return false
}

// column reads a column definition and adds it to t; inlinePK says that
// it said PRIMARY KEY.
func (st *ddlState) column(r *ddlReader, t *sqlschema.Table) (c *sqlschema.Column, inlinePK bool) {
	name := r.ident()
	if name == "" {
		return nil, false
	}
	if _, ok := t.Column(name); ok {
		r.fail("column %s twice", name)
		return nil, false
	}
	if st.d == dialect.MySQL {
		for _, o := range t.Columns {
			if strings.EqualFold(o.Name, name) {
				r.fail("column %s twice", name)
				return nil, false
			}
		}
	}
	typ, raw := st.columnType(r)
	if typ == nil {
		return nil, false
	}
	c = &sqlschema.Column{Name: name, Type: &sqlschema.ColumnType{Type: typ, Raw: raw, Null: true}}
	var sawNull, sawNotNull, sawDefault, sawComment bool
	for r.err == "" {
		switch {
		case r.words("NOT", "NULL"):
			if sawNull || sawNotNull {
				r.fail("NULL and NOT NULL")
			}
			sawNotNull, c.Type.Null = true, false
		case r.word("NULL"):
			if sawNull || sawNotNull {
				r.fail("NULL and NOT NULL")
			}
			sawNull = true
		case r.word("DEFAULT"):
			if sawDefault {
				r.fail("two defaults")
			}
			sawDefault = true
			c.Default = st.defaultValue(r, typ)
		case st.d == dialect.MySQL && r.word("COMMENT"):
			if sawComment {
				r.fail("two comments")
			}
			sawComment = true
			setComment(r, &c.Attrs)
		case st.d == dialect.MySQL && r.word("AUTO_INCREMENT"):
			if hasAttr[*mysql.AutoIncrement](c.Attrs) {
				r.fail("two AUTO_INCREMENT")
			}
			c.AddAttrs(&mysql.AutoIncrement{})
		case r.words("PRIMARY", "KEY"):
			if inlinePK {
				r.fail("two primary keys")
			}
			inlinePK = true
		default:
			if p := r.peek(); p.kind == 'p' && (p.text == "," || p.text == ")") || r.done() {
				goto done
			}
			r.fail("column clause %q", r.peek().text)
		}
	}
done:
	if r.err != "" {
		return nil, false
	}
	if isMySQLTimestamp(st.d, typ) && (!sawNull || c.Default != nil) {
		// Without NULL, the server gives it NOT NULL, and to the first
		// such column DEFAULT and ON UPDATE CURRENT_TIMESTAMP, where
		// explicit_defaults_for_timestamp is off.
		r.fail("a timestamp column not declared NULL, or with a default")
		return nil, false
	}
	if _, serial := typ.(*postgres.SerialType); serial && (sawNull || c.Default != nil) {
		r.fail("a serial column with NULL or a default")
		return nil, false
	}
	if hasAttr[*mysql.AutoIncrement](c.Attrs) && (c.Default != nil || sawNull) {
		r.fail("an AUTO_INCREMENT column with NULL or a default")
		return nil, false
	}
	if inlinePK && sawNull {
		r.fail("a key column declared NULL")
		return nil, false
	}
	t.AddColumns(c)
	return c, inlinePK
}

// isMySQLTimestamp reports whether typ is a MySQL TIMESTAMP.
func isMySQLTimestamp(d dialect.Name, typ sqlschema.Type) bool {
	t, ok := typ.(*sqlschema.TimeType)
	return ok && d == dialect.MySQL && strings.Contains(t.T, "timestamp")
}

// typeStops end a column's type: the first word of its clauses.
var typeStops = map[string]bool{
	"not": true, "null": true, "default": true, "primary": true, "unique": true, "references": true,
	"check": true, "constraint": true, "collate": true, "generated": true, "auto_increment": true,
	"comment": true, "as": true, "on": true, "charset": true, "key": true, "invisible": true,
}

// columnType reads a column's type and returns atlas's value for it, with
// the text atlas writes for it; nil if atlas would write it otherwise
// than as the statement means it.
func (st *ddlState) columnType(r *ddlReader) (sqlschema.Type, string) {
	var words []string
	args := ""
	for {
		t := r.peek()
		if t.kind == 'w' && !typeStops[strings.ToLower(t.text)] {
			if st.d == dialect.MySQL && strings.EqualFold(t.text, "character") && r.pos+1 < len(r.toks) && strings.EqualFold(r.toks[r.pos+1].text, "set") {
				break
			}
			words = append(words, strings.ToLower(t.text))
			r.pos++
			continue
		}
		if t.kind == 'p' && t.text == "(" && args == "" && len(words) > 0 {
			r.pos++
			var parts []string
			for {
				n := r.peek()
				if n.kind != 'n' || strings.Contains(n.text, ".") {
					r.fail("type arguments")
					return nil, ""
				}
				parts = append(parts, strings.TrimLeft(n.text, "0"))
				r.pos++
				if r.punct(")") {
					break
				}
				if !r.expect(",") {
					return nil, ""
				}
			}
			for i, p := range parts {
				if p == "" {
					parts[i] = "0"
				}
			}
			args = "(" + strings.Join(parts, ",") + ")"
			// The arguments sit after the first word ("timestamp(3)
			// with time zone").
			words = append(words[:1], append([]string{args}, words[1:]...)...)
			continue
		}
		break
	}
	if len(words) == 0 {
		r.fail("a column without a type")
		return nil, ""
	}
	typ, text := knownType(st.d, words)
	if typ == nil {
		r.fail("column type %q", strings.Join(words, " "))
		return nil, ""
	}
	return typ, text
}

// Types whose other spellings mean the same to the server, as atlas
// writes them (PostgreSQL's documented aliases; MySQL's BOOLEAN is
// TINYINT(1), NUMERIC is DECIMAL, whose precision is 10 when not given).
var (
	pgTypeAliases = map[string]string{
		"int": "integer", "int4": "integer", "int8": "bigint", "int2": "smallint",
		"varchar": "character varying", "char": "character", "decimal": "numeric",
		"bool": "boolean", "float8": "double precision", "float4": "real",
		"timestamp with time zone": "timestamptz", "timestamp without time zone": "timestamp",
		"serial4": "serial", "serial8": "bigserial", "serial2": "smallserial",
	}
	mysqlTypeAliases = map[string]string{
		"boolean": "bool", "numeric": "decimal", "integer": "int",
	}
)

// knownType returns atlas's type for the words of a column type (lower
// case, arguments as "(n,m)" after the first word) and the text atlas
// writes for it, when that text is the same type to the server: the
// words as written, or one of their documented aliases. Other types (and
// MySQL's display widths, which atlas drops) are not known.
func knownType(d dialect.Name, words []string) (sqlschema.Type, string) {
	var args string
	base := words[:0:0]
	for _, w := range words {
		if strings.HasPrefix(w, "(") {
			if args != "" || !reTypeArgs.MatchString(w) {
				return nil, ""
			}
			args = w
			continue
		}
		base = append(base, w)
	}
	name := strings.Join(base, " ")
	unsigned := false
	if d == dialect.MySQL && strings.HasSuffix(name, " unsigned") {
		name, unsigned = strings.TrimSuffix(name, " unsigned"), true
	}
	var want string
	switch d {
	case dialect.MySQL:
		if a, ok := mysqlTypeAliases[name]; ok {
			name = a
		}
		if name == "decimal" && args == "" {
			args = "(10)"
		}
		if name == "tinyint" && args == "(1)" && !unsigned {
			name, args = "bool", ""
		}
		want = name + args
		if unsigned {
			want += " unsigned"
		}
	case dialect.Postgres:
		if a, ok := pgTypeAliases[name]; ok {
			name = a
		}
		want = name + args
	}
	typ, err := atlastype.Parse(d, want)
	if err != nil {
		return nil, ""
	}
	written, err := atlastype.Format(d, typ)
	if err != nil || written != want {
		return nil, ""
	}
	switch typ.(type) {
	case *sqlschema.IntegerType, *sqlschema.StringType, *sqlschema.FloatType, *sqlschema.DecimalType,
		*sqlschema.BoolType, *sqlschema.BinaryType, *sqlschema.JSONType, *sqlschema.UUIDType:
	case *sqlschema.TimeType:
		// A MySQL timestamp has NULL, DEFAULT and ON UPDATE of its own
		// unless declared NULL (explicit_defaults_for_timestamp): column
		// reads only that form.
	case *postgres.SerialType:
	default:
		return nil, ""
	}
	return typ, written
}

var (
	// reTypeArgs: a type's sizes, plain numbers of up to nine digits.
	reTypeArgs = regexp.MustCompile(`^\([0-9]{1,9}(,[0-9]{1,9})*\)$`)
	reNumber   = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	reString   = regexp.MustCompile(`^'(?:[^'\\]|'')*'$`)
)

// defaultValue reads a DEFAULT's value: a number on a numeric column,
// TRUE or FALSE on a boolean one, a plain string on a string one; atlas
// writes each back as it was written. NULL and expressions are not known
// (the server's reading of them differs between versions).
func (st *ddlState) defaultValue(r *ddlReader, typ sqlschema.Type) sqlschema.Expr {
	neg := r.punct("-")
	t := r.peek()
	r.pos++
	switch ty := typ.(type) {
	case *sqlschema.IntegerType, *sqlschema.FloatType, *sqlschema.DecimalType:
		if t.kind == 'n' {
			v := t.text
			if neg {
				v = "-" + v
			}
			if reNumber.MatchString(v) {
				return &sqlschema.Literal{V: v}
			}
		}
	case *sqlschema.BoolType:
		if !neg && t.kind == 'w' && (strings.EqualFold(t.text, "true") || strings.EqualFold(t.text, "false")) {
			return &sqlschema.Literal{V: strings.ToLower(t.text)}
		}
		if !neg && st.d == dialect.MySQL && t.kind == 'n' && (t.text == "0" || t.text == "1") {
			return &sqlschema.Literal{V: t.text}
		}
	case *sqlschema.StringType:
		if !neg && t.kind == 's' && reString.MatchString(t.text) && !(st.d == dialect.MySQL && isMySQLText(ty)) {
			return &sqlschema.Literal{V: t.text}
		}
	}
	r.fail("default %s%s on %T", map[bool]string{true: "-"}[neg], t.text, typ)
	return nil
}

// isMySQLText reports whether t is one of MySQL's TEXT types, whose
// literal defaults MySQL refuses and MariaDB keeps.
func isMySQLText(t *sqlschema.StringType) bool {
	return strings.HasSuffix(t.T, "text")
}

// pendingFK is a foreign key read, its tables not looked up yet.
type pendingFK struct {
	symbol           string
	cols, refCols    []string
	ref              string
	onUpdate, onDel  sqlschema.ReferenceOption
	notValid         bool
	sawUpdate, sawDe bool
}

// namedFK reads what follows CONSTRAINT: a symbol and a foreign key, the
// only named constraint the reader knows; nil (r failed) otherwise.
func (st *ddlState) namedFK(r *ddlReader) *pendingFK {
	sym := r.ident()
	if sym == "" {
		return nil
	}
	if !r.words("FOREIGN", "KEY") {
		r.fail("a constraint other than a foreign key")
		return nil
	}
	return st.readFK(r, sym)
}

// readFK reads "(cols) REFERENCES t (cols) [ON DELETE a] [ON UPDATE a]",
// after FOREIGN KEY.
func (st *ddlState) readFK(r *ddlReader, symbol string) *pendingFK {
	fk := &pendingFK{symbol: symbol}
	if fk.cols = r.identList(); fk.cols == nil {
		return nil
	}
	if !r.word("REFERENCES") {
		r.fail("expected REFERENCES")
		return nil
	}
	if fk.ref = r.ident(); fk.ref == "" {
		return nil
	}
	if fk.refCols = r.identList(); fk.refCols == nil {
		return nil
	}
	for r.word("ON") {
		var dst *sqlschema.ReferenceOption
		switch {
		case r.word("DELETE") && !fk.sawDe:
			dst, fk.sawDe = &fk.onDel, true
		case r.word("UPDATE") && !fk.sawUpdate:
			dst, fk.sawUpdate = &fk.onUpdate, true
		default:
			r.fail("ON clause of a foreign key")
			return nil
		}
		switch {
		case r.word("CASCADE"):
			*dst = sqlschema.Cascade
		case r.word("RESTRICT"):
			*dst = sqlschema.Restrict
		case r.words("SET", "NULL"):
			*dst = sqlschema.SetNull
		case r.words("NO", "ACTION"):
			*dst = sqlschema.NoAction
		default:
			r.fail("foreign key action %q", r.peek().text)
			return nil
		}
	}
	if st.d == dialect.Postgres && r.words("NOT", "VALID") {
		fk.notValid = true
	}
	return fk
}

// addFK adds fk to t: its columns must be t's, its referenced columns
// the referenced table's primary key or a unique index's, in order; on
// MySQL, a key no index of t serves gets one of the server's making
// (ownIndex).
func (st *ddlState) addFK(r *ddlReader, t *sqlschema.Table, p *pendingFK) bool {
	if len(p.cols) != len(p.refCols) {
		r.fail("foreign key %s: column counts differ", p.symbol)
		return false
	}
	ref, ok := st.tables[p.ref]
	if !ok {
		r.fail("foreign key %s: table %s not there", p.symbol, p.ref)
		return false
	}
	if st.d == dialect.MySQL {
		key := strings.ToLower(p.symbol)
		if key != p.symbol {
			r.fail("foreign key name %s with upper-case letters (lower_case_table_names)", p.symbol)
			return false
		}
		if st.names[key] {
			r.fail("foreign key %s twice", p.symbol)
			return false
		}
		st.names[key] = true
	} else {
		for _, f := range t.ForeignKeys {
			if f.Symbol == p.symbol {
				r.fail("foreign key %s twice", p.symbol)
				return false
			}
		}
	}
	fk := &sqlschema.ForeignKey{Symbol: p.symbol, Table: t, RefTable: ref, OnUpdate: p.onUpdate, OnDelete: p.onDel}
	if st.fkChecksOff {
		uncheckedActions(fk)
		st.unchecked++
	}
	for _, n := range p.cols {
		c, ok := t.Column(n)
		if !ok {
			r.fail("foreign key column %s not in table %s", n, t.Name)
			return false
		}
		fk.Columns = append(fk.Columns, c)
	}
	for _, n := range p.refCols {
		c, ok := ref.Column(n)
		if !ok {
			r.fail("referenced column %s not in table %s", n, ref.Name)
			return false
		}
		fk.RefColumns = append(fk.RefColumns, c)
	}
	if !keyOf(ref, fk.RefColumns) {
		r.fail("foreign key %s: referenced columns are no key", p.symbol)
		return false
	}
	for i, c := range fk.Columns {
		// Raw is the type as atlas writes it (knownType).
		if c.Type.Raw != fk.RefColumns[i].Type.Raw && !sameSerialBase(fk.RefColumns[i].Type.Type, c.Type.Type) {
			r.fail("foreign key %s: column types differ", p.symbol)
			return false
		}
		if p.onDel == sqlschema.SetNull || p.onUpdate == sqlschema.SetNull {
			if !c.Type.Null {
				r.fail("foreign key %s: SET NULL on a NOT NULL column", p.symbol)
				return false
			}
		}
	}
	if st.d == dialect.MySQL && !servedByIndex(t, fk) {
		// MySQL makes an index for it, named after it: so does the
		// table made afresh, if no index is added later (addIndex) and
		// it is the only such key.
		if st.ownIndex[t] {
			r.fail("foreign key %s: a second key no index serves on table %s", p.symbol, t.Name)
			return false
		}
		for _, ix := range t.Indexes {
			if strings.EqualFold(ix.Name, p.symbol) {
				r.fail("foreign key %s: its index's name is taken", p.symbol)
				return false
			}
		}
		st.ownIndex[t] = true
	}
	for _, c := range fk.Columns {
		c.ForeignKeys = append(c.ForeignKeys, fk)
	}
	t.ForeignKeys = append(t.ForeignKeys, fk)
	if p.notValid {
		st.notValid[[2]string{t.Name, p.symbol}] = true
	}
	return true
}

// sameSerialBase reports whether ref is a PostgreSQL serial whose
// integer type is c's (a bigserial key referenced by a bigint).
func sameSerialBase(ref, c sqlschema.Type) bool {
	s, ok := ref.(*postgres.SerialType)
	it, ok2 := c.(*sqlschema.IntegerType)
	if !ok || !ok2 {
		return false
	}
	return map[string]string{"smallserial": "smallint", "serial": "integer", "bigserial": "bigint"}[s.T] == it.T
}

// keyOf reports whether cols are t's primary key or a unique index's
// columns, in order.
func keyOf(t *sqlschema.Table, cols []*sqlschema.Column) bool {
	return len(keysOf(t, cols)) > 0
}

// keysOf returns the primary key and unique indexes of t whose columns
// are cols, in order.
func keysOf(t *sqlschema.Table, cols []*sqlschema.Column) []*sqlschema.Index {
	same := func(idx *sqlschema.Index) bool {
		if idx == nil || !idx.Unique || len(idx.Parts) != len(cols) {
			return false
		}
		for i, p := range idx.Parts {
			if p.C != cols[i] || hasAttr[*mysql.SubPart](p.Attrs) {
				return false // a prefix is no key
			}
		}
		return true
	}
	var out []*sqlschema.Index
	if same(t.PrimaryKey) {
		out = append(out, t.PrimaryKey)
	}
	for _, idx := range t.Indexes {
		if same(idx) {
			out = append(out, idx)
		}
	}
	return out
}

func (st *ddlState) createIndex(r *ddlReader, unique bool) {
	if st.d == dialect.Postgres {
		r.word("CONCURRENTLY")
	}
	if r.word("IF") {
		r.fail("IF NOT EXISTS")
		return
	}
	name := r.ident()
	if name == "" {
		return
	}
	using := st.indexUsing(r, "")
	if !r.word("ON") {
		r.fail("expected ON")
		return
	}
	tname := r.ident()
	t, ok := st.tables[tname]
	if !ok {
		r.fail("table %s not there", tname)
		return
	}
	parts := r.keyParts(st.d == dialect.MySQL)
	if parts == nil {
		return
	}
	using = st.indexUsing(r, using)
	var on onlineOptions
	st.mysqlOnline(r, &on)
	if r.err != "" {
		return
	}
	st.relName(r, name)
	if r.err == "" && st.addIndex(r, t, name, unique, using, parts) {
		onlineRuns(r, t, on)
	}
}

// mysqlOnline reads the ALGORITHM and LOCK options of a MySQL statement,
// which change how it runs, not what it makes; it keeps their values,
// upper-cased, in on.
func (st *ddlState) mysqlOnline(r *ddlReader, on *onlineOptions) {
	if st.d != dialect.MySQL {
		return
	}
	for {
		save := r.pos
		r.punct(",")
		var dst *string
		switch {
		case r.word("ALGORITHM"):
			dst = &on.algorithm
		case r.word("LOCK"):
			dst = &on.lock
		default:
			r.pos = save
			return
		}
		r.punct("=")
		t := r.peek()
		if t.kind != 'w' || *dst != "" {
			r.fail("ALGORITHM or LOCK value")
			return
		}
		*dst = strings.ToUpper(t.text)
		r.pos++
	}
}

// onlineOptions are the ALGORITHM and LOCK a MySQL statement asks for.
type onlineOptions struct{ algorithm, lock string }

// onlineRuns fails r when the server may refuse to change t in place
// under on, where the statement asked for that: MariaDB changes no table
// with a unique key it keeps as a hash (a long unique key, with its own
// hidden column) in place or instantly ("INPLACE ADD or DROP of virtual
// columns cannot be combined with other ALTER TABLE actions").
func onlineRuns(r *ddlReader, t *sqlschema.Table, on onlineOptions) {
	switch {
	case on.algorithm == "INPLACE", on.algorithm == "INSTANT", on.algorithm == "NOCOPY", on.lock == "NONE":
	default:
		return
	}
	for _, idx := range t.Indexes {
		if idx.Unique && mayHash(idx) {
			r.fail("ALGORITHM=%s, LOCK=%s on table %s, whose unique index %s the server may keep as a hash", on.algorithm, on.lock, t.Name, idx.Name)
			return
		}
	}
}

// mayHash reports whether MariaDB may keep unique index idx as a hash:
// written USING HASH, or with a part of a TEXT, BLOB or JSON column
// without a prefix, or longer than 767 bytes at 4 bytes a character (the
// longest key of InnoDB's COMPACT rows, the shortest it has).
func mayHash(idx *sqlschema.Index) bool {
	for _, a := range idx.Attrs {
		if it, ok := a.(*mysql.IndexType); ok && !strings.EqualFold(it.T, "BTREE") {
			return true
		}
	}
	n := 0
	for _, p := range idx.Parts {
		sub := 0
		if sp, ok := attrOf[*mysql.SubPart](p.Attrs); ok {
			sub = sp.Len
		}
		switch ty := p.C.Type.Type.(type) {
		case *sqlschema.StringType:
			switch {
			case sub > 0:
				n += 4 * sub
			case isSized(ty.T):
				n += 4 * ty.Size
			default:
				return true
			}
		case *sqlschema.BinaryType:
			switch {
			case sub > 0:
				n += sub
			case isSized(ty.T) && ty.Size != nil:
				n += *ty.Size
			default:
				return true
			}
		case *sqlschema.JSONType:
			return true
		default:
			n += 32
		}
	}
	return n > 767
}

// modified is a column MODIFY replaced.
type modified struct{ old, new *sqlschema.Column }

// modifiesRun reports whether the server runs the MODIFY clauses mods
// under on (the other clauses autogenerate puts with them run under any
// of its options): any change when the statement asks for nothing;
// under INPLACE, with any LOCK, a change of nullability, default or
// comment (MySQL 8's and MariaDB's online DDL tables: in place, without
// locking); under INSTANT, a change of default only. Anything else (a
// type changed in place, which the server may refuse or copy) is not read.
func modifiesRun(mods []modified, on onlineOptions) bool {
	if on == (onlineOptions{}) {
		return true
	}
	for _, m := range mods {
		sameType := m.old.Type.Raw == m.new.Type.Raw
		sameRest := m.old.Type.Null == m.new.Type.Null && fingerprint(m.old.Attrs) == fingerprint(m.new.Attrs)
		switch {
		case on.algorithm == "INPLACE" && sameType:
		case on.algorithm == "INSTANT" && (on.lock == "" || on.lock == "DEFAULT") && sameType && sameRest:
		default:
			return false
		}
	}
	return true
}

func (st *ddlState) alterTable(r *ddlReader) {
	tname := r.ident()
	t, ok := st.tables[tname]
	if !ok {
		if r.err == "" {
			r.fail("table %s not there", tname)
		}
		return
	}
	var (
		on     onlineOptions
		mods   []modified
		addsFK bool
		others bool // a clause other than ADD CONSTRAINT
	)
	for {
		others = others || !(r.peek().kind == 'w' && strings.EqualFold(r.peek().text, "ADD") && r.pos+1 < len(r.toks) && r.toks[r.pos+1].kind == 'w' && strings.EqualFold(r.toks[r.pos+1].text, "CONSTRAINT"))
		switch {
		case r.words("ADD", "CONSTRAINT"):
			fk := st.namedFK(r)
			if fk == nil || !st.addFK(r, t, fk) {
				return
			}
			addsFK = true
		case st.d == dialect.Postgres && r.words("VALIDATE", "CONSTRAINT"):
			sym := r.ident()
			k := [2]string{t.Name, sym}
			if !st.notValid[k] {
				r.fail("VALIDATE of a constraint not added NOT VALID")
				return
			}
			delete(st.notValid, k)
		case r.words("ADD", "COLUMN"):
			c, pk := st.column(r, t)
			if c == nil {
				return
			}
			if pk || hasAttr[*mysql.AutoIncrement](c.Attrs) {
				r.fail("a key column added")
				return
			}
			if _, serial := c.Type.Type.(*postgres.SerialType); serial {
				r.fail("a serial column added")
				return
			}
		case st.d == dialect.MySQL && r.word("COMMENT"):
			r.punct("=")
			setComment(r, &t.Attrs)
		case st.d == dialect.MySQL && (r.words("ADD", "UNIQUE", "INDEX") || r.words("ADD", "UNIQUE", "KEY")):
			if !st.mysqlIndex(r, t, true) {
				return
			}
		case st.d == dialect.MySQL && (r.words("ADD", "INDEX") || r.words("ADD", "KEY")):
			if !st.mysqlIndex(r, t, false) {
				return
			}
		case st.d == dialect.MySQL && (r.words("DROP", "INDEX") || r.words("DROP", "KEY")):
			name := r.ident()
			var idx *sqlschema.Index
			for _, ix := range t.Indexes {
				if strings.EqualFold(ix.Name, name) {
					idx = ix
				}
			}
			if idx == nil {
				r.fail("index %s not there", name)
				return
			}
			if !st.dropIndex(r, t, idx) {
				return
			}
		case r.words("DROP", "COLUMN"):
			if !st.dropColumn(r, t) {
				return
			}
		case st.d == dialect.MySQL && r.word("MODIFY"):
			r.word("COLUMN")
			m, ok := st.modifyColumn(r, t)
			if !ok {
				return
			}
			mods = append(mods, m)
		case st.d == dialect.MySQL && r.words("DROP", "FOREIGN", "KEY"), st.d == dialect.Postgres && r.words("DROP", "CONSTRAINT"):
			if !st.dropFK(r, t) {
				return
			}
		default:
			r.fail("ALTER TABLE clause %q", r.peek().text)
			return
		}
		if r.err != "" {
			return
		}
		st.mysqlOnline(r, &on)
		if r.err != "" {
			return
		}
		if r.done() {
			if !modifiesRun(mods, on) {
				r.fail("MODIFY under ALGORITHM=%s, LOCK=%s, which the server may refuse", on.algorithm, on.lock)
				return
			}
			if st.fkChecksOff && others {
				r.fail("ALTER TABLE clause other than ADD CONSTRAINT with foreign_key_checks off")
				return
			}
			if addsFK && !st.fkAddRuns(on) {
				r.fail("a foreign key added under ALGORITHM=%s, LOCK=%s with foreign_key_checks %s, which the server may refuse", on.algorithm, on.lock, map[bool]string{true: "off", false: "on"}[st.fkChecksOff])
				return
			}
			onlineRuns(r, t, on)
			return
		}
		if !r.expect(",") {
			return
		}
	}
}

func (st *ddlState) dropTable(r *ddlReader) {
	if r.word("IF") {
		r.fail("IF EXISTS")
		return
	}
	name := r.ident()
	t, ok := st.tables[name]
	if !ok {
		if r.err == "" {
			r.fail("table %s not there", name)
		}
		return
	}
	if r.word("CASCADE") || r.word("RESTRICT") {
		r.fail("CASCADE or RESTRICT")
		return
	}
	for _, o := range st.s.Tables {
		for _, fk := range o.ForeignKeys {
			if fk.RefTable == t && o != t {
				r.fail("table %s is referenced by %s", name, o.Name)
				return
			}
		}
	}
	for _, fk := range t.ForeignKeys {
		if st.d == dialect.MySQL {
			delete(st.names, strings.ToLower(fk.Symbol))
		}
		delete(st.notValid, [2]string{t.Name, fk.Symbol})
	}
	if st.d == dialect.Postgres {
		delete(st.names, name)
		for _, n := range st.derived(t) {
			delete(st.names, n)
		}
		for _, ix := range t.Indexes {
			delete(st.names, ix.Name)
		}
	}
	delete(st.tables, name)
	kept := st.s.Tables[:0]
	for _, o := range st.s.Tables {
		if o != t {
			kept = append(kept, o)
		}
	}
	st.s.Tables = kept
}

// dropIndex takes idx off t, unless a foreign key needs it: one of t's
// that no other index would serve (MySQL), or one that refers to it as
// its key.
func (st *ddlState) dropIndex(r *ddlReader, t *sqlschema.Table, idx *sqlschema.Index) bool {
	if st.ownIndex[t] {
		r.fail("an index dropped from table %s, whose foreign key has an index of the server's making", t.Name)
		return false
	}
	for _, o := range st.s.Tables {
		for _, fk := range o.ForeignKeys {
			if fk.RefTable != t {
				continue
			}
			for _, k := range keysOf(t, fk.RefColumns) {
				if k == idx {
					r.fail("index %s is the key of foreign key %s", idx.Name, fk.Symbol)
					return false
				}
			}
		}
	}
	kept := make([]*sqlschema.Index, 0, len(t.Indexes))
	for _, ix := range t.Indexes {
		if ix != idx {
			kept = append(kept, ix)
		}
	}
	old := t.Indexes
	t.Indexes = kept
	if st.d == dialect.MySQL {
		for _, fk := range t.ForeignKeys {
			if !servedByIndex(t, fk) {
				t.Indexes = old
				r.fail("index %s serves foreign key %s", idx.Name, fk.Symbol)
				return false
			}
		}
	}
	for _, p := range idx.Parts {
		cols := p.C.Indexes[:0]
		for _, x := range p.C.Indexes {
			if x != idx {
				cols = append(cols, x)
			}
		}
		p.C.Indexes = cols
	}
	return true
}

// pgDropIndex reads DROP INDEX [CONCURRENTLY] name.
func (st *ddlState) pgDropIndex(r *ddlReader) {
	r.word("CONCURRENTLY")
	if r.word("IF") {
		r.fail("IF EXISTS")
		return
	}
	name := r.ident()
	if name == "" {
		return
	}
	if r.word("CASCADE") || r.word("RESTRICT") {
		r.fail("CASCADE or RESTRICT")
		return
	}
	for _, t := range st.s.Tables {
		for _, ix := range t.Indexes {
			if ix.Name == name {
				if st.dropIndex(r, t, ix) {
					delete(st.names, name)
				}
				return
			}
		}
	}
	r.fail("index %s not there", name)
}

// dropColumn reads "name" after DROP COLUMN and takes the column off t,
// unless a key, index or foreign key has it (the server would change or
// drop those with it, or refuse).
func (st *ddlState) dropColumn(r *ddlReader, t *sqlschema.Table) bool {
	name := r.ident()
	c, ok := t.Column(name)
	if !ok {
		if r.err == "" {
			r.fail("column %s not there", name)
		}
		return false
	}
	if r.word("CASCADE") || r.word("RESTRICT") {
		r.fail("CASCADE or RESTRICT")
		return false
	}
	if len(c.Indexes) > 0 || len(c.ForeignKeys) > 0 || len(t.Columns) == 1 {
		r.fail("column %s is in a key or an index, or the last one", name)
		return false
	}
	if _, serial := c.Type.Type.(*postgres.SerialType); serial {
		r.fail("a serial column dropped")
		return false
	}
	for _, o := range st.s.Tables {
		for _, fk := range o.ForeignKeys {
			for _, rc := range fk.RefColumns {
				if rc == c {
					r.fail("column %s is referenced by foreign key %s", name, fk.Symbol)
					return false
				}
			}
		}
	}
	kept := make([]*sqlschema.Column, 0, len(t.Columns))
	for _, o := range t.Columns {
		if o != c {
			kept = append(kept, o)
		}
	}
	t.Columns = kept
	return true
}

// modifyColumn reads a column definition after MySQL's MODIFY [COLUMN]
// and gives it to t's column of that name, which keeps its place, its
// indexes and its foreign keys: what the server makes is then the column
// it would make afresh. Not read for a column of the primary key or an
// AUTO_INCREMENT one, nor one named in another case; nor, in an index or
// a foreign key, for a new type (the server may change the index with
// it, or refuse, or keep a prefix it cut earlier), nor NOT NULL under a
// foreign key's SET NULL (refused); nor for a column another table's
// foreign key references. It returns the column as it was and as it is,
// for modifiesRun.
func (st *ddlState) modifyColumn(r *ddlReader, t *sqlschema.Table) (modified, bool) {
	scratch := sqlschema.NewTable(t.Name)
	scratch.SetSchema(st.s)
	c, pk := st.column(r, scratch)
	if c == nil {
		return modified{}, false
	}
	col, ok := t.Column(c.Name)
	if !ok {
		r.fail("column %s not there", c.Name)
		return modified{}, false
	}
	if pk || hasAttr[*mysql.AutoIncrement](c.Attrs) || hasAttr[*mysql.AutoIncrement](col.Attrs) || slices.Contains(col.Indexes, t.PrimaryKey) {
		r.fail("a key column modified")
		return modified{}, false
	}
	if (len(col.Indexes) > 0 || len(col.ForeignKeys) > 0) && col.Type.Raw != c.Type.Raw {
		r.fail("the type of column %s, in an index or a foreign key, modified", col.Name)
		return modified{}, false
	}
	for _, fk := range col.ForeignKeys {
		if (fk.OnDelete == sqlschema.SetNull || fk.OnUpdate == sqlschema.SetNull) && !c.Type.Null {
			r.fail("foreign key %s: SET NULL on a NOT NULL column", fk.Symbol)
			return modified{}, false
		}
	}
	for _, o := range st.s.Tables {
		for _, fk := range o.ForeignKeys {
			if slices.Contains(fk.RefColumns, col) {
				r.fail("column %s is referenced by foreign key %s", col.Name, fk.Symbol)
				return modified{}, false
			}
		}
	}
	was := *col
	col.Type, col.Default, col.Attrs = c.Type, c.Default, c.Attrs
	return modified{&was, col}, true
}

// dropFK reads "symbol" after DROP FOREIGN KEY (MySQL) or DROP
// CONSTRAINT (PostgreSQL, a foreign key's only) and takes the key off t.
// A MySQL key whose index the server made leaves that index behind: not
// read.
func (st *ddlState) dropFK(r *ddlReader, t *sqlschema.Table) bool {
	sym := r.ident()
	if sym == "" {
		return false
	}
	if r.word("CASCADE") || r.word("RESTRICT") {
		r.fail("CASCADE or RESTRICT")
		return false
	}
	var fk *sqlschema.ForeignKey
	for _, f := range t.ForeignKeys {
		if f.Symbol == sym {
			fk = f
		}
	}
	if fk == nil {
		r.fail("foreign key %s not there", sym)
		return false
	}
	if st.ownIndex[t] {
		r.fail("foreign key %s dropped from table %s, where the server made an index for one", sym, t.Name)
		return false
	}
	kept := t.ForeignKeys[:0:0]
	for _, f := range t.ForeignKeys {
		if f != fk {
			kept = append(kept, f)
		}
	}
	t.ForeignKeys = kept
	for _, c := range fk.Columns {
		cs := c.ForeignKeys[:0:0]
		for _, f := range c.ForeignKeys {
			if f != fk {
				cs = append(cs, f)
			}
		}
		c.ForeignKeys = cs
	}
	if st.d == dialect.MySQL {
		delete(st.names, strings.ToLower(sym))
	}
	delete(st.notValid, [2]string{t.Name, sym})
	return true
}
