// Package sqllex holds the lexical rules of SQL that the statement splitter
// (migrations) and the linter (internal/lint) share: where a line comment,
// a block comment, a quoted token or a PostgreSQL dollar-quoted string
// ends. Which rule applies where is the dialect's business and stays with
// each caller.
package sqllex

import "strings"

// LineEnd returns the offset of the newline ending the line that holds
// offset i, or len(src).
func LineEnd(src string, i int) int {
	if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}

// BlockCommentEnd returns the offset just after the block comment that
// starts at src[i:] ("/*") and how many newlines it holds; nested (as
// PostgreSQL reads them) counts /* */ pairs inside it. ok is false when
// the comment does not end.
func BlockCommentEnd(src string, i int, nested bool) (end, lines int, ok bool) {
	depth := 0
	for j := i; j+1 < len(src); {
		switch {
		case src[j] == '/' && src[j+1] == '*' && (nested || depth == 0):
			depth++
			j += 2
		case src[j] == '*' && src[j+1] == '/':
			depth--
			j += 2
			if depth == 0 {
				return j, strings.Count(src[i:j], "\n"), true
			}
		default:
			j++
		}
	}
	return 0, 0, false
}

// QuotedEnd returns the offset just after the quoted token that starts at
// src[i] == q and how many newlines it holds. A doubled quote is an
// escaped quote; with backslash, so is a backslash and the byte after it.
// ok is false when the token does not end.
func QuotedEnd(src string, i int, q byte, backslash bool) (end, lines int, ok bool) {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\n':
			lines++
		case '\\':
			if backslash {
				j++
				if j < len(src) && src[j] == '\n' {
					lines++
				}
			}
		case q:
			if j+1 < len(src) && src[j+1] == q {
				j++
				continue
			}
			return j + 1, lines, true
		}
	}
	return 0, 0, false
}

// DollarTag returns the opening tag ("$$" or "$name$") of a PostgreSQL
// dollar-quoted string that starts at src[i] == '$'; ok is false for a
// parameter ($1), a lone dollar sign or a dollar that continues an
// identifier.
func DollarTag(src string, i int) (tag string, ok bool) {
	if IdentBefore(src, i) {
		return "", false
	}
	for j := i + 1; j < len(src); j++ {
		c := src[j]
		switch {
		case c == '$':
			return src[i : j+1], true
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		case c >= '0' && c <= '9' && j > i+1:
		default:
			return "", false
		}
	}
	return "", false
}

// IdentBefore reports whether src[i] continues an identifier or a number,
// so that an E' or a $ there starts no string.
func IdentBefore(src string, i int) bool {
	if i == 0 {
		return false
	}
	c := src[i-1]
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
