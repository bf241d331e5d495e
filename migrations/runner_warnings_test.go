package migrations

import (
	"regexp"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// TestWarningsShown: the WARNING: header lines of a revision are printed by
// `retort upgrade` before it runs, and carried as comments by `--sql`, on
// every dialect.
func TestWarningsShown(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode")
	}
	bin := buildRetort(t)
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			db := testdb.New(t, d)
			p := newProcProject(t, bin, db.URL.Secret())
			p.writeRev("aaaa00000001", "", "create", nil, []string{
				"CREATE TABLE people (id integer PRIMARY KEY, nickname varchar(40) NULL)",
				"INSERT INTO people (id, nickname) VALUES (1, 'al')",
			})
			warn := "drops column people.nickname (data in it is lost)"
			p.writeRev("aaaa00000002", "aaaa00000001", "drop nickname", []string{warn, "rewrites table people"}, []string{
				"ALTER TABLE people DROP COLUMN nickname",
			})
			out, errOut, code := p.run("upgrade", "head", "--sql")
			if code != 0 {
				t.Fatalf("upgrade --sql: exit %d: %s", code, errOut)
			}
			re := regexp.MustCompile(`(?m)^-- Running upgrade aaaa00000001 -> aaaa00000002, drop nickname\n-- WARNING: ` +
				regexp.QuoteMeta(warn) + `\n-- WARNING: rewrites table people\n`)
			if !re.MatchString(out) {
				t.Errorf("upgrade --sql does not carry the warnings as comments:\n%s", out)
			}
			if strings.Count(out, "WARNING:") != 2 {
				t.Errorf("upgrade --sql: %d warnings, want 2:\n%s", strings.Count(out, "WARNING:"), out)
			}
			// Only the revisions that run print their warnings.
			out, errOut, code = p.run("upgrade", "aaaa00000001")
			if code != 0 || strings.Contains(out+errOut, "WARNING") {
				t.Fatalf("upgrade of the first revision: exit %d: %s%s", code, out, errOut)
			}
			out, errOut, code = p.run("upgrade", "head")
			if code != 0 {
				t.Fatalf("upgrade: exit %d: %s", code, errOut)
			}
			re = regexp.MustCompile(`(?m)^WARNING: ` + regexp.QuoteMeta(warn) + `\nWARNING: rewrites table people\nRunning upgrade aaaa00000001 -> aaaa00000002, drop nickname`)
			if !re.MatchString(out) {
				t.Errorf("upgrade does not print the warnings before it runs the revision:\n%s", out)
			}
		})
	}
}
