//go:build unix

package migrations

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// A named pipe, a dangling symbolic link and a directory named *.sql in
// the versions folder: an error for the first two (no hang waiting for a
// writer), the directory is skipped.
func TestLoadGraphOddFiles(t *testing.T) {
	ok := []byte(hostileHead + "-- +retort Upgrade\n-- +retort Downgrade\n")
	setup := func(t *testing.T) (string, string) {
		dir := t.TempDir()
		versions := filepath.Join(dir, "versions")
		if err := os.MkdirAll(filepath.Join(versions, "dir.sql"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(versions, "a1.sql"), ok, 0o644); err != nil {
			t.Fatal(err)
		}
		return dir, versions
	}
	for name, open := range map[string]func(string) fs.FS{"DirFS": DirFS, "os.DirFS": os.DirFS} {
		t.Run(name, func(t *testing.T) {
			dir, versions := setup(t)
			if _, err := LoadGraph(open(dir), dialect.SQLite); err != nil {
				t.Fatalf("a directory named dir.sql: %v", err)
			}
			if err := syscall.Mkfifo(filepath.Join(versions, "b.sql"), 0o644); err != nil {
				t.Fatal("mkfifo:", err)
			}
			_, err := LoadGraph(open(dir), dialect.SQLite)
			checkFileError(t, err, "versions/b.sql", "versions/b.sql: not a regular file")

			dir, versions = setup(t)
			if err := os.Symlink("nowhere.sql", filepath.Join(versions, "c.sql")); err != nil {
				t.Fatal(err)
			}
			_, err = LoadGraph(open(dir), dialect.SQLite)
			checkFileError(t, err, "versions/c.sql", "versions/c.sql: cannot read: no such file or directory")
		})
	}
}
