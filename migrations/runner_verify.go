package migrations

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// The kinds of Tamper.
const (
	// TamperEdited: the file's checksum differs from the one it was
	// applied with.
	TamperEdited = "edited"
	// TamperDeleted: the revision is applied but no file has its id.
	TamperDeleted = "deleted"
	// TamperReordered: the file's Revises: header names other parents than
	// when it was applied (its checksum changed too).
	TamperReordered = "reordered"
)

// Tamper is an applied revision whose file no longer matches what was
// applied.
type Tamper struct {
	Revision string
	Kind     string // TamperEdited, TamperDeleted or TamperReordered
	// Path is the file now, or as applied for a deleted one.
	Path string
	// Applied and Current are the checksums as applied and of the file now
	// ("" for a deleted file).
	Applied, Current string
	// AppliedParents and CurrentParents are the parents as applied and in
	// the file now (for TamperReordered).
	AppliedParents, CurrentParents []string
}

func (t Tamper) String() string {
	switch t.Kind {
	case TamperDeleted:
		return fmt.Sprintf("%s: revision %s is applied but its file was deleted", t.Path, t.Revision)
	case TamperReordered:
		return fmt.Sprintf("%s: revision %s was moved after it was applied: it revises %s, it was applied revising %s",
			t.Path, t.Revision, parentsText(t.CurrentParents), parentsText(t.AppliedParents))
	}
	return fmt.Sprintf("%s: revision %s was edited after it was applied (checksum %s, applied as %s)",
		t.Path, t.Revision, shortSum(t.Current), shortSum(t.Applied))
}

func parentsText(p []string) string {
	if len(p) == 0 {
		return "<base>"
	}
	return strings.Join(p, ", ")
}

// Verify compares the applied revisions with their files in revs (all
// known revisions): it reports each applied revision whose file was edited,
// deleted or given other parents since it was applied, sorted by revision.
// An applied revision is one the version table holds as a head, or an
// ancestor of one (through the parents recorded when it was applied, or
// else those of its file), whose newest run was an upgrade. Revisions
// recorded by a stamp only have no checksum to compare; they count as
// deleted when no file has their id. Verify takes no lock and writes
// nothing; a database without a version table has nothing to verify.
func (r *Runner) Verify(ctx context.Context, revs []*Revision) ([]Tamper, error) {
	if err := r.vt.check(); err != nil {
		return nil, err
	}
	heads, exists, err := r.vt.heads(ctx, r.db)
	if err != nil || !exists {
		return nil, err
	}
	runs, err := r.vt.applied(ctx, r.db)
	if err != nil {
		return nil, err
	}
	files := make(map[string]*Revision, len(revs))
	for _, rev := range revs {
		files[rev.ID] = rev
	}
	var out []Tamper
	seen := map[string]bool{}
	queue := slices.Clone(heads)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		run := runs[id]
		if run != nil && run.Direction == dirDown {
			continue // reverted since, and not in the applied set
		}
		file := files[id]
		var recorded []string
		known := run != nil && run.Direction == dirUp && run.Parents != ""
		if known && run.Parents != "base" {
			recorded = strings.Split(run.Parents, ",")
		}
		switch {
		case file == nil:
			path := ""
			if run != nil {
				path = run.Path
			}
			out = append(out, Tamper{Revision: id, Kind: TamperDeleted, Path: path})
		case known && !sameSet(recorded, file.Parents):
			out = append(out, Tamper{Revision: id, Kind: TamperReordered, Path: file.Path,
				Applied: run.Checksum, Current: file.Checksum, AppliedParents: recorded, CurrentParents: file.Parents})
		case run != nil && run.Direction == dirUp && run.Checksum != "" && file.Checksum != "" && run.Checksum != file.Checksum:
			out = append(out, Tamper{Revision: id, Kind: TamperEdited, Path: file.Path,
				Applied: run.Checksum, Current: file.Checksum})
		}
		// Walk on through what was applied, else what the file says.
		next := recorded
		if !known && file != nil {
			next = file.Parents
		}
		queue = append(queue, next...)
		if file != nil {
			queue = append(queue, file.DependsOn...)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Revision < out[j].Revision })
	return out, nil
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}
