package lint

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

var update = flag.Bool("update", false, "rewrite the golden want.txt files of testdata")

// TestScenarios lints testdata/DIALECT/RULE/revision.sql and compares the
// output with want.txt next to it (go test ./internal/lint -update
// rewrites them). Each folder has a case that is reported, one that is
// not, and one silenced with a lint-ignore comment.
func TestScenarios(t *testing.T) {
	var dirs []string
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		ds, err := filepath.Glob(filepath.Join("testdata", string(d), "*"))
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, ds...)
	}
	if len(dirs) == 0 {
		t.Fatal("no scenarios in testdata")
	}
	covered := map[string]bool{}
	for _, dir := range dirs {
		d, err := dialect.Parse(filepath.Base(filepath.Dir(dir)))
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		covered[filepath.Base(dir)] = true
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			path := filepath.Join(dir, "revision.sql")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fs, err := File(filepath.ToSlash(path), data, Options{Dialect: d})
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, f := range fs {
				b.WriteString(f.String() + "\n")
			}
			golden := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
		})
	}
	for _, r := range Rules() {
		if !covered[r.Name] {
			t.Errorf("rule %s has no scenario folder in testdata/DIALECT/%s", r.Name, r.Name)
		}
	}
}
