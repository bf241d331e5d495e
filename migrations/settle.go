package migrations

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// A statement cut off mid-way (the process killed, the connection lost)
// "may or may not have completed". For the statements whose effect the
// catalog shows, the runner reads it instead of asking the user: MariaDB's
// and PostgreSQL's DDL is atomic, so a table, column or index that exists
// (or is gone) tells that the statement completed. A statement with no
// lasting effect (SELECT, DO, SET) did nothing that a second run repeats.

// Outcomes of probing an interrupted statement.
const (
	outcomeUnknown = iota
	outcomeDone
	outcomeNotDone
)

var (
	reIdent       = `("(?:[^"]|"")+"|` + "`(?:[^`]|``)+`" + `|[A-Za-z_][A-Za-z0-9_$]*)`
	reCreateTable = regexp.MustCompile(`(?is)^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?` + reIdent + `\s*\(`)
	reDropTable   = regexp.MustCompile(`(?is)^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?` + reIdent + `\s*(?:CASCADE|RESTRICT)?\s*$`)
	reCreateIndex = regexp.MustCompile(`(?is)^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?` + reIdent + `\s+ON\s+` + reIdent)
	reDropIndexOn = regexp.MustCompile(`(?is)^\s*DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?` + reIdent + `\s+ON\s+` + reIdent + `\s*$`)
	reDropIndex   = regexp.MustCompile(`(?is)^\s*DROP\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?` + reIdent + `\s*(?:CASCADE|RESTRICT)?\s*$`)
	reAddColumn   = regexp.MustCompile(`(?is)^\s*ALTER\s+TABLE\s+` + reIdent + `\s+ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?` + reIdent + `\s+[A-Za-z]`)
	reDropColumn  = regexp.MustCompile(`(?is)^\s*ALTER\s+TABLE\s+` + reIdent + `\s+DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?` + reIdent + `\s*(?:CASCADE|RESTRICT)?\s*$`)
)

// unquote turns an identifier as written into its name.
func unquote(s string) string {
	switch {
	case len(s) >= 2 && s[0] == '"':
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	case len(s) >= 2 && s[0] == '`':
		return strings.ReplaceAll(s[1:len(s)-1], "``", "`")
	case len(s) > 0:
		return strings.ToLower(s) // unquoted: folded (MySQL's names are case-insensitive here)
	}
	return s
}

// probe tells, from the catalog, whether statement sql completed. SQLite
// is never asked: its statements run in transactions.
func (r *Runner) probe(ctx context.Context, db execer, sql string) (int, error) {
	d := r.vt.d
	if d == dialect.SQLite {
		return outcomeUnknown, nil
	}
	switch firstWords(sql) {
	case "SELECT", "DO", "SET", "SHOW", "EXPLAIN":
		return outcomeNotDone, nil
	}
	is := func(found bool, err error, want bool) (int, error) {
		if err != nil {
			return outcomeUnknown, err
		}
		if found == want {
			return outcomeDone, nil
		}
		return outcomeNotDone, nil
	}
	if name, ok := concurrentIndexName(d, sql); ok {
		exists, valid, err := indexState(ctx, db, name)
		return is(exists && valid, err, true)
	}
	if m := reCreateTable.FindStringSubmatch(sql); m != nil && !strings.Contains(strings.ToUpper(sql[:len(m[0])]), "IF NOT EXISTS") {
		found, err := r.hasTable(ctx, db, unquote(m[1]))
		return is(found, err, true)
	}
	if m := reDropTable.FindStringSubmatch(sql); m != nil {
		found, err := r.hasTable(ctx, db, unquote(m[1]))
		return is(found, err, false)
	}
	if m := reCreateIndex.FindStringSubmatch(sql); m != nil {
		found, err := r.hasIndex(ctx, db, unquote(m[2]), unquote(m[1]))
		return is(found, err, true)
	}
	if m := reDropIndexOn.FindStringSubmatch(sql); m != nil && d == dialect.MySQL {
		found, err := r.hasIndex(ctx, db, unquote(m[2]), unquote(m[1]))
		return is(found, err, false)
	}
	if m := reDropIndex.FindStringSubmatch(sql); m != nil && d == dialect.Postgres {
		found, err := r.hasIndex(ctx, db, "", unquote(m[1]))
		return is(found, err, false)
	}
	if m := reAddColumn.FindStringSubmatch(sql); m != nil && !isConstraintWord(m[2]) {
		found, err := r.hasColumn(ctx, db, unquote(m[1]), unquote(m[2]))
		return is(found, err, true)
	}
	if m := reDropColumn.FindStringSubmatch(sql); m != nil && !isConstraintWord(m[2]) {
		found, err := r.hasColumn(ctx, db, unquote(m[1]), unquote(m[2]))
		return is(found, err, false)
	}
	return outcomeUnknown, nil
}

// isConstraintWord matches what may follow ADD/DROP in ALTER TABLE and is
// not a column.
func isConstraintWord(w string) bool {
	switch strings.ToUpper(w) {
	case "CONSTRAINT", "INDEX", "KEY", "UNIQUE", "PRIMARY", "FOREIGN", "CHECK", "FULLTEXT", "SPATIAL", "PARTITION":
		return true
	}
	return false
}

func (r *Runner) count(ctx context.Context, db execer, q string, args ...any) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, q, args...).Scan(&n)
	return n > 0, err
}

func (r *Runner) hasTable(ctx context.Context, db execer, table string) (bool, error) {
	if r.vt.d == dialect.MySQL {
		return r.count(ctx, db, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) = LOWER(?)", table)
	}
	return r.count(ctx, db, "SELECT COUNT(*) FROM pg_catalog.pg_class WHERE oid = to_regclass(quote_ident($1))", table)
}

func (r *Runner) hasIndex(ctx context.Context, db execer, table, index string) (bool, error) {
	if r.vt.d == dialect.MySQL {
		return r.count(ctx, db, "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) = LOWER(?) AND LOWER(INDEX_NAME) = LOWER(?)", table, index)
	}
	return r.count(ctx, db, "SELECT COUNT(*) FROM pg_catalog.pg_class WHERE oid = to_regclass(quote_ident($1)) AND relkind IN ('i', 'I')", index)
}

func (r *Runner) hasColumn(ctx context.Context, db execer, table, column string) (bool, error) {
	if r.vt.d == dialect.MySQL {
		return r.count(ctx, db, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND LOWER(TABLE_NAME) = LOWER(?) AND LOWER(COLUMN_NAME) = LOWER(?)", table, column)
	}
	return r.count(ctx, db, "SELECT COUNT(*) FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass(quote_ident($1)) AND attname = $2 AND attnum > 0 AND NOT attisdropped", table, column)
}

// interruptedStatement returns the statement a partial run left "may or
// may not have completed", when the revision's file is still as it ran.
func interruptedStatement(p *Partial, last *logEntry, revs []*Revision) (Statement, []Statement, bool) {
	if p == nil || !p.Interrupted {
		return Statement{}, nil, false
	}
	for _, rev := range revs {
		if rev.ID != p.Revision || rev.Checksum != p.Checksum {
			continue
		}
		stmts := rev.Upgrade
		if !p.Up {
			stmts = rev.Downgrade
		}
		i := p.StatementsRun
		if i >= len(stmts) || ranHash(stmts[:i]) != last.RanHash {
			return Statement{}, nil, false
		}
		return stmts[i], stmts, true
	}
	return Statement{}, nil, false
}

// settleInterrupted resolves, before a run plans, a statement the last
// run left "may or may not have completed" when the catalog can tell (see
// probe): the log row is updated to say whether it ran, and the run goes
// on without --force. An invalid index a cut-off CREATE INDEX
// CONCURRENTLY left is dropped.
func (r *Runner) settleInterrupted(s *session, last *logEntry, revs []*Revision) error {
	p := partialOf(last)
	stmt, stmts, ok := interruptedStatement(p, last, revs)
	if !ok {
		return nil
	}
	outcome, err := r.probe(s.bctx, s.conn, stmt.SQL)
	if err != nil || outcome == outcomeUnknown {
		return err
	}
	if name, ok := concurrentIndexName(r.vt.d, stmt.SQL); ok && outcome == outcomeNotDone {
		if err := dropInvalidIndex(s.bctx, s.conn, name); err != nil {
			return err
		}
	}
	last.Running, last.FailedLine = 0, 0
	if outcome == outcomeDone {
		i := p.StatementsRun
		h := sha256.New()
		for _, st := range stmts[:i+1] {
			hashStatement(h, st)
		}
		last.StatementsRun, last.RanHash = i+1, hex.EncodeToString(h.Sum(nil))
	}
	return r.vt.updateLog(s.bctx, s.conn, last)
}

// StateOf is State with what the catalog says of a statement cut off
// mid-way (Partial.Completed), read from revs, the revisions of the
// files. It writes nothing.
func (r *Runner) StateOf(ctx context.Context, revs []*Revision) (*State, error) {
	st, last, err := r.state(ctx)
	if err != nil || st.Partial == nil || !st.Partial.Interrupted || st.Partial.Holder != "" {
		return st, err
	}
	if stmt, _, ok := interruptedStatement(st.Partial, last, revs); ok {
		if outcome, err := r.probe(ctx, r.db, stmt.SQL); err == nil {
			st.Partial.Completed = outcome
		}
	}
	return st, nil
}
