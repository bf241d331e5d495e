package lint

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
)

// FuzzLint lints arbitrary upgrade sections on both dialects with rules:
// whatever the text, lint returns (no panic, no endless loop), and every
// finding names a known rule and a line inside the file.
func FuzzLint(f *testing.F) {
	for _, seed := range []string{
		"CREATE INDEX i ON t (a);",
		"ALTER TABLE t ADD COLUMN a int DEFAULT random(), ALTER a SET NOT NULL, ADD CONSTRAINT c CHECK (a > 0);",
		"ALTER TABLE `t` MODIFY `a` bigint, ALGORITHM=COPY /*! , LOCK=NONE */;",
		"-- retort:lint-ignore drop-table, nope\nDROP TABLE t; TRUNCATE u",
		"DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$; SELECT E'\\'' ;",
		"ALTER TABLE",
		"ALTER TABLE t ADD CONSTRAINT",
		"CREATE UNIQUE INDEX CONCURRENTLY ON",
		"VACUUM (FULL",
		"SET lock_timeout",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, up string) {
		src := revisionFile(up, "", false)
		for _, d := range []dialect.Name{dialect.Postgres, dialect.MySQL} {
			rev, err := migrations.ParseFile("x.sql", []byte(src), d)
			if err != nil {
				continue // not a revision file: the parser's business
			}
			Revision(rev, nil, Options{Dialect: d}) // the warnings' first pass
			lines := strings.Count(src, "\n") + 1
			for _, fd := range Revision(rev, []byte(src), Options{Dialect: d}) {
				if fd.Rule != "lint-ignore" && kindOf(fd.Rule) == "" {
					t.Errorf("%s: unknown rule in %s", d, fd)
				}
				if fd.Line < 1 || fd.Line > lines {
					t.Errorf("%s: line out of the file in %s", d, fd)
				}
			}
		}
	})
}
