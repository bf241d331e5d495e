package migrations

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stepStrings renders steps as "+id -del... +ins..." for compact tests.
func stepStrings(steps []Step) []string {
	var out []string
	for _, s := range steps {
		dir := "down"
		if s.Up {
			dir = "up"
		}
		out = append(out, fmt.Sprintf("%s %s del=%v ins=%v", dir, s.Rev.ID, s.DeleteHeads, s.InsertHeads))
	}
	return out
}

func TestPlanUpgrade(t *testing.T) {
	lin, br, dep := linearGraph(t), branchedGraph(t), dependsGraph(t)
	tests := []struct {
		name    string
		g       *Graph
		current []string
		target  string
		want    []string
		err     string
		is      error
	}{
		{"linear from base", lin, nil, "head", []string{
			"up l1 del=[] ins=[l1]", "up l2 del=[l1] ins=[l2]", "up l3 del=[l2] ins=[l3]", "up l4 del=[l3] ins=[l4]", "up l5 del=[l4] ins=[l5]"}, "", nil},
		{"linear to a prefix", lin, p("l2"), "l4", []string{"up l3 del=[l2] ins=[l3]", "up l4 del=[l3] ins=[l4]"}, "", nil},
		{"already there", lin, p("l5"), "head", nil, "", nil},
		{"target below current", lin, p("l4"), "l2", nil, "", nil},
		{"+2", lin, p("l2"), "+2", []string{"up l3 del=[l2] ins=[l3]", "up l4 del=[l3] ins=[l4]"}, "", nil},
		{"+1 from base", lin, nil, "+1", []string{"up l1 del=[] ins=[l1]"}, "", nil},
		{"REV+1", lin, p("l1"), "l3+1", []string{"up l2 del=[l1] ins=[l2]", "up l3 del=[l2] ins=[l3]", "up l4 del=[l3] ins=[l4]"}, "", nil},
		{"-1 is not an upgrade", lin, p("l3"), "-1", nil, `migrations: cannot upgrade to "-1": use downgrade`, ErrInvalidIdentifier},
		{"+3 with 2 to go", lin, p("l3"), "+3", nil, `migrations: relative revision "+3" walks past head l5 after 2 steps`, ErrRelativeOutOfRange},
		{"unknown current", lin, p("gone"), "head", nil, `migrations: the database is at revision "gone", which no revision file declares`, ErrUnknownRevision},

		{"branched to heads", br, nil, "heads", []string{
			"up r1 del=[] ins=[r1]", "up r2 del=[r1] ins=[r2]", "up r3a del=[r2] ins=[r3a]", "up r4a del=[r3a] ins=[r4a]",
			"up r3b del=[] ins=[r3b]", "up m5 del=[r4a r3b] ins=[m5]"}, "", nil},
		{"one branch", br, p("r2"), "r3b", []string{"up r3b del=[r2] ins=[r3b]"}, "", nil},
		{"other branch then merge", br, p("r3b"), "head", []string{
			"up r3a del=[] ins=[r3a]", "up r4a del=[r3a] ins=[r4a]", "up m5 del=[r4a r3b] ins=[m5]"}, "", nil},
		{"+1 at a branch point", br, p("r2"), "+1", nil,
			`migrations: relative revision "+1" is ambiguous: r2 is a branch point (r3a, r3b revise it)`, ErrAmbiguousWalk},
		{"+1 from two heads", br, p("r4a", "r3b"), "+1", nil,
			`migrations: relative revision "+1" is ambiguous: the database is at several heads (r4a, r3b); use REV+1`, ErrMultipleHeads},

		{"dependency applied first", dep, nil, "a2", []string{
			"up a1 del=[] ins=[a1]", "up n1 del=[] ins=[n1]", "up a2 del=[a1 n1] ins=[a2]"}, "", nil},
		{"heads through a dependency", dep, p("n1"), "heads", []string{"up a1 del=[] ins=[a1]", "up a2 del=[a1 n1] ins=[a2]"}, "", nil},
		{"head with a dependency-only head", dep, nil, "head", nil, `migrations: multiple heads (n1, a2); name one of them, or use "heads"`, ErrMultipleHeads},
		{"stale row cleaned by the first step", lin, p("l1", "l2"), "l3", []string{"up l3 del=[l1 l2] ins=[l3]"}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps, err := tt.g.PlanUpgrade(tt.current, tt.target)
			checkPlan(t, steps, err, tt.want, tt.err, tt.is)
		})
	}
}

func checkPlan(t *testing.T, steps []Step, err error, want []string, wantErr string, is error) {
	t.Helper()
	if wantErr != "" {
		if err == nil || err.Error() != wantErr {
			t.Fatalf("plan = %v, %v; want error %s", stepStrings(steps), err, wantErr)
		}
		if !errors.Is(err, is) {
			t.Errorf("errors.Is(%v, %v) = false", err, is)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, stepStrings(steps)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPlanDowngrade(t *testing.T) {
	lin, br, dep := linearGraph(t), branchedGraph(t), dependsGraph(t)
	tests := []struct {
		name    string
		g       *Graph
		current []string
		target  string
		want    []string
		err     string
		is      error
	}{
		{"linear to base", lin, p("l3"), "base", []string{
			"down l3 del=[l3] ins=[l2]", "down l2 del=[l2] ins=[l1]", "down l1 del=[l1] ins=[]"}, "", nil},
		{"linear to a revision", lin, p("l5"), "l3", []string{"down l5 del=[l5] ins=[l4]", "down l4 del=[l4] ins=[l3]"}, "", nil},
		{"-1", lin, p("l5"), "-1", []string{"down l5 del=[l5] ins=[l4]"}, "", nil},
		{"-2", lin, p("l2"), "-2", []string{"down l2 del=[l2] ins=[l1]", "down l1 del=[l1] ins=[]"}, "", nil},
		{"REV-N", lin, p("l5"), "l4-1", []string{"down l5 del=[l5] ins=[l4]", "down l4 del=[l4] ins=[l3]"}, "", nil},
		{"to current", lin, p("l3"), "l3", nil, "", nil},
		{"base at base", lin, nil, "base", nil, "", nil},
		{"+1 is not a downgrade", lin, p("l3"), "+1", nil, `migrations: cannot downgrade to "+1": use upgrade`, ErrInvalidIdentifier},
		{"not applied", lin, p("l3"), "l4", nil, `migrations: cannot downgrade to l4: it is not applied (the database is at l3)`, ErrNotAncestor},
		{"-3 below base", lin, p("l2"), "-3", nil, `migrations: relative revision "-3" walks below base after 2 steps`, ErrRelativeOutOfRange},

		{"merge to the branch point", br, p("m5"), "r2", []string{
			"down m5 del=[m5] ins=[r4a r3b]", "down r3b del=[r3b] ins=[]", "down r4a del=[r4a] ins=[r3a]", "down r3a del=[r3a] ins=[r2]"}, "", nil},
		{"one branch of two heads", br, p("r4a", "r3b"), "r3a", []string{"down r4a del=[r4a] ins=[r3a]"}, "", nil},
		{"the other branch", br, p("r4a", "r3b"), "r2", []string{
			"down r3b del=[r3b] ins=[]", "down r4a del=[r4a] ins=[r3a]", "down r3a del=[r3a] ins=[r2]"}, "", nil},
		{"other branch not applied", br, p("r4a"), "r3b", nil, `migrations: cannot downgrade to r3b: it is not applied (the database is at r4a)`, ErrNotAncestor},
		{"-1 at a merge point", br, p("m5"), "-1", nil, `migrations: relative revision "-1" is ambiguous: m5 is a merge point (it revises r4a, r3b)`, ErrAmbiguousWalk},
		{"-1 from two heads", br, p("r4a", "r3b"), "-1", nil,
			`migrations: relative revision "-1" is ambiguous: the database is at several heads (r4a, r3b); use REV-1`, ErrMultipleHeads},
		{"to heads names one", br, p("m5"), "heads", nil, "", nil},

		{"dependency restored as a head", dep, p("a2"), "a1", []string{"down a2 del=[a2] ins=[a1 n1]"}, "", nil},
		{"dependencies to base", dep, p("a2"), "base", []string{"down a2 del=[a2] ins=[a1 n1]", "down n1 del=[n1] ins=[]", "down a1 del=[a1] ins=[]"}, "", nil},
		{"several targets", dep, p("a2", "n1"), "current", nil, `migrations: cannot downgrade to "current": it names several revisions (a2, n1)`, ErrMultipleHeads},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps, err := tt.g.PlanDowngrade(tt.current, tt.target)
			checkPlan(t, steps, err, tt.want, tt.err, tt.is)
		})
	}
}

func TestPlanStamp(t *testing.T) {
	br := branchedGraph(t)
	tests := []struct {
		current  []string
		target   string
		del, ins []string
	}{
		{nil, "head", nil, p("m5")},
		{p("m5"), "r3a", p("m5"), p("r3a")},
		{p("r4a", "r3b"), "heads", p("r4a", "r3b"), p("m5")},
		{p("m5"), "m5", nil, nil},
		{p("m5"), "base", p("m5"), nil},
		{p("gone", "m5"), "heads", p("gone"), nil}, // unknown rows are replaced
		{p("gone"), "base", p("gone"), nil},
		{p("r3b"), "+1", p("r3b"), p("m5")},
	}
	for _, tt := range tests {
		del, ins, err := br.PlanStamp(tt.current, tt.target)
		if err != nil {
			t.Errorf("PlanStamp(%v, %q): %v", tt.current, tt.target, err)
			continue
		}
		if diff := cmp.Diff([][]string{tt.del, tt.ins}, [][]string{del, ins}); diff != "" {
			t.Errorf("PlanStamp(%v, %q) [del ins] (-want +got):\n%s", tt.current, tt.target, diff)
		}
	}
	// Alembic's stamp replaces only the rows on the target's line: the
	// other branch's row stays.
	two := mustGraph(t, node{id: "x1"}, node{id: "x2", parents: p("x1")}, node{id: "y1"}, node{id: "y2", parents: p("y1")})
	for _, tt := range []struct {
		current  []string
		target   string
		del, ins []string
	}{
		{p("x2", "y2"), "x1", p("x2"), p("x1")},
		{p("x2", "y2"), "x2", nil, nil},
		{p("x1"), "y2", nil, p("y2")},
		{p("x2", "y2"), "base", p("x2", "y2"), nil},
	} {
		del, ins, err := two.PlanStamp(tt.current, tt.target)
		if err != nil {
			t.Errorf("two roots: PlanStamp(%v, %q): %v", tt.current, tt.target, err)
			continue
		}
		if diff := cmp.Diff([][]string{tt.del, tt.ins}, [][]string{del, ins}); diff != "" {
			t.Errorf("two roots: PlanStamp(%v, %q) [del ins] (-want +got):\n%s", tt.current, tt.target, diff)
		}
	}
	if _, _, err := br.PlanStamp(p("gone"), "+1"); !errors.Is(err, ErrUnknownRevision) {
		t.Errorf("relative stamp from an unknown row: %v", err)
	}
}

func TestAppliedHeads(t *testing.T) {
	// As Alembic's "current": b2 depends on a2, both are listed.
	g := mustGraph(t,
		node{id: "a1"}, node{id: "a2", parents: p("a1")}, node{id: "a3", parents: p("a2")},
		node{id: "b1"}, node{id: "b2", parents: p("b1"), deps: p("a2")}, node{id: "b3", parents: p("b2")},
	)
	for _, tt := range []struct{ current, want []string }{
		{nil, nil},
		{p("b2"), p("a2", "b2")},
		{p("b3"), p("a2", "b3")},
		{p("a3", "b3"), p("a3", "b3")},
	} {
		got, err := g.AppliedHeads(tt.current)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("AppliedHeads(%v) (-want +got):\n%s", tt.current, diff)
		}
	}
	if _, err := g.AppliedHeads(p("gone")); !errors.Is(err, ErrUnknownRevision) {
		t.Errorf("unknown current: %v", err)
	}
}

func TestHistory(t *testing.T) {
	lin, br := linearGraph(t), branchedGraph(t)
	tests := []struct {
		name    string
		g       *Graph
		rng     string
		current []string
		want    []string
		err     string
		is      error
	}{
		{"all", lin, "", nil, p("l5", "l4", "l3", "l2", "l1"), "", nil},
		{"all branched", br, "", nil, p("m5", "r3b", "r4a", "r3a", "r2", "r1"), "", nil},
		{"closed range", lin, "l2:l4", nil, p("l4", "l3", "l2"), "", nil},
		{"open end", lin, "l2:", nil, p("l5", "l4", "l3", "l2"), "", nil},
		{"open start", lin, ":l2", nil, p("l2", "l1"), "", nil},
		{"base:head", lin, "base:head", nil, p("l5", "l4", "l3", "l2", "l1"), "", nil},
		{"-2: counts down from the heads", lin, "-2:", nil, p("l5", "l4", "l3"), "", nil},
		{"-2:END counts down from END", lin, "-2:l4", nil, p("l4", "l3", "l2"), "", nil},
		{"-100: stops at base", lin, "-100:", nil, p("l5", "l4", "l3", "l2", "l1"), "", nil},
		{"START:+2", lin, "l1:+2", nil, p("l3", "l2", "l1"), "", nil},
		{"START:+100 stops at the head", lin, "l4:+100", nil, p("l5", "l4"), "", nil},
		{"current:", lin, "current:", p("l3"), p("l5", "l4", "l3"), "", nil},
		{":current", lin, ":current", p("l3"), p("l3", "l2", "l1"), "", nil},
		{"current: at base", lin, "current:", nil, p("l5", "l4", "l3", "l2", "l1"), "", nil},
		{"prefixes", br, "r3b:m", nil, p("m5", "r3b"), "", nil},
		{"one branch", br, "r3a:heads", nil, p("m5", "r4a", "r3a"), "", nil},
		{"to one branch", br, ":r3b", nil, p("r3b", "r2", "r1"), "", nil},
		{"not an ancestor", lin, "l4:l2", nil, nil, `migrations: history range "l4:l2": l4 is not an ancestor of l2`, ErrNotAncestor},
		{"other branch", br, "r3a:r3b", nil, nil, `migrations: history range "r3a:r3b": r3a is not an ancestor of r3b`, ErrNotAncestor},
		{"no colon", lin, "l2", nil, nil, `migrations: history range "l2": want START:END, START: or :END`, ErrInvalidIdentifier},
		{"two colons", lin, "l1:l2:l3", nil, nil, `migrations: history range "l1:l2:l3": want START:END, START: or :END`, ErrInvalidIdentifier},
		{"unknown", lin, "zz:", nil, nil, `migrations: revision "zz" not found`, ErrUnknownRevision},
		{"+N start", lin, "+1:", nil, nil, `migrations: history range "+1:": the start cannot be "+1"`, ErrInvalidIdentifier},
		{"-N end", lin, ":-1", nil, nil, `migrations: history range ":-1": the end cannot be "-1"`, ErrInvalidIdentifier},
		{"both relative", lin, "-1:+1", nil, nil, `migrations: history range "-1:+1": at most one side can be relative`, ErrInvalidIdentifier},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.g.History(tt.rng, tt.current)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("History(%q) = %v, %v; want error %s", tt.rng, ids(got), err, tt.err)
				}
				if !errors.Is(err, tt.is) {
					t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, ids(got)); diff != "" {
				t.Errorf("History(%q) (-want +got):\n%s", tt.rng, diff)
			}
		})
	}
}

// randomGraph builds a seeded random DAG of n revisions: roots, chains,
// branches, merges and Depends On links.
func randomGraph(t testing.TB, rng *rand.Rand, n int) *Graph {
	nodes := make([]node, n)
	for i := range nodes {
		nodes[i].id = fmt.Sprintf("r%03d", i)
		if i == 0 || rng.IntN(8) == 0 {
			continue // a root
		}
		for k := 1 + rng.IntN(3); k > 0; k-- {
			var j int
			if rng.IntN(2) == 0 {
				j = i - 1 // mostly chains
			} else {
				j = rng.IntN(i)
			}
			if id := nodes[j].id; !slices.Contains(nodes[i].parents, id) {
				nodes[i].parents = append(nodes[i].parents, id)
			}
		}
		if rng.IntN(4) == 0 {
			if id := nodes[rng.IntN(i)].id; !slices.Contains(nodes[i].parents, id) {
				nodes[i].deps = append(nodes[i].deps, id)
			}
		}
	}
	rng.Shuffle(len(nodes), func(a, b int) { nodes[a], nodes[b] = nodes[b], nodes[a] })
	return mustGraph(t, nodes...)
}

// bruteHeads computes the heads of an applied set the slow way: the applied
// revisions that no applied revision names in Revises or Depends On.
func bruteHeads(g *Graph, applied map[string]bool) []string {
	linked := map[string]bool{}
	for id := range applied {
		r := g.Get(id)
		for _, l := range append(slices.Clone(r.Parents), r.DependsOn...) {
			linked[l] = true
		}
	}
	var out []string
	for id := range applied {
		if !linked[id] {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// bruteClosure is everything ids reach, the slow way.
func bruteClosure(g *Graph, ids []string) map[string]bool {
	out := map[string]bool{}
	var visit func(string)
	visit = func(id string) {
		if out[id] {
			return
		}
		out[id] = true
		r := g.Get(id)
		for _, l := range append(slices.Clone(r.Parents), r.DependsOn...) {
			visit(l)
		}
	}
	for _, id := range ids {
		visit(id)
	}
	return out
}

// applySteps runs the bookkeeping of steps against table (the version
// table's rows) and checks after each step that the rows are exactly the
// heads of the applied set and that every step keeps the set closed.
func applySteps(t *testing.T, g *Graph, table []string, steps []Step) []string {
	t.Helper()
	rows := map[string]bool{}
	for _, id := range table {
		rows[id] = true
	}
	applied := bruteClosure(g, table)
	for i, st := range steps {
		r := st.Rev
		if st.Up {
			if applied[r.ID] {
				t.Fatalf("step %d applies %s twice", i, r.ID)
			}
			for _, l := range append(slices.Clone(r.Parents), r.DependsOn...) {
				if !applied[l] {
					t.Fatalf("step %d applies %s before %s", i, r.ID, l)
				}
			}
			applied[r.ID] = true
		} else {
			if !applied[r.ID] {
				t.Fatalf("step %d reverts %s, which is not applied", i, r.ID)
			}
			delete(applied, r.ID)
			for id := range applied {
				a := g.Get(id)
				if slices.Contains(a.Parents, r.ID) || slices.Contains(a.DependsOn, r.ID) {
					t.Fatalf("step %d reverts %s before %s", i, r.ID, id)
				}
			}
		}
		for _, id := range st.DeleteHeads {
			if !rows[id] {
				t.Fatalf("step %d deletes row %s, which is not there (rows %v)", i, id, rows)
			}
			delete(rows, id)
		}
		for _, id := range st.InsertHeads {
			if rows[id] {
				t.Fatalf("step %d inserts row %s twice", i, id)
			}
			rows[id] = true
		}
		var got []string
		for id := range rows {
			got = append(got, id)
		}
		sort.Strings(got)
		if diff := cmp.Diff(bruteHeads(g, applied), got, cmpEmpty); diff != "" {
			t.Fatalf("after step %d (%s %s): rows are not the heads of the applied set (-want +got):\n%s", i, map[bool]string{true: "up", false: "down"}[st.Up], r.ID, diff)
		}
	}
	var out []string
	for id := range rows {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

var cmpEmpty = cmp.Transformer("emptyNil", func(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
})

// TestPlanProperties checks the plans of random histories against a
// brute-force computation of the applied set and its heads at every step.
func TestPlanProperties(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		rng := rand.New(rand.NewPCG(seed, 42))
		g := randomGraph(t, rng, 5+rng.IntN(40))
		all := g.Revisions()
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			var table []string
			// Random upgrades and downgrades, then everything up and down.
			for range 8 {
				target := all[rng.IntN(len(all))].ID
				up, err := g.PlanUpgrade(table, target)
				if err != nil {
					t.Fatalf("PlanUpgrade(%v, %s): %v", table, target, err)
				}
				for _, st := range up {
					if !st.Up || !bruteClosure(g, []string{target})[st.Rev.ID] {
						t.Fatalf("PlanUpgrade(%v, %s) has step %s", table, target, st.Rev.ID)
					}
				}
				table = applySteps(t, g, table, up)
				if !bruteClosure(g, table)[target] {
					t.Fatalf("after PlanUpgrade(%s), %s is not applied", target, target)
				}
				applied := bruteClosure(g, table)
				var appliedIDs []string
				for id := range applied {
					appliedIDs = append(appliedIDs, id)
				}
				sort.Strings(appliedIDs)
				target = appliedIDs[rng.IntN(len(appliedIDs))]
				down, err := g.PlanDowngrade(table, target)
				if err != nil {
					t.Fatalf("PlanDowngrade(%v, %s): %v", table, target, err)
				}
				table = applySteps(t, g, table, down)
				if !bruteClosure(g, table)[target] {
					t.Fatalf("after PlanDowngrade(%s), %s is not applied", target, target)
				}
			}
			up, err := g.PlanUpgrade(table, "heads")
			if err != nil {
				t.Fatal(err)
			}
			table = applySteps(t, g, table, up)
			if len(bruteClosure(g, table)) != len(all) {
				t.Fatalf("upgrade heads left revisions unapplied: rows %v", table)
			}
			heads, _ := g.Resolve("heads", nil)
			sort.Strings(heads)
			if diff := cmp.Diff(heads, table); diff != "" {
				t.Fatalf("rows after upgrade heads (-want +got):\n%s", diff)
			}
			down, err := g.PlanDowngrade(table, "base")
			if err != nil {
				t.Fatal(err)
			}
			if len(down) != len(all) {
				t.Fatalf("downgrade base has %d steps, want %d", len(down), len(all))
			}
			if table = applySteps(t, g, table, down); len(table) != 0 {
				t.Fatalf("rows after downgrade base: %v", table)
			}
		})
	}
}

func TestHistoryIsReverseOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	g := randomGraph(t, rng, 50)
	h, err := g.History("", nil)
	if err != nil {
		t.Fatal(err)
	}
	r := ids(g.Revisions())
	slices.Reverse(r)
	if diff := cmp.Diff(r, ids(h)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Every revision comes after what it links to in Revisions.
	seen := map[string]bool{}
	for _, rev := range g.Revisions() {
		for _, l := range append(slices.Clone(rev.Parents), rev.DependsOn...) {
			if !seen[l] {
				t.Errorf("%s comes before %s", rev.ID, l)
			}
		}
		seen[rev.ID] = true
	}
}
