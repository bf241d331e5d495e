package migrations

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// labelGraph: a trunk t1 <- t2, which branches into an "api" line
// (a1 <- a2 <- a3, labelled at a2) and a "web" line (w1 <- w2, labelled
// at w1); a separate root s1 <- s2 labelled "side" at s2.
func labelGraph(t testing.TB) *Graph {
	return mustGraph(t,
		node{id: "t1"},
		node{id: "t2", parents: p("t1")},
		node{id: "a1", parents: p("t2")},
		node{id: "a2", parents: p("a1"), labels: p("api")},
		node{id: "a3", parents: p("a2")},
		node{id: "w1", parents: p("t2"), labels: p("web")},
		node{id: "w2", parents: p("w1")},
		node{id: "s1"},
		node{id: "s2", parents: p("s1"), labels: p("side")},
	)
}

func TestLabelsApply(t *testing.T) {
	g := labelGraph(t)
	got := map[string][]string{}
	for _, r := range g.Revisions() {
		if ls := g.Labels(r.ID); ls != nil {
			got[r.ID] = ls
		}
	}
	// A label covers its revision, what descends from it, and the plain
	// line below it down to (not including) the branch point t2; the side
	// root has no branch point, so s1 is labelled too.
	want := map[string][]string{
		"a1": p("api"), "a2": p("api"), "a3": p("api"),
		"w1": p("web"), "w2": p("web"),
		"s1": p("side"), "s2": p("side"),
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("labels (-want +got):\n%s", d)
	}

	// Where the labelled revision's descendants branch, the label stays
	// above it.
	fork := mustGraph(t,
		node{id: "r1"}, node{id: "r2", parents: p("r1"), labels: p("x")},
		node{id: "r3", parents: p("r2")}, node{id: "r4", parents: p("r2")},
	)
	if ls := fork.Labels("r1"); ls != nil {
		t.Errorf("r1 labels %v, want none", ls)
	}
	if ls := fork.Labels("r4"); !cmp.Equal(ls, p("x")) {
		t.Errorf("r4 labels %v, want [x]", ls)
	}

	for _, bad := range [][]node{
		{{id: "r1", labels: p("x")}, {id: "r2", parents: p("r1"), labels: p("x")}},
		{{id: "r1", labels: p("r2")}, {id: "r2", parents: p("r1")}},
	} {
		revs := make([]*Revision, len(bad))
		for i, n := range bad {
			revs[i] = &Revision{ID: n.id, Parents: n.parents, BranchLabels: n.labels, Path: "versions/" + n.id + ".sql"}
		}
		if _, err := NewGraph(revs); !errors.Is(err, ErrDuplicateRevision) {
			t.Errorf("label used twice or equal to an id: %v", err)
		}
	}
}

func TestResolveLabels(t *testing.T) {
	g := labelGraph(t)
	tests := []struct {
		ident   string
		current []string
		want    []string
		is      error
	}{
		{"api@head", nil, p("a3"), nil},
		{"web@head", nil, p("w2"), nil},
		{"side@heads", nil, p("s2"), nil},
		{"api@base", nil, nil, nil},
		{"api@a1", nil, p("a1"), nil},
		{"api@t1", nil, p("t1"), nil}, // an ancestor is on the branch
		{"api@w1", nil, nil, ErrNotAncestor},
		{"api@-1", nil, p("a2"), nil},
		{"api@a1+1", nil, p("a2"), nil},
		{"api@+2", p("t2"), p("a2"), nil}, // walks up the api side of the branch point
		{"api@+1", p("w2", "s2"), p("a1"), nil},
		{"web@+3", p("t2"), nil, ErrRelativeOutOfRange},
		{"a2@head", nil, p("a3"), nil}, // a revision stands for its branch
		{"nope@head", nil, nil, ErrUnknownRevision},
		{"api@", nil, nil, ErrInvalidIdentifier},
	}
	for _, tt := range tests {
		got, err := g.Resolve(tt.ident, tt.current)
		if tt.is != nil {
			if !errors.Is(err, tt.is) {
				t.Errorf("Resolve(%q, %v) = %v, %v; want %v", tt.ident, tt.current, got, err, tt.is)
			}
			continue
		}
		if err != nil || !cmp.Equal(got, tt.want) {
			t.Errorf("Resolve(%q, %v) = %v, %v; want %v", tt.ident, tt.current, got, err, tt.want)
		}
	}
}

func TestPlanLabels(t *testing.T) {
	g := labelGraph(t)
	all := p("a3", "w2", "s2")
	tests := []struct {
		up      bool
		current []string
		target  string
		want    []string // the revisions run, in order
		is      error
	}{
		{true, nil, "api@head", p("t1", "t2", "a1", "a2", "a3"), nil},
		{true, p("a3"), "web@head", p("w1", "w2"), nil},
		{true, nil, "side@+1", p("s1"), nil},
		{true, p("t2"), "api@+2", p("a1", "a2"), nil},
		{true, nil, "api@-1", nil, ErrInvalidIdentifier},
		// NAME@base goes back to the base of NAME's root, as in Alembic:
		// the trunk and the web line too, but not the separate side root.
		{false, all, "api@base", p("w2", "w1", "a3", "a2", "a1", "t2", "t1"), nil},
		{false, all, "api@-1", p("a3"), nil},
		{false, all, "web@-2", p("w2", "w1"), nil},
		{false, all, "side@base", p("s2", "s1"), nil},
		{false, all, "api@a1", p("a3", "a2"), nil},
	}
	for _, tt := range tests {
		var steps []Step
		var err error
		if tt.up {
			steps, err = g.PlanUpgrade(tt.current, tt.target)
		} else {
			steps, err = g.PlanDowngrade(tt.current, tt.target)
		}
		if tt.is != nil {
			if !errors.Is(err, tt.is) {
				t.Errorf("up=%v %v -> %q: %v, want %v", tt.up, tt.current, tt.target, err, tt.is)
			}
			continue
		}
		if err != nil {
			t.Errorf("up=%v %v -> %q: %v", tt.up, tt.current, tt.target, err)
			continue
		}
		var got []string
		for _, st := range steps {
			got = append(got, st.Rev.ID)
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("up=%v %v -> %q (-want +got):\n%s", tt.up, tt.current, tt.target, d)
		}
	}
}

// Issue 16: a bare -N keeps to the current head's own line, as in Alembic.
func TestDowngradeRelativeKeepsToItsLine(t *testing.T) {
	roots := mustGraph(t, node{id: "aaaa"}, node{id: "bbbb", deps: p("aaaa")})
	sibling := mustGraph(t, node{id: "a"}, node{id: "b", parents: p("a")}, node{id: "c", parents: p("a"), deps: p("b")})
	for _, tt := range []struct {
		g       *Graph
		current []string
		target  string
		want    []string
	}{
		{roots, p("bbbb"), "-1", p("bbbb")},
		{sibling, p("c"), "-1", p("c")},
		{sibling, p("c"), "c-1", p("c", "b")}, // REV-N names the target: everything above it goes
		{sibling, p("c"), "base", p("c", "b", "a")},
	} {
		steps, err := tt.g.PlanDowngrade(tt.current, tt.target)
		if err != nil {
			t.Errorf("%v -> %q: %v", tt.current, tt.target, err)
			continue
		}
		var got []string
		for _, st := range steps {
			got = append(got, st.Rev.ID)
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%v -> %q (-want +got):\n%s", tt.current, tt.target, d)
		}
	}
}

func TestHistoryByBranch(t *testing.T) {
	g := labelGraph(t)
	for rng, want := range map[string][]string{
		"api@base:api@head": p("a3", "a2", "a1", "t2", "t1"),
		"api@base:heads":    p("a3", "a2", "a1", "t2", "t1"),
		"side@base:":        p("s2", "s1"),
		"t2:web@head":       p("w2", "w1", "t2"),
	} {
		revs, err := g.History(rng, nil)
		if err != nil {
			t.Errorf("History(%q): %v", rng, err)
			continue
		}
		if d := cmp.Diff(want, ids(revs)); d != "" {
			t.Errorf("History(%q) (-want +got):\n%s", rng, d)
		}
	}
	if !g.IsHead("a3") || g.IsEffectiveHead("a3") {
		t.Error("a3 is a plain head")
	}
	dep := dependsGraph(t)
	if !dep.IsEffectiveHead("n1") || dep.IsEffectiveHead("a2") {
		t.Error("n1, which a2 depends on, is an effective head")
	}
}
