package migrations

import (
	"errors"
	"slices"
	"strings"
)

// Branch labels, with Alembic's meaning. A revision's Branch Labels: header
// names its branch; the label then applies to the revision and to every
// revision that descends from it through Revises. When that part of the
// graph is one plain line (no branch point, counting Depends On links, and
// no merge point, the revision included), the label also applies down the
// line below the revision, up to and without the nearest branch point or
// merge point: the label names the whole branch, from where it left the
// trunk. (Alembic reaches the same set by walking down from the last
// descendant it visits; where the descendants branch, that walk stops
// above the labelled revision, so nothing below it is labelled.)
//
// In an identifier, NAME@... restricts the rest to NAME's branch, in
// Alembic's sense of "on the branch": the revisions that are ancestors or
// descendants (through Revises) of the revision that declares NAME. NAME
// may also be a revision id or prefix, which then stands for that
// revision.

// computeLabels fills g.labels (each revision's labels, sorted) and
// g.labelRev (label -> declaring revision). A label used twice, or equal
// to a revision id, is an error at the declaring file.
func (g *Graph) computeLabels(poss []headerPos, at []int) error {
	var declaring []int
	for k, r := range g.revs {
		if len(r.BranchLabels) > 0 {
			declaring = append(declaring, k)
		}
	}
	if len(declaring) == 0 {
		return nil
	}
	lineOf := func(k int) int {
		if poss == nil {
			return 0
		}
		for i, a := range at {
			if a == k {
				return poss[i].labels
			}
		}
		return 0
	}
	g.labelRev = make(map[string]int)
	for _, k := range declaring {
		r := g.revs[k]
		for _, l := range r.BranchLabels {
			if o, dup := g.labelRev[l]; dup {
				return fileErrorf(r.Path, lineOf(k), ErrDuplicateRevision,
					"branch label %s of revision %s is already the label of revision %s", l, r.ID, g.revs[o].ID)
			}
			if _, isID := g.pos[l]; isID {
				return fileErrorf(r.Path, lineOf(k), ErrDuplicateRevision,
					"branch label %s of revision %s is a revision id", l, r.ID)
			}
			g.labelRev[l] = k
		}
	}
	sets := make([]map[string]bool, len(g.revs))
	add := func(k int, ls map[string]bool) bool {
		changed := false
		if sets[k] == nil {
			sets[k] = map[string]bool{}
		}
		for l := range ls {
			if !sets[k][l] {
				sets[k][l] = true
				changed = true
			}
		}
		return changed
	}
	for _, k := range declaring {
		ls := map[string]bool{}
		for _, l := range g.revs[k].BranchLabels {
			ls[l] = true
		}
		add(k, ls)
	}
	realBranchPoint := func(k int) bool { return len(g.children[k])+len(g.dependents[k]) > 1 }
	// A revision can inherit labels from another labelled one and pass
	// them on; go round until nothing changes (two rounds in practice).
	for changed := true; changed; {
		changed = false
		for _, k := range declaring {
			ls := sets[k]
			desc := g.descendants([]int{k}, false)
			line := true
			for d, in := range desc {
				if !in {
					continue
				}
				if add(d, ls) {
					changed = true
				}
				if realBranchPoint(d) || len(g.parents[d]) > 1 {
					line = false
				}
			}
			if !line || len(g.parents[k]) != 1 {
				continue
			}
			for p := g.parents[k][0]; !realBranchPoint(p) && len(g.parents[p]) <= 1; p = g.parents[p][0] {
				if add(p, ls) {
					changed = true
				}
				if len(g.parents[p]) == 0 {
					break
				}
			}
		}
	}
	g.labels = make([][]string, len(g.revs))
	for k, s := range sets {
		for l := range s {
			g.labels[k] = append(g.labels[k], l)
		}
		slices.Sort(g.labels[k])
	}
	return nil
}

// Labels returns the branch labels that apply to revision id (its own and
// those it inherits from the revision that declares them), sorted.
func (g *Graph) Labels(id string) []string {
	k, ok := g.pos[id]
	if !ok || g.labels == nil {
		return nil
	}
	return slices.Clone(g.labels[k])
}

// hasLabel reports whether label applies to revision k.
func (g *Graph) hasLabel(k int, label string) bool {
	return g.labels != nil && slices.Contains(g.labels[k], label)
}

// branch is the NAME of a NAME@... identifier: the revision that declares
// the label (or that the name is an id or prefix of).
type branch struct {
	name    string
	rev     int
	isLabel bool
	lineage []bool // ancestors and descendants of rev through Revises, rev included
}

// branchOf resolves the NAME of NAME@....
func (g *Graph) branchOf(name string) (*branch, error) {
	b := &branch{name: name}
	if k, ok := g.labelRev[name]; ok {
		b.rev, b.isLabel = k, true
	} else {
		ks, err := g.resolvePlain(name, nil)
		if err != nil || len(ks) != 1 {
			return nil, errorf(ErrUnknownRevision, "migrations: no branch label or revision %q", name)
		}
		b.rev = ks[0]
	}
	b.lineage = g.descendants([]int{b.rev}, false)
	anc := g.ancestors(b.rev)
	for k, in := range anc {
		if in {
			b.lineage[k] = true
		}
	}
	return b, nil
}

// ancestors returns k and the revisions it reaches through Revises only.
func (g *Graph) ancestors(k int) []bool {
	in := make([]bool, len(g.revs))
	stack := []int{k}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if in[k] {
			continue
		}
		in[k] = true
		stack = append(stack, g.parents[k]...)
	}
	return in
}

// splitBranch splits "NAME@REST"; b is nil without "@".
func (g *Graph) splitBranch(ident string) (b *branch, rest string, err error) {
	name, rest, ok := strings.Cut(ident, "@")
	if !ok {
		return nil, ident, nil
	}
	if name == "" || rest == "" || strings.Contains(rest, "@") {
		return nil, "", errorf(ErrInvalidIdentifier, "migrations: invalid revision identifier %q: want NAME@head, NAME@base, NAME@-N, NAME@+N or NAME@REV", ident)
	}
	b, err = g.branchOf(name)
	return b, rest, err
}

// onBranch filters ks to the revisions on b (all of them without b).
func (b *branch) filter(ks []int) []int {
	if b == nil {
		return ks
	}
	var out []int
	for _, k := range ks {
		if b.lineage[k] {
			out = append(out, k)
		}
	}
	return out
}

// resolveOnBranch resolves the REST of NAME@REST.
func (g *Graph) resolveOnBranch(b *branch, rest, ident string, current []string, clamp bool) ([]int, error) {
	switch rest {
	case "base":
		return nil, nil
	case "head", "heads":
		hs := b.filter(g.indexesOf(g.heads))
		if rest == "head" && len(hs) > 1 {
			return nil, errorf(ErrMultipleHeads, "migrations: %s has several heads (%s); name one of them, or use %s@heads",
				b.name, strings.Join(g.idsOf(hs), ", "), b.name)
		}
		return hs, nil
	}
	rel, isRel := parseRelative(rest)
	if !isRel || rel.symbol != "" {
		sym := rest
		if isRel {
			sym = rel.symbol
		}
		ks, err := g.resolvePlainOn(b, sym, current)
		if err != nil {
			if isRel { // an id may contain "-"
				if ks2, err2 := g.resolvePlainOn(b, rest, current); err2 == nil {
					return ks2, nil
				}
			}
			return nil, err
		}
		if !isRel {
			return ks, nil
		}
		start := base
		if len(ks) == 1 {
			start = ks[0]
		} else if len(ks) > 1 {
			return nil, errorf(ErrMultipleHeads, "migrations: %q names several revisions (%s); %q needs one", sym, strings.Join(g.idsOf(ks), ", "), ident)
		}
		k, err := g.walkOn(b, start, rel.steps, ident, clamp)
		if err != nil || k == base {
			return nil, err
		}
		return []int{k}, nil
	}
	if rel.down {
		// NAME@-N: N steps down from the heads on the branch (Alembic
		// takes the heads that carry the label).
		var out []int
		for _, h := range g.indexesOf(g.realHeads) {
			if !b.isLabel || !g.hasLabel(h, b.name) {
				continue
			}
			k, err := g.walk(h, rel.steps, ident, clamp)
			if err != nil {
				return nil, err
			}
			if k != base && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
		return out, nil
	}
	start, err := g.branchStart(b, current)
	if err != nil {
		return nil, err
	}
	k, err := g.walkOn(b, start, rel.steps, ident, clamp)
	if err != nil || k == base {
		return nil, err
	}
	return []int{k}, nil
}

// branchStart is where NAME@+N walks up from: the database's revision on
// the branch, or, when the database has none there, the tip of what it has
// applied on the branch's line (base if nothing).
func (g *Graph) branchStart(b *branch, current []string) (int, error) {
	cur, err := g.indexes(current)
	if err != nil {
		return 0, err
	}
	starts := b.filter(cur)
	if len(starts) == 0 && len(cur) > 0 {
		applied := g.closure(cur)
		var on []int
		for k, in := range applied {
			if in && b.lineage[k] {
				on = append(on, k)
			}
		}
		below := make([]bool, len(g.revs))
		for _, k := range on {
			g.downLinks(k, func(p int) { below[p] = true })
		}
		for _, k := range on {
			if !below[k] {
				starts = append(starts, k)
			}
		}
	}
	switch len(starts) {
	case 0:
		return base, nil
	case 1:
		return starts[0], nil
	}
	return 0, errorf(ErrMultipleHeads, "migrations: the database is at several revisions of %s (%s)", b.name, strings.Join(g.idsOf(starts), ", "))
}

// resolvePlainOn resolves an id or prefix, counting only the revisions on
// b for a prefix, and checks that the revision is on b.
func (g *Graph) resolvePlainOn(b *branch, ident string, current []string) ([]int, error) {
	switch ident {
	case "head", "heads", "base", "current":
		return g.resolveOnBranch(b, ident, ident, current, false)
	}
	ks, err := g.resolvePlain(ident, current)
	if errors.Is(err, ErrAmbiguousRevision) {
		var on []int
		for _, id := range g.sortedIDs() {
			if strings.HasPrefix(id, ident) && b.lineage[g.pos[id]] {
				on = append(on, g.pos[id])
			}
		}
		if len(on) == 1 {
			return on, nil
		}
	}
	if err != nil {
		return nil, err
	}
	for _, k := range ks {
		if !b.lineage[k] {
			return nil, errorf(ErrNotAncestor, "migrations: revision %s is not on branch %s", g.revs[k].ID, b.name)
		}
	}
	return ks, nil
}

// walkOn walks like walk; walking up, it only takes children on b.
func (g *Graph) walkOn(b *branch, start, steps int, ident string, clamp bool) (int, error) {
	if steps <= 0 {
		return g.walk(start, steps, ident, clamp)
	}
	k := start
	for done := 0; done < steps; done++ {
		var next []int
		if k == base {
			next = b.filter(g.indexesOf(g.bases))
		} else {
			next = b.filter(g.children[k])
		}
		switch {
		case len(next) == 0:
			if clamp {
				return k, nil
			}
			at := "base"
			if k != base {
				at = "head " + g.revs[k].ID
			}
			return 0, errorf(ErrRelativeOutOfRange, "migrations: relative revision %q walks past %s after %s", ident, at, plural(done, "step"))
		case len(next) > 1:
			return 0, errorf(ErrAmbiguousWalk, "migrations: relative revision %q is ambiguous: %s revise it on %s", ident, strings.Join(g.idsOf(next), ", "), b.name)
		}
		k = next[0]
	}
	return k, nil
}
