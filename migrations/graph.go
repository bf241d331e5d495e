package migrations

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Graph is the revision graph, with Alembic's vocabulary:
//
//   - a revision's parents are its Revises entries and its children the
//     revisions that revise it; Depends On entries are further links that
//     order revisions (a revision is applied after what it depends on and
//     reverted before it) but do not make branch points or heads;
//   - a head is a revision that no revision revises, a base one that revises
//     nothing, a branch point one that several revisions revise, a merge
//     point one that revises several.
//
// A Graph is immutable and safe for concurrent use.
type Graph struct {
	revs []*Revision    // topological order: a revision after everything it links to
	pos  map[string]int // id -> index in revs
	// By index in revs, each sorted by index:
	parents    [][]int // Revises
	deps       [][]int // Depends On, without entries that are also parents
	children   [][]int // revisions whose Revises name this one
	dependents [][]int // revisions whose Depends On names this one (and not Revises)

	ids          []string // all ids, sorted on the first prefix lookup
	idsSorted    sync.Once
	heads        []string // no children
	realHeads    []string // no children and no dependents
	bases        []string
	branchPoints []string

	labels   [][]string     // by index: the branch labels that apply (labels.go); nil without labels
	labelRev map[string]int // label -> the revision that declares it
}

// NewGraph builds the graph of revs. It fails with a *FileError (wrapping
// ErrDuplicateRevision, ErrUnknownRevision or ErrCycle) when two revisions
// have the same id, a Revises or Depends On entry names no revision, or the
// links form a cycle. revs are not modified.
func NewGraph(revs []*Revision) (*Graph, error) {
	return newGraph(revs, nil)
}

// sortKey orders revisions that the links leave unordered: by creation
// date, then id.
func sortKey(a, b *Revision) int {
	if c := strings.Compare(a.Created, b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// newGraph builds the graph of in; poss, when given, are the header
// lines of each revision, for errors. It indexes the ids, resolves the
// links, orders the revisions and lays the graph out in that order.
func newGraph(in []*Revision, poss []headerPos) (*Graph, error) {
	line := func(i int, f func(headerPos) int) int {
		if poss == nil {
			return 0
		}
		return f(poss[i])
	}
	byID, err := indexIDs(in, line)
	if err != nil {
		return nil, err
	}
	parents, deps, err := resolveLinks(in, byID, line)
	if err != nil {
		return nil, err
	}
	order, waiting := topoOrder(in, parents, deps)
	if len(order) < len(in) {
		return nil, cycleError(in, parents, deps, waiting, poss)
	}
	g, at := layOut(in, byID, order, parents, deps)
	if err := g.computeLabels(poss, at); err != nil {
		return nil, err
	}
	return g, nil
}

// indexIDs maps each id to its index in in, refusing duplicates.
func indexIDs(in []*Revision, line func(int, func(headerPos) int) int) (map[string]int, error) {
	byID := make(map[string]int, len(in))
	for i, r := range in {
		if r == nil {
			return nil, fmt.Errorf("migrations: nil revision at index %d", i)
		}
		if j, dup := byID[r.ID]; dup {
			where := in[j].Path
			if l := line(j, func(h headerPos) int { return h.id }); l > 0 {
				where = fmt.Sprintf("%s:%d", where, l)
			}
			return nil, fileErrorf(r.Path, line(i, func(h headerPos) int { return h.id }), ErrDuplicateRevision,
				"duplicate revision %s (also declared in %s)", r.ID, where)
		}
		byID[r.ID] = i
	}
	return byID, nil
}

// resolveLinks turns each revision's Revises and Depends On into input
// indexes (a Depends On entry that is also a parent counted once),
// refusing a name no revision has. Each kind of list is carved from one
// array (carve).
func resolveLinks(in []*Revision, byID map[string]int, line func(int, func(headerPos) int) int) (parents, deps [][]int, err error) {
	total := 0
	for _, r := range in {
		total += len(r.Parents) + len(r.DependsOn)
	}
	backing := make([]int, total)
	parents, deps = make([][]int, len(in)), make([][]int, len(in))
	for i, r := range in {
		parents[i] = backing[:0:len(r.Parents)]
		backing = backing[len(r.Parents):]
		for _, p := range r.Parents {
			j, ok := byID[p]
			if !ok {
				return nil, nil, fileErrorf(r.Path, line(i, func(h headerPos) int { return h.revises }), ErrUnknownRevision,
					"revision %s revises %q, which is not a known revision", r.ID, p)
			}
			if !slices.Contains(parents[i], j) {
				parents[i] = append(parents[i], j)
			}
		}
		deps[i] = backing[:0:len(r.DependsOn)]
		backing = backing[len(r.DependsOn):]
		for _, p := range r.DependsOn {
			j, ok := byID[p]
			if !ok {
				return nil, nil, fileErrorf(r.Path, line(i, func(h headerPos) int { return h.dependsOn }), ErrUnknownRevision,
					"revision %s depends on %q, which is not a known revision", r.ID, p)
			}
			if !slices.Contains(parents[i], j) && !slices.Contains(deps[i], j) {
				deps[i] = append(deps[i], j)
			}
		}
	}
	return parents, deps, nil
}

// topoOrder orders the revisions so that each comes after everything it
// links to, those the links leave unordered by sortKey. A stack rather
// than a queue keeps each branch in one piece: a revision's first child
// comes right after it. Fewer than all in the order means a cycle; waiting
// then says which revisions it holds.
func topoOrder(in []*Revision, parents, deps [][]int) (order, waiting []int) {
	n := len(in)
	waiting = make([]int, n)
	upCount := make([]int, n)
	total := 0
	for i := range in {
		for _, j := range parents[i] {
			upCount[j]++
		}
		for _, j := range deps[i] {
			upCount[j]++
		}
		waiting[i] = len(parents[i]) + len(deps[i])
		total += waiting[i]
	}
	// Up links (children and dependents together), each sorted by sortKey.
	up := carve(upCount, total)
	for i := range in {
		for _, j := range parents[i] {
			up[j] = append(up[j], i)
		}
		for _, j := range deps[i] {
			up[j] = append(up[j], i)
		}
	}
	byKey := func(a, b int) int { return sortKey(in[a], in[b]) }
	for i := range up {
		if len(up[i]) > 1 {
			slices.SortFunc(up[i], byKey)
		}
	}
	var stack []int
	for i := range in {
		if waiting[i] == 0 {
			stack = append(stack, i)
		}
	}
	slices.SortFunc(stack, func(a, b int) int { return byKey(b, a) }) // smallest on top
	order = make([]int, 0, n)
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		order = append(order, i)
		for k := len(up[i]) - 1; k >= 0; k-- {
			j := up[i][k]
			if waiting[j]--; waiting[j] == 0 {
				stack = append(stack, j)
			}
		}
	}
	return order, waiting
}

// layOut builds the graph with its revisions in order, the links by
// position, and the heads, bases and branch points; at maps an input
// index to its position.
func layOut(in []*Revision, byID map[string]int, order []int, parents, deps [][]int) (*Graph, []int) {
	n := len(in)
	g := &Graph{
		revs: make([]*Revision, n),
		pos:  byID, // its values become positions
		ids:  make([]string, n),
	}
	at := make([]int, n)
	for k, i := range order {
		at[i] = k
		g.revs[k] = in[i]
		g.pos[in[i].ID] = k
		g.ids[k] = in[i].ID
	}
	remap := func(links [][]int) [][]int {
		counts := make([]int, n)
		total := 0
		for k, i := range order {
			counts[k] = len(links[i])
			total += counts[k]
		}
		out := carve(counts, total)
		for k, i := range order {
			for _, j := range links[i] {
				out[k] = append(out[k], at[j])
			}
			slices.Sort(out[k])
		}
		return out
	}
	g.parents, g.deps = remap(parents), remap(deps)
	invert := func(links [][]int) [][]int {
		counts := make([]int, n)
		total := 0
		for _, l := range links {
			for _, p := range l {
				counts[p]++
				total++
			}
		}
		out := carve(counts, total)
		for k, l := range links {
			for _, p := range l {
				out[p] = append(out[p], k)
			}
		}
		return out
	}
	g.children, g.dependents = invert(g.parents), invert(g.deps)
	for k, r := range g.revs {
		if len(g.children[k]) == 0 {
			g.heads = append(g.heads, r.ID)
			if len(g.dependents[k]) == 0 {
				g.realHeads = append(g.realHeads, r.ID)
			}
		}
		if len(g.parents[k]) == 0 {
			g.bases = append(g.bases, r.ID)
		}
		if len(g.children[k]) > 1 {
			g.branchPoints = append(g.branchPoints, r.ID)
		}
	}
	return g, at
}

// sortedIDs returns every id, sorted, for prefix lookups.
func (g *Graph) sortedIDs() []string {
	g.idsSorted.Do(func() { slices.Sort(g.ids) })
	return g.ids
}

// carve returns lists of room counts[i] each, empty, carved from one array
// of total; a list with no room is nil.
func carve(counts []int, total int) [][]int {
	backing := make([]int, total)
	out := make([][]int, len(counts))
	for i, c := range counts {
		if c > 0 {
			out[i] = backing[:0:c]
			backing = backing[c:]
		}
	}
	return out
}

// cycleError describes one cycle among the revisions that the topological
// sort could not place (those still waiting). Each of them waits for at
// least one other such revision, so following those links must loop.
func cycleError(in []*Revision, parents, deps [][]int, waiting []int, poss []headerPos) error {
	startAt := -1
	for i := range in {
		if waiting[i] > 0 && (startAt < 0 || in[i].ID < in[startAt].ID) {
			startAt = i
		}
	}
	next := func(i int) (int, bool) {
		for _, j := range parents[i] {
			if waiting[j] > 0 {
				return j, true
			}
		}
		for _, j := range deps[i] {
			if waiting[j] > 0 {
				return j, false
			}
		}
		panic("migrations: cycleError: no waiting link")
	}
	seen := map[int]int{} // index -> position in path
	var path []int
	for i := startAt; ; {
		if k, ok := seen[i]; ok {
			path = path[k:]
			break
		}
		seen[i] = len(path)
		path = append(path, i)
		i, _ = next(i)
	}
	// Start the cycle at its smallest id, so the message does not depend on
	// where the walk entered it.
	first := 0
	for k, i := range path {
		if in[i].ID < in[path[first]].ID {
			first = k
		}
	}
	path = append(path[first:], path[:first]...)
	var b strings.Builder
	for _, i := range path {
		b.WriteString(in[i].ID)
		if _, viaParent := next(i); viaParent {
			b.WriteString(" revises ")
		} else {
			b.WriteString(" depends on ")
		}
	}
	b.WriteString(in[path[0]].ID)
	i := path[0]
	line := 0
	if poss != nil {
		if _, viaParent := next(i); viaParent {
			line = poss[i].revises
		} else {
			line = poss[i].dependsOn
		}
	}
	return fileErrorf(in[i].Path, line, ErrCycle, "revision cycle: %s", b.String())
}

// Revisions returns every revision in topological order: a revision comes
// after the revisions it revises and depends on. Revisions the links leave
// unordered come by Create Date, then id, and a branch stays in one piece,
// so the order depends only on the files' contents.
func (g *Graph) Revisions() []*Revision { return slices.Clone(g.revs) }

// Get returns the revision with exactly this id, or nil.
func (g *Graph) Get(id string) *Revision {
	if k, ok := g.pos[id]; ok {
		return g.revs[k]
	}
	return nil
}

// Heads returns the revisions no revision revises, in topological order.
// A revision that others only depend on is still a head (as in Alembic).
func (g *Graph) Heads() []string { return slices.Clone(g.heads) }

// Bases returns the revisions that revise nothing, in topological order.
func (g *Graph) Bases() []string { return slices.Clone(g.bases) }

// BranchPoints returns the revisions that more than one revision revises,
// in topological order. Depends On links do not count.
func (g *Graph) BranchPoints() []string { return slices.Clone(g.branchPoints) }

// IsBranchPoint reports whether more than one revision revises id.
func (g *Graph) IsBranchPoint(id string) bool {
	k, ok := g.pos[id]
	return ok && len(g.children[k]) > 1
}

// IsMergePoint reports whether id revises more than one revision.
func (g *Graph) IsMergePoint(id string) bool {
	k, ok := g.pos[id]
	return ok && len(g.parents[k]) > 1
}

// IsEffectiveHead reports whether no revision revises id but some revision
// depends on it: Alembic's "(effective head)", a head that "heads" (the
// real heads) leaves out.
func (g *Graph) IsEffectiveHead(id string) bool {
	k, ok := g.pos[id]
	return ok && len(g.children[k]) == 0 && len(g.dependents[k]) > 0
}

// RealHeads returns the heads that no revision depends on either (what
// "heads" resolves to), in topological order.
func (g *Graph) RealHeads() []string { return slices.Clone(g.realHeads) }

// IsHead reports whether no revision revises id.
func (g *Graph) IsHead(id string) bool {
	k, ok := g.pos[id]
	return ok && len(g.children[k]) == 0
}

// Children returns the revisions that revise id, in topological order (nil
// for an unknown id).
func (g *Graph) Children(id string) []string {
	k, ok := g.pos[id]
	if !ok {
		return nil
	}
	return g.idsOf(g.children[k])
}

// Dependents returns the revisions that depend on id (through Depends On
// only), in topological order.
func (g *Graph) Dependents(id string) []string {
	k, ok := g.pos[id]
	if !ok {
		return nil
	}
	return g.idsOf(g.dependents[k])
}

// Len returns the number of revisions.
func (g *Graph) Len() int { return len(g.revs) }

func (g *Graph) idsOf(ks []int) []string {
	if len(ks) == 0 {
		return nil
	}
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = g.revs[k].ID
	}
	return out
}

// downLinks calls f for each revision k links to (parents, then
// dependencies).
func (g *Graph) downLinks(k int, f func(int)) {
	for _, p := range g.parents[k] {
		f(p)
	}
	for _, p := range g.deps[k] {
		f(p)
	}
}

// closure returns the set (by index) of the revisions ks and everything
// they reach through Revises and Depends On.
func (g *Graph) closure(ks []int) []bool {
	in := make([]bool, len(g.revs))
	stack := slices.Clone(ks)
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if in[k] {
			continue
		}
		in[k] = true
		g.downLinks(k, func(p int) {
			if !in[p] {
				stack = append(stack, p)
			}
		})
	}
	return in
}

// descendants returns the set of the revisions ks and everything that
// reaches them, through Revises only or (deps) through Depends On too.
func (g *Graph) descendants(ks []int, deps bool) []bool {
	in := make([]bool, len(g.revs))
	stack := slices.Clone(ks)
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if in[k] {
			continue
		}
		in[k] = true
		stack = append(stack, g.children[k]...)
		if deps {
			stack = append(stack, g.dependents[k]...)
		}
	}
	return in
}
