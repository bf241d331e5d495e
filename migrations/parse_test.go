package migrations

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

const sampleFile = "-- Add email to users\n" + // 1
	"--\n" + // 2
	"-- Revision ID: 3f2a9c1b7d4e\n" + // 3
	"-- Revises: 1a2b3c4d5e6f, 0000aaaa1111\n" + // 4
	"-- Create Date: 2026-11-25T12:30:00Z\n" + // 5
	"-- Depends On: abcdef012345\n" + // 6
	"-- WARNING: drops column users.legacy (data loss)\n" + // 7
	"-- warning: locks users\n" + // 8
	"-- Changes: add users.email\n" + // 9
	"\n" + // 10
	"-- +retort Upgrade\n" + // 11
	"ALTER TABLE `users` ADD COLUMN `email` varchar(255) NOT NULL DEFAULT '';\n" + // 12
	"ALTER TABLE `users` DROP COLUMN `legacy`;\n" + // 13
	"-- +retort StatementBegin\n" + // 14
	"CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW\n" + // 15
	"BEGIN\n" + // 16
	"  SET NEW.email = LOWER(NEW.email);\n" + // 17
	"END;\n" + // 18
	"-- +retort StatementEnd\n" + // 19
	"UPDATE users SET email = '';\n" + // 20
	"\n" + // 21
	"-- +retort Downgrade NoTransaction\n" + // 22
	"-- nothing to say\n" + // 23
	"ALTER TABLE `users` DROP COLUMN `email`\n" // 24

func TestParseFile(t *testing.T) {
	got, err := ParseFile("versions/3f2a9c1b7d4e_add_email.sql", []byte(sampleFile), dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(sampleFile))
	want := &Revision{
		ID:        "3f2a9c1b7d4e",
		Parents:   []string{"1a2b3c4d5e6f", "0000aaaa1111"},
		DependsOn: []string{"abcdef012345"},
		Message:   "Add email to users",
		Created:   "2026-11-25T12:30:00Z",
		Path:      "versions/3f2a9c1b7d4e_add_email.sql",
		Upgrade: []Statement{
			{"ALTER TABLE `users` ADD COLUMN `email` varchar(255) NOT NULL DEFAULT ''", 12},
			{"ALTER TABLE `users` DROP COLUMN `legacy`", 13},
			{"CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW\nBEGIN\n  SET NEW.email = LOWER(NEW.email);\nEND", 15},
			{"UPDATE users SET email = ''", 20},
		},
		Downgrade:     []Statement{{"ALTER TABLE `users` DROP COLUMN `email`", 24}},
		Warnings:      []string{"drops column users.legacy (data loss)", "locks users"},
		Checksum:      hex.EncodeToString(sum[:]),
		DowngradeNoTx: true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseFile (-want +got):\n%s", diff)
	}
}

func TestParseFileForms(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want *Revision
	}{
		{
			name: "root, empty sections, no blank line",
			src:  "-- First\n-- Revision ID: a1\n-- Revises:\n-- Create Date: x\n-- +retort Upgrade\n-- +retort Downgrade\n",
			want: &Revision{ID: "a1", Message: "First", Created: "x"},
		},
		{
			name: "comment-only sections, CRLF, BOM",
			src:  "\uFEFF-- First\r\n-- Revision ID: a1\r\n\r\n-- +retort Upgrade\r\n-- nothing\r\n\r\n-- +retort Downgrade\r\n/* none */\r\n",
			want: &Revision{ID: "a1", Message: "First"},
		},
		{
			name: "NoTransaction on its own line, lower-case markers",
			src:  "-- M\n-- Revision ID: a1\n--   +retort upgrade\n-- +retort notransaction\nCREATE INDEX CONCURRENTLY i ON t (c);\n-- +retort Downgrade\nDROP INDEX i;\n",
			want: &Revision{ID: "a1", Message: "M", UpgradeNoTx: true,
				Upgrade:   []Statement{{"CREATE INDEX CONCURRENTLY i ON t (c)", 5}},
				Downgrade: []Statement{{"DROP INDEX i", 7}}},
		},
		{
			name: "message is not a key line; ids with - and _",
			src:  "-- Revision ID: my-rev_2\n-- Revises: a-1 ,b_2\n-- +retort Upgrade\n-- +retort Downgrade\n",
			want: &Revision{ID: "my-rev_2", Parents: []string{"a-1", "b_2"}},
		},
		{
			name: "empty StatementBegin block",
			src:  "-- M\n-- Revision ID: a1\n-- +retort Upgrade\nSELECT 1\n-- +retort StatementBegin\n\n-- +retort StatementEnd\n-- +retort Downgrade\n",
			want: &Revision{ID: "a1", Message: "M", Upgrade: []Statement{{"SELECT 1", 4}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFile("f.sql", []byte(tt.src), dialect.Postgres)
			if err != nil {
				t.Fatal(err)
			}
			got.Path, got.Checksum = "", ""
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseFile (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseFileErrors(t *testing.T) {
	const head = "-- M\n-- Revision ID: a1\n-- Revises:\n" // 3 lines
	tests := []struct {
		name, src, want string
	}{
		{"NUL byte", "-- M\n\x00", "f.sql:2: not a text file (NUL byte)"},
		{"not UTF-8", "-- M\n-- \xff\n", "f.sql:2: not UTF-8 text"},
		{"empty file", "", "f.sql:1: missing \"-- Revision ID:\" header line"},
		{"missing Revision ID", "-- M\n-- Revises:\n-- +retort Upgrade\n-- +retort Downgrade\n", "f.sql:1: missing \"-- Revision ID:\" header line"},
		{"empty Revision ID", "-- M\n-- Revision ID:\n-- +retort Upgrade\n-- +retort Downgrade\n", "f.sql:2: Revision ID: empty revision id"},
		{"bad Revision ID", "-- M\n-- Revision ID: a/b\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:2: Revision ID: revision id "a/b" has a character other than letters, digits, "_" and "-"`},
		{"reserved Revision ID", "-- M\n-- Revision ID: head\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:2: Revision ID: "head" is reserved and cannot be a revision id`},
		{"Revision ID starting with -", "-- M\n-- Revision ID: -1\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:2: Revision ID: revision id "-1" starts with "-"`},
		{"second Revision ID", "-- M\n-- Revision ID: a1\n-- Revision ID: a2\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:3: second "Revision ID:" header line`},
		{"empty entry in Revises", head[:len(head)-len("-- Revises:\n")] + "-- Revises: a, \n-- +retort Upgrade\n-- +retort Downgrade\n",
			"f.sql:3: Revises: empty revision id"},
		{"parent listed twice", "-- M\n-- Revision ID: a1\n-- Revises: b, b\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:3: Revises: "b" is listed twice`},
		{"bad Depends On", "-- M\n-- Revision ID: a1\n-- Depends On: x y\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:3: Depends On: revision id "x y" has a character other than letters, digits, "_" and "-"`},
		{"missing Upgrade", head + "\nSELECT 1;\n", `f.sql:5: SQL before the "-- +retort Upgrade" marker`},
		{"no sections", head, `f.sql:3: missing "-- +retort Upgrade" section`},
		{"missing Downgrade", head + "-- +retort Upgrade\nSELECT 1;\n", `f.sql:5: missing "-- +retort Downgrade" section`},
		{"Downgrade first", head + "-- +retort Downgrade\n-- +retort Upgrade\n", `f.sql:4: "-- +retort Downgrade" before "-- +retort Upgrade"`},
		{"second Upgrade", head + "-- +retort Upgrade\n-- +retort Downgrade\n-- +retort Upgrade\n",
			`f.sql:6: second "-- +retort Upgrade" section (the first is at line 4)`},
		{"second Downgrade", head + "-- +retort Upgrade\n-- +retort Downgrade\n\n-- +retort Downgrade\n",
			`f.sql:7: second "-- +retort Downgrade" section (the first is at line 5)`},
		{"unknown annotation", head + "-- +retort Up\n", `f.sql:4: unknown annotation "-- +retort Up" (want Upgrade, Downgrade, NoTransaction, StatementBegin, StatementEnd or OnlineTool)`},
		{"bare annotation", head + "-- +retort\n", `f.sql:4: unknown annotation "-- +retort" (want Upgrade, Downgrade, NoTransaction, StatementBegin, StatementEnd or OnlineTool)`},
		{"NoTransaction outside a section", head + "-- +retort NoTransaction\n", `f.sql:4: "-- +retort NoTransaction" outside a section`},
		{"second NoTransaction", head + "-- +retort Upgrade NoTransaction\n-- +retort NoTransaction\n",
			`f.sql:5: second "-- +retort NoTransaction" in this section (the first is at line 4)`},
		{"StatementBegin outside a section", head + "-- +retort StatementBegin\n", `f.sql:4: "-- +retort StatementBegin" outside a section`},
		{"unterminated StatementBegin", head + "-- +retort Upgrade\n-- +retort StatementBegin\nSELECT 1;\n-- +retort Downgrade\n",
			`f.sql:5: "-- +retort StatementBegin" without "-- +retort StatementEnd"`},
		{"StatementBegin at end of file", head + "-- +retort Upgrade\n-- +retort Downgrade\n-- +retort StatementBegin\nSELECT 1;\n",
			`f.sql:6: "-- +retort StatementBegin" without "-- +retort StatementEnd"`},
		{"StatementEnd without Begin", head + "-- +retort Upgrade\n-- +retort StatementEnd\n",
			`f.sql:5: "-- +retort StatementEnd" without "-- +retort StatementBegin"`},
		{"unterminated string in Upgrade", head + "-- +retort Upgrade\nSELECT 1;\nSELECT 'x;\n\n-- +retort Downgrade\n",
			"f.sql:6: unterminated quoted string"},
		{"unterminated comment in Downgrade", head + "-- +retort Upgrade\n-- +retort Downgrade\nSELECT 1; /*\n",
			"f.sql:6: unterminated block comment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFile("f.sql", []byte(tt.src), dialect.Postgres)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("ParseFile = %v, want a *FileError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("ParseFile error\n got %s\nwant %s", err, tt.want)
			}
			if fe.Path != "f.sql" {
				t.Errorf("FileError.Path = %q", fe.Path)
			}
		})
	}
}

func TestParseFileMarkersPerDialect(t *testing.T) {
	// The same body splits differently per dialect.
	src := "-- M\n-- Revision ID: a1\n-- +retort Upgrade\nSELECT 'a\\';b';\n-- +retort Downgrade\n"
	my, err := ParseFile("f.sql", []byte(src), dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(my.Upgrade); got != 1 {
		t.Errorf("mysql: %d statements, want 1: %v", got, my.Upgrade)
	}
	delim := "-- M\n-- Revision ID: a1\n-- +retort Upgrade\n\ndelimiter $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n-- +retort Downgrade\n"
	_, err = ParseFile("f.sql", []byte(delim), dialect.MySQL)
	if want := `f.sql:5: DELIMITER is a mysql client command: wrap the statement in "-- +retort StatementBegin" and "-- +retort StatementEnd" instead`; err == nil || err.Error() != want {
		t.Errorf("mysql DELIMITER: %v\nwant %s", err, want)
	}
	pg, err := ParseFile("f.sql", []byte(src), dialect.Postgres)
	if err == nil || !strings.Contains(err.Error(), "unterminated quoted string") {
		t.Errorf("postgres: ParseFile = %v, %v; want an unterminated string", pg, err)
	}
}

// TestParseOnlineHeader: "Online: false" marks a revision as written in
// the plain form on purpose; "Online: true", a value that is not a
// boolean, or no line at all leave it unmarked.
func TestParseOnlineHeader(t *testing.T) {
	for header, want := range map[string]bool{
		"-- Online: false\n": true,
		"-- online: FALSE\n": true,
		"-- Online: true\n":  false,
		"-- Online: maybe\n": false,
		"":                   false,
	} {
		src := "-- m\n-- Revision ID: a1\n-- Revises:\n" + header + "\n-- +retort Upgrade\nSELECT 1;\n-- +retort Downgrade\nSELECT 2;\n"
		rev, err := ParseFile("a1.sql", []byte(src), dialect.Postgres)
		if err != nil {
			t.Fatal(err)
		}
		if rev.Plain != want {
			t.Errorf("%q: Plain = %v, want %v", header, rev.Plain, want)
		}
	}
}
