package migrations

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/sqllex"
)

// SplitStatements splits src, a section of a revision file whose first line
// is line firstLine of the file, into statements. A semicolon ends a
// statement unless it is inside a string literal, a quoted identifier, a
// comment or (PostgreSQL) a dollar-quoted string:
//
//   - all dialects: '...' with ” escapes, -- line comments, /* */ block
//     comments;
//   - MySQL: backslash escapes in '...' and "..." strings (which are strings,
//     not identifiers), `...` identifiers, # line comments, "--" starts a
//     comment only when followed by a space or control character, and
//     /*! ... */ and /*+ ... */ are not comments (MySQL runs them);
//   - PostgreSQL: "..." identifiers, E'...' strings with backslash escapes,
//     $$...$$ and $tag$...$tag$ strings, nested /* /* */ */ comments;
//   - SQLite: "...", `...` and [...] identifiers, and the semicolons of a
//     CREATE TRIGGER body (BEGIN ...; END) stay in the statement.
//
// A statement's text runs from its first token to its last, so comments
// between tokens stay and comments before or after it do not; the
// terminating semicolon is dropped; text after the last semicolon is a
// statement too. Statement.Line is the line of its first token. Text made of
// comments only yields no statement. An unterminated string, identifier,
// comment or dollar-quote is a *FileError (with no Path) at the line where
// it starts.
func SplitStatements(src string, d dialect.Name, firstLine int) ([]Statement, error) {
	stmts, _, _, err := splitSection(src, 0, d, firstLine, false)
	return stmts, err
}

// splitSection splits src[from:], whose first line is line, as
// SplitStatements does. With markers, it stops at the first line that
// starts outside any string, quoted identifier, block comment or dollar
// quote and is a "-- +retort" annotation, and returns the offset where
// that line starts and its number; otherwise (or when there is none) end
// is len(src).
func splitSection(src string, from int, d dialect.Name, line int, markers bool) (stmts []Statement, end, endLine int, err error) {
	var (
		start      = -1 // offset of the current statement's first token
		startLine  int
		contentEnd int // offset just after its last token so far
		n          = len(src)
	)
	if markers && atMarker(src, from) {
		return nil, from, line, nil
	}
	mysql, pg, sqlite := d == dialect.MySQL, d == dialect.Postgres, d == dialect.SQLite
	plain := &plainBytes
	if sqlite {
		plain = &plainBytesSQLite // letters start words there
	}
	var trig sqliteTrigger
	// token marks src[from:to] as statement content that began on line at.
	token := func(from, to, at int) {
		if start < 0 {
			start, startLine = from, at
		}
		contentEnd = to
	}
	for i := from; i < n; {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
			if markers && atMarker(src, i) {
				if start >= 0 {
					if stmts == nil {
						stmts = make([]Statement, 0, 4)
					}
					stmts = append(stmts, Statement{SQL: src[start:contentEnd], Line: startLine})
				}
				return stmts, i, line, nil
			}
		case c == ';' && trig.inBody:
			token(i, i+1, line) // inside a SQLite trigger's BEGIN ... END
			i++
		case c == ';':
			if start >= 0 {
				if stmts == nil {
					stmts = make([]Statement, 0, 4) // most sections are short
				}
				stmts = append(stmts, Statement{SQL: src[start:contentEnd], Line: startLine})
				start = -1
			}
			trig = sqliteTrigger{}
			i++
		case c == '-' && i+1 < n && src[i+1] == '-' && (!mysql || i+2 >= n || src[i+2] <= ' '):
			i = sqllex.LineEnd(src, i)
		case c == '#' && mysql:
			i = sqllex.LineEnd(src, i)
		case c == '/' && i+1 < n && src[i+1] == '*':
			at := line
			end, lines, ok := sqllex.BlockCommentEnd(src, i, pg)
			if !ok {
				return nil, 0, 0, &FileError{Line: at, Err: errorf(nil, "unterminated block comment")}
			}
			if mysql && i+2 < n && (src[i+2] == '!' || src[i+2] == '+') {
				token(i, end, at) // executable comment or optimizer hint
			}
			line += lines
			i = end
		case c == '\'' || (c == '"' && mysql):
			at := line
			backslash := mysql
			end, lines, ok := sqllex.QuotedEnd(src, i, c, backslash)
			if !ok {
				return nil, 0, 0, &FileError{Line: at, Err: errorf(nil, "unterminated quoted string")}
			}
			token(i, end, at)
			line += lines
			i = end
		case c == '"' || (c == '`' && (mysql || sqlite)):
			at := line
			end, lines, ok := sqllex.QuotedEnd(src, i, c, false)
			if !ok {
				return nil, 0, 0, &FileError{Line: at, Err: errorf(nil, "unterminated quoted identifier")}
			}
			token(i, end, at)
			line += lines
			i = end
		case c == '[' && sqlite:
			at := line
			j := strings.IndexByte(src[i+1:], ']')
			if j < 0 {
				return nil, 0, 0, &FileError{Line: at, Err: errorf(nil, "unterminated quoted identifier")}
			}
			end := i + 1 + j + 1
			token(i, end, at)
			line += strings.Count(src[i:end], "\n")
			i = end
		case pg && (c == 'E' || c == 'e') && i+1 < n && src[i+1] == '\'' && !sqllex.IdentBefore(src, i):
			at := line
			end, lines, ok := sqllex.QuotedEnd(src, i+1, '\'', true)
			if !ok {
				return nil, 0, 0, &FileError{Line: at, Err: errorf(nil, "unterminated quoted string")}
			}
			token(i, end, at)
			line += lines
			i = end
		case pg && c == '$':
			tag, ok := sqllex.DollarTag(src, i)
			if !ok { // a parameter ($1) or a lone dollar sign
				token(i, i+1, line)
				i++
				continue
			}
			at := line
			j := strings.Index(src[i+len(tag):], tag)
			if j < 0 {
				return nil, 0, 0, &FileError{Line: at, Err: errorf(nil, "unterminated dollar-quoted string %s", tag)}
			}
			end := i + len(tag) + j + len(tag)
			token(i, end, at)
			line += strings.Count(src[i:end], "\n")
			i = end
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case sqlite && (c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && !sqllex.IdentBefore(src, i):
			j := i + 1
			for j < n && (src[j] == '_' || src[j] == '$' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9' || src[j] >= 0x80) {
				j++
			}
			token(i, j, line)
			trig.word(src[i:j])
			i = j
		default:
			// A run of bytes that start nothing in any dialect is one token.
			j := i + 1
			for j < n && plain[src[j]] {
				j++
			}
			token(i, j, line)
			i = j
		}
	}
	if start >= 0 {
		stmts = append(stmts, Statement{SQL: src[start:contentEnd], Line: startLine})
	}
	return stmts, n, line, nil
}

// atMarker reports whether the line starting at src[i] is a "-- +retort"
// annotation.
func atMarker(src string, i int) bool {
	j := i
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if j+1 >= len(src) || src[j] != '-' || src[j+1] != '-' {
		return false
	}
	_, ok := markerRest(strings.TrimSpace(src[j:sqllex.LineEnd(src, j)]))
	return ok
}

// plainBytes are the bytes that cannot start a comment, string, quoted
// identifier, dollar quote or statement end in any dialect, nor be
// whitespace: digits, letters other than E and e, most punctuation and
// the bytes of non-ASCII characters. plainBytesSQLite leaves letters out.
var plainBytes, plainBytesSQLite = func() (all, sqlite [256]bool) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 0x80, c >= '0' && c <= '9', strings.IndexByte("()[],.=<>+*%!?:@&|^~{}]\\", byte(c)) >= 0:
			all[c], sqlite[c] = true, true
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			all[c] = c != 'e' && c != 'E'
		case c == '_':
			all[c] = true
		}
	}
	all['['], sqlite['['] = false, false // SQLite identifiers
	return all, sqlite
}()

// sqliteTrigger follows the words of a SQLite statement to keep the
// semicolons of a CREATE TRIGGER body (BEGIN ...; ...; END) inside the
// statement. CASE ... END expressions in the body are counted so that their
// END does not end the body.
type sqliteTrigger struct {
	words     int  // words seen in the statement so far
	create    bool // the first word is CREATE
	isTrigger bool // CREATE [TEMP|TEMPORARY] TRIGGER
	inBody    bool
	done      bool // the body has ended
	cases     int  // open CASE expressions in the body
}

func (t *sqliteTrigger) word(w string) {
	t.words++
	switch {
	case t.words == 1:
		t.create = strings.EqualFold(w, "CREATE")
	case t.words <= 3 && t.create && !t.isTrigger && strings.EqualFold(w, "TRIGGER"):
		t.isTrigger = true
	case t.words == 2 && t.create && (strings.EqualFold(w, "TEMP") || strings.EqualFold(w, "TEMPORARY")):
	case t.words <= 3 && !t.isTrigger:
		t.create = false
	case !t.isTrigger || t.done:
	case !t.inBody:
		t.inBody = strings.EqualFold(w, "BEGIN")
	case strings.EqualFold(w, "CASE"):
		t.cases++
	case strings.EqualFold(w, "END"):
		if t.cases > 0 {
			t.cases--
		} else {
			t.inBody, t.done = false, true
		}
	}
}
