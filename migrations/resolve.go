package migrations

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// base stands for "no revision" where walks and resolutions return a
// single revision index.
const base = -1

// Resolve turns a revision identifier into revision ids (none for base).
// current is the database's heads, used by the relative forms and
// "current". The grammar is Alembic's:
//
//   - "heads": every head, including on branches joined only by Depends On
//     (the revisions nothing revises or depends on);
//   - "head": the single head; ErrMultipleHeads naming them when there are
//     several (a caller that accepts several uses Heads or "heads");
//   - "base": no revision (an empty result);
//   - "current": the ids in current;
//   - a full id, or a prefix of exactly one id (any length, at least one
//     character; ErrAmbiguousRevision lists the candidates when several
//     match, ErrUnknownRevision when none does). A full id wins over a
//     prefix, so id "ab" stays reachable next to "abc";
//   - "+N" and "-N": N steps up (through children) or down (through
//     parents) from the single current revision ("+N" starts at base when
//     current is empty); ErrMultipleHeads when current has several;
//   - "REV+N" and "REV-N": N steps from REV, which is any of the forms
//     above that names one revision, or base ("base+2").
//
// A step up from a branch point or from base with several bases, or down
// from a merge point, is ErrAmbiguousWalk; a walk past a head or below base
// is ErrRelativeOutOfRange. Since ids may contain "-", an id that looks
// like "REV-N" is matched as an id or id prefix when REV itself names no
// revision. "START:END" ranges are for History or the caller to split.
func (g *Graph) Resolve(ident string, current []string) ([]string, error) {
	ks, err := g.resolve(ident, current, false)
	if err != nil {
		return nil, err
	}
	return g.idsOf(ks), nil
}

// relative is a parsed "[SYMBOL]+N" or "[SYMBOL]-N" identifier.
type relative struct {
	symbol string
	steps  int  // signed
	down   bool // the sign is "-" (also for -0)
}

// parseRelative splits ident into its symbol and steps if it ends in +N or
// -N.
func parseRelative(ident string) (relative, bool) {
	i := len(ident)
	for i > 0 && ident[i-1] >= '0' && ident[i-1] <= '9' {
		i--
	}
	if i == len(ident) || i == 0 || (ident[i-1] != '+' && ident[i-1] != '-') {
		return relative{}, false
	}
	n, err := strconv.Atoi(ident[i:])
	if err != nil { // too many digits
		n = int(^uint(0) >> 1)
	}
	down := ident[i-1] == '-'
	if down {
		n = -n
	}
	return relative{symbol: ident[:i-1], steps: n, down: down}, true
}

// resolve is Resolve by index. With clamp, walks stop at the last head or
// at base instead of failing (History's behaviour, as in Alembic).
func (g *Graph) resolve(ident string, current []string, clamp bool) ([]int, error) {
	if ident == "" {
		return nil, errorf(ErrInvalidIdentifier, "migrations: empty revision identifier")
	}
	if strings.ContainsAny(ident, ": \t\n") {
		return nil, errorf(ErrInvalidIdentifier, "migrations: invalid revision identifier %q", ident)
	}
	if strings.Contains(ident, "@") {
		b, rest, err := g.splitBranch(ident)
		if err != nil {
			return nil, err
		}
		return g.resolveOnBranch(b, rest, ident, current, clamp)
	}
	if k, ok := g.pos[ident]; ok {
		return []int{k}, nil
	}
	rel, ok := parseRelative(ident)
	if !ok {
		return g.resolvePlain(ident, current)
	}
	var start int
	if rel.symbol == "" {
		cur, err := g.indexes(current)
		if err != nil {
			return nil, err
		}
		switch {
		case len(cur) > 1:
			return nil, errorf(ErrMultipleHeads, "migrations: relative revision %q is ambiguous: the database is at several heads (%s); use REV%s",
				ident, strings.Join(g.idsOf(cur), ", "), ident)
		case len(cur) == 1:
			start = cur[0]
		case rel.steps > 0:
			start = base
		default:
			return nil, errorf(ErrRelativeOutOfRange, "migrations: relative revision %q walks below base: the database is at base", ident)
		}
	} else {
		ks, err := g.resolvePlain(rel.symbol, current)
		if err != nil {
			// An id may contain "-": try ident itself as a prefix.
			if ks2, err2 := g.resolvePlain(ident, current); err2 == nil {
				return ks2, nil
			}
			return nil, err
		}
		switch len(ks) {
		case 0:
			start = base
		case 1:
			start = ks[0]
		default:
			return nil, errorf(ErrMultipleHeads, "migrations: %q names several revisions (%s); %q needs one",
				rel.symbol, strings.Join(g.idsOf(ks), ", "), ident)
		}
	}
	k, err := g.walk(start, rel.steps, ident, clamp)
	if err != nil {
		return nil, err
	}
	if k == base {
		return nil, nil
	}
	return []int{k}, nil
}

// resolvePlain resolves the forms without +N/-N.
func (g *Graph) resolvePlain(ident string, current []string) ([]int, error) {
	switch ident {
	case "base":
		return nil, nil
	case "heads":
		return g.indexesOf(g.realHeads), nil
	case "head":
		switch len(g.heads) {
		case 0:
			return nil, nil
		case 1:
			return []int{g.pos[g.heads[0]]}, nil
		}
		return nil, errorf(ErrMultipleHeads, "migrations: multiple heads (%s); name one of them, or use \"heads\"", strings.Join(g.heads, ", "))
	case "current":
		return g.indexes(current)
	}
	if k, ok := g.pos[ident]; ok {
		return []int{k}, nil
	}
	ids := g.sortedIDs()
	lo := sort.SearchStrings(ids, ident)
	hi := lo
	for hi < len(ids) && strings.HasPrefix(ids[hi], ident) {
		hi++
		if hi-lo > 5 {
			break
		}
	}
	switch hi - lo {
	case 0:
		return nil, errorf(ErrUnknownRevision, "migrations: revision %q not found", ident)
	case 1:
		return []int{g.pos[ids[lo]]}, nil
	}
	cands := ids[lo:min(hi, lo+5)]
	more := ""
	if hi-lo > 5 {
		more = ", ..."
	}
	return nil, errorf(ErrAmbiguousRevision, "migrations: revision prefix %q is ambiguous: it matches %s%s", ident, strings.Join(cands, ", "), more)
}

// indexes converts the database's heads to indexes, failing for an id that
// no revision file declares.
func (g *Graph) indexes(current []string) ([]int, error) {
	out := make([]int, 0, len(current))
	for _, id := range current {
		k, ok := g.pos[id]
		if !ok {
			return nil, errorf(ErrUnknownRevision, "migrations: the database is at revision %q, which no revision file declares", id)
		}
		if !containsInt(out, k) {
			out = append(out, k)
		}
	}
	return out, nil
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (g *Graph) indexesOf(ids []string) []int {
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = g.pos[id]
	}
	return out
}

// walk moves steps revisions up (steps > 0, through children) or down
// (through parents) from start, as Alembic's walk does.
func (g *Graph) walk(start, steps int, ident string, clamp bool) (int, error) {
	k := start
	up := steps > 0
	n := steps
	if !up {
		n = -steps
	}
	for done := 0; done < n; done++ {
		var next []int
		switch {
		case up && k == base:
			next = g.indexesOf(g.bases)
		case up:
			next = g.children[k]
		case k == base:
			if clamp {
				return base, nil
			}
			return 0, errorf(ErrRelativeOutOfRange, "migrations: relative revision %q walks below base after %s", ident, plural(done, "step"))
		default:
			next = g.parents[k]
			if len(next) == 0 {
				k = base
				continue
			}
		}
		switch {
		case len(next) == 0:
			if clamp {
				return k, nil
			}
			return 0, errorf(ErrRelativeOutOfRange, "migrations: relative revision %q walks past head %s after %s", ident, g.revs[k].ID, plural(done, "step"))
		case len(next) > 1:
			var why string
			switch {
			case up && k == base:
				why = fmt.Sprintf("there are several bases (%s)", strings.Join(g.idsOf(next), ", "))
			case up:
				why = fmt.Sprintf("%s is a branch point (%s revise it)", g.revs[k].ID, strings.Join(g.idsOf(next), ", "))
			default:
				why = fmt.Sprintf("%s is a merge point (it revises %s)", g.revs[k].ID, strings.Join(g.idsOf(next), ", "))
			}
			return 0, errorf(ErrAmbiguousWalk, "migrations: relative revision %q is ambiguous: %s", ident, why)
		}
		k = next[0]
	}
	return k, nil
}
