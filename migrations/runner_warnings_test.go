package migrations

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/retortdb/retort/dialect"
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

// TestWarningsByDirection: upgrade shows the file's "WARNING:" lines,
// downgrade its "Downgrade WARNING:" lines, online and with --sql; a file
// without downgrade lines (written before they existed) still parses, and
// its downgrade shows none of the upgrade's warnings.
func TestWarningsByDirection(t *testing.T) {
	const file = `-- widen name
--
-- Revision ID: bbbb00000001
-- Revises:
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops column people.nickname: its data is lost
-- Downgrade WARNING: changes column people.name from varchar(80) to varchar(40): values longer than 40 make the downgrade fail
-- Downgrade   warning: drops column people.age: its data is lost

-- +retort Upgrade
CREATE TABLE people (id integer PRIMARY KEY, name varchar(80) NULL);

-- +retort Downgrade
DROP TABLE people;
`
	up := []string{"drops column people.nickname: its data is lost"}
	down := []string{
		"changes column people.name from varchar(80) to varchar(40): values longer than 40 make the downgrade fail",
		"drops column people.age: its data is lost",
	}
	old := strings.Join(slices.DeleteFunc(strings.Split(file, "\n"), func(l string) bool {
		return strings.HasPrefix(strings.ToLower(l), "-- downgrade")
	}), "\n")
	for _, tc := range []struct {
		name     string
		file     string
		up, down []string
	}{
		{"both directions", file, up, down},
		{"upgrade warnings only", old, up, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			rev, err := ParseFile("versions/bbbb00000001_widen_name.sql", []byte(tc.file), dialect.SQLite)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.up, rev.Warnings); diff != "" {
				t.Errorf("Warnings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.down, rev.DowngradeWarnings, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("DowngradeWarnings (-want +got):\n%s", diff)
			}
			g, err := NewGraph([]*Revision{rev})
			if err != nil {
				t.Fatal(err)
			}
			shown := func(out string) []string {
				var ws []string
				for _, l := range strings.Split(out, "\n") {
					if _, w, ok := strings.Cut(l, "WARNING: "); ok {
						ws = append(ws, w)
					}
				}
				return ws
			}
			db := testdb.New(t, dialect.SQLite)
			var log bytes.Buffer
			opts := rtOpts(dialect.SQLite)
			opts.Log = &log
			r := NewRunner(db.DB, opts)
			for _, dir := range []struct {
				name string
				plan func([]string) ([]Step, error)
				want []string
			}{
				{"upgrade", func(cur []string) ([]Step, error) { return g.PlanUpgrade(cur, "heads") }, tc.up},
				{"downgrade", func(cur []string) ([]Step, error) { return g.PlanDowngrade(cur, "base") }, tc.down},
			} {
				steps, err := dir.plan(rtHeads(t, r))
				if err != nil {
					t.Fatal(err)
				}
				var sql bytes.Buffer
				if err := WriteOffline(&sql, steps, rtOpts(dialect.SQLite)); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(dir.want, shown(sql.String()), cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("%s --sql warnings (-want +got):\n%s", dir.name, diff)
				}
				log.Reset()
				if err := r.Run(ctx, []*Revision{rev}, dir.plan); err != nil {
					t.Fatalf("%s: %v", dir.name, err)
				}
				if diff := cmp.Diff(dir.want, shown(log.String()), cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("%s prints warnings (-want +got):\n%s", dir.name, diff)
				}
			}
		})
	}
}
