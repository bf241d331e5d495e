package lint

import "strings"

// toks is a statement's tokens, with the small matching helpers the rules
// are written with.
type toks []token

// is reports whether the words at i, i+1, ... are words (upper case).
func (t toks) is(i int, words ...string) bool {
	if i < 0 || i+len(words) > len(t) {
		return false
	}
	for k, w := range words {
		if t[i+k].kind != word || t[i+k].up != w {
			return false
		}
	}
	return true
}

// isPunct reports whether the token at i is the punctuation p.
func (t toks) isPunct(i int, p string) bool {
	return i >= 0 && i < len(t) && t[i].kind == punct && t[i].text == p
}

// hasWord reports whether w is one of the statement's words.
func (t toks) hasWord(w string) bool {
	for _, tk := range t {
		if tk.kind == word && tk.up == w {
			return true
		}
	}
	return false
}

// has reports whether the words appear in a row somewhere in t.
func (t toks) has(words ...string) bool {
	for i := range t {
		if t.is(i, words...) {
			return true
		}
	}
	return false
}

// find returns the index of the first word w at or after i outside
// parentheses, or -1.
func (t toks) find(i int, w string) int {
	depth := 0
	for ; i < len(t); i++ {
		switch {
		case t.isPunct(i, "("):
			depth++
		case t.isPunct(i, ")"):
			depth--
		case depth == 0 && t.is(i, w):
			return i
		}
	}
	return -1
}

// name reads a possibly qualified name (schema.table) at i and returns
// its last part, folded to lower case, and the index after it; "" when
// there is no name at i.
func (t toks) name(i int) (string, int) {
	last := ""
	for i < len(t) && (t[i].kind == word || t[i].kind == ident) {
		last = strings.ToLower(t[i].up)
		i++
		if !t.isPunct(i, ".") {
			break
		}
		i++
	}
	return last, i
}

// nameList reads a comma-separated list of names at i.
func (t toks) nameList(i int) []string {
	var out []string
	for {
		n, next := t.name(i)
		if n == "" {
			return out
		}
		out = append(out, n)
		if !t.isPunct(next, ",") {
			return out
		}
		i = next + 1
	}
}

// split cuts t at its commas outside parentheses.
func (t toks) split() []toks {
	var out []toks
	depth, start := 0, 0
	for i := range t {
		switch {
		case t.isPunct(i, "("):
			depth++
		case t.isPunct(i, ")"):
			depth--
		case depth == 0 && t.isPunct(i, ","):
			out = append(out, t[start:i])
			start = i + 1
		}
	}
	return append(out, t[start:])
}

// option returns the upper-case value of a MySQL table option such as
// ALGORITHM=INPLACE or LOCK NONE (the "=" is optional), outside
// parentheses, or "".
func (t toks) option(name string) string {
	i := t.find(0, name)
	for i >= 0 {
		j := i + 1
		if t.isPunct(j, "=") {
			j++
		}
		if j < len(t) && t[j].kind == word {
			return t[j].up
		}
		i = t.find(i+1, name)
	}
	return ""
}

// until returns the tokens from i up to (not including) the first word
// of stop at the same parenthesis depth, and that word's index.
func (t toks) until(i int, stop ...string) (toks, int) {
	depth := 0
	for j := i; j < len(t); j++ {
		switch {
		case t.isPunct(j, "("):
			depth++
		case t.isPunct(j, ")"):
			depth--
		case depth == 0 && t[j].kind == word:
			for _, s := range stop {
				if t[j].up == s {
					return t[i:j], j
				}
			}
		}
	}
	return t[i:], len(t)
}
