package migrations

import (
	"slices"
	"strings"
)

// PlanUpgrade returns the steps that take a database whose version table
// holds current to target: every ancestor of target (through Revises and
// Depends On) that is not applied yet, in topological order (Revisions'
// order). The applied set is everything current reaches. target is any
// Resolve form except "-N"; "heads" upgrades every branch, "head" fails
// with ErrMultipleHeads when there are several, "+N" walks N revisions up
// from the single current revision (it can apply more than N revisions when
// the target depends on unapplied ones, as in Alembic). A target that is
// already applied gives no steps.
//
// Each step's DeleteHeads and InsertHeads turn the heads before it into the
// heads after it; the first step also deletes current entries that another
// applied revision reaches (a version table left non-minimal by hand).
func (g *Graph) PlanUpgrade(current []string, target string) ([]Step, error) {
	cur, err := g.indexes(current)
	if err != nil {
		return nil, err
	}
	if rel, ok := parseRelative(target); ok && rel.symbol == "" && rel.down {
		if _, isID := g.pos[target]; !isID {
			return nil, errorf(ErrInvalidIdentifier, "migrations: cannot upgrade to %q: use downgrade", target)
		}
	}
	if br, rest, err := g.splitBranch(target); err != nil {
		return nil, err
	} else if rel, ok := parseRelative(rest); br != nil && ok && rel.symbol == "" && rel.down {
		return nil, errorf(ErrInvalidIdentifier, "migrations: cannot upgrade to %q: use downgrade", target)
	}
	targets, err := g.resolve(target, current, false)
	if err != nil {
		return nil, err
	}
	b := g.newBookkeeper(cur)
	want := g.closure(targets)
	var steps []Step
	for k, need := range want {
		if need && !b.applied[k] {
			steps = append(steps, b.up(k))
		}
	}
	return b.finish(steps), nil
}

// PlanDowngrade returns the steps that take a database whose version table
// holds current down to target, latest first: as in Alembic, the applied
// revisions that descend from target's children (through Revises, and
// through Depends On from there), so that target stays applied and
// branches that do not descend from it stay as they are; for "base", every
// applied revision. target is any Resolve form naming at most one revision
// except "+N"; "-N" walks N revisions down from the single current
// revision. A target that is not applied is ErrNotAncestor.
func (g *Graph) PlanDowngrade(current []string, target string) ([]Step, error) {
	cur, err := g.indexes(current)
	if err != nil {
		return nil, err
	}
	br, rest, err := g.splitBranch(target)
	if err != nil {
		return nil, err
	}
	rel, isRel := parseRelative(rest)
	if isRel && rel.symbol == "" && !rel.down {
		if _, isID := g.pos[target]; !isID {
			return nil, errorf(ErrInvalidIdentifier, "migrations: cannot downgrade to %q: use upgrade", target)
		}
	}
	// Which branch the downgrade keeps to: NAME@... keeps to NAME's, a
	// bare -N to the current head's own line (Alembic's rule: of the
	// revisions above the target, only those below that revision go, not
	// a sibling it merely depends on).
	keep := base
	if br != nil {
		keep = br.rev
	}
	var targets []int
	switch {
	case isRel && rel.symbol == "" && rel.down && br != nil:
		from, err := g.downStart(br, cur)
		if err != nil {
			return nil, err
		}
		k, err := g.walk(from, rel.steps, target, false)
		if err != nil {
			return nil, err
		}
		if k != base {
			targets = []int{k}
		}
	default:
		if isRel && rel.symbol == "" && rel.down && len(cur) == 1 {
			if _, isID := g.pos[target]; !isID {
				keep = cur[0]
			}
		}
		if targets, err = g.resolve(target, current, false); err != nil {
			return nil, err
		}
	}
	b := g.newBookkeeper(cur)
	var roots []int
	switch len(targets) {
	case 0:
		roots = g.indexesOf(g.bases)
	case 1:
		t := targets[0]
		if !b.applied[t] {
			at := "base"
			if len(cur) > 0 {
				at = strings.Join(g.idsOf(cur), ", ")
			}
			return nil, errorf(ErrNotAncestor, "migrations: cannot downgrade to %s: it is not applied (the database is at %s)", g.revs[t].ID, at)
		}
		roots = g.children[t]
	default:
		return nil, errorf(ErrMultipleHeads, "migrations: cannot downgrade to %q: it names several revisions (%s)", target, strings.Join(g.idsOf(targets), ", "))
	}
	if keep != base && len(roots) > 1 {
		line := g.ancestors(keep)
		var on []int
		for _, r := range roots {
			if line[r] {
				on = append(on, r)
			}
		}
		if len(on) == 0 {
			return nil, errorf(ErrNotAncestor, "migrations: cannot downgrade to %q: nothing above it is on the line of %s", target, g.revs[keep].ID)
		}
		roots = on
	}
	revert := g.descendants(roots, true)
	var steps []Step
	for k := len(g.revs) - 1; k >= 0; k-- {
		if revert[k] && b.applied[k] {
			steps = append(steps, b.down(k))
		}
	}
	return b.finish(steps), nil
}

// downStart is where NAME@-N walks down from: the database's revision on
// NAME's branch (one of the version table's rows, else one of the applied
// revisions no applied revision revises).
func (g *Graph) downStart(br *branch, cur []int) (int, error) {
	on := br.filter(cur)
	if len(on) == 0 {
		applied := g.closure(cur)
		for k, in := range applied {
			if !in || !br.lineage[k] {
				continue
			}
			tip := true
			for _, c := range g.children[k] {
				if applied[c] {
					tip = false
				}
			}
			if tip {
				on = append(on, k)
			}
		}
	}
	switch len(on) {
	case 0:
		return 0, errorf(ErrRelativeOutOfRange, "migrations: nothing of %s is applied", br.name)
	case 1:
		return on[0], nil
	}
	return 0, errorf(ErrMultipleHeads, "migrations: the database is at several revisions of %s (%s)", br.name, strings.Join(g.idsOf(on), ", "))
}

// PlanRevert returns the one step that reverts revision id, which must be
// applied with no applied revision above it: what finishes a partially
// applied downgrade of id whatever other branches the database holds.
func (g *Graph) PlanRevert(current []string, id string) ([]Step, error) {
	cur, err := g.indexes(current)
	if err != nil {
		return nil, err
	}
	k, ok := g.pos[id]
	if !ok {
		return nil, errorf(ErrUnknownRevision, "migrations: no revision %s", id)
	}
	b := g.newBookkeeper(cur)
	if !b.applied[k] || b.above[k] > 0 {
		return nil, errorf(ErrNotAncestor, "migrations: cannot revert %s alone: it is not an applied head", id)
	}
	return b.finish([]Step{b.down(k)}), nil
}

// PlanStamp returns the version-table rows to delete and insert so that
// the database is recorded at target's revisions, with Alembic's stamp
// semantics: a row that shares a line with a target (it is an ancestor or
// a descendant of it, through Revises and Depends On) is replaced by the
// target; rows of other branches stay ("base" deletes every row). current
// may hold ids that no revision declares (they are deleted); it must not
// for the relative forms and "current".
//
// Several targets (Alembic's `stamp REV REV`) record all of them: what a
// downgrade finished by hand leaves when the reverted revision had
// several parents, or other branches stay applied.
func (g *Graph) PlanStamp(current []string, target string, more ...string) (del, ins []string, err error) {
	var targets []int
	toBase := false
	for _, t := range append([]string{target}, more...) {
		ks, err := g.resolve(t, current, false)
		if err != nil {
			return nil, nil, err
		}
		if len(ks) == 0 {
			toBase = true
		}
		for _, k := range ks {
			if !slices.Contains(targets, k) {
				targets = append(targets, k)
			}
		}
	}
	related := make([]bool, len(g.revs))
	for _, k := range targets {
		for j, in := range g.closure([]int{k}) {
			related[j] = related[j] || in
		}
		for j, in := range g.descendants([]int{k}, true) {
			related[j] = related[j] || in
		}
	}
	want := make(map[string]bool, len(targets))
	for _, k := range targets {
		want[g.revs[k].ID] = true
	}
	have := make(map[string]bool, len(current))
	for _, id := range current {
		k, known := g.pos[id]
		if !want[id] && !have[id] && (toBase || !known || related[k]) {
			del = append(del, id)
		}
		have[id] = true
	}
	for _, k := range targets {
		if id := g.revs[k].ID; !have[id] {
			ins = append(ins, id)
		}
	}
	return del, ins, nil
}

// History returns revisions newest first (the reverse of Revisions). rng is
// empty for every revision, or Alembic's "START:END" with either side
// optional (START defaults to base, END to heads): the revisions that END
// needs, from START (included) up, START being an ancestor of END
// (ErrNotAncestor otherwise). Both sides take any Resolve form; "current"
// stands for current. As in Alembic, a START of "-N" counts N revisions down
// from END, an END of "+N" counts up from START, and relative walks stop at
// a head or at base instead of failing.
func (g *Graph) History(rng string, current []string) ([]*Revision, error) {
	if rng == "" {
		out := make([]*Revision, len(g.revs))
		for i, r := range g.revs {
			out[len(out)-1-i] = r
		}
		return out, nil
	}
	start, end, ok := strings.Cut(rng, ":")
	if !ok || strings.Contains(end, ":") {
		return nil, errorf(ErrInvalidIdentifier, "migrations: history range %q: want START:END, START: or :END", rng)
	}
	if start == "" {
		start = "base"
	}
	if end == "" {
		end = "heads"
	}
	startRel, startIsRel := parseRelative(start)
	startIsRel = startIsRel && startRel.symbol == ""
	endRel, endIsRel := parseRelative(end)
	endIsRel = endIsRel && endRel.symbol == ""
	if startIsRel && endIsRel {
		return nil, errorf(ErrInvalidIdentifier, "migrations: history range %q: at most one side can be relative", rng)
	}

	var lower, upper []int
	var err error
	if !startIsRel {
		if lower, err = g.resolve(start, current, true); err != nil {
			return nil, err
		}
	}
	if endIsRel {
		if endRel.down {
			return nil, errorf(ErrInvalidIdentifier, "migrations: history range %q: the end cannot be %q", rng, end)
		}
		from := base
		switch len(lower) {
		case 0:
		case 1:
			from = lower[0]
		default:
			return nil, errorf(ErrMultipleHeads, "migrations: history range %q: %q names several revisions (%s)", rng, start, strings.Join(g.idsOf(lower), ", "))
		}
		k, err := g.walk(from, endRel.steps, end, true)
		if err != nil {
			return nil, err
		}
		if k != base {
			upper = []int{k}
		}
	} else if upper, err = g.resolve(end, current, true); err != nil {
		return nil, err
	}
	if startIsRel {
		if !startRel.down {
			return nil, errorf(ErrInvalidIdentifier, "migrations: history range %q: the start cannot be %q", rng, start)
		}
		for _, u := range upper {
			k, err := g.walk(u, startRel.steps, start, true)
			if err != nil {
				return nil, err
			}
			if k != base && !containsInt(lower, k) {
				lower = append(lower, k)
			}
		}
	}

	if strings.Contains(start, "@") {
		// NAME@...:END keeps to the ENDs on NAME's branch (Alembic's
		// history -r NAME@base:heads).
		br, _, err := g.splitBranch(start)
		if err != nil {
			return nil, err
		}
		label := br.name
		if !br.isLabel {
			ls := g.labels
			if ls == nil || len(ls[br.rev]) != 1 {
				return nil, errorf(ErrInvalidIdentifier, "migrations: history range %q: %s has no single branch label to follow", rng, g.revs[br.rev].ID)
			}
			label = ls[br.rev][0]
		}
		var on []int
		for _, u := range upper {
			if g.hasLabel(u, label) {
				on = append(on, u)
			}
		}
		upper = on
	}
	required := g.closure(upper)
	for _, l := range lower {
		if !required[l] {
			to := "base"
			if len(upper) > 0 {
				to = strings.Join(g.idsOf(upper), ", ")
			}
			return nil, errorf(ErrNotAncestor, "migrations: history range %q: %s is not an ancestor of %s", rng, g.revs[l].ID, to)
		}
	}
	below := g.closure(lower)
	var from []bool
	if len(lower) > 0 {
		from = g.descendants(lower, false)
	}
	isLower := make([]bool, len(g.revs))
	for _, l := range lower {
		isLower[l] = true
	}
	var out []*Revision
	for k := len(g.revs) - 1; k >= 0; k-- {
		keep := required[k] && (!below[k] || isLower[k])
		if keep && from != nil {
			keep = from[k]
		}
		if keep {
			out = append(out, g.revs[k])
		}
	}
	return out, nil
}

// AppliedHeads returns, in topological order, the applied revisions that no
// applied revision revises: what Alembic's "current" prints. It differs from
// the version table's rows (current) only where Depends On links are
// involved: a revision that an applied revision merely depends on is listed
// too, as the tip of its own branch.
func (g *Graph) AppliedHeads(current []string) ([]string, error) {
	cur, err := g.indexes(current)
	if err != nil {
		return nil, err
	}
	applied := g.closure(cur)
	var out []string
	for k, ok := range applied {
		if !ok {
			continue
		}
		tip := true
		for _, c := range g.children[k] {
			if applied[c] {
				tip = false
				break
			}
		}
		if tip {
			out = append(out, g.revs[k].ID)
		}
	}
	return out, nil
}

// bookkeeper tracks the applied set and the version table's rows while a
// plan is built, to fill each step's DeleteHeads and InsertHeads.
type bookkeeper struct {
	g       *Graph
	applied []bool
	// above counts, for each applied revision, the applied revisions that
	// link to it; a revision is a head when its count is zero.
	above []int
	table map[int]bool // the rows of the version table, by index
	stale []string     // rows that are not heads, deleted by the first step
}

func (g *Graph) newBookkeeper(cur []int) *bookkeeper {
	b := &bookkeeper{g: g, applied: g.closure(cur), above: make([]int, len(g.revs)), table: make(map[int]bool, len(cur))}
	for k, ok := range b.applied {
		if ok {
			g.downLinks(k, func(p int) { b.above[p]++ })
		}
	}
	for _, k := range cur {
		if b.above[k] > 0 {
			b.stale = append(b.stale, g.revs[k].ID)
		} else {
			b.table[k] = true
		}
	}
	return b
}

// up applies k, whose down links are all applied.
func (b *bookkeeper) up(k int) Step {
	st := Step{Rev: b.g.revs[k], Up: true, InsertHeads: []string{b.g.revs[k].ID}}
	b.g.downLinks(k, func(p int) {
		if b.table[p] {
			st.DeleteHeads = append(st.DeleteHeads, b.g.revs[p].ID)
			delete(b.table, p)
		}
		b.above[p]++
	})
	b.applied[k] = true
	b.table[k] = true
	return st
}

// down reverts k, which no applied revision links to.
func (b *bookkeeper) down(k int) Step {
	st := Step{Rev: b.g.revs[k], Up: false}
	if b.table[k] {
		st.DeleteHeads = []string{b.g.revs[k].ID}
		delete(b.table, k)
	}
	b.applied[k] = false
	b.g.downLinks(k, func(p int) {
		if b.above[p]--; b.above[p] == 0 && !b.table[p] {
			st.InsertHeads = append(st.InsertHeads, b.g.revs[p].ID)
			b.table[p] = true
		}
	})
	return st
}

// finish adds the stale rows to the first step.
func (b *bookkeeper) finish(steps []Step) []Step {
	if len(steps) > 0 && len(b.stale) > 0 {
		steps[0].DeleteHeads = append(slices.Clone(b.stale), steps[0].DeleteHeads...)
	}
	return steps
}
