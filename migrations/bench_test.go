package migrations

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations/internal/revgen"
)

// genHistory is revgen's history of n revisions in a MapFS: a main line
// with side branches merged back and Depends On links.
func genHistory(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range revgen.Files(n) {
		fsys[name] = &fstest.MapFile{Data: data}
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

// writeHistory writes revgen's history of n revisions into a temporary
// folder.
func writeHistory(b *testing.B, n int) string {
	dir := b.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "versions"), 0o755); err != nil {
		b.Fatal(err)
	}
	for name, data := range revgen.Files(n) {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

func benchLoadDir(b *testing.B, fsys fs.FS, load func(fs.FS, dialect.Name) (*Graph, error)) {
	for b.Loop() {
		if _, err := load(fsys, dialect.MySQL); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadGraphDir10000 reads the files from disk through os.DirFS
// (the generic fs.FS path), BenchmarkLoadGraphDirFS10000 through DirFS
// (the fast path), and BenchmarkLoadGraphHeadersDirFS10000 keeps no
// statements, as "retort heads" and "retort history" need. The Cached
// ones read a warm revision cache, as the CLI does.
//
// These guard dirfdReader (load_linux.go). With os.Open and os.Stat by
// path instead (10 alternating runs on 2 shared cores, median / best):
// LoadGraphDirFS10000 61 / 43 ms -> 81 / 58 ms, LoadGraphHeadersDirFS10000
// 51 / 42 -> 94 / 58 ms, LoadGraphHeadersCached10000 29 / 18 -> 32 / 22 ms.
func BenchmarkLoadGraphDir10000(b *testing.B) {
	benchLoadDir(b, os.DirFS(writeHistory(b, 10000)), LoadGraph)
}

func BenchmarkLoadGraphDirFS10000(b *testing.B) {
	benchLoadDir(b, DirFS(writeHistory(b, 10000)), LoadGraph)
}

func BenchmarkLoadGraphHeadersDirFS10000(b *testing.B) {
	benchLoadDir(b, DirFS(writeHistory(b, 10000)), LoadGraphHeaders)
}

func BenchmarkLoadGraphCached10000(b *testing.B) {
	benchLoadDir(b, cachedHistory(b, 10000), LoadGraph)
}

func BenchmarkLoadGraphHeadersCached10000(b *testing.B) {
	benchLoadDir(b, cachedHistory(b, 10000), LoadGraphHeaders)
}

// cachedHistory writes revgen's history of n revisions and a revision
// cache of it, and returns the CachedDirFS that reads them.
func cachedHistory(b *testing.B, n int) fs.FS {
	dir := writeHistory(b, n)
	var counts loadCounts
	fsys := testDirFS(dir, b.TempDir(), 0, &counts)
	if _, err := LoadGraph(fsys, dialect.MySQL); err != nil { // writes the cache
		b.Fatal(err)
	}
	n0 := counts.parsed.Load()
	if _, err := LoadGraph(fsys, dialect.MySQL); err != nil {
		b.Fatal(err)
	}
	if parsed := counts.parsed.Load() - n0; parsed != 0 {
		b.Fatalf("%d files parsed with a warm cache", parsed)
	}
	return fsys
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

// BenchmarkUpgradeSQLDirFS10000 is the work of "retort upgrade head --sql"
// on 10,000 revision files: load them, plan from base, write the SQL.
func BenchmarkUpgradeSQLDirFS10000(b *testing.B) {
	fsys := DirFS(writeHistory(b, 10000))
	for b.Loop() {
		g, err := LoadGraph(fsys, dialect.SQLite)
		if err != nil {
			b.Fatal(err)
		}
		steps, err := g.PlanUpgrade(nil, "heads")
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteOffline(io.Discard, steps, RunnerOptions{Dialect: dialect.SQLite, VersionTable: "retort_version"}); err != nil {
			b.Fatal(err)
		}
	}
}
