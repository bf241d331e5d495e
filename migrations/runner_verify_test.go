package migrations

import (
	"context"
	"slices"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

func TestRunnerVerify(t *testing.T) {
	ctx := context.Background()
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			db := testdb.New(t, d)
			r := NewRunner(db.DB, rtOpts(d))
			h := newRTHistory()
			if got, err := r.Verify(ctx, h.revs()); err != nil || len(got) != 0 {
				t.Fatalf("Verify before any run = %v, %v", got, err)
			}
			if err := r.Run(ctx, h.revs(), rtPlanner(nil, h.up())); err != nil {
				t.Fatal(err)
			}
			if got, err := r.Verify(ctx, h.revs()); err != nil || len(got) != 0 {
				t.Fatalf("Verify of unchanged files = %v, %v", got, err)
			}
			edited := rtEdit(h.r2, 0, "CREATE TABLE t2 (id bigint PRIMARY KEY)")
			moved := *h.r3a
			moved.Parents = []string{"r1"}
			moved.Checksum = rtChecksum(&moved)
			revs := []*Revision{h.r1, edited, &moved, h.r3b} // r4 deleted
			got, err := r.Verify(ctx, revs)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, tp := range got {
				kinds = append(kinds, tp.Revision+" "+tp.Kind)
				t.Log(tp)
			}
			want := []string{"r2 edited", "r3a reordered", "r4 deleted"}
			if !slices.Equal(kinds, want) {
				t.Fatalf("Verify = %v, want %v", kinds, want)
			}
			if got[2].Path != h.r4.Path || !slices.Equal(got[1].AppliedParents, []string{"r2"}) {
				t.Errorf("Verify details: %+v", got)
			}

			// A log made before the parents column: the next run adds it,
			// and edits are still found.
			vt := newVersionTable(d, "retort_version")
			if _, err := db.ExecContext(ctx, "ALTER TABLE "+vt.q(vt.log)+" DROP COLUMN "+vt.q("parents")); err != nil {
				t.Fatal(err)
			}
			if err := r.Run(ctx, h.revs(), rtPlanner(nil, h.up())); err != nil {
				t.Fatal(err)
			}
			got, err = r.Verify(ctx, []*Revision{h.r1, edited, h.r3a, h.r3b, h.r4})
			if err != nil || len(got) != 1 || got[0].Kind != TamperEdited {
				t.Fatalf("Verify after the column was added = %v, %v", got, err)
			}
		})
	}
}
