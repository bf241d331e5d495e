package lint

import (
	"strings"

	"github.com/retortdb/retort/dialect"
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
	for i := 0; i < n; {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && i+1 < n && sql[i+1] == '-' && (!mysql || i+2 >= n || sql[i+2] <= ' '):
			i = lineEnd(sql, i)
		case c == '#' && mysql:
			i = lineEnd(sql, i)
		case c == '/' && i+1 < n && sql[i+1] == '*':
			end := commentEnd(sql, i, pg)
			if mysql && i+2 < n && sql[i+2] == '!' {
				// An executable comment: its text, after an optional
				// version number, is SQL.
				inner := sql[i+3 : max(i+3, end-2)]
				inner = strings.TrimLeft(inner, "0123456789")
				toks = append(toks, tokenize(inner, d)...)
			}
			i = end
		case c == '\'' || c == '"' && mysql:
			end := quoteEnd(sql, i, c, mysql)
			toks = append(toks, token{kind: str, text: sql[i:end], up: sql[i:end]})
			i = end
		case c == '"' || c == '`' && mysql:
			end := quoteEnd(sql, i, c, false)
			inner := sql[i+1 : max(i+1, end-1)]
			inner = strings.ReplaceAll(inner, string([]byte{c, c}), string(c))
			toks = append(toks, token{kind: ident, text: sql[i:end], up: inner})
			i = end
		case pg && (c == 'E' || c == 'e') && i+1 < n && sql[i+1] == '\'':
			end := quoteEnd(sql, i+1, '\'', true)
			toks = append(toks, token{kind: str, text: sql[i:end], up: sql[i:end]})
			i = end
		case pg && c == '$' && dollarTag(sql, i) != "":
			tag := dollarTag(sql, i)
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

// lineEnd returns the offset of the newline ending the line holding
// offset i, or len(s).
func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

// commentEnd returns the offset just after the block comment that starts
// at s[i:] ("/*"); PostgreSQL nests them.
func commentEnd(s string, i int, nested bool) int {
	depth := 0
	for j := i; j+1 < len(s); {
		switch {
		case s[j] == '/' && s[j+1] == '*' && (nested || depth == 0):
			depth++
			j += 2
		case s[j] == '*' && s[j+1] == '/':
			depth--
			j += 2
			if depth == 0 {
				return j
			}
		default:
			j++
		}
	}
	return len(s)
}

// quoteEnd returns the offset just after the quoted token that starts at
// s[i] == q. A doubled quote is an escaped one; with backslash, so is a
// backslash and the byte after it.
func quoteEnd(s string, i int, q byte, backslash bool) int {
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && backslash:
			j++
		case s[j] == q && j+1 < len(s) && s[j+1] == q:
			j++
		case s[j] == q:
			return j + 1
		}
	}
	return len(s)
}

// dollarTag returns the tag ("$$", "$name$") of a dollar-quoted string
// that starts at s[i] == '$', or "" when none does there (a parameter
// such as $1).
func dollarTag(s string, i int) string {
	if i > 0 && (isWordByte(s[i-1]) || s[i-1] == '$') {
		return ""
	}
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		switch {
		case c == '$':
			return s[i : j+1]
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		case c >= '0' && c <= '9' && j > i+1:
		default:
			return ""
		}
	}
	return ""
}
