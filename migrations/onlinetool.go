package migrations

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/sqllex"
)

// A statement marked "-- +retort OnlineTool" (an ALTER TABLE on MySQL or
// MariaDB) is not sent to the server: the runner runs
// pt-online-schema-change with the statement's clauses as --alter, which
// copies the table into an altered one in chunks while triggers carry the
// application's writes over, then swaps the two with one RENAME. Writes
// wait only for the swap, where the server's own ALTER would block them
// for the whole copy.
//
// The tool connects as the runner does: host, port or socket, user and
// database from the runner's DSN, the password from a private defaults
// file (mode 0600, removed when the tool exits), never from its command
// line. Its output goes to RunnerOptions.Log line by line; a run that
// exits with a status other than 0 fails the statement, and the revision
// is not recorded as applied. The tool drops its triggers and its copy
// when it fails, but not when it is interrupted or its swap fails: then
// the runner drops the triggers it added and the copy (named by the
// runner), so the table is left as it was.
//
// What the tool changes beside the ALTER, and what the runner does about
// it:
//
//   - It renames the foreign keys and table checks it copies (fk becomes
//     _fk, _fk becomes __fk, __fk becomes fk): foreign key names are
//     unique in a database, so the copy cannot take the originals' while
//     the original table exists. A DROP of one of them in the statement
//     is rewritten to the name the copy has. Checks (MariaDB names them
//     per table) are named back in the --alter itself, on the empty copy.
//     Foreign keys are named back after the swap, by one ALTER TABLE run
//     with foreign_key_checks=0 (the rows were checked as they were
//     copied), ALGORITHM=INPLACE, LOCK=NONE: a change of the catalog.
//     So `retort check` finds the names the models give.
//   - A table that other tables' foreign keys reference cannot be swapped
//     atomically (the keys follow the renamed original): the tool would
//     either rebuild those keys, copying each child table with its writes
//     blocked, or drop the table for a moment. The runner refuses such a
//     table when it comes to the statement, before the tool runs, as it
//     refuses a table without a primary or unique key (the tool's delete
//     trigger needs one), and, on MySQL, a table with checks (MySQL names
//     them per database: they cannot be named back without a copy). A
//     missing tool or online_tool setting is refused before the run
//     starts.

// ToolPTOSC is the online tool retort runs: Percona Toolkit's
// pt-online-schema-change.
const ToolPTOSC = "pt-online-schema-change"

// OnlineTool says how to run the statements marked "-- +retort
// OnlineTool".
type OnlineTool struct {
	// Name is the tool ([migrations] online_tool): ToolPTOSC.
	Name string
	// Path is its executable; "" looks Name up in PATH.
	Path string
	// DSN is the go-sql-driver/mysql DSN of the database the runner works
	// on: the tool connects with its address, user, password and
	// database.
	DSN string
}

// ErrOnlineTool is returned (wrapped) when a statement marked for the
// online tool cannot be run through it: no tool configured or installed,
// or a table the tool cannot alter cleanly. Nothing of the run has run.
var ErrOnlineTool = errors.New("online tool")

// toolError is a refusal to run a marked statement.
type toolError struct{ msg string }

func (e *toolError) Error() string { return "migrations: " + e.msg }
func (e *toolError) Unwrap() error { return ErrOnlineTool }

// BadInput reports that the setup or the revision needs changing.
func (e *toolError) BadInput() bool { return true }

func toolErrorf(format string, args ...any) error {
	return &toolError{msg: fmt.Sprintf(format, args...)}
}

// toolPath returns the tool's executable, or an error saying how to
// install it.
func (t *OnlineTool) toolPath() (string, error) {
	if t.Name != ToolPTOSC {
		return "", toolErrorf("online_tool %q is not one retort runs (want %q)", t.Name, ToolPTOSC)
	}
	name := t.Path
	if name == "" {
		name = t.Name
	}
	p, err := exec.LookPath(name)
	if err != nil {
		return "", toolErrorf("%s is not installed (%s not found): install Percona Toolkit (Debian, Ubuntu: apt-get install percona-toolkit; elsewhere: https://docs.percona.com/percona-toolkit/installation.html), or remove online_tool and the %q lines to run those ALTERs plainly",
			t.Name, name, "-- +retort OnlineTool")
	}
	return p, nil
}

// checkOnlineTool makes sure every statement marked for the online tool
// among steps can be handed to it, before any step runs.
func (r *Runner) checkOnlineTool(steps []Step) error {
	for _, st := range steps {
		stmts, _ := stepSection(st)
		for _, i := range stepOnlineTool(st) {
			s := stmts[i]
			if r.opts.OnlineTool == nil || r.opts.OnlineTool.Name == "" {
				return toolErrorf("%s:%d: the statement is marked %q but [migrations] online_tool is not set (set online_tool = %q, or remove the line to run the ALTER plainly)",
					st.Rev.Path, s.Line, "-- +retort OnlineTool", ToolPTOSC)
			}
			if r.vt.d != dialect.MySQL {
				return toolErrorf("%s:%d: %q is for MySQL and MariaDB", st.Rev.Path, s.Line, "-- +retort OnlineTool")
			}
			if _, err := r.opts.OnlineTool.toolPath(); err != nil {
				return err
			}
			return nil
		}
	}
	return nil
}

// stepOnlineTool returns the indexes of the statements of a step's
// section marked for the online tool.
func stepOnlineTool(st Step) []int {
	if st.Up {
		return st.Rev.UpgradeOnlineTool
	}
	return st.Rev.DowngradeOnlineTool
}

// onlineToolAt reports whether statement i of a step's section is marked
// for the online tool.
func onlineToolAt(st Step, i int) bool {
	for _, j := range stepOnlineTool(st) {
		if j == i {
			return true
		}
	}
	return false
}

// checkToolStatement reports why sql cannot be run through the online
// tool, as far as its text tells.
func checkToolStatement(sql string) error {
	_, err := parseAlter(sql)
	return err
}

// alterStatement is an ALTER TABLE taken apart for the tool.
type alterStatement struct {
	schema, table string
	clauses       []alterClause
}

// alterClause is one comma-separated clause of an ALTER TABLE: its text
// and its tokens.
type alterClause struct {
	text string
	toks []token
}

// token is a word, a quoted identifier, a string or a punctuation mark of
// MySQL's SQL, with its place in the clause's text.
type token struct {
	kind       byte // 'w' word, 'i' quoted identifier, 's' string, 'p' punctuation
	text       string
	start, end int
}

// word is the token's text upper-cased when it is a bare word.
func (t token) word() string {
	if t.kind != 'w' {
		return ""
	}
	return strings.ToUpper(t.text)
}

// ident is the identifier a word or a quoted identifier names.
func (t token) ident() (string, bool) {
	switch t.kind {
	case 'w':
		return t.text, true
	case 'i':
		return strings.ReplaceAll(t.text[1:len(t.text)-1], "``", "`"), true
	}
	return "", false
}

// tokenize splits MySQL SQL into tokens, leaving out comments and
// whitespace.
func tokenize(s string) ([]token, error) {
	var out []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '#' || c == '-' && i+1 < len(s) && s[i+1] == '-' && (i+2 >= len(s) || s[i+2] <= ' '):
			i = sqllex.LineEnd(s, i)
		case c == '/' && strings.HasPrefix(s[i:], "/*"):
			if strings.HasPrefix(s[i:], "/*!") || strings.HasPrefix(s[i:], "/*+") {
				return nil, errors.New("an executable comment or optimizer hint")
			}
			end, _, ok := sqllex.BlockCommentEnd(s, i, false)
			if !ok {
				return nil, errors.New("unterminated comment")
			}
			i = end
		case c == '`' || c == '\'' || c == '"':
			end, _, ok := sqllex.QuotedEnd(s, i, c, c != '`')
			if !ok {
				return nil, fmt.Errorf("unterminated %c", c)
			}
			kind := byte('s')
			if c == '`' {
				kind = 'i'
			}
			out = append(out, token{kind: kind, text: s[i:end], start: i, end: end})
			i = end
		case c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			j := i + 1
			for j < len(s) && (s[j] == '_' || s[j] == '$' || s[j] >= '0' && s[j] <= '9' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 0x80) {
				j++
			}
			out = append(out, token{kind: 'w', text: s[i:j], start: i, end: j})
			i = j
		default:
			out = append(out, token{kind: 'p', text: s[i : i+1], start: i, end: i + 1})
			i++
		}
	}
	return out, nil
}

// parseAlter takes an ALTER TABLE apart: the table, and the clauses at
// the top level. It refuses what the tool cannot run: another statement,
// ALTER ONLINE or IGNORE, a table rename.
func parseAlter(sql string) (*alterStatement, error) {
	toks, err := tokenize(sql)
	if err != nil {
		return nil, errors.New("the statement marked for the online tool cannot be read: " + err.Error())
	}
	if len(toks) < 3 || toks[0].word() != "ALTER" || toks[1].word() != "TABLE" {
		return nil, errors.New("the statement marked for the online tool is not an ALTER TABLE")
	}
	a := &alterStatement{}
	i := 2
	name, ok := toks[i].ident()
	if !ok || toks[i].kind == 'w' && (toks[i].word() == "IF") {
		return nil, errors.New("the ALTER TABLE marked for the online tool does not name its table plainly")
	}
	a.table = name
	i++
	if i+1 < len(toks) && toks[i].text == "." {
		if a.table, ok = toks[i+1].ident(); !ok {
			return nil, errors.New("the ALTER TABLE marked for the online tool does not name its table plainly")
		}
		a.schema = name
		i += 2
	}
	if i >= len(toks) {
		return nil, errors.New("the ALTER TABLE marked for the online tool changes nothing")
	}
	// The clauses, split at commas outside parentheses.
	depth, start := 0, i
	flush := func(end int) {
		if start < end {
			text := sql[toks[start].start:toks[end-1].end]
			ct := make([]token, end-start)
			for k, t := range toks[start:end] {
				t.start -= toks[start].start
				t.end -= toks[start].start
				ct[k] = t
			}
			a.clauses = append(a.clauses, alterClause{text: text, toks: ct})
		}
		start = end + 1
	}
	for ; i < len(toks); i++ {
		switch toks[i].text {
		case "(":
			depth++
		case ")":
			depth--
		case ",":
			if depth == 0 {
				flush(i)
			}
		}
	}
	flush(len(toks))
	for _, c := range a.clauses {
		if w := c.toks[0].word(); w == "RENAME" && (len(c.toks) == 1 || !isOneOf(c.toks[1].word(), "COLUMN", "INDEX", "KEY")) {
			return nil, errors.New("the ALTER TABLE marked for the online tool renames the table, which pt-online-schema-change cannot do")
		}
	}
	return a, nil
}

func isOneOf(w string, words ...string) bool {
	for _, x := range words {
		if w == x {
			return true
		}
	}
	return false
}

// ptoscName is the name pt-online-schema-change gives a foreign key or
// check it copies into its new table.
func ptoscName(name string) string {
	switch {
	case strings.HasPrefix(name, "__"):
		name = name[2:]
	case strings.HasPrefix(name, "_"):
		name = "_" + name
	default:
		name = "_" + name
	}
	if len(name) > 64 {
		name = name[:64]
	}
	return name
}

// tableFacts is what the runner reads of the table before handing it to
// the tool.
type tableFacts struct {
	mariadb    bool
	fks        map[string]bool   // the table's foreign keys
	checks     map[string]string // its table checks: name -> expression
	referenced []string          // tables whose foreign keys reference it
	keyed      bool              // it has a primary or unique key
}

func readTableFacts(ctx context.Context, q querier, schema, table string) (*tableFacts, error) {
	f := &tableFacts{fks: map[string]bool{}, checks: map[string]string{}}
	var version string
	if err := q.QueryRowContext(ctx, "SELECT VERSION()").Scan(&version); err != nil {
		return nil, err
	}
	f.mariadb = strings.Contains(strings.ToLower(version), "mariadb")
	var n int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", schema, table).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, toolErrorf("table %s.%s does not exist", dialect.MySQL.QuoteIdent(schema), dialect.MySQL.QuoteIdent(table))
	}
	rows := func(query string, scan func(*sql.Rows) error, args ...any) error {
		rs, err := q.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rs.Close()
		for rs.Next() {
			if err := scan(rs); err != nil {
				return err
			}
		}
		return rs.Err()
	}
	err := rows("SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", func(rs *sql.Rows) error {
		var name, typ string
		if err := rs.Scan(&name, &typ); err != nil {
			return err
		}
		switch typ {
		case "FOREIGN KEY":
			f.fks[name] = true
		case "PRIMARY KEY", "UNIQUE":
			f.keyed = true
		case "CHECK":
			f.checks[name] = ""
		}
		return nil
	}, schema, table)
	if err != nil {
		return nil, err
	}
	if len(f.checks) > 0 && f.mariadb {
		// MariaDB lists a column's own check (named after the column,
		// written in its definition, which the tool does not rename)
		// with LEVEL Column.
		f.checks = map[string]string{}
		err = rows("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? AND LEVEL = 'Table'", func(rs *sql.Rows) error {
			var name, clause string
			if err := rs.Scan(&name, &clause); err != nil {
				return err
			}
			f.checks[name] = clause
			return nil
		}, schema, table)
		if err != nil {
			return nil, err
		}
	}
	err = rows("SELECT DISTINCT TABLE_SCHEMA, TABLE_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE REFERENCED_TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME = ? ORDER BY 1, 2", func(rs *sql.Rows) error {
		var s, t string
		if err := rs.Scan(&s, &t); err != nil {
			return err
		}
		if s != schema {
			t = s + "." + t
		}
		f.referenced = append(f.referenced, t)
		return nil
	}, schema, table)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// querier is the part of a connection readTableFacts uses.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// toolPlan is what the runner hands the tool and does after it.
type toolPlan struct {
	schema, table string
	alter         string            // the --alter value
	renameFKs     map[string]string // after the swap: the copy's name -> the original
}

// planTool builds the tool's --alter from the statement and the table's
// facts, or refuses the table.
func planTool(a *alterStatement, schema string, f *tableFacts) (*toolPlan, error) {
	t := dialect.MySQL.QuoteIdent(schema) + "." + dialect.MySQL.QuoteIdent(a.table)
	if len(f.referenced) > 0 {
		return nil, toolErrorf("table %s is referenced by the foreign keys of %s: pt-online-schema-change cannot swap it in one step (it would copy those tables with their writes blocked to rebuild their keys, or drop %s for a moment); run this ALTER without the %q line, or drop those foreign keys first",
			t, strings.Join(f.referenced, ", "), t, "-- +retort OnlineTool")
	}
	if !f.keyed {
		return nil, toolErrorf("table %s has no primary key or unique key, which pt-online-schema-change needs to carry deletes to its copy; add one first, or run this ALTER without the %q line",
			t, "-- +retort OnlineTool")
	}
	if len(f.checks) > 0 && !f.mariadb {
		return nil, toolErrorf("table %s has checks, which pt-online-schema-change renames and MySQL cannot name back without copying the table; run this ALTER without the %q line",
			t, "-- +retort OnlineTool")
	}
	for name := range f.fks {
		if strings.Contains(name, "`") {
			return nil, toolErrorf("table %s has a foreign key whose name holds a backquote, which pt-online-schema-change mangles", t)
		}
	}
	p := &toolPlan{schema: schema, table: a.table, renameFKs: map[string]string{}}
	dropped := map[string]bool{}
	for _, c := range a.clauses {
		if _, name, add := constraintName(c); name != "" && !add && (f.fks[name] || hasKey(f.checks, name)) {
			dropped[name] = true
		}
	}
	var clauses []string
	for _, c := range a.clauses {
		w0 := c.toks[0].word()
		if w0 == "ALGORITHM" || w0 == "LOCK" {
			continue // the tool alters its empty copy, by whatever algorithm
		}
		text := c.text
		if at, name, add := constraintName(c); at >= 0 {
			switch {
			case !add && dropped[name]:
				text = c.text[:c.toks[at].start] + dialect.MySQL.QuoteIdent(ptoscName(name)) + c.text[c.toks[at].end:]
			case add && f.fks[name]:
				// Added again under a name the original still holds, in
				// the ALTER that drops the copy's (InnoDB refuses a name
				// dropped in the same ALTER): added under the third name
				// of the tool's cycle, named back after the swap.
				tmp := ptoscName(ptoscName(name))
				text = c.text[:c.toks[at].start] + dialect.MySQL.QuoteIdent(tmp) + c.text[c.toks[at].end:]
				p.renameFKs[tmp] = name
			}
		}
		clauses = append(clauses, text)
	}
	if len(clauses) == 0 {
		return nil, errors.New("migrations: the ALTER TABLE marked for the online tool changes nothing but its algorithm")
	}
	for name := range f.fks {
		if !dropped[name] {
			p.renameFKs[ptoscName(name)] = name
		}
	}
	for _, name := range sortedKeys(f.checks) {
		if !dropped[name] {
			clauses = append(clauses, "DROP CONSTRAINT "+dialect.MySQL.QuoteIdent(ptoscName(name)), "ADD CONSTRAINT "+dialect.MySQL.QuoteIdent(name)+" CHECK ("+f.checks[name]+")")
		}
	}
	p.alter = strings.Join(clauses, ", ")
	return p, nil
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// constraintName finds the constraint a clause drops (DROP FOREIGN KEY,
// DROP CONSTRAINT, DROP CHECK) or adds as a foreign key (ADD CONSTRAINT
// name FOREIGN KEY): the index of its name's token, the name, and whether
// it adds. at is -1 for any other clause.
func constraintName(c alterClause) (at int, name string, add bool) {
	w := func(i int) string {
		if i < len(c.toks) {
			return c.toks[i].word()
		}
		return ""
	}
	i := -1
	switch {
	case w(0) == "DROP" && w(1) == "FOREIGN" && w(2) == "KEY":
		i = 3
	case w(0) == "DROP" && (w(1) == "CONSTRAINT" || w(1) == "CHECK"):
		i = 2
	case w(0) == "ADD" && w(1) == "CONSTRAINT":
		i = 2
		add = true
	default:
		return -1, "", false
	}
	if w(i) == "IF" { // IF [NOT] EXISTS
		i += 2
		if w(i-1) == "NOT" {
			i++
		}
	}
	if i >= len(c.toks) {
		return -1, "", false
	}
	name, ok := c.toks[i].ident()
	if !ok {
		return -1, "", false
	}
	if add && !(w(i+1) == "FOREIGN" && w(i+2) == "KEY") {
		return -1, "", false
	}
	return i, name, add
}

// runOnlineTool runs statement stmt of st through the online tool.
func (r *Runner) runOnlineTool(s *session, st Step, stmt Statement) error {
	tool := r.opts.OnlineTool
	path, err := tool.toolPath()
	if err != nil {
		return err
	}
	cfg, err := mysql.ParseDSN(tool.DSN)
	if err != nil {
		return fmt.Errorf("migrations: online tool: the connection's DSN: %w", err)
	}
	if cfg.TLS != nil || cfg.TLSConfig != "" && cfg.TLSConfig != "false" {
		return toolErrorf("the database URL asks for TLS, which retort does not pass on to %s; run this ALTER without the %q line", tool.Name, "-- +retort OnlineTool")
	}
	a, err := parseAlter(stmt.SQL)
	if err != nil {
		return toolErrorf("%v", err)
	}
	// The tool must work on the database the runner's session is on,
	// which need not be the DSN's (check --from-migrations replays the
	// revisions into a scratch database): the session's database, on the
	// DSN's server, or nothing.
	current, err := sameServer(s, tool.DSN)
	if err != nil {
		return err
	}
	schema := a.schema
	if schema == "" {
		schema = current
	}
	for _, n := range []string{schema, a.table} {
		if strings.ContainsAny(n, ",=`'\" \t\n\\") {
			return toolErrorf("%s cannot be given the name %q (its DSN has no quoting for it)", tool.Name, n)
		}
	}
	facts, err := readTableFacts(s.bctx, s.conn, schema, a.table)
	if err != nil {
		return err
	}
	plan, err := planTool(a, schema, facts)
	if err != nil {
		return err
	}
	copyName := "_" + a.table + "_new"
	if len(copyName) > 64 {
		return toolErrorf("the name of table %s is too long for the copy %s makes of it (%s)", dialect.MySQL.QuoteIdent(a.table), tool.Name, copyName)
	}
	var n int
	if err := s.conn.QueryRowContext(s.bctx, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", schema, copyName).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return toolErrorf("table %s.%s exists (left by a run of %s that was killed?): drop it, and its triggers on %s, before running this ALTER through the tool",
			dialect.MySQL.QuoteIdent(schema), dialect.MySQL.QuoteIdent(copyName), tool.Name, dialect.MySQL.QuoteIdent(a.table))
	}
	triggers, err := tableTriggers(s, schema, a.table)
	if err != nil {
		return err
	}
	cnf, err := writeDefaultsFile(cfg)
	if err != nil {
		return err
	}
	defer os.Remove(cnf)
	args := []string{
		"--alter", plan.alter,
		"--execute",
		"--no-version-check",
		"--charset", "utf8mb4",
		"--progress", "time," + strconv.Itoa(int(r.progressInterval().Seconds())),
		"--new-table-name", copyName,
	}
	if t := r.opts.StatementLockTimeout; t > 0 {
		secs := int((t + time.Second - 1) / time.Second)
		args = append(args, "--set-vars", "lock_wait_timeout="+strconv.Itoa(secs))
	}
	args = append(args, "D="+schema+",t="+a.table+",F="+cnf)
	s.conn.idle()
	if err := r.execTool(path, tool.Name, args); err != nil {
		// The tool leaves its triggers and its copy when it is
		// interrupted or its swap fails.
		if cerr := r.dropCopy(s, schema, a.table, copyName, triggers); cerr != nil {
			return fmt.Errorf("%w; and cleaning up after it failed: %v", err, cerr)
		}
		return err
	}
	return r.renameForeignKeysBack(s, plan)
}

// idle tells the watchdog that no call is in flight on the session until
// the next one: the session waits for the tool, and the server sees it
// idle, which with a call in flight would mean a lost reply.
func (c *sessConn) idle() {
	if c.w != nil {
		c.w.since.Store(math.MaxInt64)
	}
}

// sameServer makes sure the tool, connecting with dsn, reaches the server
// the runner's session is on, and returns the session's database.
func sameServer(s *session, dsn string) (string, error) {
	var db sql.NullString
	var host string
	var port int
	if err := s.conn.QueryRowContext(s.bctx, "SELECT DATABASE(), @@hostname, @@port").Scan(&db, &host, &port); err != nil {
		return "", err
	}
	tdb, err := sql.Open("mysql", dsn)
	if err != nil {
		return "", fmt.Errorf("migrations: online tool: %w", err)
	}
	defer tdb.Close()
	ctx, cancel := context.WithTimeout(s.bctx, 30*time.Second)
	defer cancel()
	var thost string
	var tport int
	if err := tdb.QueryRowContext(ctx, "SELECT @@hostname, @@port").Scan(&thost, &tport); err != nil {
		return "", fmt.Errorf("migrations: online tool: connect as the tool will: %w", err)
	}
	if thost != host || tport != port {
		return "", toolErrorf("the database URL reaches server %s:%d, but the revisions run on %s:%d (a dev_url scratch database?): %s would alter the wrong one, so it does not run",
			thost, tport, host, port, ToolPTOSC)
	}
	if !db.Valid || db.String == "" {
		return "", toolErrorf("the session has no database for %s to work in", ToolPTOSC)
	}
	return db.String, nil
}

// tableTriggers returns the names of the triggers on a table.
func tableTriggers(s *session, schema, table string) (map[string]bool, error) {
	rows, err := s.conn.QueryContext(s.bctx, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?", schema, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[n] = true
	}
	return out, rows.Err()
}

// dropCopy puts the table back as it was when the tool failed and left
// its work: the triggers the tool added dropped first (a write to the
// table would fail on a trigger whose table is gone), then its copy.
func (r *Runner) dropCopy(s *session, schema, table, copyName string, before map[string]bool) error {
	now, err := tableTriggers(s, schema, table)
	if err != nil {
		return err
	}
	var (
		errs    []error
		dropped int
	)
	for name := range now {
		if !before[name] {
			if _, err := s.conn.ExecContext(s.bctx, "DROP TRIGGER IF EXISTS "+dialect.MySQL.QuoteIdent(schema)+"."+dialect.MySQL.QuoteIdent(name)); err != nil {
				errs = append(errs, err)
			} else {
				dropped++
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	var n int
	if err := s.conn.QueryRowContext(s.bctx, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", schema, copyName).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		if _, err := s.conn.ExecContext(s.bctx, "DROP TABLE IF EXISTS "+dialect.MySQL.QuoteIdent(schema)+"."+dialect.MySQL.QuoteIdent(copyName)); err != nil {
			return err
		}
	}
	if (dropped > 0 || n > 0) && r.opts.Log != nil {
		left := plural(dropped, "trigger")
		if n > 0 {
			left += ", table " + dialect.MySQL.QuoteIdent(copyName)
		}
		fmt.Fprintf(r.opts.Log, "  %s: retort dropped what it left: %s\n", ToolPTOSC, left)
	}
	return nil
}

// progressInterval is how often the tool reports its copy.
func (r *Runner) progressInterval() time.Duration {
	if r.progressEvery >= time.Second {
		return r.progressEvery
	}
	if r.progressEvery > 0 {
		return time.Second
	}
	return progressEvery
}

// writeDefaultsFile writes the connection's settings, the password
// among them, to a new file only its owner can read, for the tool's
// F= DSN option.
func writeDefaultsFile(cfg *mysql.Config) (string, error) {
	f, err := os.CreateTemp("", "retort-online-tool-*.cnf") // mode 0600
	if err != nil {
		return "", fmt.Errorf("migrations: online tool: %w", err)
	}
	quote := func(v string) string {
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "\r", `\r`)
		return `"` + r.Replace(v) + `"`
	}
	var b strings.Builder
	b.WriteString("[client]\n")
	if cfg.User != "" {
		b.WriteString("user=" + quote(cfg.User) + "\n")
	}
	if cfg.Passwd != "" {
		b.WriteString("password=" + quote(cfg.Passwd) + "\n")
	}
	switch cfg.Net {
	case "unix":
		b.WriteString("socket=" + quote(cfg.Addr) + "\n")
	default:
		host, port := cfg.Addr, ""
		if i := strings.LastIndexByte(host, ':'); i >= 0 {
			host, port = host[:i], host[i+1:]
		}
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
		if host == "" || host == "localhost" {
			// localhost would mean the socket to the client library.
			host = "127.0.0.1"
		}
		b.WriteString("host=" + quote(host) + "\n")
		if port != "" {
			b.WriteString("port=" + port + "\n")
		}
	}
	_, werr := f.WriteString(b.String())
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("migrations: online tool: %w", err)
	}
	return f.Name(), nil
}

// execTool runs the tool, its output relayed to Log line by line, and
// fails with the last lines it wrote when it exits with a status other
// than 0. A second Ctrl-C (Abort) interrupts it, which makes it clean up.
func (r *Runner) execTool(path, name string, args []string) error {
	cmd := exec.Command(path, args...)
	cmd.Env = append(os.Environ(), "PTDEBUG=")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("migrations: %s: %w", name, err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return fmt.Errorf("migrations: %s: %w", name, err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("migrations: start %s: %w", name, err)
	}
	var (
		mu   sync.Mutex
		tail []string
		wg   sync.WaitGroup
	)
	// The error is told by the tool's stderr, less its progress lines;
	// stdout has what it did, and its hints for cleaning up, which the
	// runner does.
	relay := func(rd io.Reader, keep bool) {
		defer wg.Done()
		sc := bufio.NewScanner(rd)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := strings.TrimRight(sc.Text(), " \t\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			mu.Lock()
			if r.opts.Log != nil {
				fmt.Fprintf(r.opts.Log, "  %s: %s\n", name, line)
			}
			if keep && !strings.Contains(line, " remain") {
				tail = append(tail, strings.TrimSpace(line))
				if len(tail) > 8 {
					tail = tail[1:]
				}
			}
			mu.Unlock()
		}
		io.Copy(io.Discard, rd)
	}
	wg.Add(2)
	go relay(stdout, false)
	go relay(stderr, true)
	done := make(chan struct{})
	if r.opts.Abort != nil {
		go func() {
			select {
			case <-r.opts.Abort:
				cmd.Process.Signal(os.Interrupt)
			case <-done:
			}
		}()
	}
	wg.Wait()
	err = cmd.Wait()
	close(done)
	if err == nil {
		return nil
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return fmt.Errorf("migrations: %s exited with status %d, the table left as it was: %s", name, ee.ExitCode(), strings.Join(tail, " | "))
	}
	return fmt.Errorf("migrations: %s: %w", name, err)
}

// renameForeignKeysBack gives the table's foreign keys the names they had
// before the tool renamed them: one ALTER TABLE with foreign_key_checks=0
// (the tool's copy checked every row), in place, writes going on.
func (r *Runner) renameForeignKeysBack(s *session, p *toolPlan) error {
	if len(p.renameFKs) == 0 {
		return nil
	}
	t := dialect.MySQL.QuoteIdent(p.schema) + "." + dialect.MySQL.QuoteIdent(p.table)
	var name, ddl string
	if err := s.conn.QueryRowContext(s.bctx, "SHOW CREATE TABLE "+t).Scan(&name, &ddl); err != nil {
		return fmt.Errorf("migrations: %s altered %s, but reading it back failed: %w", ToolPTOSC, t, err)
	}
	var clauses []string
	for _, line := range strings.Split(ddl, "\n") {
		line = strings.TrimSuffix(strings.TrimSpace(line), ",")
		rest, ok := strings.CutPrefix(line, "CONSTRAINT `")
		if !ok {
			continue
		}
		end := strings.IndexByte(rest, '`')
		if end < 0 {
			continue
		}
		cur, def := rest[:end], strings.TrimSpace(rest[end+1:])
		orig, ok := p.renameFKs[cur]
		if !ok || !strings.HasPrefix(def, "FOREIGN KEY") {
			continue
		}
		clauses = append(clauses, "DROP FOREIGN KEY "+dialect.MySQL.QuoteIdent(cur), "ADD CONSTRAINT "+dialect.MySQL.QuoteIdent(orig)+" "+def)
	}
	if len(clauses) == 0 {
		return nil
	}
	stmt := "ALTER TABLE " + t + " " + strings.Join(clauses, ", ") + ", ALGORITHM=INPLACE, LOCK=NONE"
	var checks int
	if err := s.conn.QueryRowContext(s.bctx, "SELECT @@SESSION.foreign_key_checks").Scan(&checks); err != nil {
		return err
	}
	if _, err := s.conn.ExecContext(s.bctx, "SET SESSION foreign_key_checks = 0"); err != nil {
		return err
	}
	_, err := s.conn.ExecContext(s.bctx, stmt)
	if _, rerr := s.conn.ExecContext(s.bctx, "SET SESSION foreign_key_checks = "+strconv.Itoa(checks)); rerr != nil && err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("migrations: %s altered %s, but naming its foreign keys back failed (%w); run, with foreign_key_checks=0: %s", ToolPTOSC, t, err, stmt)
	}
	if r.opts.Log != nil {
		fmt.Fprintf(r.opts.Log, "  %s: named the foreign keys of %s back\n", ToolPTOSC, t)
	}
	return nil
}

// offlineToolComment is what `upgrade --sql` writes before a statement
// marked for the online tool: the plain ALTER follows, which a client
// running the script runs with the table's writes blocked for the whole
// copy; `retort upgrade` runs the tool instead.
func offlineToolComment(sql string) string {
	var b strings.Builder
	b.WriteString("-- +retort OnlineTool: `retort upgrade` runs the next ALTER TABLE with " + ToolPTOSC + ",\n")
	b.WriteString("-- which copies the table without blocking its writes; run as it stands here, it blocks\n")
	b.WriteString("-- them until the server's copy ends. The tool's command, less the connection:\n")
	a, err := parseAlter(sql)
	if err != nil {
		return b.String()
	}
	var clauses []string
	for _, c := range a.clauses {
		if w := c.toks[0].word(); w != "ALGORITHM" && w != "LOCK" {
			clauses = append(clauses, c.text)
		}
	}
	dsn := "t=" + a.table
	if a.schema != "" {
		dsn = "D=" + a.schema + "," + dsn
	}
	b.WriteString("--   " + ToolPTOSC + " --alter " + shellQuote(commentLine(strings.Join(clauses, ", "))) + " --execute " + dsn + "\n")
	b.WriteString("-- (retort also names back the foreign keys and checks the tool renames)\n")
	return b.String()
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
