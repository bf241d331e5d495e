package loadtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// The autogen form: each change is a revision that `retort revision
// --autogenerate` writes from models, the way a user gets it. The
// project holds a models package describing setUp's tables; before
// change i, the test rewrites it as the models of step i (each step
// adds one change to the one before) and autogenerates revision
// load<i>, whose content is checked to be that change and nothing else.

// step is what the models of one change add, and what autogenerate must
// write for it.
type step struct {
	name string
	// changes matches each line of the file's "Changes:" list; every
	// pattern must match a line and every line a pattern.
	changes map[dialect.Name][]string
	// want matches somewhere in the file: the online form, or the
	// warning that there is none.
	want map[dialect.Name][]string
}

// copies is the start of the warning autogenerate writes on MariaDB for
// a change it can only make by copying the table with writes blocked.
const copies = `(?m)^-- WARNING: .* copies table items with its writes blocked`

var steps = []step{
	{
		name:    chIndex,
		changes: both(`add index items_qty_idx on items \(qty\)`),
		want: map[dialect.Name][]string{
			dialect.Postgres: {`(?m)^-- \+retort Upgrade NoTransaction$`, `(?m)^CREATE INDEX CONCURRENTLY "items_qty_idx" ON "items" \("qty"\);$`},
			dialect.MySQL:    {"(?m)^ALTER TABLE `items` ADD INDEX `items_qty_idx` \\(`qty`\\), ALGORITHM=INPLACE, LOCK=NONE;$"},
		},
	},
	{
		name: chForeignKey,
		changes: map[dialect.Name][]string{
			dialect.Postgres: {`add foreign key fk_items_parent on items \(parent_id\) references parents \(id\)`},
			// InnoDB needs an index on a foreign key's columns and
			// makes one if none is there; autogenerate writes it.
			dialect.MySQL: {
				`add index fk_items_parent on items \(parent_id\)`,
				`add foreign key fk_items_parent on items \(parent_id\) references parents \(id\).*`,
			},
		},
		want: map[dialect.Name][]string{
			dialect.Postgres: {`(?m)^ALTER TABLE "items" ADD CONSTRAINT "fk_items_parent" FOREIGN KEY .* NOT VALID;$`, `(?m)^ALTER TABLE "items" VALIDATE CONSTRAINT "fk_items_parent";$`},
			// In place with foreign_key_checks off, the rows checked
			// after by a procedure that reads them without locks.
			dialect.MySQL: {
				"(?m)^SET SESSION foreign_key_checks = 0;$",
				"(?m)^ALTER TABLE `items` ADD CONSTRAINT `fk_items_parent` FOREIGN KEY .*, ALGORITHM=INPLACE, LOCK=NONE;$",
				"(?m)^SET SESSION foreign_key_checks = 1;$",
				"(?m)^CALL `retort_verify_fk_items_parent`\\(\\);$",
			},
		},
	},
	{
		name:    chCheck,
		changes: both(`add check items_qty_check on items: \(?` + "`?qty`?" + ` >= 0\)?`),
		want: map[dialect.Name][]string{
			dialect.Postgres: {`(?m)^ALTER TABLE "items" ADD CONSTRAINT "items_qty_check" CHECK .* NOT VALID;$`, `(?m)^ALTER TABLE "items" VALIDATE CONSTRAINT "items_qty_check";$`},
			dialect.MySQL:    {copies},
		},
	},
	{
		name:    chAddNotNull,
		changes: both(`add column items\.status (integer|int) NOT NULL DEFAULT 0`),
		want: map[dialect.Name][]string{
			dialect.Postgres: {`(?m)^ALTER TABLE "items" ADD COLUMN "status" integer NOT NULL DEFAULT 0;$`},
			dialect.MySQL:    {"(?m)^ALTER TABLE `items` ADD COLUMN `status` int NOT NULL DEFAULT 0, ALGORITHM=INSTANT;$"},
		},
	},
	{
		name:    chSetNotNull,
		changes: both(`modify column items\.ref: NULL → NOT NULL`),
		want: map[dialect.Name][]string{
			dialect.Postgres: {`(?m)^ALTER TABLE "items" VALIDATE CONSTRAINT .*;$`, `(?m)^ALTER TABLE "items" ALTER COLUMN "ref" SET NOT NULL;$`},
			dialect.MySQL:    {"(?m)^ALTER TABLE `items` MODIFY COLUMN `ref` int NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;$"},
		},
	},
	{
		name:    chType,
		changes: both(`modify column items\.amount: type (integer|int) → bigint`),
		want: map[dialect.Name][]string{
			// PostgreSQL has no online form of a type change for
			// autogenerate to write: ALTER ... TYPE rewrites the table.
			dialect.Postgres: {`(?m)^ALTER TABLE "items" ALTER COLUMN "amount" TYPE bigint;$`},
			dialect.MySQL:    {copies},
		},
	},
}

// marked is what the tool form has instead of the copies warning: the
// warning that the ALTER is marked for the tool, and the mark.
var marked = []string{
	`(?m)^-- WARNING: .* copies table items: the ALTER is marked "-- \+retort OnlineTool", so ` + "`retort upgrade`" + ` runs it with pt-online-schema-change`,
	"(?m)^-- \\+retort OnlineTool\nALTER TABLE `items` ",
}

// toolWant is want for the tool form: the copies warning becomes marked.
func toolWant(want []string) []string {
	var out []string
	for _, w := range want {
		if w == copies {
			out = append(out, marked...)
			continue
		}
		out = append(out, w)
	}
	return out
}

func both(patterns ...string) map[dialect.Name][]string {
	return map[dialect.Name][]string{dialect.Postgres: patterns, dialect.MySQL: patterns}
}

// models returns the models package of the tables after the first n
// changes: setUp's tables for n = 0.
func models(n int) string {
	qty := `gorm:"not null"`
	if n >= 1 {
		qty = `gorm:"not null;index:items_qty_idx"`
	}
	if n >= 3 {
		qty = `gorm:"not null;index:items_qty_idx;check:items_qty_check,qty >= 0"`
	}
	parent := ""
	if n >= 2 {
		parent = "\tParent   Parent\n"
	}
	ref := "*int32"
	if n >= 5 {
		ref = "int32 `gorm:\"not null\"`"
	}
	amount := "*int32"
	if n >= 6 {
		amount = "*int64"
	}
	status := ""
	if n >= 4 {
		status = "\tStatus   int32 `gorm:\"not null;default:0\"`\n"
	}
	return fmt.Sprintf(`// Package models describes the load test's tables after %d change(s).
package models

// Parent is a row of parents, which items refer to.
type Parent struct {
	ID   int64  `+"`"+`gorm:"primaryKey;autoIncrement:false"`+"`"+`
	Name string `+"`"+`gorm:"size:32;not null"`+"`"+`
}

// Item is a row of items, the table the writer keeps busy.
type Item struct {
	ID       int64 `+"`"+`gorm:"primaryKey"`+"`"+`
	ParentID int64 `+"`"+`gorm:"not null"`+"`"+`
%s	Qty      int32 `+"`%s`"+`
	Amount   %s
	Ref      %s
	Note     *string `+"`"+`gorm:"size:64"`+"`"+`
%s}
`, n, parent, qty, amount, ref, status)
}

// addModels makes p a Go module holding the models of setUp's tables,
// which autogenerate reads; for the tool form, its config sets
// online_tool.
func (p *project) addModels(f form) {
	config := "[migrations]\ndir = \"migrations\"\n\n[models]\npackages = [\"./models\"]\n"
	if f == tool {
		config = "[migrations]\ndir = \"migrations\"\nonline_tool = \"pt-online-schema-change\"\n\n[models]\npackages = [\"./models\"]\n"
	}
	files := map[string]string{
		"go.mod":           "module example.com/load\n\ngo 1.22\n",
		"retort.toml":      config,
		"models/models.go": models(0),
	}
	for name, text := range files {
		path := filepath.Join(p.dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			p.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			p.t.Fatal(err)
		}
	}
}

// autogenerate writes the models of change i and has retort write its
// revision, which must hold that change and nothing else.
func (p *project) autogenerate(ctx context.Context, d dialect.Name, f form, i int) change {
	s := steps[i]
	want := s.want[d]
	if f == tool {
		want = toolWant(want)
	}
	if err := os.WriteFile(filepath.Join(p.dir, "models", "models.go"), []byte(models(i+1)), 0o644); err != nil {
		p.t.Fatal(err)
	}
	if out, err := p.run(ctx, "revision", "--autogenerate", "--rev-id", revID(i), "-m", s.name); err != nil {
		p.t.Fatalf("retort revision --autogenerate %s (%s %s): %v\n%s", revID(i), d, s.name, err, out)
	}
	files, err := filepath.Glob(filepath.Join(p.dir, "migrations", "versions", revID(i)+"_*.sql"))
	if err != nil || len(files) != 1 {
		p.t.Fatalf("autogenerate %s: want one file %s_*.sql, found %v (%v)", s.name, revID(i), files, err)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		p.t.Fatal(err)
	}
	text := string(data)
	if problems := checkRevision(text, s.changes[d], want); len(problems) > 0 {
		p.t.Fatalf("the autogenerated revision of %s on %s is not that change alone:\n  %s\n%s:\n%s",
			s.name, d, strings.Join(problems, "\n  "), filepath.Base(files[0]), text)
	}
	return change{Name: s.name, Body: text}
}

// checkRevision says what of a revision's text does not match: a line
// of its "Changes:" list that no pattern of changes matches, a pattern
// of changes no line matches, a pattern of want missing from the text.
func checkRevision(text string, changes, want []string) []string {
	var listed []string
	in := false
	for _, line := range strings.Split(text, "\n") {
		switch {
		case line == "-- Changes:":
			in = true
		case in && strings.HasPrefix(line, "--   "):
			listed = append(listed, strings.TrimPrefix(line, "--   "))
		case in:
			in = false
		}
	}
	var problems []string
	matched := make([]bool, len(changes))
	for _, l := range listed {
		ok := false
		for k, c := range changes {
			if regexp.MustCompile("^" + c + "$").MatchString(l) {
				ok, matched[k] = true, true
			}
		}
		if !ok {
			problems = append(problems, "a change not asked for: "+l)
		}
	}
	for k, c := range changes {
		if !matched[k] {
			problems = append(problems, "no change matches "+c)
		}
	}
	for _, w := range want {
		if !regexp.MustCompile(w).MatchString(text) {
			problems = append(problems, "nothing matches "+w)
		}
	}
	return problems
}

// TestCheckRevision: the autogen form's check of a revision refuses a
// change besides the one asked for, a missing change and a missing form.
func TestCheckRevision(t *testing.T) {
	const file = `-- CREATE INDEX
--
-- Revision ID: load01
-- Revises: 
--
-- Changes:
--   add index items_qty_idx on items (qty)
%s
-- +retort Upgrade NoTransaction
CREATE INDEX CONCURRENTLY "items_qty_idx" ON "items" ("qty");
`
	s := steps[0]
	cases := []struct {
		name, extra string
		changes     []string
		want        int // problems
	}{
		{"alone", "", s.changes[dialect.Postgres], 0},
		{"another change", "--   drop column items.note\n", s.changes[dialect.Postgres], 1},
		{"a change missing", "", append([]string{`add check .*`}, s.changes[dialect.Postgres]...), 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := checkRevision(fmt.Sprintf(file, tc.extra), tc.changes, s.want[dialect.Postgres])
			if len(got) != tc.want {
				t.Errorf("got %d problem(s), want %d: %q", len(got), tc.want, got)
			}
		})
	}
	if got := checkRevision(fmt.Sprintf(file, ""), s.changes[dialect.Postgres], s.want[dialect.MySQL]); len(got) != 1 {
		t.Errorf("the MySQL form matched the PostgreSQL file: %q", got)
	}
}
