package autogen_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	rlint "github.com/retortdb/retort/internal/lint"
	"github.com/retortdb/retort/migrations"
)

// TestGoldensLintClean: what autogenerate writes passes `retort lint`'s
// locking rules (the runner sets the statement lock timeout), except where
// no online form exists, and then the file says so:
//
//   - MySQL: a change that can only copy the table keeps its plain ALTER
//     (no ALGORITHM), under a WARNING that it "copies table" (Downgrade
//     WARNING for the downgrade);
//   - PostgreSQL: a column's type changed (the table is rewritten), a
//     stored generated column added (computed for every row), a primary
//     key changed (its index is built under the lock).
//
// Findings of the other kinds (data loss, renames, failures on rows) are
// the reviewer's, not the online form's.
func TestGoldensLintClean(t *testing.T) {
	for _, d := range []dialect.Name{dialect.Postgres, dialect.MySQL} {
		files, err := filepath.Glob("testdata/modelchanges/*/want." + string(d) + ".sql")
		if err != nil || len(files) == 0 {
			t.Fatalf("no goldens for %s: %v", d, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rev, err := migrations.ParseFile(f, data, d)
			if err != nil {
				t.Fatal(err)
			}
			stmt := map[int]string{}
			for _, s := range append(append([]migrations.Statement(nil), rev.Upgrade...), rev.Downgrade...) {
				stmt[s.Line] = s.SQL
			}
			for _, fd := range rlint.Revision(rev, data, rlint.Options{Dialect: d, RunnerSetsLockTimeout: true}) {
				if !isLocking(fd.Rule) {
					continue
				}
				sql := stmt[fd.Line]
				warnings := rev.Warnings
				if fd.Downgrade {
					warnings = rev.DowngradeWarnings
				}
				copies := false
				for _, w := range warnings {
					copies = copies || strings.Contains(w, "copies table")
				}
				switch {
				case d == dialect.MySQL && copies && !strings.Contains(sql, "ALGORITHM="):
				case d == dialect.Postgres && fd.Rule == "changing-column-type":
				case d == dialect.Postgres && fd.Rule == "adding-field-with-default" && strings.Contains(sql, " STORED"):
				case d == dialect.Postgres && fd.Rule == "disallowed-unique-constraint" && strings.Contains(sql, "PRIMARY KEY"):
				default:
					t.Errorf("%s (%s)", fd, sql)
				}
			}
		}
	}
}

func isLocking(rule string) bool {
	for _, r := range rlint.Rules() {
		if r.Name == rule {
			return r.Kind == rlint.Locking
		}
	}
	return false
}
