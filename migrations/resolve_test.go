package migrations

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolve(t *testing.T) {
	lin, br, dep := linearGraph(t), branchedGraph(t), dependsGraph(t)
	prefixes := mustGraph(t,
		node{id: "ae1027a6acf"},
		node{id: "ae10", parents: p("ae1027a6acf")},
		node{id: "27c6a30d7c24", parents: p("ae10")},
		node{id: "27c6a31", parents: p("27c6a30d7c24")},
		node{id: "rev-1", parents: p("27c6a31")},
		node{id: "rev-10", parents: p("rev-1")},
	)
	tests := []struct {
		name    string
		g       *Graph
		ident   string
		current []string
		want    []string
		err     string
		is      error
	}{
		{"head", lin, "head", nil, p("l5"), "", nil},
		{"heads", br, "heads", nil, p("m5"), "", nil},
		{"base", lin, "base", p("l3"), nil, "", nil},
		{"full id", lin, "l3", nil, p("l3"), "", nil},
		{"current", br, "current", p("r4a", "r3b"), p("r4a", "r3b"), "", nil},
		{"current at base", br, "current", nil, nil, "", nil},
		{"unknown current", br, "current", p("gone"), nil,
			`migrations: the database is at revision "gone", which no revision file declares`, ErrUnknownRevision},

		{"unique prefix", br, "r4", nil, p("r4a"), "", nil},
		{"one-character prefix", br, "m", nil, p("m5"), "", nil},
		{"ambiguous prefix", br, "r3", nil, nil, `migrations: revision prefix "r3" is ambiguous: it matches r3a, r3b`, ErrAmbiguousRevision},
		{"full id beats a longer id", prefixes, "ae10", nil, p("ae10"), "", nil},
		{"prefix of two", prefixes, "ae1", nil, nil, `migrations: revision prefix "ae1" is ambiguous: it matches ae10, ae1027a6acf`, ErrAmbiguousRevision},
		{"unknown", br, "zz", nil, nil, `migrations: revision "zz" not found`, ErrUnknownRevision},

		{"+1 from current", lin, "+1", p("l2"), p("l3"), "", nil},
		{"+2 from base", lin, "+2", nil, p("l2"), "", nil},
		{"-1 from current", lin, "-1", p("l2"), p("l1"), "", nil},
		{"-2 to base", lin, "-2", p("l2"), nil, "", nil},
		{"-3 past base", lin, "-3", p("l2"), nil, `migrations: relative revision "-3" walks below base after 2 steps`, ErrRelativeOutOfRange},
		{"-2 past base, one step", lin, "-2", p("l1"), nil, `migrations: relative revision "-2" walks below base after 1 step`, ErrRelativeOutOfRange},
		{"+4 past head", lin, "+4", p("l2"), nil, `migrations: relative revision "+4" walks past head l5 after 3 steps`, ErrRelativeOutOfRange},
		{"-1 at base", lin, "-1", nil, nil, `migrations: relative revision "-1" walks below base: the database is at base`, ErrRelativeOutOfRange},
		{"+1 from several heads", br, "+1", p("r4a", "r3b"), nil,
			`migrations: relative revision "+1" is ambiguous: the database is at several heads (r4a, r3b); use REV+1`, ErrMultipleHeads},
		{"+1 at a branch point", br, "+2", p("r1"), nil,
			`migrations: relative revision "+2" is ambiguous: r2 is a branch point (r3a, r3b revise it)`, ErrAmbiguousWalk},
		{"+1 from several bases", dep, "+1", nil, nil,
			`migrations: relative revision "+1" is ambiguous: there are several bases (a1, n1)`, ErrAmbiguousWalk},

		{"REV+N", br, "r3a+2", nil, p("m5"), "", nil},
		{"REV-N", br, "r4a-2", nil, p("r2"), "", nil},
		{"prefix-N", br, "r4-3", nil, p("r1"), "", nil},
		{"REV-N to base", lin, "l2-2", nil, nil, "", nil},
		{"base+N", lin, "base+3", nil, p("l3"), "", nil},
		{"head-N", lin, "head-1", nil, p("l4"), "", nil},
		{"REV+0", lin, "l3+0", nil, p("l3"), "", nil},
		{"REV-N at a merge point", br, "m5-1", nil, nil,
			`migrations: relative revision "m5-1" is ambiguous: m5 is a merge point (it revises r4a, r3b)`, ErrAmbiguousWalk},
		{"REV+N past head", br, "m5+1", nil, nil, `migrations: relative revision "m5+1" walks past head m5 after 0 steps`, ErrRelativeOutOfRange},
		{"unknown REV in REV+N", br, "zz+1", nil, nil, `migrations: revision "zz" not found`, ErrUnknownRevision},
		{"id with a dash", prefixes, "rev-1", nil, p("rev-1"), "", nil},
		{"id with a dash as a prefix", prefixes, "rev-10", nil, p("rev-10"), "", nil},
		{"dash prefix when REV is unknown", prefixes, "rev-", nil, nil, `migrations: revision prefix "rev-" is ambiguous: it matches rev-1, rev-10`, ErrAmbiguousRevision},
		{"huge N", lin, "+99999999999999999999999", p("l1"), nil,
			`migrations: relative revision "+99999999999999999999999" walks past head l5 after 4 steps`, ErrRelativeOutOfRange},

		{"multiple heads", dep, "head", nil, nil, `migrations: multiple heads (n1, a2); name one of them, or use "heads"`, ErrMultipleHeads},
		{"heads skips revisions others depend on", dep, "heads", nil, p("a2"), "", nil},
		{"head of an empty graph", mustGraph(t), "head", nil, nil, "", nil},
		{"empty", lin, "", nil, nil, "migrations: empty revision identifier", ErrInvalidIdentifier},
		{"range", lin, "l1:l2", nil, nil, `migrations: invalid revision identifier "l1:l2"`, ErrInvalidIdentifier},
		{"unknown branch label", lin, "main@head", nil, nil, `migrations: no branch label or revision "main"`, ErrUnknownRevision},
		{"empty branch label", lin, "@head", nil, nil, `migrations: invalid revision identifier "@head": want NAME@head, NAME@base, NAME@-N, NAME@+N or NAME@REV`, ErrInvalidIdentifier},
		{"id as a branch", br, "r3a@head", nil, p("m5"), "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.g.Resolve(tt.ident, tt.current)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("Resolve(%q) = %v, %v; want error %s", tt.ident, got, err, tt.err)
				}
				if !errors.Is(err, tt.is) {
					t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
				}
				return
			}
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tt.ident, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Resolve(%q) (-want +got):\n%s", tt.ident, diff)
			}
		})
	}
}
