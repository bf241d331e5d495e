package migrations

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

// Hostile revision files (issue 6, item 5): each is a one-line error that
// names the file, and the line where it has one; nothing panics or hangs.

const hostileHead = "-- M\n-- Revision ID: a1\n-- Revises:\n" // 3 lines

// checkFileError fails unless err is a one-line *FileError at path that
// reads want.
func checkFileError(t *testing.T, err error, path, want string) {
	t.Helper()
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v, want a *FileError", err)
	}
	if fe.Path != path {
		t.Errorf("FileError.Path = %q, want %q", fe.Path, path)
	}
	if strings.ContainsAny(err.Error(), "\r\n") {
		t.Errorf("error has several lines: %q", err)
	}
	if err.Error() != want {
		t.Errorf("error\n got %s\nwant %s", err, want)
	}
}

func TestParseFileHostile(t *testing.T) {
	garbage := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.UintN(256))
	}
	garbageLine := 1 + strings.Count(string(garbage[:strings.IndexByte(string(garbage), 0)]), "\n")
	long := strings.Repeat("a", 65)
	tests := []struct {
		name, src, want string
	}{
		{"binary garbage", string(garbage), "f.sql:" + strconv.Itoa(garbageLine) + ": not a text file (NUL byte)"},
		{"NUL in a statement", hostileHead + "-- +retort Upgrade\nSELECT '\x00';\n-- +retort Downgrade\n", "f.sql:5: not a text file (NUL byte)"},
		{"invalid UTF-8 in a statement", hostileHead + "-- +retort Upgrade\nSELECT 1;\nSELECT '\xc3\x28';\n-- +retort Downgrade\n", "f.sql:6: not UTF-8 text"},
		{"UTF-16 file", "\xff\xfe-\x00-\x00 \x00M\x00", "f.sql:1: not a text file (NUL byte)"},
		{"second Revises", "-- M\n-- Revision ID: a1\n-- Revises: b\n-- Revises: c\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:4: second "Revises:" header line`},
		{"second Depends On", "-- M\n-- Revision ID: a1\n-- Depends On: b\n-- depends on: c\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:4: second "Depends On:" header line`},
		{"second Create Date", "-- M\n-- Revision ID: a1\n-- Create Date: x\n-- Create Date: y\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:4: second "Create Date:" header line`},
		{"header repeated after the first marker is SQL comment, second Upgrade is not",
			hostileHead + "-- +retort Upgrade\n" + hostileHead + "-- +retort Upgrade\n",
			`f.sql:8: second "-- +retort Upgrade" section (the first is at line 4)`},
		{"id HEAD", "-- M\n-- Revision ID: HEAD\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:2: Revision ID: "HEAD" is reserved and cannot be a revision id`},
		{"id Current", "-- M\n-- Revision ID: Current\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:2: Revision ID: "Current" is reserved and cannot be a revision id`},
		{"id head-1", "-- M\n-- Revision ID: head-1\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:2: Revision ID: revision id "head-1" reads as the relative identifier head-1`},
		{"parent base-2", "-- M\n-- Revision ID: a1\n-- Revises: base-2\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:3: Revises: revision id "base-2" reads as the relative identifier base-2`},
		{"dependency heads", "-- M\n-- Revision ID: a1\n-- Depends On: heads\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:3: Depends On: "heads" is reserved and cannot be a revision id`},
		{"id with a colon", "-- M\n-- Revision ID: a:b\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:2: Revision ID: revision id "a:b" has a character other than letters, digits, "_" and "-"`},
		{"id with a plus", "-- M\n-- Revision ID: a+1\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:2: Revision ID: revision id "a+1" has a character other than letters, digits, "_" and "-"`},
		{"id longer than the version table's column", "-- M\n-- Revision ID: " + long + "\n-- +retort Upgrade\n-- +retort Downgrade\n",
			`f.sql:2: Revision ID: revision id "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"... is 65 characters long, more than 64`},
		{"huge unknown annotation is clipped", hostileHead + "-- +retort " + strings.Repeat("x", 10000) + "\n",
			`f.sql:4: unknown annotation "-- +retort xxxxxxxxxxxxxxxxxxxxxxxxxxxxx"... (want Upgrade, Downgrade, NoTransaction, StatementBegin, StatementEnd or OnlineTool)`},
		{"Downgrade marker only inside a string", hostileHead + "-- +retort Upgrade\nSELECT '\n-- +retort Downgrade\n';\n",
			`f.sql:7: missing "-- +retort Downgrade" section`},
		{"StatementEnd only inside a comment", hostileHead + "-- +retort Upgrade\n-- +retort StatementBegin\nSELECT 1 /*\n-- +retort StatementEnd\n*/;\n-- +retort Downgrade\n",
			`f.sql:5: "-- +retort StatementBegin" without "-- +retort StatementEnd"`},
		{"unterminated string inside a StatementBegin block", hostileHead + "-- +retort Upgrade\n-- +retort StatementBegin\nSELECT 'x;\n-- +retort StatementEnd\n-- +retort Downgrade\n",
			"f.sql:6: unterminated quoted string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFile("f.sql", []byte(tt.src), dialect.Postgres)
			checkFileError(t, err, "f.sql", tt.want)
		})
	}
}

// A "-- +retort" line inside a multi-line string, quoted identifier,
// block comment or dollar quote is SQL text, not a marker.
func TestParseFileMarkerInsideSQL(t *testing.T) {
	tests := []struct {
		name string
		d    dialect.Name
		body string // the Upgrade section; the statement spans it whole
	}{
		{"string", dialect.MySQL, "INSERT INTO notes VALUES ('line one\n-- +retort Downgrade\nline three')"},
		{"mysql double-quoted string", dialect.MySQL, "INSERT INTO notes VALUES (\"a\n  -- +retort StatementBegin\nb\")"},
		{"block comment", dialect.SQLite, "SELECT /* notes:\n-- +retort Downgrade\n*/ 1"},
		{"nested block comment", dialect.Postgres, "SELECT /* a /* b\n-- +retort Upgrade\n*/ still\n-- +retort Downgrade\n*/ 1"},
		{"quoted identifier", dialect.Postgres, "CREATE TABLE \"odd\n-- +retort Downgrade\nname\" (id int)"},
		{"backquoted identifier", dialect.MySQL, "CREATE TABLE `odd\n-- +retort NoTransaction\nname` (id int)"},
		{"dollar quote", dialect.Postgres, "CREATE FUNCTION f() RETURNS text AS $body$\n-- +retort Downgrade\nSELECT 'x';\n$body$ LANGUAGE sql"},
		{"E string", dialect.Postgres, "SELECT E'it\\'s\n-- +retort Downgrade\n'"},
		{"sqlite brackets", dialect.SQLite, "CREATE TABLE [odd\n-- +retort Downgrade\n] (id int)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := hostileHead + "-- +retort Upgrade\n" + tt.body + ";\n-- +retort Downgrade\nDROP TABLE x;\n"
			rev, err := ParseFile("f.sql", []byte(src), tt.d)
			if err != nil {
				t.Fatal(err)
			}
			downLine := 5 + strings.Count(tt.body, "\n") + 2
			want := &Revision{ID: "a1", Message: "M",
				Upgrade:   []Statement{{tt.body, 5}},
				Downgrade: []Statement{{"DROP TABLE x", downLine}},
			}
			rev.Path, rev.Checksum = "", ""
			if diff := cmp.Diff(want, rev); diff != "" {
				t.Errorf("ParseFile (-want +got):\n%s", diff)
			}
		})
	}
	// Inside a StatementBegin block too: the block ends at the real
	// StatementEnd.
	src := hostileHead + "-- +retort Upgrade\n-- +retort StatementBegin\nCREATE PROCEDURE p() BEGIN\n  SELECT '\n-- +retort StatementEnd\n';\nEND\n-- +retort StatementEnd\n-- +retort Downgrade\n"
	rev, err := ParseFile("f.sql", []byte(src), dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	want := []Statement{{"CREATE PROCEDURE p() BEGIN\n  SELECT '\n-- +retort StatementEnd\n';\nEND", 6}}
	if diff := cmp.Diff(want, rev.Upgrade); diff != "" {
		t.Errorf("block (-want +got):\n%s", diff)
	}
}

// CRLF line endings and a byte-order mark parse as the same revision as
// the plain file.
func TestParseFileCRLFAndBOM(t *testing.T) {
	plain := hostileHead + "-- Create Date: 2026-01-01\n-- WARNING: drops t\n\n-- +retort Upgrade\nCREATE TABLE t (\n  id int\n);\nINSERT INTO t VALUES ('a\nb');\n\n-- +retort Downgrade NoTransaction\nDROP TABLE t;\n"
	want, err := ParseFile("f.sql", []byte(plain), dialect.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	crlf := strings.ReplaceAll(plain, "\n", "\r\n")
	for name, src := range map[string]string{"CRLF": crlf, "BOM": "\uFEFF" + plain, "BOM and CRLF": "\uFEFF" + crlf} {
		t.Run(name, func(t *testing.T) {
			got, err := ParseFile("f.sql", []byte(src), dialect.SQLite)
			if err != nil {
				t.Fatal(err)
			}
			// Statement text keeps its own line endings (a string literal's
			// "\r\n" is data); only that differs.
			for i := range got.Upgrade {
				got.Upgrade[i].SQL = strings.ReplaceAll(got.Upgrade[i].SQL, "\r\n", "\n")
			}
			if diff := cmp.Diff(want, got, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Checksum" }, cmp.Ignore())); diff != "" {
				t.Errorf("ParseFile (-plain +%s):\n%s", name, diff)
			}
		})
	}
}

// A file above MaxFileSize is refused before it is read: on disk (a sparse
// 50 MiB file, through DirFS and os.DirFS), in an fs.FS, and in ParseFile.
func TestLoadGraphLargeFile(t *testing.T) {
	dir := t.TempDir()
	versions := filepath.Join(dir, "versions")
	if err := os.Mkdir(versions, 0o755); err != nil {
		t.Fatal(err)
	}
	ok := []byte(hostileHead + "-- +retort Upgrade\n-- +retort Downgrade\n")
	if err := os.WriteFile(filepath.Join(versions, "a1.sql"), ok, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(versions, "big.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(ok); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	const want = "versions/big.sql: file is 50.0 MiB, above the 16 MiB limit for a revision file"
	for name, fsys := range map[string]fs.FS{"DirFS": DirFS(dir), "os.DirFS": os.DirFS(dir)} {
		t.Run(name, func(t *testing.T) {
			_, err := LoadGraph(fsys, dialect.SQLite)
			checkFileError(t, err, "versions/big.sql", want)
			_, err = LoadGraphHeaders(fsys, dialect.SQLite)
			checkFileError(t, err, "versions/big.sql", want)
		})
	}
	t.Run("MapFS", func(t *testing.T) {
		big := make([]byte, MaxFileSize+1)
		copy(big, ok)
		fsys := fstest.MapFS{"versions/a1.sql": {Data: ok}, "versions/big.sql": {Data: big}}
		_, err := LoadGraph(fsys, dialect.SQLite)
		checkFileError(t, err, "versions/big.sql", "versions/big.sql: file is 16.0 MiB, above the 16 MiB limit for a revision file")
		_, err = ParseFile("versions/big.sql", big, dialect.SQLite)
		checkFileError(t, err, "versions/big.sql", "versions/big.sql: file is 16.0 MiB, above the 16 MiB limit for a revision file")
	})
}

// LoadGraphHeaders reads the same graph as LoadGraph, without the
// statements, and checks the files as fully.
func TestLoadGraphHeaders(t *testing.T) {
	fsys := genHistory(300)
	full, err := LoadGraph(fsys, dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	heads, err := LoadGraphHeaders(fsys, dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	strip := func(revs []*Revision) []Revision {
		out := make([]Revision, len(revs))
		for i, r := range revs {
			out[i] = *r
			out[i].Upgrade, out[i].Downgrade, out[i].HeadersOnly = nil, nil, false
		}
		return out
	}
	if diff := cmp.Diff(strip(full.Revisions()), strip(heads.Revisions())); diff != "" {
		t.Errorf("LoadGraphHeaders differs from LoadGraph (-full +headers):\n%s", diff)
	}
	for _, r := range heads.Revisions() {
		if r.Upgrade != nil || r.Downgrade != nil {
			t.Fatalf("%s: LoadGraphHeaders kept the statements", r.ID)
		}
	}
	if diff := cmp.Diff(full.Heads(), heads.Heads()); diff != "" {
		t.Errorf("heads (-full +headers):\n%s", diff)
	}
	for _, tt := range []struct{ src, want string }{
		{hostileHead + "-- +retort Upgrade\nSELECT 'x;\n", "versions/a1.sql:5: unterminated quoted string"},
		{hostileHead + "-- +retort Upgrade\nSELECT 1;\n", `versions/a1.sql:5: missing "-- +retort Downgrade" section`},
		{hostileHead, `versions/a1.sql:3: missing "-- +retort Upgrade" section`},
		{hostileHead + "-- +retort Downgrade\n", `versions/a1.sql:4: "-- +retort Downgrade" before "-- +retort Upgrade"`},
		{"-- M\n-- Revision ID: head\n-- +retort Upgrade\n", `versions/a1.sql:2: Revision ID: "head" is reserved and cannot be a revision id`},
		{"\x00", "versions/a1.sql:1: not a text file (NUL byte)"},
	} {
		_, err := LoadGraphHeaders(fstest.MapFS{"versions/a1.sql": {Data: []byte(tt.src)}}, dialect.MySQL)
		checkFileError(t, err, "versions/a1.sql", tt.want)
	}
}
