package hostile

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/codegen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
)

// hostileMessages try to end the header, open a section, forge a header
// line or a statement, or carry bytes a revision file must not hold.
var hostileMessages = []string{
	"x'); DROP TABLE users; --\n-- +retort Downgrade",
	"\n-- +retort Upgrade\nDROP TABLE users;\n-- +retort Downgrade\n",
	"add users\r\n-- +retort Downgrade\r\nDROP TABLE users;",
	"ok\n-- Revision ID: evil\n-- Revises: 0123456789ab",
	"ok\nWARNING: nothing",
	"*/ DROP TABLE users; /*",
	"$$; DROP TABLE users; $$",
	"`; DROP TABLE users; --",
	"\"; DROP TABLE users; --",
	"-- +retort StatementBegin",
	"line\u2028separator\u2029paragraph\u0085next\vtab\fform",
	"nul\x00byte",
	"bad \xff utf-8",
	"\ufeffbyte-order mark",
	"prénom 名前 🚀",
	strings.Repeat("long ", 400),
	"",
}

// TestHostileMessages renders a revision with each message and parses it
// back: the same id, no parents, the same statements, no warnings, and a
// message of one line.
func TestHostileMessages(t *testing.T) {
	up := []string{
		"CREATE TABLE `x; --` (`a` int)",
		"INSERT INTO `x; --` (`a`) VALUES (1)",
	}
	down := []string{"DROP TABLE `x; --`"}
	for i, msg := range hostileMessages {
		rev := codegen.Revision{ID: "0123456789ab", Message: msg, CreateDate: "2026-01-01T00:00:00Z", Upgrade: up, Downgrade: down}
		file, err := codegen.Render(codegen.Default(), rev)
		if err != nil {
			t.Errorf("message %d %q: codegen.Render: %v", i, msg, err)
			continue
		}
		parsed, err := migrations.ParseFile(file.Path, file.Data, dialect.MySQL)
		if err != nil {
			// codegen wrote a file retort cannot read: it must refuse the
			// message, or write it so that it reads back.
			t.Errorf("message %d %q: codegen.Render wrote a file that migrations.ParseFile refuses: %v\n%s", i, msg, err, file.Data)
			continue
		}
		if parsed.ID != rev.ID || len(parsed.Parents) != 0 || len(parsed.Warnings) != 0 {
			t.Errorf("message %d %q: read back id %q, parents %q, warnings %q; want %q, none, none\n%s",
				i, msg, parsed.ID, parsed.Parents, parsed.Warnings, rev.ID, file.Data)
		}
		sameStatements(t, "upgrade", up, parsed.Upgrade, file.Data)
		sameStatements(t, "downgrade", down, parsed.Downgrade, file.Data)
		if strings.ContainsAny(parsed.Message, "\r\n\x00") {
			t.Errorf("message %d %q: read back as %q, more than one line", i, msg, parsed.Message)
		}
		if name, ok := strings.CutPrefix(file.Path, "versions/"); !ok || strings.ContainsAny(name, "/\\'\"`;$ \r\n\x00") {
			t.Errorf("message %d %q: file path %q", i, msg, file.Path)
		}
	}
}
