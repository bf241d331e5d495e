package diff

import (
	"context"
	"fmt"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// order plans changes in phases so that the statements run on a database
// that holds data: renames; foreign keys and checks dropped before the
// columns and tables they use; enum types created; tables created without
// their foreign keys; tables altered; tables dropped; enum types dropped;
// foreign keys added last, once every table they point at exists. Each
// phase is planned by atlas. On SQLite, which cannot add or drop keys
// without rebuilding the table, see orderSQLite.
//
// Unless plain is set, the changes to existing tables are written in their
// online form (online.go), and the third result lists those that keep a
// blocking one.
func order(ctx context.Context, drv migrate.Driver, d dialect.Name, changes []sqlschema.Change, trig *triggers, afterModify []string, plain bool, tool toolMarks) ([]string, bool, []string, error) {
	if d == dialect.SQLite {
		stmts, noTx, err := orderSQLite(ctx, drv, changes, trig)
		return stmts, noTx, nil, err
	}
	var on *online
	if !plain {
		on = newOnline(d, changes)
		on.tool = tool
	}
	var (
		renames, colRenames, dropCons, addObjs, addTables, modify, dropTables, dropObjs, addFKs phase
	)
	if d == dialect.MySQL {
		changes = refreshKeys(changes)
	}
	var identities []string
	if d == dialect.Postgres {
		changes, identities = identityChanges(changes)
	}
	identities = append(identities, afterModify...)
	for _, c := range changes {
		switch c := c.(type) {
		case *sqlschema.RenameTable:
			renames.add(c)
		case *sqlschema.ModifyTable:
			for _, sub := range c.Changes {
				switch sub := sub.(type) {
				case *sqlschema.RenameColumn:
					colRenames.alter(c.T, sub)
				case *sqlschema.DropForeignKey:
					dropCons.alter(c.T, sub)
				case *sqlschema.ModifyForeignKey:
					dropCons.alter(c.T, &sqlschema.DropForeignKey{F: sub.From})
					addFKs.alter(c.T, &sqlschema.AddForeignKey{F: sub.To})
				case *sqlschema.AddForeignKey:
					addFKs.alter(c.T, sub)
				case *sqlschema.DropCheck:
					dropCons.alter(c.T, sub)
				case *sqlschema.ModifyCheck:
					if d == dialect.MySQL {
						// MySQL's "DROP CHECK" is not MariaDB's: drop the
						// constraint first, add it back with the tables.
						dropCons.alter(c.T, &sqlschema.DropCheck{C: sub.From})
						modify.alter(c.T, &sqlschema.AddCheck{C: sub.To})
					} else {
						modify.alter(c.T, sub)
					}
				default:
					modify.alter(c.T, sub)
				}
			}
		case *sqlschema.AddTable:
			t := *c.T
			t.ForeignKeys = nil
			addTables.add(&sqlschema.AddTable{T: &t, Extra: c.Extra})
			for _, fk := range c.T.ForeignKeys {
				addFKs.alter(c.T, &sqlschema.AddForeignKey{F: fk})
			}
		case *sqlschema.DropTable:
			for _, fk := range c.T.ForeignKeys {
				dropCons.alter(c.T, &sqlschema.DropForeignKey{F: fk})
			}
			t := *c.T
			t.ForeignKeys = nil
			dropTables.add(&sqlschema.DropTable{T: &t, Extra: c.Extra})
		case *sqlschema.AddObject, *sqlschema.ModifyObject:
			addObjs.add(c)
		case *sqlschema.DropObject:
			dropObjs.add(c)
		default:
			modify.add(c)
		}
	}
	// The changes of these phases do not depend on each other (keys are
	// dropped before and added after the tables): they can be planned in
	// chunks, which spares atlas sorting thousands of them against each
	// other.
	for _, p := range []*phase{&dropCons, &addTables, &dropTables, &addFKs} {
		p.independent = true
	}
	var out []string
	for _, p := range []*phase{&renames, &colRenames, &dropCons, &addObjs, &addTables, &modify, &dropTables, &dropObjs, &addFKs} {
		var (
			stmts []string
			err   error
		)
		if on != nil && (p == &colRenames || p == &dropCons || p == &modify || p == &addFKs) {
			stmts, err = on.plan(ctx, drv, p)
		} else {
			stmts, err = p.plan(ctx, drv, d)
		}
		if err != nil {
			return nil, false, nil, err
		}
		if p == &modify {
			stmts = append(stmts, identities...)
		}
		out = append(out, stmts...)
	}
	noTx := on != nil && on.noTx
	var warns []string
	if on != nil {
		warns = on.warnings
	}
	if d == dialect.Postgres {
		var added []string
		for i, s := range out {
			// The downgrade of a value removal adds it back: a no-op
			// when it was never removed.
			if strings.HasPrefix(s, "ALTER TYPE ") && strings.Contains(s, " ADD VALUE '") {
				out[i] = strings.Replace(s, " ADD VALUE '", " ADD VALUE IF NOT EXISTS '", 1)
				if m := reEnumVal.FindString(s[strings.Index(s, " ADD VALUE '")+len(" ADD VALUE "):]); m != "" {
					added = append(added, m)
				}
				continue
			}
			// A value added in a transaction cannot be used before it
			// commits: such a section runs without one.
			for _, v := range added {
				if strings.Contains(s, v) {
					noTx = true
				}
			}
		}
	}
	return out, noTx, warns, nil
}

// phase collects the changes planned together.
type phase struct {
	changes     []sqlschema.Change
	mods        map[*sqlschema.Table]*sqlschema.ModifyTable
	independent bool // no change depends on another: plan in chunks
}

func (p *phase) add(c sqlschema.Change) { p.changes = append(p.changes, c) }

// alter adds a table change to the ModifyTable of t in this phase.
func (p *phase) alter(t *sqlschema.Table, c sqlschema.Change) {
	if p.mods == nil {
		p.mods = make(map[*sqlschema.Table]*sqlschema.ModifyTable)
	}
	m, ok := p.mods[t]
	if !ok {
		m = &sqlschema.ModifyTable{T: t}
		p.mods[t] = m
		p.changes = append(p.changes, m)
	}
	m.Changes = append(m.Changes, c)
}

func (p *phase) plan(ctx context.Context, drv migrate.Driver, d dialect.Name) ([]string, error) {
	if len(p.changes) == 0 {
		return nil, nil
	}
	chunk := len(p.changes)
	if p.independent {
		chunk = planChunk
	}
	planned, err := planInChunks(ctx, drv, d, "retort", p.changes, chunk)
	if err != nil {
		return nil, fmt.Errorf("diff: plan: %w", err)
	}
	out := make([]string, 0, len(planned))
	for _, c := range planned {
		out = append(out, c.Cmd)
	}
	return out, nil
}

// planChunk is how many independent changes are planned at once: atlas
// sorts the changes of a plan against each other (quadratic: a minute for
// 10,000 new tables), and keeps their order when none depends on another.
const planChunk = 64

// orderSQLite plans SQLite changes: renames, new tables (their keys
// inline: SQLite does not check the target exists), altered tables, then
// dropped tables. A table rebuild or a dropped table needs foreign-key
// enforcement off, which SQLite ignores inside a transaction, and without
// which the DROP TABLE of the rebuild would cascade to the child rows. So
// such a section switches enforcement off, runs in its own transaction,
// checks every key (the check fails the section, and the transaction rolls
// back, if a row refers to nothing), and switches enforcement back on; the
// runner must run it as it is, on one connection, without a transaction
// of its own (the second result).
func orderSQLite(ctx context.Context, drv migrate.Driver, changes []sqlschema.Change, trig *triggers) ([]string, bool, error) {
	var renames, adds, mods, drops phase
	for _, c := range changes {
		switch c := c.(type) {
		case *sqlschema.RenameTable:
			renames.add(c)
		case *sqlschema.ModifyTable:
			var rest []sqlschema.Change
			for _, sub := range c.Changes {
				switch sub := sub.(type) {
				case *sqlschema.RenameColumn:
					renames.alter(c.T, sub)
				case *sqlschema.ModifyIndex:
					// Atlas rebuilds the table for this; an index can
					// simply be dropped and created again, unless it is
					// an inline UNIQUE constraint.
					if inlineIndex(c.T, sub.From) || inlineIndex(c.T, sub.To) {
						rest = append(rest, sub)
					} else {
						rest = append(rest, &sqlschema.DropIndex{I: sub.From}, &sqlschema.AddIndex{I: sub.To})
					}
				case *sqlschema.DropIndex:
					// An inline UNIQUE constraint goes only with a rebuild,
					// which any change atlas cannot ALTER brings.
					if inlineIndex(c.T, sub.I) {
						rest = append(rest, rebuild{})
					} else {
						rest = append(rest, sub)
					}
				case *sqlschema.AddIndex:
					// So it comes (the table's CREATE text is GORM's).
					if inlineIndex(c.T, sub.I) {
						rest = append(rest, rebuild{})
					} else {
						rest = append(rest, sub)
					}
				default:
					rest = append(rest, sub)
				}
			}
			if len(rest) > 0 {
				mods.add(&sqlschema.ModifyTable{T: c.T, Changes: rest})
			}
		case *sqlschema.AddTable:
			adds.add(c)
		case *sqlschema.DropTable:
			drops.add(c)
		default:
			mods.add(c)
		}
	}
	var all []sqlschema.Change
	for _, p := range []*phase{&renames, &adds, &mods, &drops} {
		all = append(all, p.changes...)
	}
	if len(all) == 0 {
		return nil, false, nil
	}
	pl, err := planChanges(ctx, drv, dialect.SQLite, "retort", all)
	if err != nil {
		return nil, false, fmt.Errorf("diff: plan: %w", err)
	}
	var (
		stmts   []string
		unsafeT bool
		rebuilt []string
		checked []string // the tables whose keys, and whose children's keys, the section checks
	)
	for _, c := range pl.Changes {
		if strings.HasPrefix(c.Cmd, "PRAGMA foreign_keys") {
			unsafeT = true
			continue
		}
		if d, ok := c.Source.(*sqlschema.DropTable); ok {
			checked = append(checked, d.T.Name)
		}
		if m, ok := c.Source.(*sqlschema.ModifyTable); ok && strings.HasPrefix(c.Cmd, "ALTER TABLE `new_") && strings.Contains(c.Cmd, " RENAME TO ") {
			rebuilt = append(rebuilt, m.T.Name)
			checked = append(checked, m.T.Name)
			// Renaming the new table checks the views and triggers that
			// name the old one, which is gone for the moment: in legacy
			// mode SQLite leaves them alone, and they find the table
			// under its name again.
			stmts = append(stmts, "PRAGMA legacy_alter_table = on", c.Cmd, "PRAGMA legacy_alter_table = off")
			continue
		}
		stmts = append(stmts, c.Cmd)
	}
	// DROP TABLE drops the table's triggers: create them again.
	if trig != nil {
		for _, t := range rebuilt {
			stmts = append(stmts, trig.byTable[t]...)
		}
	}
	if !unsafeT {
		return stmts, false, nil
	}
	out := []string{"PRAGMA foreign_keys = off", "BEGIN"}
	out = append(out, stmts...)
	out = append(out, sqliteFKCheck(checked)...)
	out = append(out, "COMMIT", "PRAGMA foreign_keys = on")
	return out, true, nil
}

// sqliteFKCheck returns the statements that fail (and so roll the section
// back) when a row of one of the tables, or of a table whose foreign key
// names one of them, refers to a row that is not there: PRAGMA
// foreign_key_check only lists such rows. The tables are the ones the
// section rebuilt or dropped; only their keys and the keys pointing at
// them can have been broken by it. Checking the whole database instead
// would make every rebuild fail on a key elsewhere that SQLite cannot
// check (one naming a column without a unique index is a "foreign key
// mismatch" error, which GORM and SQLite both let a database hold). The
// tables that point at them are found when the section runs, so that a
// table retort does not manage is checked too.
func sqliteFKCheck(tables []string) []string {
	d := dialect.SQLite
	seen := map[string]bool{}
	var names []string
	for _, t := range tables {
		if k := strings.ToLower(t); !seen[k] {
			seen[k] = true
			names = append(names, d.QuoteString(t))
		}
	}
	if len(names) == 0 {
		return nil
	}
	list := strings.Join(names, ", ")
	return []string{
		"CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0))",
		"INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) " +
			"WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN (" + list + ") OR EXISTS " +
			"(SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r.\"table\" COLLATE NOCASE IN (" + list + ")))",
		"DROP TABLE temp.retort_fk_check",
	}
}

// refreshKeys makes MySQL's foreign keys that use a column whose type
// changes (on either side of the key) be dropped and added back around
// the change: MySQL refuses to change such a column otherwise.
func refreshKeys(changes []sqlschema.Change) []sqlschema.Change {
	type colKey struct{ table, column string }
	retyped := map[colKey]bool{}
	touched := map[string]bool{} // foreign keys already dropped or added
	newTables := map[string]bool{}
	var s *sqlschema.Schema
	for _, c := range changes {
		switch c := c.(type) {
		case *sqlschema.AddTable:
			newTables[c.T.Name] = true
		case *sqlschema.ModifyTable:
			s = c.T.Schema
			for _, sub := range c.Changes {
				switch sub := sub.(type) {
				case *sqlschema.ModifyColumn:
					if sub.Change.Is(sqlschema.ChangeType) {
						retyped[colKey{c.T.Name, sub.To.Name}] = true
					}
				case *sqlschema.AddForeignKey:
					touched[c.T.Name+"."+sub.F.Symbol] = true
				case *sqlschema.DropForeignKey:
					touched[c.T.Name+"."+sub.F.Symbol] = true
				case *sqlschema.ModifyForeignKey:
					touched[c.T.Name+"."+sub.To.Symbol] = true
				}
			}
		}
	}
	if len(retyped) == 0 || s == nil {
		return changes
	}
	extra := map[*sqlschema.Table][]sqlschema.Change{}
	for _, t := range s.Tables {
		if newTables[t.Name] {
			continue
		}
		for _, fk := range t.ForeignKeys {
			if touched[t.Name+"."+fk.Symbol] || fk.RefTable == nil {
				continue
			}
			uses := false
			for _, col := range fk.Columns {
				uses = uses || retyped[colKey{t.Name, col.Name}]
			}
			for _, col := range fk.RefColumns {
				uses = uses || retyped[colKey{fk.RefTable.Name, col.Name}]
			}
			if uses {
				extra[t] = append(extra[t], &sqlschema.ModifyForeignKey{From: fk, To: fk})
			}
		}
	}
	if len(extra) == 0 {
		return changes
	}
	out := append([]sqlschema.Change(nil), changes...)
	for i, c := range out {
		if m, ok := c.(*sqlschema.ModifyTable); ok {
			if more, ok := extra[m.T]; ok {
				out[i] = &sqlschema.ModifyTable{T: m.T, Changes: append(append([]sqlschema.Change(nil), m.Changes...), more...)}
				delete(extra, m.T)
			}
		}
	}
	for _, t := range s.Tables {
		if more, ok := extra[t]; ok {
			out = append(out, &sqlschema.ModifyTable{T: t, Changes: more})
		}
	}
	return out
}

// identityChanges takes out of the changes what atlas cannot plan on
// PostgreSQL: an identity added to or dropped from an existing column. It
// returns the statements that do it; an added identity continues after
// the largest value the column holds.
func identityChanges(changes []sqlschema.Change) ([]sqlschema.Change, []string) {
	var stmts []string
	d := dialect.Postgres
	out := make([]sqlschema.Change, 0, len(changes))
	for _, c := range changes {
		m, ok := c.(*sqlschema.ModifyTable)
		if !ok {
			out = append(out, c)
			continue
		}
		var rest []sqlschema.Change
		for _, sub := range m.Changes {
			mc, ok := sub.(*sqlschema.ModifyColumn)
			if !ok || !mc.Change.Is(sqlschema.ChangeAttr) {
				rest = append(rest, sub)
				continue
			}
			fromI, hadI := identityOf(mc.From)
			toI, hasI := identityOf(mc.To)
			if hadI == hasI {
				rest = append(rest, sub)
				continue
			}
			t, col := d.QuoteIdent(m.T.Name), d.QuoteIdent(mc.To.Name)
			if hasI {
				gen := strings.ToUpper(toI)
				if gen == "" {
					gen = "BY DEFAULT"
				}
				stmts = append(stmts,
					fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s ADD GENERATED %s AS IDENTITY", t, col, gen),
					fmt.Sprintf("SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max(%s), 0) + 1, false) FROM %s",
						d.QuoteString(t), d.QuoteString(mc.To.Name), col, t))
			} else {
				_ = fromI
				stmts = append(stmts, fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP IDENTITY", t, col))
			}
			if k := mc.Change &^ sqlschema.ChangeAttr; k != sqlschema.NoChange {
				rest = append(rest, &sqlschema.ModifyColumn{From: mc.From, To: mc.To, Change: k})
			}
		}
		if len(rest) > 0 {
			out = append(out, &sqlschema.ModifyTable{T: m.T, Changes: rest})
		}
	}
	return out, stmts
}

// identityOf returns the generation ("ALWAYS", "BY DEFAULT") of an
// identity column.
func identityOf(c *sqlschema.Column) (string, bool) {
	for _, a := range c.Attrs {
		if id, ok := a.(*postgres.Identity); ok {
			return id.Generation, true
		}
	}
	return "", false
}

// rebuild is a change that makes atlas's SQLite planner rebuild a table
// (it cannot ALTER it) and that the rebuild itself ignores.
type rebuild struct{ sqlschema.Change }

// inlineIndex reports whether idx of t is, or is to be, an inline UNIQUE
// constraint of a SQLite table, which only a rebuild adds or drops.
func inlineIndex(t *sqlschema.Table, idx *sqlschema.Index) bool {
	if strings.HasPrefix(idx.Name, "sqlite_autoindex_") {
		return true
	}
	_, ok := sqliteInline(t, idx)
	return ok
}
