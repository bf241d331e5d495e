package lint

import (
	"slices"

	"github.com/retortdb/retort/dialect"
)

// Kinds of rules.
const (
	Locking     = "locking"     // blocks reads or writes of a busy table, or rewrites it
	Destructive = "destructive" // loses data
	Failure     = "failure"     // fails on a table that has rows
	Breaking    = "breaking"    // breaks the application that is running during the deploy
)

// Rule describes one check.
type Rule struct {
	Name     string
	Kind     string
	Dialects []dialect.Name
	Summary  string // one line, for `retort lint --rules` and the README
}

var (
	pg    = []dialect.Name{dialect.Postgres}
	my    = []dialect.Name{dialect.MySQL}
	both  = []dialect.Name{dialect.MySQL, dialect.Postgres}
	rules = []Rule{
		{"require-concurrent-index-creation", Locking, pg, "CREATE INDEX on an existing table without CONCURRENTLY blocks writes for the whole build"},
		{"require-concurrent-index-deletion", Locking, pg, "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table"},
		{"require-concurrent-reindex", Locking, pg, "REINDEX without CONCURRENTLY blocks writes (and reads using the index)"},
		{"concurrently-in-transaction", Failure, pg, "CREATE/DROP INDEX CONCURRENTLY or REINDEX CONCURRENTLY in a transactional section fails: it needs a NoTransaction section"},
		{"constraint-missing-not-valid", Locking, both, "ADD FOREIGN KEY / ADD CHECK validates every row under a lock: add it NOT VALID, VALIDATE it in a later transaction (MySQL: foreign keys copy the table unless foreign_key_checks=0)"},
		{"set-not-null", Locking, pg, "ALTER COLUMN SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock unless a validated CHECK (col IS NOT NULL) proves it"},
		{"changing-column-type", Locking, both, "changing a column's type rewrites (PostgreSQL) or copies (MySQL) the table with writes blocked"},
		{"adding-field-with-default", Locking, pg, "ADD COLUMN with a volatile default, a serial type or a stored generated expression rewrites the table under an ACCESS EXCLUSIVE lock"},
		{"adding-required-field", Failure, pg, "ADD COLUMN ... NOT NULL without a default fails on a table that has rows"},
		{"disallowed-unique-constraint", Locking, pg, "ADD UNIQUE / PRIMARY KEY builds its index under an ACCESS EXCLUSIVE lock: build the index CONCURRENTLY first, then add the constraint USING INDEX"},
		{"require-lock-timeout", Locking, both, "DDL that waits for a table lock queues every query behind it: SET lock_timeout (MySQL: lock_wait_timeout) first"},
		{"vacuum-full", Locking, pg, "VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock"},
		{"cluster", Locking, pg, "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock"},
		{"alter-table-algorithm", Locking, my, "ALTER TABLE (or CREATE/DROP INDEX) without ALGORITHM=INSTANT or LOCK=NONE may copy the table with writes blocked; ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE do"},
		{"add-column-not-last", Locking, my, "ADD COLUMN ... FIRST/AFTER is not INSTANT before MySQL 8.0.29: the table is rebuilt"},
		{"add-fulltext-or-spatial-index", Locking, my, "a FULLTEXT or SPATIAL index cannot be built with LOCK=NONE: writes are blocked for the build (the first FULLTEXT index copies the table)"},
		{"optimize-table", Locking, my, "OPTIMIZE TABLE rebuilds the table"},
		{"renaming-column", Breaking, both, "renaming a column breaks the running application, which still uses the old name"},
		{"renaming-table", Breaking, both, "renaming a table breaks the running application, which still uses the old name"},
		{"drop-column", Destructive, both, "dropping a column loses its data, and breaks the running application if it still reads it"},
		{"drop-table", Destructive, both, "DROP TABLE or TRUNCATE loses every row of the table"},
	}
)

// Kinds returns the kinds of rules, which lint-ignore comments and [lint]
// ignore accept as well as rule names.
func Kinds() []string { return []string{Locking, Destructive, Failure, Breaking} }

// Rules returns every rule, in the order of the documentation.
func Rules() []Rule { return slices.Clone(rules) }

// known reports whether name is a rule or a kind of rule.
func known(name string) bool {
	return name == Locking || name == Destructive || name == Failure || name == Breaking || kindOf(name) != ""
}

// kindOf returns the kind of the rule named name, or "".
func kindOf(name string) string {
	for _, r := range rules {
		if r.Name == name {
			return r.Kind
		}
	}
	return ""
}
