package migrations

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/dialect"
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

// cachedLoad loads dir through the cache in cacheDir and returns the graph
// and how many files were parsed.
func cachedLoad(t *testing.T, dir, cacheDir string, load func(fs.FS, dialect.Name) (*Graph, error)) (*Graph, int64) {
	t.Helper()
	n0 := filesParsed.Load()
	g, err := load(CachedDirFS(dir, cacheDir), dialect.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	return g, filesParsed.Load() - n0
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
	defer func(d time.Duration) { settleTime = d }(settleTime)
	settleTime = 0 // files written before a load count as settled
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

	g, parsed := cachedLoad(t, dir, cacheDir, LoadGraph)
	sameGraph(t, "first load", g, want)
	if parsed != n {
		t.Fatalf("first load parsed %d files, want %d", parsed, n)
	}
	cacheFiles, _ := filepath.Glob(filepath.Join(cacheDir, "*"))
	if len(cacheFiles) != 1 {
		t.Fatalf("cache folder holds %v, want one file", cacheFiles)
	}
	l0 := foldersListed.Load()
	g, parsed = cachedLoad(t, dir, cacheDir, LoadGraph)
	sameGraph(t, "second load", g, want)
	if parsed != 0 {
		t.Fatalf("second load parsed %d files, want 0", parsed)
	}
	if l := foldersListed.Load() - l0; l != 0 {
		t.Fatalf("second load listed the folder again (%d), want the cached listing", l)
	}

	// Headers only: the same revisions without statements.
	h, parsed := cachedLoad(t, dir, cacheDir, LoadGraphHeaders)
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
	l0 = foldersListed.Load()
	g, parsed = cachedLoad(t, dir, cacheDir, LoadGraph)
	if parsed != 1 || foldersListed.Load() != l0 {
		t.Fatalf("load after an edit in place parsed %d files and listed the folder %d times, want 1 and 0", parsed, foldersListed.Load()-l0)
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
	l0 = foldersListed.Load()
	g, parsed = cachedLoad(t, dir, cacheDir, LoadGraph)
	sameGraph(t, "after edits", g, want)
	if parsed != 1 {
		t.Fatalf("load after edits parsed %d files, want the added one", parsed)
	}
	if l := foldersListed.Load() - l0; l != 1 {
		t.Fatalf("load after a file came and went listed the folder %d times, want 1", l)
	}
	if r := g.Get(victim.ID); r.Upgrade[0].SQL[:12] != "create table" {
		t.Fatalf("edited revision still reads %q", r.Upgrade[0].SQL)
	}
	if _, parsed = cachedLoad(t, dir, cacheDir, LoadGraph); parsed != 0 {
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
	g, parsed = cachedLoad(t, dir, cacheDir, LoadGraph)
	sameGraph(t, "damaged cache", g, want)
	if parsed != int64(len(want.Revisions())) {
		t.Fatalf("load with a damaged cache parsed %d files, want all", parsed)
	}
	if _, parsed = cachedLoad(t, dir, cacheDir, LoadGraph); parsed != 0 {
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

	// Files changed within settleTime of the load are read every time.
	settleTime = time.Hour
	other := t.TempDir()
	if _, parsed = cachedLoad(t, dir, other, LoadGraph); parsed != int64(len(want.Revisions())) {
		t.Fatalf("unsettled files: %d parsed", parsed)
	}
	if files, _ := filepath.Glob(filepath.Join(other, "*")); len(files) != 0 {
		t.Fatalf("unsettled files were cached: %v", files)
	}
}
