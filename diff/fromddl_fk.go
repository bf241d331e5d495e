package diff

import (
	"strings"

	sqlschema "ariga.io/atlas/sql/schema"
)

// The online form of a foreign key added to an existing MySQL table
// (mysqlForeignKeys, online.go), read by ddlSchema:
//
//	DROP PROCEDURE IF EXISTS `retort_verify_<key>`
//	CREATE PROCEDURE `retort_verify_<key>`() BEGIN ... END
//	SET SESSION foreign_key_checks = 0
//	ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY ..., ALGORITHM=INPLACE, LOCK=NONE
//	SET SESSION foreign_key_checks = 1
//	CALL `retort_verify_<key>`()
//	DROP PROCEDURE `retort_verify_<key>`
//
// Procedures are no part of the schema Inspect reads (it drops Funcs and
// Procs), but a CALL runs its body, which could change tables or fail: so
// the reader knows one body, the check autogenerate writes, and a CALL
// only of such a procedure, created and not dropped, whose tables and
// columns are there when it runs. The tables the reader knows have no
// rows (it reads no statement that writes one), so the check finds no
// orphan and signals nothing. Any other body falls back, as the server
// alone can tell whether it parses.
//
// With foreign_key_checks off MySQL adds a key whatever its referenced
// table and columns (a missing table, no index), and lets a referenced
// table be dropped; addFK reads a key only where the server would take it
// with the checks on, and then the server makes the same key either way.
// While they are off, the reader reads nothing but SET, the procedure
// statements and ALTER TABLE that only adds foreign keys (readsUnchecked).

// verifyProc is a procedure whose body checks that every row of table
// whose cols are all non-NULL has a match of them in ref's refCols.
type verifyProc struct {
	table, ref    string
	cols, refCols []string
}

// readsUnchecked reports whether ddlSchema reads the statement r holds
// with foreign_key_checks off.
func (st *ddlState) readsUnchecked(r *ddlReader) bool {
	first := func(ws ...string) bool {
		if len(r.toks) < len(ws) {
			return false
		}
		for i, w := range ws {
			if t := r.toks[i]; t.kind != 'w' || !strings.EqualFold(t.text, w) {
				return false
			}
		}
		return true
	}
	// alterTable refuses its clauses other than ADD CONSTRAINT.
	return first("SET") || first("CREATE", "PROCEDURE") || first("DROP", "PROCEDURE") || first("CALL") || first("ALTER", "TABLE")
}

// setFKChecks reads "[SESSION] foreign_key_checks = 0|1" after SET: the
// only variable the reader knows.
func (st *ddlState) setFKChecks(r *ddlReader) {
	r.word("SESSION")
	if t := r.peek(); t.kind != 'w' || !strings.EqualFold(t.text, "foreign_key_checks") {
		r.fail("SET of %q, not foreign_key_checks", t.text)
		return
	}
	r.pos++
	if !r.expect("=") {
		return
	}
	switch t := r.peek(); {
	case t == ddlToken{'n', "0"}:
		st.fkChecksOff = true
	case t == ddlToken{'n', "1"}:
		st.fkChecksOff = false
	default:
		r.fail("foreign_key_checks = %q", t.text)
		return
	}
	r.pos++
}

// fkAddRuns reports whether the server adds foreign keys under on: with
// the checks on, only as the statement leaves it to the server (it copies
// the table; INPLACE or LOCK=NONE it refuses); off, also in place
// without a lock, as the online form asks.
func (st *ddlState) fkAddRuns(on onlineOptions) bool {
	if on == (onlineOptions{}) {
		return true
	}
	return st.fkChecksOff && on.algorithm == "INPLACE" && (on.lock == "" || on.lock == "NONE")
}

// procName reads a procedure's name, unqualified, and returns it
// lower-cased (MySQL's procedure names are not case-sensitive).
func procName(r *ddlReader) string {
	return strings.ToLower(r.ident())
}

// createProc reads "name() BEGIN ... END" after CREATE PROCEDURE: a
// body as verifyBody reads it.
func (st *ddlState) createProc(r *ddlReader) {
	name := procName(r)
	if name == "" {
		return
	}
	if _, ok := st.procs[name]; ok {
		r.fail("procedure %s exists", name)
		return
	}
	if !r.expect("(") || !r.expect(")") {
		return
	}
	p := verifyBody(r)
	if p == nil {
		return
	}
	st.procs[name] = p
}

// dropProc reads "[IF EXISTS] name" after DROP PROCEDURE.
func (st *ddlState) dropProc(r *ddlReader) {
	ifExists := r.words("IF", "EXISTS")
	name := procName(r)
	if name == "" {
		return
	}
	if _, ok := st.procs[name]; !ok && !ifExists {
		r.fail("procedure %s not there", name)
		return
	}
	delete(st.procs, name)
}

// callProc reads "name()" after CALL: a check (verifyProc) whose tables
// and columns are there.
func (st *ddlState) callProc(r *ddlReader) {
	name := procName(r)
	if name == "" {
		return
	}
	p, ok := st.procs[name]
	if !ok {
		r.fail("CALL of procedure %s, not created here or dropped", name)
		return
	}
	if !r.expect("(") || !r.expect(")") {
		return
	}
	has := func(tname string, cols []string) bool {
		t, ok := st.tables[tname]
		if !ok {
			return false
		}
		for _, c := range cols {
			if _, ok := t.Column(c); !ok {
				return false
			}
		}
		return true
	}
	if !has(p.table, p.cols) || !has(p.ref, p.refCols) {
		r.fail("CALL of procedure %s, whose tables or columns are not there", name)
	}
}

// verifyBody reads the body mysqlForeignKeys writes (online.go), from
// BEGIN to END, into a verifyProc; nil (r failed) for any other.
func verifyBody(r *ddlReader) *verifyProc {
	seq := func(ws ...string) bool {
		for _, w := range ws {
			switch w {
			case ";", ",", "(", ")", "=", ".":
				if !r.punct(w) {
					return false
				}
			default:
				if !r.word(w) {
					return false
				}
			}
		}
		return true
	}
	fail := func() *verifyProc {
		r.fail("a procedure body other than retort's foreign key check")
		return nil
	}
	// col reads "alias.name".
	col := func(alias string) string {
		if !r.word(alias) || !r.punct(".") {
			return ""
		}
		return r.ident()
	}
	p := &verifyProc{}
	if !seq("BEGIN", "DECLARE", "orphan", "INT", ";",
		"SET", "TRANSACTION", "ISOLATION", "LEVEL", "REPEATABLE", "READ", ";",
		"START", "TRANSACTION", "WITH", "CONSISTENT", "SNAPSHOT", ",", "READ", "ONLY", ";",
		"SELECT", "EXISTS", "(", "SELECT") || r.peek() != (ddlToken{'n', "1"}) {
		return fail()
	}
	r.pos++
	if !r.word("FROM") {
		return fail()
	}
	if p.table = r.ident(); p.table == "" || !seq("c", "WHERE") {
		return fail()
	}
	for {
		c := col("c")
		if c == "" || !seq("IS", "NOT", "NULL", "AND") {
			return fail()
		}
		p.cols = append(p.cols, c)
		if r.words("NOT", "EXISTS") {
			break
		}
	}
	if !seq("(", "SELECT") || r.peek() != (ddlToken{'n', "1"}) {
		return fail()
	}
	r.pos++
	if !r.word("FROM") {
		return fail()
	}
	if p.ref = r.ident(); p.ref == "" || !seq("p", "WHERE") {
		return fail()
	}
	for i := range p.cols {
		if i > 0 && !r.word("AND") {
			return fail()
		}
		rc := col("p")
		if rc == "" || !r.punct("=") || col("c") != p.cols[i] {
			return fail()
		}
		p.refCols = append(p.refCols, rc)
	}
	if !seq(")", ")", "INTO", "orphan", ";", "COMMIT", ";", "IF", "orphan", "THEN", "SIGNAL", "SQLSTATE") || r.peek() != (ddlToken{'s', "'45000'"}) {
		return fail()
	}
	r.pos++
	if !seq("SET", "MESSAGE_TEXT", "=") || r.peek().kind != 's' {
		return fail()
	}
	r.pos++
	if !seq(";", "END", "IF", ";", "END") {
		return fail()
	}
	return p
}

// uncheckedActions gives fk, added with foreign_key_checks off, the
// actions MariaDB gives it: with the checks off it adds a key in place
// (whatever ALGORITHM says), and InnoDB's in-place ALTER keeps a RESTRICT
// written as NO ACTION (measured on MariaDB 10.11; a key added with the
// checks on keeps RESTRICT, and one with no ON clause reads RESTRICT
// either way). MySQL 8 keeps its foreign keys in its own dictionary:
// Replayed falls back there, not knowing what it reads.
func uncheckedActions(fk *sqlschema.ForeignKey) {
	if fk.OnUpdate == sqlschema.Restrict {
		fk.OnUpdate = sqlschema.NoAction
	}
	if fk.OnDelete == sqlschema.Restrict {
		fk.OnDelete = sqlschema.NoAction
	}
}
