package lint

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// alter handles ALTER TABLE: its actions, one by one.
func (c *checker) alter(t toks) {
	i := 1
	for t.is(i, "ONLINE") || t.is(i, "IGNORE") { // MariaDB's older spellings
		i++
	}
	if !t.is(i, "TABLE") {
		return
	}
	i++
	if t.is(i, "IF", "EXISTS") {
		i += 2
	}
	if t.is(i, "ONLY") {
		i++
	}
	table, next := t.name(i)
	if table == "" {
		return
	}
	if t.isPunct(next, "*") {
		next++
	}
	actions := t[next:].split()
	if c.newTables[table] {
		// An empty table nobody uses yet: nothing to lock, but the
		// constraints added to it are remembered.
		for _, a := range actions {
			c.remember(a)
		}
		return
	}
	onlyValidate := true
	for _, a := range actions {
		if !a.is(0, "VALIDATE") {
			onlyValidate = false
		}
	}
	if !onlyValidate { // VALIDATE CONSTRAINT blocks no reads nor writes
		c.locks()
	}
	if c.d == dialect.MySQL {
		c.alterMySQL(table, t, actions)
		return
	}
	for _, a := range actions {
		c.alterPostgres(table, a)
	}
}

// remember notes the NOT VALID and NOT NULL checks an action adds.
func (c *checker) remember(a toks) {
	if !a.is(0, "ADD") {
		return
	}
	name, body := constraintOf(a)
	if name == "" {
		return
	}
	if a.has("NOT", "VALID") {
		c.notValid[name] = true
	}
	if body.is(0, "CHECK") {
		if col := notNullColumn(body[1:]); col != "" {
			c.notNullCheck[name] = col
		}
	}
}

// constraintOf returns the name and the body (from CHECK, FOREIGN,
// UNIQUE, PRIMARY, EXCLUDE on) of an "ADD [CONSTRAINT [name]] ..." action.
func constraintOf(a toks) (string, toks) {
	i := 1
	name := ""
	if a.is(i, "CONSTRAINT") {
		i++
		// MySQL allows CONSTRAINT without a name: CONSTRAINT CHECK (...).
		if !startsBody(a, i) || startsBody(a, i+1) {
			name, i = a.name(i)
		}
	}
	return name, a[i:]
}

func startsBody(a toks, i int) bool {
	return a.is(i, "CHECK") || a.is(i, "FOREIGN") || a.is(i, "UNIQUE") || a.is(i, "PRIMARY") || a.is(i, "EXCLUDE")
}

// notNullColumn returns col when the tokens start with
// "( col IS NOT NULL )".
func notNullColumn(t toks) string {
	if len(t) >= 6 && t.isPunct(0, "(") && t.is(2, "IS", "NOT", "NULL") && t.isPunct(5, ")") {
		return strings.ToLower(t[1].up)
	}
	return ""
}

// alterPostgres checks one action of a PostgreSQL ALTER TABLE on an
// existing table.
func (c *checker) alterPostgres(table string, a toks) {
	switch {
	case a.is(0, "ADD") && isConstraint(a, 1):
		c.addConstraintPostgres(table, a)
	case a.is(0, "ADD"):
		c.addColumnPostgres(table, a)
	case a.is(0, "ALTER"):
		i := 1
		if a.is(i, "COLUMN") {
			i++
		}
		col, next := a.name(i)
		switch {
		case a.is(next, "TYPE") || a.is(next, "SET", "DATA", "TYPE"):
			c.report("changing-column-type", fmt.Sprintf("changing the type of %s.%s rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (varchar widening and a few binary-compatible casts excepted)", table, col),
				"add a column of the new type, write both, backfill in batches, move the readers, drop the old column in a later revision")
		case a.is(next, "SET", "NOT", "NULL"):
			if c.provenNotNull[col] {
				return
			}
			c.report("set-not-null", fmt.Sprintf("SET NOT NULL on %s.%s scans the whole table under an ACCESS EXCLUSIVE lock", table, col),
				fmt.Sprintf("ADD CONSTRAINT %[1]s_not_null CHECK (%[1]s IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT %[1]s_not_null in a later transaction; then SET NOT NULL (PostgreSQL 12+ skips the scan) and DROP CONSTRAINT %[1]s_not_null", col))
		}
	case a.is(0, "DROP") && !isConstraint(a, 1) && !a.is(1, "CONSTRAINT") && !a.is(1, "NOT") && !a.is(1, "DEFAULT"):
		c.dropColumn(a, table)
	case a.is(0, "RENAME", "TO"):
		c.renamed("renaming-table", table)
	case a.is(0, "RENAME") && !a.is(1, "CONSTRAINT"):
		c.renamed("renaming-column", table)
	case a.is(0, "VALIDATE", "CONSTRAINT"):
		name, _ := a.name(2)
		if c.notValid[name] && !c.sec.noTx {
			c.report("constraint-missing-not-valid", fmt.Sprintf("VALIDATE CONSTRAINT %s runs in the transaction that added it NOT VALID, so the ADD's lock is held during the scan", name),
				"VALIDATE CONSTRAINT in a later revision, or in a NoTransaction section")
		}
		if col := c.notNullCheck[name]; col != "" {
			c.provenNotNull[col] = true
		}
	}
}

// isConstraint reports whether the action's words from i on start a
// table constraint rather than a column.
func isConstraint(a toks, i int) bool {
	return a.is(i, "CONSTRAINT") || a.is(i, "CHECK") || a.is(i, "FOREIGN") || a.is(i, "UNIQUE") ||
		a.is(i, "PRIMARY") || a.is(i, "EXCLUDE") || a.is(i, "INDEX") || a.is(i, "KEY") ||
		a.is(i, "FULLTEXT") || a.is(i, "SPATIAL")
}

func (c *checker) addConstraintPostgres(table string, a toks) {
	c.remember(a)
	name, body := constraintOf(a)
	notValid := a.has("NOT", "VALID")
	switch {
	case body.is(0, "FOREIGN") || body.is(0, "CHECK"):
		if notValid {
			return
		}
		what := "FOREIGN KEY"
		if body.is(0, "CHECK") {
			what = "CHECK"
		}
		if name == "" {
			name = "NAME"
		}
		c.report("constraint-missing-not-valid", fmt.Sprintf("ADD %s on %s checks every row while holding a lock that blocks writes", what, table),
			fmt.Sprintf("ADD CONSTRAINT %s ... NOT VALID; then ALTER TABLE %s VALIDATE CONSTRAINT %s in a later transaction", name, table, name))
	case body.is(0, "UNIQUE") || body.is(0, "PRIMARY"):
		if body.find(0, "USING") >= 0 && body.find(0, "INDEX") >= 0 {
			return // ADD ... UNIQUE USING INDEX: the index is already built
		}
		c.report("disallowed-unique-constraint", fmt.Sprintf("adding a UNIQUE or PRIMARY KEY constraint to %s builds its index under an ACCESS EXCLUSIVE lock: no reads or writes during the build", table),
			fmt.Sprintf("CREATE UNIQUE INDEX CONCURRENTLY idx ON %s (...) in a NoTransaction section; then ALTER TABLE %s ADD CONSTRAINT name UNIQUE USING INDEX idx", table, table))
	}
}

func (c *checker) addColumnPostgres(table string, a toks) {
	i := 1
	if a.is(i, "COLUMN") {
		i++
	}
	if a.is(i, "IF", "NOT", "EXISTS") {
		i += 3
	}
	col, next := a.name(i)
	def := a[next:]
	rewrite := ""
	switch {
	case def.is(0, "SERIAL") || def.is(0, "BIGSERIAL") || def.is(0, "SMALLSERIAL") || def.is(0, "SERIAL4") || def.is(0, "SERIAL8") || def.is(0, "SERIAL2"):
		rewrite = "a serial column fills every row from a sequence"
	case def.find(0, "GENERATED") >= 0 && def.find(0, "STORED") >= 0:
		rewrite = "a stored generated column is computed for every row"
	case def.find(0, "GENERATED") >= 0 && def.find(0, "IDENTITY") >= 0:
		rewrite = "an identity column fills every row from a sequence"
	}
	if d := def.find(0, "DEFAULT"); d >= 0 && rewrite == "" {
		expr, _ := def.until(d+1, "NOT", "NULL", "CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "REFERENCES", "GENERATED", "COLLATE")
		if fn := volatileCall(expr); fn != "" {
			rewrite = fmt.Sprintf("its default calls %s(), which is (or may be) volatile, so every row gets its own value", fn)
		}
	}
	if rewrite != "" {
		c.report("adding-field-with-default", fmt.Sprintf("adding %s.%s rewrites the table under an ACCESS EXCLUSIVE lock: %s", table, col, rewrite),
			"add the column without a default (or with a constant one), then set the values in batches, then SET DEFAULT")
	}
	if def.has("NOT", "NULL") && def.find(0, "DEFAULT") < 0 && rewrite == "" && def.find(0, "GENERATED") < 0 {
		c.report("adding-required-field", fmt.Sprintf("adding %s.%s NOT NULL without a default fails if %s has rows", table, col, table),
			"give it a constant DEFAULT, or add it NULL, backfill, then make it NOT NULL through a validated CHECK")
	}
	if def.find(0, "REFERENCES") >= 0 {
		c.report("constraint-missing-not-valid", fmt.Sprintf("a column added with REFERENCES on %s checks the foreign key under a lock that blocks writes of both tables", table),
			fmt.Sprintf("add the column, then ADD CONSTRAINT ... FOREIGN KEY (%s) REFERENCES ... NOT VALID, then VALIDATE CONSTRAINT in a later transaction", col))
	}
	if def.find(0, "UNIQUE") >= 0 || def.find(0, "PRIMARY") >= 0 {
		c.report("disallowed-unique-constraint", fmt.Sprintf("a column added UNIQUE or PRIMARY KEY on %s builds its index under an ACCESS EXCLUSIVE lock", table),
			"add the column, CREATE UNIQUE INDEX CONCURRENTLY in a NoTransaction section, then ADD CONSTRAINT name UNIQUE USING INDEX idx")
	}
}

// nonVolatile are PostgreSQL functions (and casts, type names with a
// modifier) that a column default may call without every row getting its
// own value: immutable or stable ones, which PostgreSQL 11+ evaluates once
// when the column is added. Any other call is taken as maybe volatile.
var nonVolatile = map[string]bool{
	"NOW": true, "CURRENT_TIMESTAMP": true, "TRANSACTION_TIMESTAMP": true, "STATEMENT_TIMESTAMP": true,
	"CURRENT_DATE": true, "CURRENT_TIME": true, "LOCALTIMESTAMP": true, "LOCALTIME": true,
	"CAST": true, "COALESCE": true, "NULLIF": true, "GREATEST": true, "LEAST": true,
	"LOWER": true, "UPPER": true, "LENGTH": true, "CONCAT": true, "ABS": true, "ROUND": true,
	"ARRAY": true, "JSONB_BUILD_OBJECT": true, "JSON_BUILD_OBJECT": true, "JSONB_BUILD_ARRAY": true, "JSON_BUILD_ARRAY": true,
	"TO_JSONB": true, "TO_JSON": true, "MAKE_INTERVAL": true, "DATE_TRUNC": true, "TIMEZONE": true,
	"NUMERIC": true, "DECIMAL": true, "VARCHAR": true, "CHAR": true, "CHARACTER": true, "TIMESTAMP": true,
	"TIMESTAMPTZ": true, "TIME": true, "INTERVAL": true, "BIT": true, "VARBIT": true,
}

// volatileCall returns the name of the first function called in expr
// that is not known to be non-volatile, or "".
func volatileCall(expr toks) string {
	for k := 0; k+1 < len(expr); k++ {
		if expr[k].kind != word || !expr.isPunct(k+1, "(") {
			continue
		}
		if k > 0 && expr.isPunct(k-1, ":") { // a cast's type: '1'::numeric(3)
			continue
		}
		if !nonVolatile[expr[k].up] {
			return strings.ToLower(expr[k].text)
		}
	}
	return ""
}

// alterMySQL checks a MySQL ALTER TABLE on an existing table.
func (c *checker) alterMySQL(table string, t toks, actions []toks) {
	fulltext := false
	alg := t.option("ALGORITHM")
	explicit := alg == "INSTANT" || alg == "INPLACE" || alg == "NOCOPY"
	for _, a := range actions {
		switch {
		case a.is(0, "ADD") && (a.find(1, "FULLTEXT") >= 0 || a.find(1, "SPATIAL") >= 0):
			fulltext = true
			kind := "FULLTEXT"
			if a.find(1, "SPATIAL") >= 0 {
				kind = "SPATIAL"
			}
			c.reportFulltext(kind)
		case a.is(0, "ADD") && isConstraint(a, 1):
			if _, body := constraintOf(a); body.is(0, "FOREIGN") && !c.noFKChecks {
				c.report("constraint-missing-not-valid", fmt.Sprintf("ADD FOREIGN KEY on %s with foreign_key_checks on copies the table with writes blocked (only ALGORITHM=COPY is allowed)", table),
					"SET foreign_key_checks = 0; ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY ..., ALGORITHM=INPLACE, LOCK=NONE; SET foreign_key_checks = 1 (existing rows are then not checked: check them with a query)")
			}
		case a.is(0, "ADD"):
			if a.find(1, "FIRST") >= 0 || a.find(1, "AFTER") >= 0 {
				c.report("add-column-not-last", fmt.Sprintf("adding a column to %s other than last is INSTANT only from MySQL 8.0.29 (MariaDB 10.4): older servers rebuild the table", table),
					"add it last (column order does not matter to queries that name their columns), with ALGORITHM=INSTANT")
			}
		case a.is(0, "MODIFY") || a.is(0, "CHANGE"):
			i := 1
			if a.is(i, "COLUMN") {
				i++
			}
			if a.is(i, "IF", "EXISTS") {
				i += 2
			}
			col, next := a.name(i)
			if a.is(0, "CHANGE") {
				if to, _ := a.name(next); to != "" && to != col {
					c.report("renaming-column", fmt.Sprintf("CHANGE renames %s.%s to %s: the running application still uses the old name", table, col, to), safeRenameColumn)
				}
			}
			if !explicit {
				c.report("changing-column-type", fmt.Sprintf("%s COLUMN restates the type of %s.%s: a type change copies the table with writes blocked", a[0].up, table, col),
					"add ALGORITHM=INPLACE, LOCK=NONE so that the server refuses a copy; a real type change needs pt-online-schema-change or gh-ost, or a new column and a backfill")
			}
		case a.is(0, "DROP") && !isConstraint(a, 1) && !a.is(1, "CONSTRAINT") && !a.is(1, "DEFAULT"):
			c.dropColumn(a, table)
		case a.is(0, "RENAME", "COLUMN"):
			c.renamed("renaming-column", table)
		case a.is(0, "RENAME") && !a.is(1, "INDEX") && !a.is(1, "KEY"):
			c.renamed("renaming-table", table)
		}
	}
	if !fulltext {
		c.algorithm(t, "ALTER TABLE")
	}
}

// dropColumn reports the DROP [COLUMN] [IF EXISTS] col action a of an
// ALTER TABLE on table.
func (c *checker) dropColumn(a toks, table string) {
	i := 1
	if a.is(i, "COLUMN") {
		i++
	}
	if a.is(i, "IF", "EXISTS") {
		i += 2
	}
	col, _ := a.name(i)
	c.report("drop-column", fmt.Sprintf("dropping %s.%s loses its data, and breaks the running application if it still reads it", table, col), safeDrop)
}

// renamed reports a rename of table (renaming-table) or of one of its
// columns (renaming-column).
func (c *checker) renamed(rule, table string) {
	if rule == "renaming-table" {
		c.report(rule, fmt.Sprintf("renaming %s breaks the running application, which still uses the old name", table), safeRenameTable)
		return
	}
	c.report(rule, fmt.Sprintf("renaming a column of %s breaks the running application, which still uses the old name", table), safeRenameColumn)
}
