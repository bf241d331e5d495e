package lint

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
)

// BenchmarkRevision lints a revision of 2,000 statements, half of them
// reported, each under a comment line.
func BenchmarkRevision(b *testing.B) {
	var up strings.Builder
	for i := range 1000 {
		up.WriteString("-- a comment\nALTER TABLE t ADD COLUMN c int DEFAULT 0;\n")
		if i%2 == 0 {
			up.WriteString("CREATE INDEX i ON t (c);\n")
		} else {
			up.WriteString("INSERT INTO t VALUES ('ALTER TABLE x DROP COLUMN y');\n")
		}
	}
	src := []byte(revisionFile(up.String(), "", false))
	rev, err := migrations.ParseFile("x.sql", src, dialect.Postgres)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Revision(rev, src, Options{Dialect: dialect.Postgres})
	}
}
