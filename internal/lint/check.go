package lint

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// checker walks the statements of one section in order, remembering what
// earlier statements did: tables and indexes created in the section (a new
// table is empty and unused, so nothing on it locks anyone), a lock
// timeout set, constraints added NOT VALID.
type checker struct {
	d    dialect.Name
	sec  section
	line int // the current statement's line
	out  []Finding

	newTables, newIndexes map[string]bool
	lockTimeout           bool // a SET lock_timeout (lock_wait_timeout) came before
	lockTimeoutReported   bool
	noFKChecks            bool              // MySQL: SET foreign_key_checks = 0 came before
	notValid              map[string]bool   // constraints added NOT VALID in this section
	notNullCheck          map[string]string // constraint name -> the column its CHECK (col IS NOT NULL) proves
	provenNotNull         map[string]bool   // columns proven NOT NULL by a validated check
}

func newChecker(d dialect.Name, sec section) *checker {
	return &checker{
		d: d, sec: sec,
		newTables: map[string]bool{}, newIndexes: map[string]bool{},
		notValid: map[string]bool{}, notNullCheck: map[string]string{}, provenNotNull: map[string]bool{},
	}
}

// report adds a finding at the current statement. A rule of kind
// Destructive is not reported in a downgrade: dropping what the upgrade
// created is what a downgrade is for.
func (c *checker) report(rule, msg, safe string) {
	if !c.sec.upgrade && kindOf(rule) == Destructive {
		return
	}
	for i := len(c.out) - 1; i >= 0 && c.out[i].Line == c.line; i-- {
		if c.out[i].Rule == rule {
			return // once per statement and rule
		}
	}
	c.out = append(c.out, Finding{Line: c.line, Rule: rule, Message: msg, Safe: safe})
}

// locks notes that the current statement waits for a lock on an existing
// table: without a lock timeout set before it, it is reported once per
// section.
func (c *checker) locks() {
	if c.lockTimeout || c.lockTimeoutReported {
		return
	}
	c.lockTimeoutReported = true
	if c.d == dialect.MySQL {
		c.report("require-lock-timeout", "this DDL waits for the table's metadata lock behind any open transaction, and every query on the table then waits behind it (lock_wait_timeout defaults to a year)",
			"SET SESSION lock_wait_timeout = 5; before it, and retry the revision if it times out")
		return
	}
	c.report("require-lock-timeout", "this DDL waits for its lock behind any open transaction, and every query on the table then waits behind it",
		"SET lock_timeout = '5s'; before it, and retry the revision if it times out")
}

// statement checks one statement.
func (c *checker) statement(t toks) {
	switch {
	case t.is(0, "SET"):
		c.set(t)
	case t.is(0, "CREATE"):
		c.create(t)
	case t.is(0, "ALTER"):
		c.alter(t)
	case t.is(0, "DROP"):
		c.drop(t)
	case t.is(0, "TRUNCATE"):
		i := 1
		if t.is(i, "TABLE") {
			i++
		}
		if t.is(i, "ONLY") {
			i++
		}
		for _, name := range t.nameList(i) {
			if !c.newTables[name] {
				c.locks()
				c.report("drop-table", fmt.Sprintf("TRUNCATE deletes every row of %s", name),
					"make sure the rows are not needed (back them up), or delete them in batches")
			}
		}
	case t.is(0, "RENAME", "TABLE") && c.d == dialect.MySQL:
		c.locks()
		c.report("renaming-table", "renaming a table breaks the running application, which still uses the old name", safeRenameTable)
	case t.is(0, "VACUUM") && c.d == dialect.Postgres:
		if t.hasWord("FULL") && !t.hasWord("FALSE") && !t.hasWord("OFF") {
			c.locks()
			c.report("vacuum-full", "VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock: no reads or writes until it ends",
				"plain VACUUM (no lock), or pg_repack / pg_squeeze to compact a busy table")
		}
	case t.is(0, "CLUSTER") && c.d == dialect.Postgres:
		c.locks()
		c.report("cluster", "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock: no reads or writes until it ends",
			"pg_repack --order-by, or leave the table unclustered")
	case t.is(0, "REINDEX") && c.d == dialect.Postgres:
		if t.hasWord("CONCURRENTLY") {
			c.concurrently("REINDEX CONCURRENTLY")
			return
		}
		c.locks()
		c.report("require-concurrent-reindex", "REINDEX blocks writes to the table (and reads that use the index) while it rebuilds",
			"REINDEX ... CONCURRENTLY in a \"-- +retort Upgrade NoTransaction\" section (PostgreSQL 12+)")
	case t.is(0, "OPTIMIZE") && c.d == dialect.MySQL:
		c.locks()
		c.report("optimize-table", "OPTIMIZE TABLE rebuilds the whole table (and copies it, blocking writes, when it has a FULLTEXT index)",
			"run it outside the migrations, at a quiet hour, or rebuild with pt-online-schema-change / gh-ost")
	}
}

// set reads the session settings the other rules care about.
func (c *checker) set(t toks) {
	value := func(name string) (string, bool) {
		for i := range t {
			if t[i].kind == word && t[i].up == name {
				j := i + 1
				if t.isPunct(j, "=") || t.is(j, "TO") {
					j++
				}
				if j < len(t) {
					return strings.Trim(strings.ToUpper(t[j].text), "'\""), true
				}
			}
		}
		return "", false
	}
	if c.d == dialect.Postgres {
		if v, ok := value("LOCK_TIMEOUT"); ok {
			c.lockTimeout = v != "0" && v != "DEFAULT"
		}
		return
	}
	if v, ok := value("LOCK_WAIT_TIMEOUT"); ok {
		c.lockTimeout = v != "DEFAULT"
	}
	if v, ok := value("FOREIGN_KEY_CHECKS"); ok {
		c.noFKChecks = v == "0" || v == "OFF"
	}
}

// create handles CREATE TABLE and CREATE INDEX.
func (c *checker) create(t toks) {
	i := 1
	if t.is(i, "OR", "REPLACE") {
		i += 2
	}
	for t.is(i, "TEMP") || t.is(i, "TEMPORARY") || t.is(i, "UNLOGGED") || t.is(i, "GLOBAL") || t.is(i, "LOCAL") {
		i++
	}
	if t.is(i, "TABLE") {
		i++
		if t.is(i, "IF", "NOT", "EXISTS") {
			i += 3
		}
		if name, _ := t.name(i); name != "" {
			c.newTables[name] = true
		}
		return
	}
	kind := ""
	for t.is(i, "UNIQUE") || t.is(i, "FULLTEXT") || t.is(i, "SPATIAL") {
		kind = t[i].up
		i++
	}
	if !t.is(i, "INDEX") {
		return
	}
	i++
	concurrently := t.is(i, "CONCURRENTLY")
	if concurrently {
		i++
	}
	if t.is(i, "IF", "NOT", "EXISTS") {
		i += 3
	}
	index := ""
	if !t.is(i, "ON") {
		index, i = t.name(i)
	}
	on := t.find(i, "ON")
	if on < 0 {
		return
	}
	j := on + 1
	if t.is(j, "ONLY") {
		j++
	}
	table, _ := t.name(j)
	if index != "" {
		c.newIndexes[index] = true
	}
	if c.newTables[table] {
		if concurrently {
			c.concurrently("CREATE INDEX CONCURRENTLY")
		}
		return
	}
	if c.d == dialect.Postgres {
		if concurrently {
			c.concurrently("CREATE INDEX CONCURRENTLY")
			return
		}
		c.locks()
		c.report("require-concurrent-index-creation", fmt.Sprintf("CREATE INDEX on %s blocks its writes for the whole build", table),
			"CREATE INDEX CONCURRENTLY in a \"-- +retort Upgrade NoTransaction\" section")
		return
	}
	c.locks()
	if kind == "FULLTEXT" || kind == "SPATIAL" {
		c.reportFulltext(kind)
		return
	}
	c.algorithm(t, "CREATE INDEX")
}

// concurrently reports a CONCURRENTLY statement in a transaction.
func (c *checker) concurrently(what string) {
	if c.sec.noTx {
		return
	}
	c.report("concurrently-in-transaction", what+" cannot run inside a transaction: this section runs in one, and the statement fails",
		"put it in a section marked \"-- +retort Upgrade NoTransaction\" (or Downgrade NoTransaction), one statement there")
}

// drop handles DROP TABLE and DROP INDEX.
func (c *checker) drop(t toks) {
	i := 1
	if t.is(i, "TEMPORARY") {
		i++
	}
	switch {
	case t.is(i, "TABLE"):
		i++
		if t.is(i, "IF", "EXISTS") {
			i += 2
		}
		for _, name := range t.nameList(i) {
			if c.newTables[name] {
				continue
			}
			c.locks()
			c.report("drop-table", fmt.Sprintf("DROP TABLE %s loses every row of it, and breaks the running application if it still uses it", name), safeDrop)
		}
	case t.is(i, "INDEX"):
		i++
		concurrently := t.is(i, "CONCURRENTLY")
		if concurrently {
			i++
		}
		if t.is(i, "IF", "EXISTS") {
			i += 2
		}
		index, next := t.name(i)
		if c.d == dialect.MySQL {
			table := ""
			if t.is(next, "ON") {
				table, _ = t.name(next + 1)
			}
			if c.newTables[table] {
				return
			}
			c.locks()
			c.algorithm(t, "DROP INDEX")
			return
		}
		if concurrently {
			c.concurrently("DROP INDEX CONCURRENTLY")
			return
		}
		if c.newIndexes[index] {
			return
		}
		c.locks()
		c.report("require-concurrent-index-deletion", fmt.Sprintf("DROP INDEX %s takes an ACCESS EXCLUSIVE lock on its table: no reads or writes while it waits and runs", index),
			"DROP INDEX CONCURRENTLY in a \"-- +retort Upgrade NoTransaction\" section")
	}
}

const (
	safeDrop = "first deploy code that no longer uses it, then drop it in a later revision, " +
		"and silence this with -- retort:lint-ignore once the data is known to be unneeded"
	safeRenameColumn = "add the new column, write both, backfill, move the readers, drop the old one in a later revision (or keep the old name in the code)"
	safeRenameTable  = "create the new table (or a view under the new name), write both, backfill, move the readers, drop the old one later"
)

// reportFulltext reports a FULLTEXT or SPATIAL index on an existing MySQL
// table.
func (c *checker) reportFulltext(kind string) {
	c.report("add-fulltext-or-spatial-index", fmt.Sprintf("a %s index is built with writes to the table blocked (LOCK=NONE is refused for it)", kind),
		"build it with pt-online-schema-change or gh-ost, or in a maintenance window")
}

// algorithm checks the ALGORITHM= and LOCK= clauses of a MySQL ALTER
// TABLE, CREATE INDEX or DROP INDEX: the statement must ask for INSTANT,
// or for LOCK=NONE (with INPLACE or alone), so that the server refuses a
// change it cannot make without blocking writes instead of doing it.
func (c *checker) algorithm(t toks, what string) {
	alg, lock := t.option("ALGORITHM"), t.option("LOCK")
	safe := "state it: ALGORITHM=INSTANT where the server can, else ALGORITHM=INPLACE, LOCK=NONE (the server then refuses instead of locking)"
	if what == "DROP INDEX" {
		safe = "ALTER TABLE ... DROP INDEX ..., ALGORITHM=INPLACE, LOCK=NONE (MariaDB's DROP INDEX takes no ALGORITHM or LOCK)"
	}
	switch {
	case alg == "INSTANT" || alg == "NOCOPY":
	case lock == "NONE" && alg != "COPY":
	case alg == "COPY":
		c.report("alter-table-algorithm", what+" with ALGORITHM=COPY copies the table with writes blocked", safe)
	case lock == "SHARED" || lock == "EXCLUSIVE":
		c.report("alter-table-algorithm", fmt.Sprintf("%s with LOCK=%s blocks writes for the whole change", what, lock), safe)
	default:
		c.report("alter-table-algorithm", what+" without ALGORITHM=INSTANT or LOCK=NONE lets the server copy the table, blocking writes, when it cannot change it in place", safe)
	}
}
