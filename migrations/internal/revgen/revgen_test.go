package revgen

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteProject(t *testing.T) {
	dir := t.TempDir()
	if err := WriteProject(dir, 250); err != nil {
		t.Fatal(err)
	}
	conf, err := os.ReadFile(filepath.Join(dir, "retort.toml"))
	if err != nil || !bytes.Contains(conf, []byte(`url = "sqlite://app.db"`)) {
		t.Fatalf("retort.toml: %q, %v", conf, err)
	}
	names, err := os.ReadDir(filepath.Join(dir, "migrations", "versions"))
	if err != nil {
		t.Fatal(err)
	}
	if want := len(Files(250)); len(names) != want || want <= 250 {
		t.Errorf("%d files written, want %d (more than 250: side branches)", len(names), want)
	}
	// Seeded: the same history every time.
	again := Files(250)
	for name, data := range Files(250) {
		if !bytes.Equal(again[name], data) {
			t.Fatalf("%s differs between two runs", name)
		}
	}
}
