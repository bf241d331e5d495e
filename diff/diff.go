// Package diff compares the live database with the models' schema and
// writes the SQL that takes one to the other: it inspects the database
// (leaving out what retort does not manage, and saying so), normalizes the
// models' schema through a scratch database so both sides are in the
// server's own terms, diffs them with atlas plus retort's own fixes
// (matching unnamed indexes and keys by what they are, renames, MariaDB
// CHECK changes, PostgreSQL enum value removal), and orders the statements
// so that they run on a database holding data. The downgrade is a second
// diff, from the schema as it will be back to the schema as it is.
package diff

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
)

// Options configures inspection, normalization and the diff.
type Options struct {
	Dialect dialect.Name
	// URL is the inspected database; scratch databases are made next to it.
	URL *dburl.URL
	// DevURL is [database] dev_url: a scratch database to normalize in.
	DevURL *dburl.URL
	// DB, when set, is an open connection to URL; Compute asks it for the
	// server's version (MariaDB and MySQL plan some changes differently).
	// Without it Compute opens URL, and without URL it plans for the
	// dialect's default server.
	DB *sql.DB
	// VersionTable is excluded from inspection, as are VersionTable+"_log"
	// and retort's lock table.
	VersionTable string
	// Include and Exclude are table name patterns (path.Match). With
	// Include set, only matching tables are managed.
	Include, Exclude []string
	// Renames turn a drop and an add into a rename, in both directions.
	Renames []Rename
	// CacheDir, when set, keeps the tables Normalize normalized, keyed by
	// their CREATE statements (and those of the tables they reference), the
	// dialect and the server's version: a later Normalize creates only the
	// tables it has not seen in the scratch database, and none when it has
	// seen them all. Its results are the same as without it. The usual
	// place is os.UserCacheDir()/retort/normalize.
	CacheDir string
	// PlainDDL writes each change as atlas plans it, in the form that
	// blocks the table's writes while it runs, instead of its online form
	// (online.go): [migrations] online = false, for small databases where
	// one transaction per revision matters more.
	PlainDDL bool
	// OnlineTool is [migrations] online_tool ("pt-online-schema-change"):
	// a MySQL ALTER TABLE that can only copy its table is written after a
	// "-- +retort OnlineTool" line, which makes the runner run it through
	// the tool, unless the tool cannot take the table (other tables'
	// foreign keys reference it, it has no primary or unique key).
	OnlineTool string

	// noSettle makes Compute diff every table, even those that are the
	// same on both sides (tests compare the plans).
	noSettle bool
	// stats, when set (tests, benchmarks), counts what Normalize made in
	// scratch databases.
	stats *normStats
}

// normStats counts the tables created whole in scratch databases to
// normalize, and the probe tables of shapes.go.
type normStats struct {
	scratchTables, shapeProbes atomic.Int64
}

func (s *normStats) tables(n int) {
	if s != nil {
		s.scratchTables.Add(int64(n))
	}
}

func (s *normStats) probes(n int) {
	if s != nil {
		s.shapeProbes.Add(int64(n))
	}
}

// Rename is one rename hint: a column From→To in Table, or, with Table
// empty, a table From→To. Names are those of the desired schema's side
// (To) and of the database's side (From).
type Rename struct {
	Table    string
	From, To string
}

// String returns the hint as written on the command line.
func (r Rename) String() string {
	if r.Table == "" {
		return r.From + "=" + r.To
	}
	return r.Table + "." + r.From + "=" + r.To
}

// ParseRename parses a --rename value: "table.old=new" renames a column,
// "old_table=new_table" a table.
func ParseRename(s string) (Rename, error) {
	left, to, ok := strings.Cut(strings.TrimSpace(s), "=")
	if !ok || left == "" || to == "" || strings.Contains(to, ".") {
		return Rename{}, fmt.Errorf("diff: bad rename %q (want table.old=new or old_table=new_table)", s)
	}
	if t, from, ok := strings.Cut(left, "."); ok {
		if t == "" || from == "" {
			return Rename{}, fmt.Errorf("diff: bad rename %q (want table.old=new or old_table=new_table)", s)
		}
		return Rename{Table: t, From: from, To: to}, nil
	}
	return Rename{From: left, To: to}, nil
}

// Note is something the database holds that retort does not manage, or a
// fallback retort had to take.
type Note struct {
	Kind   string `json:"kind"`   // "view", "trigger", "routine", "sequence", "domain", "partition", "invisible column", "system-versioned table", "fallback"
	Object string `json:"object"` // the object's name ("" for fallbacks)
	Text   string `json:"text"`   // the sentence shown to the user
}

func (n Note) String() string { return n.Text }

// Change is one line of the plain-words summary.
type Change struct {
	Kind   string `json:"kind"`   // e.g. "add table", "drop column", "modify column", "rename column"
	Table  string `json:"table"`  // the table concerned (the new name on renames)
	Object string `json:"object"` // column, index, key or check name; "" for table-level changes
	Text   string `json:"text"`   // the whole line: "add column users.email varchar(255) NOT NULL DEFAULT ''"
}

func (c Change) String() string { return c.Text }

// Plan is what Compute returns: the pending changes in words and in SQL.
type Plan struct {
	Changes  []Change `json:"changes"`
	Warnings []string `json:"warnings"` // data loss, locking, possible renames
	// DowngradeWarnings are the warnings of the downgrade: it narrows what
	// the upgrade widens and drops what the upgrade adds.
	DowngradeWarnings []string `json:"downgrade_warnings"`
	Notes             []string `json:"notes"` // unmanaged objects, fallbacks
	// Upgrade and Downgrade are statements in run order, without the
	// trailing semicolon. A statement may be a SQL comment ("-- ...") when
	// a change cannot be done in SQL (removing a PostgreSQL enum value).
	Upgrade   []string `json:"upgrade"`
	Downgrade []string `json:"downgrade"`
	// UpgradeNoTransaction and DowngradeNoTransaction say that the section
	// must not be wrapped in a transaction by the runner, and that all of
	// its statements must run on one connection. Only SQLite table rebuilds
	// (and dropped tables) set them. The section then reads:
	//
	//	PRAGMA foreign_keys = off
	//	BEGIN
	//	... the rebuilds (PRAGMA legacy_alter_table around each rename) ...
	//	... a statement that fails if PRAGMA foreign_key_check finds a row
	//	    referring to nothing ...
	//	COMMIT
	//	PRAGMA foreign_keys = on
	//
	// A runner that meets an error in such a section should run ROLLBACK
	// and PRAGMA foreign_keys = on on that connection before giving it
	// back (both are harmless when not needed).
	UpgradeNoTransaction   bool `json:"upgrade_no_transaction"`
	DowngradeNoTransaction bool `json:"downgrade_no_transaction"`
	// Dialect is the statements' (Options.Dialect): a revision file
	// wraps a statement its splitter would cut (a MySQL procedure, in
	// the online form of a foreign key) in StatementBegin/StatementEnd.
	Dialect dialect.Name `json:"-"`
}

// Empty reports whether there is nothing to do.
func (p *Plan) Empty() bool {
	return p == nil || (len(p.Upgrade) == 0 && len(p.Changes) == 0)
}

// renamedFrom is what an attribute on a desired table or column
// implements to say that it was renamed from an older name (the schema
// package's RenamedFrom). A struct attr named RenamedFrom with a string
// field Name is accepted too.
type renamedFrom interface {
	RenamedFrom() string
}

// explicitName is what an attribute on a desired index, foreign key or
// check implements to say that the models named it explicitly; such an
// object is matched by name only. Others are matched by what they are.
type explicitName interface {
	ExplicitName() bool
}

// ctxDone returns ctx's error, if any.
func ctxDone(ctx context.Context) error {
	if ctx == nil {
		return nil
	}
	return ctx.Err()
}
