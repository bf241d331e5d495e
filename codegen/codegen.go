// Package codegen renders revision files in memory. Writing them to disk is
// the caller's job, so dry runs, `check` and golden tests share the code.
package codegen

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
	"github.com/retortdb/retort/templates"
)

// File is a generated file: its path relative to the migrations folder and
// its content.
type File struct {
	Path string
	Data []byte
}

// Revision is what a revision template is rendered with.
type Revision struct {
	ID         string
	Message    string
	Revises    []string
	DependsOn  []string
	CreateDate string
	// BranchLabels name the branch this revision starts or is on
	// (revision --branch-label), written as a "Branch Labels:" line.
	BranchLabels []string
	// Plain is set when autogenerate wrote the plain, blocking form of
	// each change ([migrations] online = false, revision --online=false):
	// the file says so with an "Online: false" header line, which `retort
	// lint` reads as a decision, and rebase --autogenerate keeps.
	Plain bool
	// Autogenerate fills these.
	Changes  []string // a line per change, in plain words
	Warnings []string // data loss and locking, of the upgrade
	// DowngradeWarnings are the same for the downgrade, which has its own
	// (it narrows what the upgrade widens, drops what it adds).
	DowngradeWarnings []string
	Notes             []string // what retort saw but does not manage
	Upgrade           []string // statements without the final ';'
	Downgrade         []string
	// A section that cannot run inside one transaction (a SQLite table
	// rebuild that switches foreign keys off) is marked NoTransaction.
	UpgradeNoTransaction   bool
	DowngradeNoTransaction bool
	// Dialect is the statements' dialect (autogenerate's plan sets it):
	// a statement its splitter would cut is written between
	// StatementBegin and StatementEnd markers. Empty: one that MySQL's
	// or PostgreSQL's would cut.
	Dialect dialect.Name
}

// ValidID reports whether id may be used as a revision id (--rev-id).
//
// (A loop, not the regexp ^[A-Za-z0-9_-]{1,64}$: compiling that at start-up
// cost every command 0.85 ms.)
func ValidID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '_', c == '-':
		default:
			return false
		}
	}
	return true
}

// NewID returns a random 12-digit lower-case hex revision id read from r
// (crypto/rand when r is nil).
func NewID(r io.Reader) (string, error) {
	if r == nil {
		r = rand.Reader
	}
	var b [6]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return "", fmt.Errorf("codegen: revision id: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// FormatDate formats a creation time as the Create Date: header does.
func FormatDate(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Slug turns a message into the file-name part after the id: lower-case
// ASCII letters and digits joined by underscores, cut at a word boundary to
// at most 40 characters.
func Slug(msg string) string {
	words := strings.FieldsFunc(strings.ToLower(msg), func(r rune) bool {
		return r >= unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r))
	})
	slug := ""
	for _, w := range words {
		next := w
		if slug != "" {
			next = slug + "_" + w
		}
		if len(next) > 40 {
			if slug == "" {
				slug = w[:40]
			}
			break
		}
		slug = next
	}
	return slug
}

// Render renders a revision with tmpl (templates.Parse of the default or a
// project's own script.sql.tmpl) and returns the file at
// versions/<id>_<slug>.sql.
func Render(tmpl *template.Template, rev Revision) (File, error) {
	if !ValidID(rev.ID) {
		return File{}, fmt.Errorf("codegen: invalid revision id %q (want letters, digits, _ or -)", rev.ID)
	}
	rev.Message = oneLine(rev.Message)
	rev.Changes = oneLines(rev.Changes)
	rev.Warnings = oneLines(rev.Warnings)
	rev.DowngradeWarnings = oneLines(rev.DowngradeWarnings)
	rev.Notes = oneLines(rev.Notes)
	rev.Upgrade = blocks(rev.Upgrade, rev.Dialect)
	rev.Downgrade = blocks(rev.Downgrade, rev.Dialect)
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, rev); err != nil {
		return File{}, fmt.Errorf("codegen: render %s: %w", tmpl.Name(), err)
	}
	data := bytes.ReplaceAll(buf.Bytes(), []byte(blockEnd+";"), []byte(blockEnd))
	name := rev.ID
	if s := Slug(rev.Message); s != "" {
		name += "_" + s
	}
	return File{Path: path.Join("versions", name+".sql"), Data: data}, nil
}

// Default returns the embedded default revision template, parsed.
func Default() *template.Template {
	t, err := templates.Parse(templates.RevisionName, templates.Default())
	if err != nil {
		panic("codegen: default template: " + err.Error())
	}
	return t
}

// oneLine keeps header text on one comment line of valid text, so that no
// message can open a section of its own or make the file unreadable:
// invalid UTF-8 becomes U+FFFD and control characters become spaces.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\uFEFF' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.Fields(s), " ")
}

func oneLines(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = oneLine(s)
	}
	return out
}

// The markers of a statement the file's splitter must not cut.
const (
	blockBegin = "-- +retort StatementBegin\n"
	blockEnd   = "\n-- +retort StatementEnd"
)

// blocks wraps each statement that holds semicolons of its own (a MySQL
// procedure's body: the online form of a foreign key, diff/online.go)
// between StatementBegin and StatementEnd markers, so that the revision
// file reads back as the same statements: those the splitter of d would
// cut, or with no d, that of MySQL or of PostgreSQL (wrapping one that
// did not need it changes nothing but the file's look). Render takes the
// ';' a template writes after each statement off the StatementEnd line,
// so that a project's own template ending each statement with ';' keeps
// working.
func blocks(stmts []string, d dialect.Name) []string {
	var out []string
	for i, s := range stmts {
		if !cut(s, d) {
			continue
		}
		if out == nil {
			out = append([]string(nil), stmts...)
		}
		out[i] = blockBegin + s + blockEnd
	}
	if out == nil {
		return stmts
	}
	return out
}

// cut reports whether the splitter of d (with no d, of MySQL or of
// PostgreSQL) reads s as more than one statement, or cannot read it.
func cut(s string, d dialect.Name) bool {
	if !strings.Contains(s, ";") {
		return false
	}
	ds := []dialect.Name{d}
	if d == "" {
		ds = []dialect.Name{dialect.MySQL, dialect.Postgres}
	}
	for _, d := range ds {
		if parts, err := migrations.SplitStatements(s, d, 1); err != nil || len(parts) > 1 {
			return true
		}
	}
	return false
}
