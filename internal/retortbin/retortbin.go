// Package retortbin builds the retort command once per test binary, for
// the tests that run it as a user would (the fault and crash harnesses,
// the load test). A test package's TestMain calls Main, which removes the
// build when the tests end.
package retortbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var bin struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// Main runs the tests of m and removes the binary Build made.
func Main(m *testing.M) {
	code := m.Run()
	if bin.dir != "" {
		os.RemoveAll(bin.dir)
	}
	os.Exit(code)
}

// Build returns the path of cmd/retort built from this module, building it
// on the first call.
func Build(t testing.TB) string {
	t.Helper()
	bin.once.Do(func() {
		dir, err := os.MkdirTemp("", "retort-bin-")
		if err != nil {
			bin.err = err
			return
		}
		bin.dir = dir
		bin.path = filepath.Join(dir, "retort")
		cmd := exec.Command("go", "build", "-o", bin.path, "github.com/retortdb/retort/cmd/retort")
		if out, err := cmd.CombinedOutput(); err != nil {
			bin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if bin.err != nil {
		t.Fatal(bin.err)
	}
	return bin.path
}
