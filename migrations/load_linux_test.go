package migrations

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// On a file system that gives no entry types, direntType asks: the same
// answers as the types getdents gives elsewhere.
func TestDirentTypeUnknown(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.sql"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d.sql"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("f.sql", filepath.Join(dir, "l.sql")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "p.sql"), 0o644); err != nil {
		t.Fatal(err)
	}
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := dirfdReader{fd}
	defer r.close()
	for name, want := range map[string]fs.FileMode{"f.sql": 0, "d.sql": fs.ModeDir, "l.sql": fs.ModeSymlink, "p.sql": fs.ModeNamedPipe} {
		if got, err := r.direntType(unix.DT_UNKNOWN, name); err != nil || got != want {
			t.Errorf("direntType(%s) = %v, %v; want %v", name, got, err, want)
		}
	}
	if _, err := r.direntType(unix.DT_UNKNOWN, "gone.sql"); err == nil {
		t.Error("direntType of a missing file: no error")
	}
}
