package migrations

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort/internal/dialect"
)

// genHistory writes n revision files into a MapFS: a main line where every
// 100th revision opens a three-revision side branch that is merged back ten
// revisions later, and every 250th depends on an earlier one, with
// Alembic-style ids and realistic bodies.
func genHistory(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	id := func(i int) string {
		sum := sha256.Sum256([]byte(fmt.Sprint(i)))
		return hex.EncodeToString(sum[:6])
	}
	mainHead := ""
	var openBranch string // head of the side branch waiting to be merged
	mergeAt := -1
	for i := 0; i < n; i++ {
		rid := id(i)
		var parents, deps []string
		switch {
		case mainHead == "":
		case i == mergeAt && openBranch != "":
			parents = []string{mainHead, openBranch}
			openBranch = ""
		default:
			parents = []string{mainHead}
		}
		if i%250 == 249 {
			deps = []string{id(i - 200)}
		}
		created := fmt.Sprintf("2026-01-01T00:00:%05dZ", i)
		fsys[fmt.Sprintf("versions/%s_rev_%d.sql", rid, i)] = &fstest.MapFile{Data: []byte(revFile(rid, parents, deps, created))}
		mainHead = rid
		if i%100 == 50 && i+20 < n && openBranch == "" {
			// A side branch of three revisions off this one.
			prev := rid
			for k := 0; k < 3; k++ {
				bid := id(1_000_000 + i*10 + k)
				fsys[fmt.Sprintf("versions/%s_side.sql", bid)] = &fstest.MapFile{Data: []byte(revFile(bid, []string{prev}, nil, created))}
				prev = bid
			}
			openBranch, mergeAt = prev, i+10
		}
	}
	return fsys
}

func benchLoad(b *testing.B, n int, heads bool) {
	fsys := genHistory(n)
	b.ResetTimer()
	for b.Loop() {
		g, err := LoadGraph(fsys, dialect.MySQL)
		if err != nil {
			b.Fatal(err)
		}
		if heads && len(g.Heads()) != 1 {
			b.Fatalf("heads: %v", g.Heads())
		}
	}
}

func BenchmarkLoadGraph1000(b *testing.B) { benchLoad(b, 1000, false) }

// BenchmarkLoadGraphDir10000 reads the files from disk through os.DirFS.
func BenchmarkLoadGraphDir10000(b *testing.B) {
	dir := b.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "versions"), 0o755); err != nil {
		b.Fatal(err)
	}
	for name, f := range genHistory(10000) {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	b.ResetTimer()
	for b.Loop() {
		if _, err := LoadGraph(fsys, dialect.MySQL); err != nil {
			b.Fatal(err)
		}
	}
}
func BenchmarkLoadGraph10000(b *testing.B) { benchLoad(b, 10000, false) }

// BenchmarkHeads10000 is the work of "retort heads": load the files, take
// the heads.
func BenchmarkHeads10000(b *testing.B) { benchLoad(b, 10000, true) }

func loadBench(b *testing.B, n int) *Graph {
	g, err := LoadGraph(genHistory(n), dialect.MySQL)
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkPlanUpgrade10000 plans "upgrade heads" from base.
func BenchmarkPlanUpgrade10000(b *testing.B) {
	g := loadBench(b, 10000)
	want := g.Len()
	b.ResetTimer()
	for b.Loop() {
		steps, err := g.PlanUpgrade(nil, "heads")
		if err != nil || len(steps) != want {
			b.Fatalf("%d steps, %v", len(steps), err)
		}
	}
}

// BenchmarkPlanDowngrade10000 plans "downgrade base" from the head.
func BenchmarkPlanDowngrade10000(b *testing.B) {
	g := loadBench(b, 10000)
	want := g.Len()
	b.ResetTimer()
	for b.Loop() {
		steps, err := g.PlanDowngrade(g.Heads(), "base")
		if err != nil || len(steps) != want {
			b.Fatalf("%d steps, %v", len(steps), err)
		}
	}
}

// BenchmarkHistory10000 lists the whole history and a range.
func BenchmarkHistory10000(b *testing.B) {
	g := loadBench(b, 10000)
	mid := g.Revisions()[g.Len()/2].ID
	b.ResetTimer()
	for b.Loop() {
		all, err := g.History("", nil)
		if err != nil || len(all) != g.Len() {
			b.Fatal(err)
		}
		if _, err := g.History(mid+":heads", nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGenHistory(t *testing.T) {
	g, err := LoadGraph(genHistory(1000), dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Heads()) != 1 || len(g.BranchPoints()) == 0 || g.Len() <= 1000 {
		t.Errorf("heads %v, %d branch points, %d revisions", g.Heads(), len(g.BranchPoints()), g.Len())
	}
}
