package codegen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func sample() Revision {
	return Revision{
		ID:                "3f2a9c1b7d4e",
		Message:           "Add email to users",
		Revises:           []string{"1a2b3c4d5e6f"},
		DependsOn:         []string{"abcdef012345"},
		BranchLabels:      []string{"billing"},
		CreateDate:        "2026-11-25T12:30:00Z",
		Changes:           []string{"add column users.email varchar(255) NOT NULL DEFAULT ''"},
		Warnings:          []string{"drops column users.legacy:\nits data is lost"},
		DowngradeWarnings: []string{"drops column users.email: its data is lost"},
		Notes:             []string{"view active_users is not managed by retort"},
		Upgrade:           []string{"ALTER TABLE `users` ADD COLUMN `email` varchar(255) NOT NULL DEFAULT ''", "ALTER TABLE `users` DROP COLUMN `legacy`"},
		Downgrade:         []string{"ALTER TABLE `users` ADD COLUMN `legacy` int NULL", "ALTER TABLE `users` DROP COLUMN `email`"},
	}
}

func TestRenderGolden(t *testing.T) {
	f, err := Render(Default(), sample())
	if err != nil {
		t.Fatal(err)
	}
	if want := "versions/3f2a9c1b7d4e_add_email_to_users.sql"; f.Path != want {
		t.Errorf("Path = %s, want %s", f.Path, want)
	}
	golden := filepath.Join("testdata", "revision.sql")
	if *update {
		if err := os.WriteFile(golden, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), string(f.Data)); d != "" {
		t.Errorf("render (-want +got):\n%s", d)
	}
	again, _ := Render(Default(), sample())
	if !bytes.Equal(again.Data, f.Data) {
		t.Error("rendering twice gave different output")
	}
}

// What codegen writes, the parser reads back as the same revision.
func TestRenderParsesBack(t *testing.T) {
	in := sample()
	in.Message = "multi\nline -- +retort Downgrade message"
	f, err := Render(Default(), in)
	if err != nil {
		t.Fatal(err)
	}
	r, err := migrations.ParseFile(f.Path, f.Data, dialect.MySQL)
	if err != nil {
		t.Fatalf("%v\n%s", err, f.Data)
	}
	if r.ID != in.ID || r.Message != "multi line -- +retort Downgrade message" {
		t.Errorf("id %q message %q", r.ID, r.Message)
	}
	if d := cmp.Diff(in.Revises, r.Parents); d != "" {
		t.Errorf("parents (-want +got):\n%s", d)
	}
	if d := cmp.Diff(in.DependsOn, r.DependsOn); d != "" {
		t.Errorf("depends on (-want +got):\n%s", d)
	}
	if d := cmp.Diff(in.BranchLabels, r.BranchLabels); d != "" {
		t.Errorf("branch labels (-want +got):\n%s", d)
	}
	var up, down []string
	for _, s := range r.Upgrade {
		up = append(up, s.SQL)
	}
	for _, s := range r.Downgrade {
		down = append(down, s.SQL)
	}
	if d := cmp.Diff(in.Upgrade, up); d != "" {
		t.Errorf("upgrade (-want +got):\n%s", d)
	}
	if d := cmp.Diff(in.Downgrade, down); d != "" {
		t.Errorf("downgrade (-want +got):\n%s", d)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "its data is lost") {
		t.Errorf("warnings = %q", r.Warnings)
	}
	if d := cmp.Diff(in.DowngradeWarnings, r.DowngradeWarnings); d != "" {
		t.Errorf("downgrade warnings (-want +got):\n%s", d)
	}
}

// A statement with semicolons of its own (the procedure of a MySQL
// foreign key's online form) is written between StatementBegin and
// StatementEnd, with no ';' after the marker, and reads back whole; a
// SQLite trigger, which SQLite's splitter keeps whole, is not wrapped.
func TestRenderBlocks(t *testing.T) {
	proc := "CREATE PROCEDURE `p`()\nBEGIN\n  DECLARE n INT;\n  SELECT 1 INTO n;\nEND"
	trigger := "CREATE TRIGGER t AFTER INSERT ON users BEGIN UPDATE users SET n = 1; END"
	for _, c := range []struct {
		d       dialect.Name
		stmt    string
		wrapped bool
	}{{dialect.MySQL, proc, true}, {"", proc, true}, {dialect.SQLite, trigger, false}, {dialect.MySQL, "SELECT ';'", false}} {
		in := sample()
		in.Dialect = c.d
		in.Upgrade = []string{"SELECT 1", c.stmt, "SELECT 2"}
		f, err := Render(Default(), in)
		if err != nil {
			t.Fatal(err)
		}
		d := c.d
		if d == "" {
			d = dialect.MySQL
		}
		if got := strings.Contains(string(f.Data), "-- +retort StatementBegin\n"+c.stmt+"\n-- +retort StatementEnd\nSELECT 2;"); got != c.wrapped {
			t.Errorf("%s %q: wrapped %v, want %v:\n%s", c.d, c.stmt, got, c.wrapped, f.Data)
		}
		r, err := migrations.ParseFile(f.Path, f.Data, d)
		if err != nil {
			t.Fatalf("%v\n%s", err, f.Data)
		}
		var up []string
		for _, s := range r.Upgrade {
			up = append(up, s.SQL)
		}
		if diff := cmp.Diff(in.Upgrade, up); diff != "" {
			t.Errorf("%s: upgrade read back (-want +got):\n%s\n%s", c.d, diff, f.Data)
		}
	}
}

// Messages that are not clean text still give a file that parses.
func TestRenderHostileMessages(t *testing.T) {
	for _, msg := range []string{"nul\x00byte", "bad \xff\xfe utf8", "\ufeffbom", "line\u2028sep", "cr\rlf\r\n-- +retort Upgrade"} {
		in := sample()
		in.Message = msg
		f, err := Render(Default(), in)
		if err != nil {
			t.Fatal(err)
		}
		r, err := migrations.ParseFile(f.Path, f.Data, dialect.SQLite)
		if err != nil {
			t.Errorf("message %q: %v", msg, err)
			continue
		}
		if strings.ContainsAny(r.Message, "\x00\r\n") || len(r.Upgrade) != len(in.Upgrade) {
			t.Errorf("message %q read back as %q with %d statements", msg, r.Message, len(r.Upgrade))
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Add email to users":       "add_email_to_users",
		"  --weird!! name?? ":      "weird_name",
		"ünïcode only":             "n_code_only",
		"":                         "",
		strings.Repeat("abc ", 30): "abc_abc_abc_abc_abc_abc_abc_abc_abc_abc",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBadID(t *testing.T) {
	r := sample()
	r.ID = "../../etc"
	if _, err := Render(Default(), r); err == nil {
		t.Error("want an error for an id with slashes")
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"": false, "a": true, "1a2b3c4d5e6f": true, "rev_2-b": true, strings.Repeat("x", 64): true,
		strings.Repeat("x", 65): false, "bad id": false, "héllo": false, "a.b": false, "a/b": false,
	} {
		if got := ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", id, got, want)
		}
	}
}
