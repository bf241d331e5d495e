package lint

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/sqllex"
)

// kind is what a token is.
type kind int

const (
	word   kind = iota // an unquoted word: a keyword or an identifier
	ident              // a quoted identifier: "x" (PostgreSQL), `x` (MySQL)
	str                // a string literal, E'...' and $$...$$ included
	number             // a number
	punct              // one punctuation character: ( ) , ; = . and the others
)

// token is one token of a statement. Comments and whitespace are not
// tokens.
type token struct {
	kind kind
	text string // as written
	// up is the text to match on: a word in upper case, a quoted
	// identifier without its quotes (its case kept).
	up string
}

// tokenize splits a statement into tokens as the dialect reads it. The
// parser has already split the file, so the statement is known to hold
// no unterminated string or comment; if it does anyway, the rest of the
// text becomes one string token.
//
//   - all dialects: '...' strings with ” escapes, -- line comments,
//     /* */ block comments;
//   - MySQL: "..." is a string, `...` an identifier, backslash escapes in
//     strings, # comments, "--" starts a comment only before a space, and
//     the text of a /*! ... */ comment is SQL (the server runs it);
//   - PostgreSQL: "..." is an identifier, E'...' strings with backslash
//     escapes, $tag$...$tag$ strings, nested block comments.
func tokenize(sql string, d dialect.Name) []token {
	var toks []token
	mysql, pg := d == dialect.MySQL, d == dialect.Postgres
	n := len(sql)
	// rest is the end of a comment or quoted token, or the end of the
	// text when it does not end there.
	rest := func(end, _ int, ok bool) int {
		if !ok {
			return n
		}
		return end
	}
	for i := 0; i < n; {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && i+1 < n && sql[i+1] == '-' && (!mysql || i+2 >= n || sql[i+2] <= ' '):
			i = sqllex.LineEnd(sql, i)
		case c == '#' && mysql:
			i = sqllex.LineEnd(sql, i)
		case c == '/' && i+1 < n && sql[i+1] == '*':
			end := rest(sqllex.BlockCommentEnd(sql, i, pg))
			if mysql && i+2 < n && sql[i+2] == '!' {
				// An executable comment: its text, after an optional
				// version number, is SQL.
				inner := sql[i+3 : max(i+3, end-2)]
				inner = strings.TrimLeft(inner, "0123456789")
				toks = append(toks, tokenize(inner, d)...)
			}
			i = end
		case c == '\'' || c == '"' && mysql:
			end := rest(sqllex.QuotedEnd(sql, i, c, mysql))
			toks = append(toks, token{kind: str, text: sql[i:end], up: sql[i:end]})
			i = end
		case c == '"' || c == '`' && mysql:
			end := rest(sqllex.QuotedEnd(sql, i, c, false))
			inner := sql[i+1 : max(i+1, end-1)]
			inner = strings.ReplaceAll(inner, string([]byte{c, c}), string(c))
			toks = append(toks, token{kind: ident, text: sql[i:end], up: inner})
			i = end
		case pg && (c == 'E' || c == 'e') && i+1 < n && sql[i+1] == '\'':
			end := rest(sqllex.QuotedEnd(sql, i+1, '\'', true))
			toks = append(toks, token{kind: str, text: sql[i:end], up: sql[i:end]})
			i = end
		case pg && c == '$' && dollarQuote(sql, i):
			tag, _ := sqllex.DollarTag(sql, i)
			end := n
			if j := strings.Index(sql[i+len(tag):], tag); j >= 0 {
				end = i + len(tag) + j + len(tag)
			}
			toks = append(toks, token{kind: str, text: sql[i:end], up: sql[i:end]})
			i = end
		case isWordByte(c) && !(c >= '0' && c <= '9'):
			j := i + 1
			for j < n && (isWordByte(sql[j]) || sql[j] == '$') {
				j++
			}
			toks = append(toks, token{kind: word, text: sql[i:j], up: strings.ToUpper(sql[i:j])})
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < n && (sql[j] >= '0' && sql[j] <= '9' || sql[j] == '.' || isWordByte(sql[j])) {
				j++
			}
			toks = append(toks, token{kind: number, text: sql[i:j], up: sql[i:j]})
			i = j
		default:
			toks = append(toks, token{kind: punct, text: sql[i : i+1], up: sql[i : i+1]})
			i++
		}
	}
	return toks
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// dollarQuote reports whether a PostgreSQL dollar-quoted string starts at
// s[i] == '$'.
func dollarQuote(s string, i int) bool {
	_, ok := sqllex.DollarTag(s, i)
	return ok
}
