package migrations

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// The runner's tests build revisions and plans by hand, so that they do not
// depend on the parser or the planner.

// rtRev returns a revision whose statements start on lines 10, 11, ...
// (upgrade) and 30, 31, ... (downgrade), with a checksum over its content.
func rtRev(id, msg string, parents []string, up, down []string) *Revision {
	r := &Revision{ID: id, Message: msg, Parents: parents, Path: "versions/" + id + "_" + strings.ReplaceAll(msg, " ", "_") + ".sql"}
	for i, s := range up {
		r.Upgrade = append(r.Upgrade, Statement{SQL: s, Line: 10 + i})
	}
	for i, s := range down {
		r.Downgrade = append(r.Downgrade, Statement{SQL: s, Line: 30 + i})
	}
	r.Checksum = rtChecksum(r)
	return r
}

func rtChecksum(r *Revision) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%v\x00", r.ID, r.Message, r.Parents)
	for _, s := range r.Upgrade {
		fmt.Fprintf(h, "u%d:%s\x00", s.Line, s.SQL)
	}
	for _, s := range r.Downgrade {
		fmt.Fprintf(h, "d%d:%s\x00", s.Line, s.SQL)
	}
	fmt.Fprintf(h, "%v%v%v", r.Warnings, r.UpgradeNoTx, r.DowngradeNoTx)
	return hex.EncodeToString(h.Sum(nil))
}

// rtEdit returns a copy of r whose upgrade statement i (0-based) is
// replaced by sql, as if the user edited the file.
func rtEdit(r *Revision, i int, sql string) *Revision {
	c := *r
	c.Upgrade = slices.Clone(r.Upgrade)
	c.Upgrade[i].SQL = sql
	c.Checksum = rtChecksum(&c)
	return &c
}

func rtMark(rev string) string { return fmt.Sprintf("INSERT INTO marks (rev) VALUES ('%s')", rev) }

// rtHistory is a branched and merged history valid on every dialect:
//
//	r1 -> r2 -> r3a -> r4
//	        \-> r3b -/
//
// Each revision inserts one row per statement group into marks.
type rtHistory struct {
	r1, r2, r3a, r3b, r4 *Revision
}

func newRTHistory() *rtHistory {
	return &rtHistory{
		r1: rtRev("r1", "create marks", nil,
			[]string{"CREATE TABLE marks (rev varchar(64) NOT NULL)", rtMark("r1"), "CREATE TABLE t1 (id integer PRIMARY KEY)"},
			[]string{"DROP TABLE t1", "DROP TABLE marks"}),
		r2: rtRev("r2", "add t2", []string{"r1"},
			[]string{"CREATE TABLE t2 (id integer PRIMARY KEY)", rtMark("r2"), rtMark("r2b")},
			[]string{"DELETE FROM marks WHERE rev IN ('r2', 'r2b')", "DROP TABLE t2"}),
		r3a: rtRev("r3a", "branch a", []string{"r2"},
			[]string{"CREATE TABLE t3a (id integer PRIMARY KEY)", rtMark("r3a")},
			[]string{"DELETE FROM marks WHERE rev = 'r3a'", "DROP TABLE t3a"}),
		r3b: rtRev("r3b", "branch b", []string{"r2"},
			[]string{"CREATE TABLE t3b (id integer PRIMARY KEY)", rtMark("r3b")},
			[]string{"DELETE FROM marks WHERE rev = 'r3b'", "DROP TABLE t3b"}),
		r4: rtRev("r4", "merge", []string{"r3a", "r3b"},
			[]string{rtMark("r4")},
			[]string{"DELETE FROM marks WHERE rev = 'r4'"}),
	}
}

func (h *rtHistory) revs() []*Revision { return []*Revision{h.r1, h.r2, h.r3a, h.r3b, h.r4} }

// up returns the upgrade steps from base to r4.
func (h *rtHistory) up() []Step {
	return []Step{
		{Rev: h.r1, Up: true, InsertHeads: []string{"r1"}},
		{Rev: h.r2, Up: true, DeleteHeads: []string{"r1"}, InsertHeads: []string{"r2"}},
		{Rev: h.r3a, Up: true, DeleteHeads: []string{"r2"}, InsertHeads: []string{"r3a"}},
		{Rev: h.r3b, Up: true, InsertHeads: []string{"r3b"}},
		{Rev: h.r4, Up: true, DeleteHeads: []string{"r3a", "r3b"}, InsertHeads: []string{"r4"}},
	}
}

// down returns the downgrade steps from r4 to base.
func (h *rtHistory) down() []Step {
	up := h.up()
	var out []Step
	for i := len(up) - 1; i >= 0; i-- {
		s := up[i]
		out = append(out, Step{Rev: s.Rev, Up: false, DeleteHeads: s.InsertHeads, InsertHeads: s.DeleteHeads})
	}
	// Reverting r3b after r4 leaves r3a alone as head: nothing to re-insert.
	return out
}

// rtPlanner plans along a fixed path of steps starting at the heads
// start: it returns the steps left after the stored heads.
func rtPlanner(start []string, steps []Step) Planner {
	return func(current []string) ([]Step, error) {
		heads := slices.Clone(start)
		for i := 0; ; i++ {
			if rtSameSet(heads, current) {
				return steps[i:], nil
			}
			if i == len(steps) {
				return nil, fmt.Errorf("test planner: heads %v are not on the path", current)
			}
			heads = rtApply(heads, steps[i].DeleteHeads, steps[i].InsertHeads)
		}
	}
}

func rtApply(heads, del, ins []string) []string {
	var out []string
	for _, h := range heads {
		if !slices.Contains(del, h) {
			out = append(out, h)
		}
	}
	return append(out, ins...)
}

func rtSameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}

// count runs a COUNT(*) query.
func rtCount(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// rtTableExists reports whether a table can be read.
func rtTableExists(t *testing.T, db *sql.DB, name string) bool {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), "SELECT 1 FROM "+name)
	if err != nil {
		if isMissingTable(err) {
			return false
		}
		t.Fatalf("read %s: %v", name, err)
	}
	rows.Close()
	return true
}

func rtHeads(t *testing.T, r *Runner) []string {
	t.Helper()
	st, err := r.State(context.Background())
	if err != nil {
		t.Fatalf("State: %v", err)
	}
	return st.Heads
}

func rtMarks(t *testing.T, db *sql.DB, rev string) int {
	t.Helper()
	return rtCount(t, db, fmt.Sprintf("SELECT COUNT(*) FROM marks WHERE rev = '%s'", rev))
}

func rtOpts(d dialect.Name) RunnerOptions {
	return RunnerOptions{Dialect: d, VersionTable: "retort_version"}
}
