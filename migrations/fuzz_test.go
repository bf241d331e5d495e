package migrations

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// The seed corpora are in testdata/fuzz/FuzzParseFile,
// testdata/fuzz/FuzzSplitStatements and testdata/fuzz/FuzzResolve.

func FuzzParseFile(f *testing.F) {
	f.Add([]byte(sampleFile), uint8(0))
	f.Add([]byte(revFile("a1", []string{"b2", "c3"}, []string{"d4"}, "2026-01-01")), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		d := dialect.All[int(which)%len(dialect.All)]
		rev, err := ParseFile("versions/f.sql", data, d)
		if err == nil {
			// The revision cache must give back exactly what was parsed.
			prev, pos, _ := parseFile("versions/f.sql", data, d)
			got, gotPos := cacheRoundTrip(t, prev, pos)
			if !reflect.DeepEqual(got, prev) || gotPos != pos {
				t.Fatalf("cached revision differs:\n got %+v %+v\nwant %+v %+v", got, gotPos, prev, pos)
			}
		}
		if err != nil {
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Fatalf("error of several lines: %q", err)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a *FileError: %v", err)
			}
			if fe.Path != "versions/f.sql" || fe.Line < 1 {
				t.Fatalf("FileError without a position: %#v", fe)
			}
			if lines := strings.Count(string(data), "\n") + 1; fe.Line > lines {
				t.Fatalf("FileError line %d past the last line %d", fe.Line, lines)
			}
			return
		}
		if rev.ID == "" || len(rev.Checksum) != 64 {
			t.Fatalf("parsed revision without id or checksum: %+v", rev)
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, section := range [][]Statement{rev.Upgrade, rev.Downgrade} {
			last := 0
			for _, st := range section {
				if st.SQL == "" || strings.Trim(st.SQL, asciiSpace) != st.SQL {
					t.Fatalf("statement not trimmed: %q", st.SQL)
				}
				if st.Line < last || st.Line < 1 || st.Line > lines {
					t.Fatalf("statement line %d out of order or range (previous %d, %d lines)", st.Line, last, lines)
				}
				last = st.Line
			}
		}
		if len(rev.Upgrade) > 0 && len(rev.Downgrade) > 0 && rev.Upgrade[len(rev.Upgrade)-1].Line > rev.Downgrade[0].Line {
			t.Fatalf("upgrade statement after a downgrade statement")
		}
	})
}

// asciiSpace is what the splitter skips between statements; other Unicode
// spaces (U+00A0) are text that the database will judge.
const asciiSpace = " \t\r\n\f\v"

func FuzzSplitStatements(f *testing.F) {
	f.Add("SELECT 1; SELECT 'a;b'", uint8(0))
	f.Add("CREATE FUNCTION f() AS $x$ SELECT 1; $x$; /* a /* b */ c */ SELECT E'\\'';", uint8(1))
	f.Add("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT CASE WHEN 1 THEN 2 END; END; [x;y]", uint8(2))
	f.Fuzz(func(t *testing.T, src string, which uint8) {
		d := dialect.All[int(which)%len(dialect.All)]
		stmts, err := SplitStatements(src, d, 1)
		lines := strings.Count(src, "\n") + 1
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Line < 1 || fe.Line > lines || strings.ContainsAny(err.Error(), "\r\n") {
				t.Fatalf("bad error: %#v", err)
			}
			return
		}
		last, from := 0, 0
		for _, st := range stmts {
			if st.SQL == "" || strings.Trim(st.SQL, asciiSpace) != st.SQL {
				t.Fatalf("statement not trimmed: %q", st.SQL)
			}
			if st.Line < last || st.Line > lines {
				t.Fatalf("statement line %d out of order or range (previous %d, %d lines)", st.Line, last, lines)
			}
			// Statements are pieces of src, in order.
			i := strings.Index(src[from:], st.SQL)
			if i < 0 {
				t.Fatalf("statement %q is not in the rest of the source", st.SQL)
			}
			if want := 1 + strings.Count(src[:from+i], "\n"); st.Line < want {
				t.Fatalf("statement %q at line %d, before line %d", st.SQL, st.Line, want)
			}
			from += i + len(st.SQL)
			last = st.Line
		}
	})
}

// fuzzGraph has every shape the grammar meets: a branch, a merge, a
// Depends On link, a second root, and ids with dashes and shared prefixes.
func fuzzGraph(t testing.TB) *Graph {
	return mustGraph(t,
		node{id: "ae1027a6acf0"},
		node{id: "ae10", parents: p("ae1027a6acf0"), labels: p("core")},
		node{id: "27c6a30d7c24", parents: p("ae10")},
		node{id: "27c6-1", parents: p("ae10")},
		node{id: "m-1", parents: p("27c6a30d7c24", "27c6-1")},
		node{id: "x9", labels: p("side")},
		node{id: "x9-2", parents: p("x9"), deps: p("ae10")},
	)
}

var grammarErrors = []error{
	ErrUnknownRevision, ErrAmbiguousRevision, ErrMultipleHeads, ErrAmbiguousWalk,
	ErrRelativeOutOfRange, ErrNotAncestor, ErrInvalidIdentifier,
}

func isGrammarError(err error) bool {
	for _, s := range grammarErrors {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"head", "heads", "base", "current", "ae1", "27c6-1", "+1", "-2", "m-1-1", "base+2", "x9-2+1", "ae10:heads", "-3:",
		"core@head", "core@base", "core@-1", "side@+2", "core@27c6", "side@x9+1", "x9@heads", "core@base:core@head", "side@base:", "@", "core@@x"} {
		f.Add(s, "27c6-1")
	}
	g := fuzzGraph(f)
	f.Fuzz(func(t *testing.T, ident, current string) {
		var cur []string
		if current != "" {
			cur = strings.Split(current, ",")
		}
		check := func(what string, err error) {
			if err != nil && !isGrammarError(err) {
				t.Fatalf("%s(%q, %q): error without a sentinel: %v", what, ident, current, err)
			}
		}
		got, err := g.Resolve(ident, cur)
		check("Resolve", err)
		for _, id := range got {
			if g.Get(id) == nil {
				t.Fatalf("Resolve(%q) = unknown %q", ident, id)
			}
		}
		if heads, err := g.AppliedHeads(cur); err == nil {
			for _, id := range heads {
				if g.Get(id) == nil {
					t.Fatalf("AppliedHeads(%q) = unknown %q", current, id)
				}
			}
		} else {
			check("AppliedHeads", err)
		}
		_, err = g.History(ident, cur)
		check("History", err)
		_, _, err = g.PlanStamp(cur, ident)
		check("PlanStamp", err)
		up, err := g.PlanUpgrade(cur, ident)
		check("PlanUpgrade", err)
		down, err := g.PlanDowngrade(cur, ident)
		check("PlanDowngrade", err)
		if err == nil && len(cur) > 0 {
			// A valid current: the bookkeeping must hold.
			if _, err := g.indexes(cur); err == nil {
				applySteps(t, g, cur, up)
				applySteps(t, g, cur, down)
			}
		}
	})
}
