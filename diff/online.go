package diff

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// The online form of a plan: each change to a table that already exists
// (and so may be big and busy) is written so that it does not block the
// application's writes for longer than it takes to change the catalog,
// the same safe forms `retort lint` asks for:
//
// PostgreSQL: indexes are created and dropped CONCURRENTLY (a UNIQUE
// constraint's index too, which the constraint then takes over USING
// INDEX); foreign keys
// and checks are added NOT VALID and validated by a statement of their
// own (VALIDATE CONSTRAINT blocks no reads nor writes); SET NOT NULL is
// proven first by a validated CHECK (col IS NOT NULL), which PostgreSQL
// 12+ uses to skip its scan, and the check is dropped after. None of this
// can share a transaction (CONCURRENTLY cannot run in one; a VALIDATE in
// the transaction of its ADD would hold the ADD's lock for the scan), so
// such a section is a NoTransaction one: the runner records each
// statement as it completes, and resumes after the last one.
//
// MySQL/MariaDB: each ALTER TABLE states ALGORITHM=INSTANT when the
// server changes only its catalog (a column added or dropped, renames, a
// default or a comment), else ALGORITHM=INPLACE, LOCK=NONE, so that the
// server refuses at once, with a message, a change it could only make by
// copying the table with writes blocked, instead of doing it. A foreign
// key is added in place with foreign_key_checks off, which InnoDB then
// does without looking at the rows, and the rows are checked after it by
// a procedure that reads them without locks (mysqlForeignKeys says how,
// and what happens when a row has no parent). A change
// that can only copy (a column's type, a check added: the server checks
// the existing rows by copying, MariaDB 10.11 even with
// check_constraint_checks off) keeps the plain form and
// gets a warning saying so, and then the whole table's changes stay one
// plain ALTER (the table is copied once, in the differ's order); with
// Options.OnlineTool that ALTER is marked "-- +retort OnlineTool" for the
// runner to run through the tool, unless the tool cannot take the table
// (toolRefused), and the warning says which. Otherwise
// the changes of one table are split into the ALTERs of each algorithm,
// so that an INSTANT change is not made to wait for an index build.
//
// SQLite has one writer and rebuilds tables to change them: nothing to
// choose, its plan is unchanged.
//
// Tables the plan creates are empty and unused: their indexes and keys
// keep the plain form.

// online rewrites the phases of one direction of a plan.
type online struct {
	d         dialect.Name
	newTables map[string]bool
	noTx      bool     // a statement cannot run in a transaction
	warnings  []string // what keeps its blocking form, and why
	tool      toolMarks
}

// toolMarks says which MySQL ALTERs that copy their table are marked for
// the online tool: all of them when name is set, but those of the tables
// in noTool, which the tool cannot take (the reason is the value).
type toolMarks struct {
	name   string
	noTool map[string]string
}

// toolMarker is the line before a statement that the runner runs through
// [migrations] online_tool.
const toolMarker = "-- +retort OnlineTool\n"

// toolRefused names the tables pt-online-schema-change cannot alter
// cleanly, on either side of a diff: those other tables' foreign keys
// reference (the swap would need the tool to rebuild those keys, copying
// the other tables, or to drop the table for a moment) and those without
// a primary or unique key (its delete trigger needs one).
func toolRefused(sides ...*sqlschema.Schema) map[string]string {
	out := map[string]string{}
	for _, s := range sides {
		if s == nil {
			continue
		}
		for _, t := range s.Tables {
			for _, fk := range t.ForeignKeys {
				if fk.RefTable != nil {
					out[fk.RefTable.Name] = "other tables' foreign keys reference it"
				}
			}
		}
		for _, t := range s.Tables {
			if _, ok := out[t.Name]; ok || t.PrimaryKey != nil {
				continue
			}
			unique := false
			for _, idx := range t.Indexes {
				unique = unique || idx.Unique
			}
			if !unique {
				out[t.Name] = "it has no primary or unique key"
			}
		}
	}
	return out
}

func newOnline(d dialect.Name, changes []sqlschema.Change) *online {
	on := &online{d: d, newTables: map[string]bool{}}
	for _, c := range changes {
		if a, ok := c.(*sqlschema.AddTable); ok {
			on.newTables[a.T.Name] = true
		}
	}
	return on
}

// plan plans a phase: the changes to existing tables in their online
// form, each planned on its own, the others as the phase would.
func (on *online) plan(ctx context.Context, drv migrate.Driver, p *phase) ([]string, error) {
	var (
		out   []string
		batch []sqlschema.Change
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		q := phase{changes: batch, independent: p.independent}
		stmts, err := q.plan(ctx, drv, on.d)
		out = append(out, stmts...)
		batch = nil
		return err
	}
	for _, c := range p.changes {
		m, ok := c.(*sqlschema.ModifyTable)
		if !ok || on.newTables[m.T.Name] {
			batch = append(batch, c)
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		var units []unit
		if on.d == dialect.Postgres {
			units = on.postgres(m)
		} else {
			units = on.mysql(m)
		}
		for _, u := range units {
			out = append(out, u.before...)
			if u.change != nil && len(u.change.Changes) > 0 {
				planned, err := planInChunks(ctx, drv, on.d, "retort", []sqlschema.Change{u.change}, 1)
				if err != nil {
					return nil, fmt.Errorf("diff: plan: %w", err)
				}
				for _, pc := range planned {
					out = append(out, u.decorate(pc.Cmd))
				}
			}
			out = append(out, u.after...)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// unit is a part of a table's changes planned on its own: atlas plans
// change, decorate rewrites each of its statements, after follows them.
type unit struct {
	before   []string
	change   *sqlschema.ModifyTable
	decorate func(string) string
	after    []string
}

func keep(s string) string { return s }

func withExtra(extra []sqlschema.Clause, c sqlschema.Clause) []sqlschema.Clause {
	return append(append([]sqlschema.Clause(nil), extra...), c)
}

// constraintIndex reports whether a PostgreSQL index is a UNIQUE or
// EXCLUDE constraint's (atlas adds and drops those in the ALTER TABLE).
func constraintIndex(idx *sqlschema.Index) bool {
	for _, a := range idx.Attrs {
		if c, ok := a.(*postgres.Constraint); ok && (c.IsUnique() || c.IsExclude()) {
			return true
		}
	}
	return false
}

// postgres splits the changes of an existing PostgreSQL table: indexes
// dropped concurrently, the ALTER TABLE of the rest, SET NOT NULL through
// a validated check, indexes created concurrently, keys and checks added
// NOT VALID and validated.
func (on *online) postgres(m *sqlschema.ModifyTable) []unit {
	var (
		drops, alter, adds, validate []sqlschema.Change
		notNull                      []*sqlschema.Column
		uniques                      []string // constraints added USING INDEX the one of the same name
	)
	for _, sub := range m.Changes {
		switch s := sub.(type) {
		case *sqlschema.AddIndex:
			if !constraintIndex(s.I) {
				adds = append(adds, &sqlschema.AddIndex{I: s.I, Extra: withExtra(s.Extra, &postgres.Concurrently{})})
				continue
			}
			if c, ok := attrOf[*postgres.Constraint](s.I.Attrs); ok && c.IsUnique() && s.I.Name != "" {
				// Its index built concurrently first, then taken over
				// by the constraint (a catalog change).
				idx := *s.I
				idx.Attrs = nil
				for _, a := range s.I.Attrs {
					if _, ok := a.(*postgres.Constraint); !ok {
						idx.Attrs = append(idx.Attrs, a)
					}
				}
				adds = append(adds, &sqlschema.AddIndex{I: &idx, Extra: withExtra(s.Extra, &postgres.Concurrently{})})
				uniques = append(uniques, s.I.Name)
				continue
			}
		case *sqlschema.DropIndex:
			if !constraintIndex(s.I) {
				drops = append(drops, &sqlschema.DropIndex{I: s.I, Extra: withExtra(s.Extra, &postgres.Concurrently{})})
				continue
			}
		case *sqlschema.ModifyIndex:
			if !constraintIndex(s.From) && !constraintIndex(s.To) && s.Change&^sqlschema.ChangeComment != sqlschema.NoChange {
				drops = append(drops, &sqlschema.DropIndex{I: s.From, Extra: []sqlschema.Clause{&postgres.Concurrently{}}})
				adds = append(adds, &sqlschema.AddIndex{I: s.To, Extra: []sqlschema.Clause{&postgres.Concurrently{}}})
				continue
			}
		case *sqlschema.AddForeignKey:
			if s.F.Symbol != "" {
				validate = append(validate, &sqlschema.AddForeignKey{F: s.F, Extra: withExtra(s.Extra, &postgres.NotValid{})})
				continue
			}
		case *sqlschema.AddCheck:
			if s.C.Name != "" {
				validate = append(validate, &sqlschema.AddCheck{C: s.C, Extra: withExtra(s.Extra, &postgres.NotValid{})})
				continue
			}
		case *sqlschema.ModifyCheck:
			if s.From.Name != "" && s.From.Name == s.To.Name {
				alter = append(alter, &sqlschema.DropCheck{C: s.From})
				validate = append(validate, &sqlschema.AddCheck{C: s.To, Extra: []sqlschema.Clause{&postgres.NotValid{}}})
				continue
			}
		case *sqlschema.ModifyColumn:
			if s.Change.Is(sqlschema.ChangeType) && pgRewrites(s.From, s.To) {
				on.warnings = append(on.warnings, fmt.Sprintf("changing the type of column %s.%s from %s to %s rewrites table %s with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead",
					m.T.Name, s.To.Name, typeString(on.d, s.From), typeString(on.d, s.To), m.T.Name))
			}
			if s.Change.Is(sqlschema.ChangeNull) && s.To.Type != nil && !s.To.Type.Null {
				notNull = append(notNull, s.To)
				if rest := s.Change &^ sqlschema.ChangeNull; rest != sqlschema.NoChange {
					alter = append(alter, &sqlschema.ModifyColumn{From: s.From, To: s.To, Change: rest, Extra: s.Extra})
				}
				continue
			}
		}
		alter = append(alter, sub)
	}
	if len(drops)+len(adds)+len(validate)+len(notNull)+len(uniques) > 0 {
		on.noTx = true
	}
	table := on.d.QuoteIdent(m.T.Name)
	var units []unit
	for _, c := range drops {
		units = append(units, unit{change: &sqlschema.ModifyTable{T: m.T, Changes: []sqlschema.Change{c}}, decorate: keep})
	}
	if len(alter) > 0 {
		units = append(units, unit{change: &sqlschema.ModifyTable{T: m.T, Changes: alter}, decorate: keep})
	}
	for _, c := range notNull {
		name := on.d.QuoteIdent(notNullCheckName(m.T.Name, c.Name))
		col := on.d.QuoteIdent(c.Name)
		units = append(units, unit{decorate: keep, after: []string{
			fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s IS NOT NULL) NOT VALID", table, name, col),
			fmt.Sprintf("ALTER TABLE %s VALIDATE CONSTRAINT %s", table, name),
			fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s SET NOT NULL", table, col),
			fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT %s", table, name),
		}})
	}
	for _, c := range adds {
		units = append(units, unit{change: &sqlschema.ModifyTable{T: m.T, Changes: []sqlschema.Change{c}}, decorate: keep})
	}
	for _, name := range uniques {
		n := on.d.QuoteIdent(name)
		units = append(units, unit{decorate: keep, after: []string{fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s UNIQUE USING INDEX %s", table, n, n)}})
	}
	for _, c := range validate {
		name := ""
		switch c := c.(type) {
		case *sqlschema.AddForeignKey:
			name = c.F.Symbol
		case *sqlschema.AddCheck:
			name = c.C.Name
		}
		units = append(units, unit{change: &sqlschema.ModifyTable{T: m.T, Changes: []sqlschema.Change{c}}, decorate: keep,
			after: []string{fmt.Sprintf("ALTER TABLE %s VALIDATE CONSTRAINT %s", table, on.d.QuoteIdent(name))}})
	}
	return units
}

// notNullCheckName names the temporary check that proves a column NOT
// NULL: chk_<table>_<column>_not_null, within PostgreSQL's 63 bytes.
func notNullCheckName(table, column string) string {
	name := "chk_" + table + "_" + column + "_not_null"
	if len(name) <= 63 {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	cut := 63 - 1 - 8 - len("_not_null")
	return strings.ToValidUTF8(name[:cut], "") + "_" + hex.EncodeToString(sum[:4]) + "_not_null"
}

// MySQL's algorithms, from the cheapest.
const (
	algDrop       = iota // drops of indexes and keys: INPLACE, run first
	algInstant           // the catalog only
	algInplace           // a build or a rebuild with writes going on
	algForeignKey        // INPLACE with foreign_key_checks off, the rows checked after
	algCopy              // a copy of the table, writes blocked
)

// mysql splits the changes of an existing MySQL/MariaDB table into one
// ALTER TABLE per algorithm, or keeps them one plain ALTER when one of
// them copies the table.
func (on *online) mysql(m *sqlschema.ModifyTable) []unit {
	var groups [algCopy + 1][]sqlschema.Change
	noTool, refused := on.tool.noTool[m.T.Name]
	useTool := on.tool.name != "" && !refused
	for _, sub := range m.Changes {
		alg, why := mysqlAlgorithm(sub)
		groups[alg] = append(groups[alg], sub)
		if alg != algCopy {
			continue
		}
		switch {
		case useTool:
			on.warnings = append(on.warnings, fmt.Sprintf("%s copies table %s: the ALTER is marked %q, so `retort upgrade` runs it with %s, which copies the table without blocking its writes (run as plain SQL, it blocks them until the copy ends)", why(m.T.Name), m.T.Name, strings.TrimSpace(toolMarker), on.tool.name))
		case on.tool.name != "":
			on.warnings = append(on.warnings, fmt.Sprintf("%s copies table %s with its writes blocked until the copy ends, and %s cannot take the table (%s): on a big, busy table copy it by hand into a new table and swap them", why(m.T.Name), m.T.Name, on.tool.name, noTool))
		default:
			on.warnings = append(on.warnings, fmt.Sprintf("%s copies table %s with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead", why(m.T.Name), m.T.Name))
		}
	}
	if len(groups[algCopy]) > 0 {
		// The table is copied anyway: one plain ALTER, in the differ's
		// order, copies it once, and an index over a column whose type
		// changes is built on the new type (split by algorithm, it would
		// come first). With the online tool, the tool makes that copy.
		decorate := keep
		if useTool {
			decorate = func(s string) string {
				if strings.HasPrefix(s, "ALTER TABLE ") {
					return toolMarker + s
				}
				return s
			}
		}
		return []unit{{change: m, decorate: decorate}}
	}
	clause := [...]string{algDrop: ", ALGORITHM=INPLACE, LOCK=NONE", algInstant: ", ALGORITHM=INSTANT", algInplace: ", ALGORITHM=INPLACE, LOCK=NONE", algForeignKey: ", ALGORITHM=INPLACE, LOCK=NONE"}
	var units []unit
	for alg, changes := range groups {
		if len(changes) == 0 {
			continue
		}
		c := clause[alg]
		u := unit{change: &sqlschema.ModifyTable{T: m.T, Changes: changes}, decorate: func(s string) string {
			if strings.HasPrefix(s, "ALTER TABLE ") {
				return s + c
			}
			return s
		}}
		if alg == algForeignKey {
			u.before, u.after = mysqlForeignKeys(m.T, changes)
		}
		units = append(units, u)
	}
	return units
}

// The statements around the in-place ALTER that adds foreign keys to an
// existing MySQL/MariaDB table.
const (
	fkChecksOff = "SET SESSION foreign_key_checks = 0"
	fkChecksOn  = "SET SESSION foreign_key_checks = 1"
)

// mysqlForeignKeys returns the statements before and after the ALTER
// that adds foreign keys (adds, each an *sqlschema.AddForeignKey) to an
// existing table, which mysql makes ALGORITHM=INPLACE, LOCK=NONE: with
// foreign_key_checks on, InnoDB adds a key only by copying the table
// with its writes blocked, to check every row; off, it adds it in place
// (building the index it needs in place too, should the differ not have
// added one before) and checks nothing. So, for each key:
//
//	DROP PROCEDURE IF EXISTS `retort_verify_<key>`
//	CREATE PROCEDURE `retort_verify_<key>`() ...   (codegen wraps it in StatementBegin/End)
//	SET SESSION foreign_key_checks = 0
//	ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY ..., ALGORITHM=INPLACE, LOCK=NONE
//	SET SESSION foreign_key_checks = 1
//	CALL `retort_verify_<key>`()
//	DROP PROCEDURE `retort_verify_<key>`
//
// The procedure looks for a row whose key columns are all non-NULL
// (InnoDB's MATCH SIMPLE: a row with a NULL in them is never checked)
// and have no match in the referenced table (NOT EXISTS, so composite
// keys and self-references read the same), in one REPEATABLE
// READ snapshot taken in a READ ONLY transaction: a plain consistent read,
// which locks no row of either table (the same query in a procedure's IF
// or SET reads with shared locks, and held up every update of a busy
// table for the scan's length). It reads after the ALTER, not before:
// the ALTER's exclusive metadata lock at its end waits for every
// transaction that wrote the table without the key, and from then on the
// key checks every write, so the snapshot sees every row the key has not
// checked. A row without a parent makes it SIGNAL SQLSTATE '45000' with a
// message naming the key and the table (orphanMessage): the upgrade stops there,
// recorded partially applied, with the key in place (checking new rows)
// and the procedure kept; the runner reads a SIGNAL as the data failing
// a check the file makes (Partial.CheckFailed), so once the rows are
// fixed a plain `retort upgrade` resumes at the CALL, and the file need
// not change. The downgrade drops the key, as for any key.
//
// The procedure is created before the ALTER, so that a user without the
// CREATE ROUTINE privilege is stopped before anything changed. A
// procedure, not MariaDB's BEGIN NOT ATOMIC block, so that the file runs
// on MySQL 8 too. The session's foreign_key_checks is restored by the
// statement after the ALTER, and by the runner when the ALTER fails (and
// set again from the file when a run resumes after it).
func mysqlForeignKeys(t *sqlschema.Table, adds []sqlschema.Change) (before, after []string) {
	q := dialect.MySQL.QuoteIdent
	var calls []string
	for _, c := range adds {
		fk := c.(*sqlschema.AddForeignKey).F
		proc := q(verifyProcName(t.Name, fk))
		ref := t.Name
		if fk.RefTable != nil {
			ref = fk.RefTable.Name
		}
		var notNull, match []string
		for i, col := range fk.Columns {
			notNull = append(notNull, "c."+q(col.Name)+" IS NOT NULL")
			if i < len(fk.RefColumns) {
				match = append(match, "p."+q(fk.RefColumns[i].Name)+" = c."+q(col.Name))
			}
		}
		before = append(before, "DROP PROCEDURE IF EXISTS "+proc,
			"CREATE PROCEDURE "+proc+"()\n"+
				"BEGIN\n"+
				"  DECLARE orphan INT;\n"+
				"  SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\n"+
				"  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;\n"+
				"  SELECT EXISTS (SELECT 1 FROM "+q(t.Name)+" c WHERE "+strings.Join(notNull, " AND ")+
				" AND NOT EXISTS (SELECT 1 FROM "+q(ref)+" p WHERE "+strings.Join(match, " AND ")+")) INTO orphan;\n"+
				"  COMMIT;\n"+
				"  IF orphan THEN\n"+
				"    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = "+dialect.MySQL.QuoteString(orphanMessage(t.Name, fk, ref))+";\n"+
				"  END IF;\n"+
				"END")
		calls = append(calls, "CALL "+proc+"()", "DROP PROCEDURE "+proc)
	}
	before = append(before, fkChecksOff)
	after = append([]string{fkChecksOn}, calls...)
	return before, after
}

// verifyProcName names the procedure that checks the rows of table
// against fk: retort_verify_<key name>, cut to MySQL's 64 characters
// with a hash of the whole name when longer (or for a key without one).
func verifyProcName(table string, fk *sqlschema.ForeignKey) string {
	name := fk.Symbol
	if name == "" {
		var cols []string
		for _, c := range fk.Columns {
			cols = append(cols, c.Name)
		}
		name = table + "(" + strings.Join(cols, ",") + ")"
	}
	full := "retort_verify_" + name
	if fk.Symbol != "" && utf8.RuneCountInString(full) <= 64 {
		return full
	}
	sum := sha256.Sum256([]byte(name))
	short := []rune(full)
	if len(short) > 64-9 {
		short = short[:64-9]
	}
	return string(short) + "_" + hex.EncodeToString(sum[:4])
}

// orphanMessage is what the check of fk signals: the key, its table and
// what to do, within the 128 characters of MySQL's MESSAGE_TEXT (MariaDB
// takes 512), shortened for long names: the advice goes first, then the
// referenced table, then the table (the runner's error still shows the
// CALL and its line in the file).
func orphanMessage(table string, fk *sqlschema.ForeignKey, ref string) string {
	name := fk.Symbol
	if name == "" {
		name = "on " + table
	}
	var m string
	for _, m = range []string{
		fmt.Sprintf("foreign key %s: rows of %s have no match in %s; fix them and run retort upgrade again", name, table, ref),
		fmt.Sprintf("foreign key %s: rows of %s have no match in %s", name, table, ref),
		fmt.Sprintf("foreign key %s: rows of %s have no parent", name, table),
		fmt.Sprintf("foreign key %s: rows have no parent", name),
	} {
		if utf8.RuneCountInString(m) <= 128 {
			return m
		}
	}
	return string([]rune(m)[:128])
}

// mysqlAlgorithm says which ALTER TABLE algorithm a change needs on both
// MariaDB 10.6+ and MySQL 8.0.29+ (measured on MariaDB 10.11), and for a
// copy what it is, for the warning.
func mysqlAlgorithm(c sqlschema.Change) (int, func(table string) string) {
	// what formats the warning's subject; %[1]s is the table.
	what := func(f string, args ...any) func(string) string {
		return func(t string) string { return fmt.Sprintf(f, append([]any{t}, args...)...) }
	}
	switch c := c.(type) {
	case *sqlschema.DropIndex, *sqlschema.DropForeignKey, *sqlschema.DropCheck:
		return algDrop, nil
	case *sqlschema.AddColumn:
		if autoIncrement(c.C) {
			return algCopy, what("adding the auto-increment column %[1]s.%[2]s", c.C.Name)
		}
		if storedGenerated(c.C) {
			return algCopy, what("adding the stored generated column %[1]s.%[2]s", c.C.Name)
		}
		return algInstant, nil
	case *sqlschema.DropColumn, *sqlschema.RenameColumn, *sqlschema.RenameIndex:
		return algInstant, nil
	case *sqlschema.ModifyColumn:
		k := c.Change
		if k.Is(sqlschema.ChangeType) && !varcharWidening(c.From, c.To) {
			return algCopy, what("changing the type of column %[1]s.%[2]s from %[3]s to %[4]s", c.To.Name, typeString(dialect.MySQL, c.From), typeString(dialect.MySQL, c.To))
		}
		if k.Is(sqlschema.ChangeCharset) || k.Is(sqlschema.ChangeCollate) {
			return algCopy, what("changing the character set or collation of column %[1]s.%[2]s", c.To.Name)
		}
		if k.Is(sqlschema.ChangeGenerated) || k.Is(sqlschema.ChangeAttr) {
			return algCopy, what("changing column %[1]s.%[2]s", c.To.Name)
		}
		if k&^(sqlschema.ChangeDefault) == sqlschema.NoChange {
			return algInstant, nil
		}
		return algInplace, nil
	case *sqlschema.AddIndex:
		return mysqlIndexAlgorithm(c.I, what)
	case *sqlschema.ModifyIndex:
		return mysqlIndexAlgorithm(c.To, what)
	case *sqlschema.AddPrimaryKey, *sqlschema.ModifyPrimaryKey:
		return algInplace, nil
	case *sqlschema.DropPrimaryKey:
		return algCopy, what("dropping the primary key of %[1]s")
	case *sqlschema.AddForeignKey:
		return algForeignKey, nil
	case *sqlschema.AddCheck:
		return algCopy, what("adding the check %[2]s to %[1]s (the server checks the existing rows by copying the table)", c.C.Name)
	case *sqlschema.ModifyCheck:
		return algCopy, what("changing the check %[2]s of %[1]s", c.To.Name)
	case *sqlschema.ModifyAttr:
		if _, ok := c.To.(*sqlschema.Comment); ok {
			return algInstant, nil
		}
	case *sqlschema.AddAttr:
		if _, ok := c.A.(*sqlschema.Comment); ok {
			return algInstant, nil
		}
	}
	return algCopy, what("changing table %[1]s (%[2]T)", c)
}

// varcharWidening reports whether a type change makes a varchar longer
// without moving it past 255 bytes (utf8mb4: 4 bytes a character), which
// InnoDB does in place.
func varcharWidening(from, to *sqlschema.Column) bool {
	if from.Type == nil || to.Type == nil {
		return false
	}
	f, ok1 := from.Type.Type.(*sqlschema.StringType)
	t, ok2 := to.Type.Type.(*sqlschema.StringType)
	if !ok1 || !ok2 || !strings.EqualFold(f.T, "varchar") || !strings.EqualFold(t.T, "varchar") || t.Size < f.Size {
		return false
	}
	return (f.Size*4 < 256) == (t.Size*4 < 256)
}

// pgRewrites reports whether PostgreSQL rewrites the table to change a
// column's type from from to to: all but the catalog changes (a longer
// varchar, a varchar becoming text, a numeric of more digits and the same
// scale, an integer becoming the serial of its size or back).
func pgRewrites(from, to *sqlschema.Column) bool {
	if from.Type == nil || to.Type == nil {
		return true
	}
	switch f := from.Type.Type.(type) {
	case *sqlschema.StringType:
		t, ok := to.Type.Type.(*sqlschema.StringType)
		if !ok {
			return true
		}
		varchar := func(s *sqlschema.StringType) bool {
			return strings.EqualFold(s.T, "varchar") || strings.EqualFold(s.T, "character varying")
		}
		switch {
		case varchar(f) && strings.EqualFold(t.T, "text"):
			return false
		case varchar(f) && varchar(t):
			return t.Size != 0 && t.Size < f.Size || f.Size == 0 && t.Size != 0
		}
	case *sqlschema.DecimalType:
		t, ok := to.Type.Type.(*sqlschema.DecimalType)
		return !ok || t.Scale != f.Scale || t.Precision < f.Precision
	}
	return serialBase(from) == "" || serialBase(from) != serialBase(to)
}

// serialBase is the integer type a column is stored as when it is one of
// PostgreSQL's integers or serials ("" otherwise).
func serialBase(c *sqlschema.Column) string {
	switch t := c.Type.Type.(type) {
	case *sqlschema.IntegerType:
		return strings.ToLower(t.T)
	case *postgres.SerialType:
		return map[string]string{"smallserial": "smallint", "serial": "integer", "bigserial": "bigint", "serial2": "smallint", "serial4": "integer", "serial8": "bigint"}[strings.ToLower(t.T)]
	}
	return ""
}

func storedGenerated(c *sqlschema.Column) bool {
	g, ok := attrOf[*sqlschema.GeneratedExpr](c.Attrs)
	return ok && strings.EqualFold(g.Type, "STORED")
}

// mysqlIndexAlgorithm is how the server builds idx: in place, but by
// copying for a FULLTEXT or SPATIAL index, and for MariaDB's unique index
// over a long column, kept as a hash in a hidden virtual column (USING
// HASH), which the server refuses to add in place.
func mysqlIndexAlgorithm(idx *sqlschema.Index, what func(string, ...any) func(string) string) (int, func(string) string) {
	switch kind := mysqlIndexType(idx); kind {
	case "FULLTEXT", "SPATIAL":
		return algCopy, what("building the %[2]s index %[3]s on %[1]s", kind, idx.Name)
	case "HASH":
		return algCopy, what("building the unique index %[2]s on %[1]s over a long column (MariaDB keeps it as a hash in a hidden column)", idx.Name)
	}
	return algInplace, nil
}

func mysqlIndexType(idx *sqlschema.Index) string {
	if t, ok := attrOf[*mysql.IndexType](idx.Attrs); ok {
		return strings.ToUpper(t.T)
	}
	return ""
}
