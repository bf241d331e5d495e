package migrations

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

// revFile renders a revision file with the given links.
func revFile(id string, parents, deps []string, created string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- Revision %s\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: %s\n",
		id, id, strings.Join(parents, ", "), created)
	if len(deps) > 0 {
		fmt.Fprintf(&b, "-- Depends On: %s\n", strings.Join(deps, ", "))
	}
	fmt.Fprintf(&b, "\n-- +retort Upgrade\nCREATE TABLE t_%s (id int);\n\n-- +retort Downgrade\nDROP TABLE t_%s;\n", id, id)
	return b.String()
}

// node is a revision's id and links, for building test graphs.
type node struct {
	id      string
	parents []string
	deps    []string
	labels  []string
}

func mustGraph(t testing.TB, nodes ...node) *Graph {
	t.Helper()
	revs := make([]*Revision, len(nodes))
	for i, n := range nodes {
		revs[i] = &Revision{ID: n.id, Parents: n.parents, DependsOn: n.deps, BranchLabels: n.labels, Path: "versions/" + n.id + ".sql"}
	}
	g, err := NewGraph(revs)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func p(ids ...string) []string { return ids }

// Test histories. linear: l1 <- l2 <- l3 <- l4 <- l5.
func linearGraph(t testing.TB) *Graph {
	return mustGraph(t,
		node{id: "l3", parents: p("l2")}, // input order does not matter
		node{id: "l1"},
		node{id: "l2", parents: p("l1")},
		node{id: "l5", parents: p("l4")},
		node{id: "l4", parents: p("l3")},
	)
}

// branched: r1 <- r2 <- r3a <- r4a <- m5, and r2 <- r3b <- m5.
func branchedGraph(t testing.TB) *Graph {
	return mustGraph(t,
		node{id: "m5", parents: p("r4a", "r3b")},
		node{id: "r1"},
		node{id: "r2", parents: p("r1")},
		node{id: "r3b", parents: p("r2")},
		node{id: "r3a", parents: p("r2")},
		node{id: "r4a", parents: p("r3a")},
	)
}

// depends: a1 <- a2, and a2 depends on n1 (another root).
func dependsGraph(t testing.TB) *Graph {
	return mustGraph(t,
		node{id: "a2", parents: p("a1"), deps: p("n1")},
		node{id: "n1"},
		node{id: "a1"},
	)
}

func ids(revs []*Revision) []string {
	var out []string
	for _, r := range revs {
		out = append(out, r.ID)
	}
	return out
}

func TestGraphShape(t *testing.T) {
	type shape struct {
		Order, Heads, Bases, BranchPoints, MergePoints []string
		Children                                       map[string][]string
	}
	describe := func(g *Graph) shape {
		s := shape{Order: ids(g.Revisions()), Heads: g.Heads(), Bases: g.Bases(), BranchPoints: g.BranchPoints(), Children: map[string][]string{}}
		for _, r := range g.Revisions() {
			if g.IsMergePoint(r.ID) {
				s.MergePoints = append(s.MergePoints, r.ID)
			}
			if c := g.Children(r.ID); c != nil {
				s.Children[r.ID] = c
			}
		}
		return s
	}
	tests := []struct {
		name string
		g    *Graph
		want shape
	}{
		{"linear", linearGraph(t), shape{
			Order: p("l1", "l2", "l3", "l4", "l5"), Heads: p("l5"), Bases: p("l1"),
			Children: map[string][]string{"l1": p("l2"), "l2": p("l3"), "l3": p("l4"), "l4": p("l5")},
		}},
		{"branched", branchedGraph(t), shape{
			Order: p("r1", "r2", "r3a", "r4a", "r3b", "m5"), Heads: p("m5"), Bases: p("r1"),
			BranchPoints: p("r2"), MergePoints: p("m5"),
			Children: map[string][]string{"r1": p("r2"), "r2": p("r3a", "r3b"), "r3a": p("r4a"), "r4a": p("m5"), "r3b": p("m5")},
		}},
		{"depends on", dependsGraph(t), shape{
			// n1 is a head: a Depends On link does not make a child.
			Order: p("a1", "n1", "a2"), Heads: p("n1", "a2"), Bases: p("a1", "n1"),
			Children: map[string][]string{"a1": p("a2")},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, describe(tt.g)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	g := dependsGraph(t)
	if got := g.Dependents("n1"); !cmp.Equal(got, p("a2")) {
		t.Errorf("Dependents(n1) = %v", got)
	}
	if g.Get("a2") == nil || g.Get("a") != nil {
		t.Errorf("Get: exact ids only")
	}
}

func TestGraphOrderByCreateDate(t *testing.T) {
	// Unordered siblings come by Create Date, then id, and each branch stays
	// in one piece.
	revs := []*Revision{
		{ID: "root"},
		{ID: "zz", Parents: p("root"), Created: "2026-01-01"},
		{ID: "aa", Parents: p("root"), Created: "2026-02-01"},
		{ID: "zz2", Parents: p("zz"), Created: "2026-03-01"},
		{ID: "bb", Parents: p("root"), Created: "2026-02-01"},
	}
	g, err := NewGraph(revs)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p("root", "zz", "zz2", "aa", "bb"), ids(g.Revisions())); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLoadGraph(t *testing.T) {
	fsys := fstest.MapFS{
		// File names never order revisions.
		"versions/0_c.sql":       {Data: []byte(revFile("ccc333", p("bbb222"), nil, ""))},
		"versions/1_a.sql":       {Data: []byte(revFile("aaa111", nil, nil, ""))},
		"versions/2_b.sql":       {Data: []byte(revFile("bbb222", p("aaa111"), nil, ""))},
		"versions/README.md":     {Data: []byte("not a revision")},
		"versions/.#lock.sql":    {Data: []byte("editor lock file")},
		"versions/sub/x.sql":     {Data: []byte("not read")},
		"script.sql.tmpl":        {Data: []byte("template")},
		"versions/__pycache__/y": {Data: []byte("")},
	}
	g, err := LoadGraph(fsys, dialect.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p("aaa111", "bbb222", "ccc333"), ids(g.Revisions())); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := g.Get("bbb222").Path; got != "versions/2_b.sql" {
		t.Errorf("Path = %q", got)
	}

	empty := fstest.MapFS{"versions": {Mode: 0o755 | 1<<31}}
	if g, err := LoadGraph(empty, dialect.SQLite); err != nil || g.Len() != 0 || g.Heads() != nil {
		t.Errorf("empty versions folder: %v, %v", g, err)
	}
	if _, err := LoadGraph(fstest.MapFS{}, dialect.SQLite); err == nil || !strings.HasPrefix(err.Error(), "migrations: read versions folder: ") {
		t.Errorf("no versions folder: %v", err)
	}
}

func TestLoadGraphErrors(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		want     string
		sentinel error
	}{
		{
			name: "duplicate id names both files",
			files: map[string]string{
				"versions/a.sql": revFile("aaa111", nil, nil, ""),
				"versions/b.sql": revFile("aaa111", nil, nil, ""),
			},
			want:     "versions/b.sql:3: duplicate revision aaa111 (also declared in versions/a.sql:3)",
			sentinel: ErrDuplicateRevision,
		},
		{
			name: "unknown parent",
			files: map[string]string{
				"versions/a.sql": revFile("aaa111", nil, nil, ""),
				"versions/b.sql": revFile("bbb222", p("aaa111", "zzz999"), nil, ""),
			},
			want:     `versions/b.sql:4: revision bbb222 revises "zzz999", which is not a known revision`,
			sentinel: ErrUnknownRevision,
		},
		{
			name: "unknown dependency",
			files: map[string]string{
				"versions/a.sql": revFile("aaa111", nil, p("zzz999"), ""),
			},
			want:     `versions/a.sql:6: revision aaa111 depends on "zzz999", which is not a known revision`,
			sentinel: ErrUnknownRevision,
		},
		{
			name: "cycle",
			files: map[string]string{
				"versions/r.sql": revFile("root", nil, nil, ""),
				"versions/a.sql": revFile("ccc", p("bbb"), nil, ""),
				"versions/b.sql": revFile("bbb", p("aaa"), nil, ""),
				"versions/c.sql": revFile("aaa", p("ccc"), nil, ""),
				"versions/d.sql": revFile("ddd", p("aaa"), nil, ""),
			},
			want:     "versions/c.sql:4: revision cycle: aaa revises ccc revises bbb revises aaa",
			sentinel: ErrCycle,
		},
		{
			name: "cycle through depends on",
			files: map[string]string{
				"versions/a.sql": revFile("aaa", nil, p("bbb"), ""),
				"versions/b.sql": revFile("bbb", p("aaa"), nil, ""),
			},
			want:     "versions/a.sql:6: revision cycle: aaa depends on bbb revises aaa",
			sentinel: ErrCycle,
		},
		{
			name:     "self loop",
			files:    map[string]string{"versions/a.sql": revFile("aaa", p("aaa"), nil, "")},
			want:     "versions/a.sql:4: revision cycle: aaa revises aaa",
			sentinel: ErrCycle,
		},
		{
			name:  "a .sql file that is not a revision file",
			files: map[string]string{"versions/notes.sql": "SELECT 1;\n"},
			want:  `versions/notes.sql:1: SQL before the "-- +retort Upgrade" marker`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := LoadGraph(fsys, dialect.Postgres)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("LoadGraph = %v, want a *FileError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("LoadGraph error\n got %s\nwant %s", err, tt.want)
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.sentinel)
			}
		})
	}
	// NewGraph with hand-made revisions has no lines to give.
	_, err := NewGraph([]*Revision{{ID: "a", Path: "x.sql"}, {ID: "a", Path: "y.sql"}})
	if err == nil || err.Error() != "y.sql: duplicate revision a (also declared in x.sql)" {
		t.Errorf("NewGraph duplicate = %v", err)
	}
}
