package migrations

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/buildkey"
	"github.com/retortdb/retort/migrations/internal/revgen"
)

// cacheRoundTrip encodes rev as the cache stores it and decodes it back.
func cacheRoundTrip(t *testing.T, rev *Revision, pos headerPos) (*Revision, headerPos) {
	t.Helper()
	var e encoder
	e.revision(rev, pos)
	d := decoder{buf: e.buf}
	a, b := d.size()
	p := pools{strs: make([]string, a), stmts: make([]Statement, b)}
	got := &Revision{Path: rev.Path}
	d = decoder{buf: e.buf}
	gotPos := d.revision(got, &p, false)
	if d.bad || len(p.strs) != 0 || len(p.stmts) != 0 {
		t.Fatalf("record does not decode: bad %v, %d strings and %d statements left", d.bad, len(p.strs), len(p.stmts))
	}
	return got, gotPos
}

// testDirFS is CachedDirFS(dir, cacheDir) with files settled after settle
// and its loads counted in counts.
func testDirFS(dir, cacheDir string, settle time.Duration, counts *loadCounts) *dirFS {
	return &dirFS{FS: os.DirFS(dir), dir: dir, cacheDir: cacheDir, settle: settle, counts: counts}
}

// cachedLoad loads dir through the cache in cacheDir and returns the graph
// and how many files were parsed.
func cachedLoad(t *testing.T, dir, cacheDir string, settle time.Duration, counts *loadCounts, load func(fs.FS, dialect.Name) (*Graph, error)) (*Graph, int64) {
	t.Helper()
	n0 := counts.parsed.Load()
	g, err := load(testDirFS(dir, cacheDir, settle, counts), dialect.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	return g, counts.parsed.Load() - n0
}

func sameGraph(t *testing.T, what string, got, want *Graph) {
	t.Helper()
	if diff := cmp.Diff(want.Revisions(), got.Revisions()); diff != "" {
		t.Fatalf("%s: revisions differ from a fresh load (-want +got):\n%s", what, diff)
	}
	if diff := cmp.Diff(want.Heads(), got.Heads()); diff != "" {
		t.Fatalf("%s: heads differ (-want +got):\n%s", what, diff)
	}
}

func fresh(t *testing.T, dir string) *Graph {
	t.Helper()
	g, err := LoadGraph(DirFS(dir), dialect.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// The cache gives back what reading the files gives, parses only files
// that changed, and never trusts a file edited since it was cached.
func TestRevisionCache(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the revision cache is used on Linux only")
	}
	settle := time.Duration(0) // files written before a load count as settled
	var counts loadCounts
	dir, cacheDir := t.TempDir(), t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range revgen.Files(300) {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := fresh(t, dir)
	n := int64(len(want.Revisions()))

	g, parsed := cachedLoad(t, dir, cacheDir, settle, &counts, LoadGraph)
	sameGraph(t, "first load", g, want)
	if parsed != n {
		t.Fatalf("first load parsed %d files, want %d", parsed, n)
	}
	cacheFiles, _ := filepath.Glob(filepath.Join(cacheDir, "*"))
	if len(cacheFiles) != 1 {
		t.Fatalf("cache folder holds %v, want one file", cacheFiles)
	}
	l0 := counts.listed.Load()
	g, parsed = cachedLoad(t, dir, cacheDir, settle, &counts, LoadGraph)
	sameGraph(t, "second load", g, want)
	if parsed != 0 {
		t.Fatalf("second load parsed %d files, want 0", parsed)
	}
	if l := counts.listed.Load() - l0; l != 0 {
		t.Fatalf("second load listed the folder again (%d), want the cached listing", l)
	}

	// Headers only: the same revisions without statements.
	h, parsed := cachedLoad(t, dir, cacheDir, settle, &counts, LoadGraphHeaders)
	if parsed != 0 {
		t.Fatalf("headers-only load parsed %d files, want 0", parsed)
	}
	for i, r := range h.Revisions() {
		w := *want.Revisions()[i]
		w.Upgrade, w.Downgrade, w.HeadersOnly = nil, nil, true
		if diff := cmp.Diff(&w, r); diff != "" {
			t.Fatalf("headers-only revision (-want +got):\n%s", diff)
		}
	}

	// An edit that keeps the size (and, on a coarse clock, maybe the
	// modification time): the change time moves, the file is read again.
	victim := want.Revisions()[n/2]
	path := filepath.Join(dir, filepath.FromSlash(victim.Path))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	edited := bytes.Replace(data, []byte("CREATE TABLE"), []byte("create table"), 1)
	if bytes.Equal(edited, data) {
		t.Fatalf("%s has no CREATE TABLE", victim.Path)
	}
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	// The folder has not changed: its listing comes from the cache, and
	// the edited file is still found.
	l0 = counts.listed.Load()
	g, parsed = cachedLoad(t, dir, cacheDir, settle, &counts, LoadGraph)
	if parsed != 1 || counts.listed.Load() != l0 {
		t.Fatalf("load after an edit in place parsed %d files and listed the folder %d times, want 1 and 0", parsed, counts.listed.Load()-l0)
	}
	if r := g.Get(victim.ID); r.Upgrade[0].SQL[:12] != "create table" {
		t.Fatalf("edited revision still reads %q", r.Upgrade[0].SQL)
	}
	// Another file goes and a new one comes.
	gone := want.Revisions()[n-1] // a head: nothing revises it
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(gone.Path))); err != nil {
		t.Fatal(err)
	}
	added := "-- added\n-- Revision ID: ffff00000001\n-- Revises: " + want.Revisions()[0].ID + "\n\n-- +retort Upgrade\nSELECT 1;\n-- +retort Downgrade\nSELECT 2;\n"
	if err := os.WriteFile(filepath.Join(dir, "versions", "ffff00000001_added.sql"), []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	want = fresh(t, dir)
	l0 = counts.listed.Load()
	g, parsed = cachedLoad(t, dir, cacheDir, settle, &counts, LoadGraph)
	sameGraph(t, "after edits", g, want)
	if parsed != 1 {
		t.Fatalf("load after edits parsed %d files, want the added one", parsed)
	}
	if l := counts.listed.Load() - l0; l != 1 {
		t.Fatalf("load after a file came and went listed the folder %d times, want 1", l)
	}
	if r := g.Get(victim.ID); r.Upgrade[0].SQL[:12] != "create table" {
		t.Fatalf("edited revision still reads %q", r.Upgrade[0].SQL)
	}
	if _, parsed = cachedLoad(t, dir, cacheDir, settle, &counts, LoadGraph); parsed != 0 {
		t.Fatalf("load after the edits were cached parsed %d files", parsed)
	}

	// A damaged cache is ignored and written anew.
	cache, err := os.ReadFile(cacheFiles[0])
	if err != nil {
		t.Fatal(err)
	}
	cache[len(cache)/2] ^= 0x20
	if err := os.WriteFile(cacheFiles[0], cache, 0o600); err != nil {
		t.Fatal(err)
	}
	g, parsed = cachedLoad(t, dir, cacheDir, settle, &counts, LoadGraph)
	sameGraph(t, "damaged cache", g, want)
	if parsed != int64(len(want.Revisions())) {
		t.Fatalf("load with a damaged cache parsed %d files, want all", parsed)
	}
	if _, parsed = cachedLoad(t, dir, cacheDir, settle, &counts, LoadGraph); parsed != 0 {
		t.Fatalf("the damaged cache was not rewritten: %d files parsed", parsed)
	}

	// A broken file is never cached: even a headers-only load reports it.
	broken := filepath.Join(dir, "versions", "ffff00000002_broken.sql")
	if err := os.WriteFile(broken, []byte("-- b\n-- Revision ID: ffff00000002\n-- Revises:\n-- +retort Upgrade\nSELECT 'x;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		_, err = LoadGraphHeaders(CachedDirFS(dir, cacheDir), dialect.Postgres)
		checkFileError(t, err, "versions/ffff00000002_broken.sql", "versions/ffff00000002_broken.sql:5: unterminated quoted string")
	}
	if err := os.Remove(broken); err != nil {
		t.Fatal(err)
	}

	// Files changed within the settle time of the load are read every time.
	settle = time.Hour
	other := t.TempDir()
	if _, parsed = cachedLoad(t, dir, other, settle, &counts, LoadGraph); parsed != int64(len(want.Revisions())) {
		t.Fatalf("unsettled files: %d parsed", parsed)
	}
	if files, _ := filepath.Glob(filepath.Join(other, "*")); len(files) != 0 {
		t.Fatalf("unsettled files were cached: %v", files)
	}
}

// Two builds used in turn each keep their own cache file; a build that
// writes its file removes the files of builds that are gone, and those of
// the older name, for its folder and dialect only.
func TestRevisionCacheBuilds(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the revision cache is used on Linux only")
	}
	var counts loadCounts
	dir, cacheDir, bin := t.TempDir(), t.TempDir(), t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := revgen.Files(20)
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	exe := func(name, content string) string {
		t.Helper()
		p := filepath.Join(bin, name)
		if err := os.WriteFile(p, []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
		return buildkey.Of(p)
	}
	load := func(build string) int64 {
		t.Helper()
		n0 := counts.parsed.Load()
		fsys := testDirFS(dir, cacheDir, 0, &counts)
		fsys.build = build
		if _, err := LoadGraph(fsys, dialect.Postgres); err != nil {
			t.Fatal(err)
		}
		return counts.parsed.Load() - n0
	}
	cacheFiles := func() []string {
		t.Helper()
		entries, err := os.ReadDir(cacheDir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	n := int64(len(files))
	a, b := exe("a", "a"), exe("b", "b")
	for _, step := range []struct {
		build  string
		parsed int64
	}{{a, n}, {b, n}, {a, 0}, {b, 0}} {
		if got := load(step.build); got != step.parsed {
			t.Fatalf("load as %q parsed %d files, want %d", step.build, got, step.parsed)
		}
	}
	name := func(folder, build string) string {
		h := sha256.Sum256([]byte(build))
		return folder + "-" + hex.EncodeToString(h[:8])
	}
	both := cacheFiles()
	if len(both) != 2 {
		t.Fatalf("cache folder holds %v, want a file per build", both)
	}
	folder, _, _ := strings.Cut(both[0], "-")
	if want := []string{name(folder, a), name(folder, b)}; !slices.Equal(both, slices.Sorted(slices.Values(want))) {
		t.Fatalf("cache folder holds %v, want %v", both, want)
	}

	// Build a is rebuilt (it is gone as it was); a file of the older name
	// and one of another folder lie beside.
	exe("a", "a rebuilt")
	other := strings.Repeat("0", 32) + "-" + strings.Repeat("0", 16)
	for _, name := range []string{folder, other} {
		if err := os.WriteFile(filepath.Join(cacheDir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	c := exe("c", "c")
	if got := load(c); got != n {
		t.Fatalf("load as a new build parsed %d files, want %d", got, n)
	}
	want := slices.Sorted(slices.Values([]string{other, name(folder, b), name(folder, c)}))
	if diff := cmp.Diff(want, cacheFiles()); diff != "" {
		t.Fatalf("cache folder after a new build wrote its file (-want +got):\n%s", diff)
	}
	if got := load(b); got != 0 {
		t.Fatalf("build b's file was lost: %d files parsed", got)
	}
}
