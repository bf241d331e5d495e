package diff

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/internal/buildkey"
)

// The normalization cache keeps a folder per build: this build's entries
// never meet an older build's, the folder of a build that is gone is
// removed when this build first writes, another build's that still exists
// stays, and nothing is made before a write.
func TestNormCacheBuilds(t *testing.T) {
	root := filepath.Join(t.TempDir(), "normalize")
	c := cacheFor(root)
	if c.load("00ab") != nil {
		t.Fatal("an entry in an empty cache")
	}
	if _, err := os.Stat(root); !os.IsNotExist(err) {
		t.Fatalf("the cache folder was made before a write: %v", err)
	}
	other := filepath.Join(t.TempDir(), "retort-other")
	if err := os.WriteFile(other, []byte("another build"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, key := range map[string]string{"build-gone": "/no/such/retort\x001\x002", "build-other": buildkey.Of(other)} {
		if err := os.MkdirAll(filepath.Join(root, name), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, name, "build"), []byte(key), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	e := &cEntry{Table: &cTable{Name: "users"}}
	if !c.store("00ab", e) {
		t.Fatal("store failed")
	}
	if got := c.load("00ab"); got == nil || got.Table.Name != "users" {
		t.Fatalf("load = %+v", got)
	}
	if _, err := os.Stat(filepath.Join(root, "build-gone")); !os.IsNotExist(err) {
		t.Errorf("the folder of a build that is gone is still there (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(root, "build-other")); err != nil {
		t.Errorf("the folder of a build that still exists was removed: %v", err)
	}
	if fi, err := os.Stat(c.dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("this build's folder: %v %v, want private to the user", fi.Mode(), err)
	}
	if cacheFor(root).load("00ab") == nil {
		t.Error("the same build does not read its own entry")
	}
}
