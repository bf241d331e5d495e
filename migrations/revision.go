// Package migrations holds retort's revision engine: revision files and
// their parser, the revision graph (heads, branches, merges, Alembic's
// identifier grammar), the version table and the runner that applies and
// reverts revisions online or writes them as offline SQL.
//
// It never prints on its own, never exits, and reads revision files through
// an fs.FS so that os.DirFS, embed.FS and fstest.MapFS all work.
package migrations

// Revision is one parsed revision file.
type Revision struct {
	ID        string
	Parents   []string // the Revises: header; empty for a root, several for a merge
	DependsOn []string // the Depends On: header
	// BranchLabels is the Branch Labels: header: names for the branch this
	// revision is on (Alembic's branch_labels), usable as NAME@head,
	// NAME@base, NAME@-1, NAME@REV.
	BranchLabels []string
	Message      string // the first header line
	Created      string // the Create Date: header, as written
	// Path is the file's path inside the fs.FS it was read from, with
	// forward slashes (e.g. "versions/3f2a9c1b7d4e_add_email.sql").
	Path      string
	Upgrade   []Statement
	Downgrade []Statement
	// Warnings are the header lines starting with "WARNING:" (without it),
	// written by autogenerate for changes of the upgrade that can lose data
	// or lock; DowngradeWarnings are the lines starting with "Downgrade
	// WARNING:", the same for the downgrade. Each direction shows only its
	// own (a file written before there were downgrade lines has none).
	Warnings          []string
	DowngradeWarnings []string
	// Checksum is the lower-case hex SHA-256 of the file's bytes.
	Checksum string
	// UpgradeNoTx and DowngradeNoTx are set by a "-- +retort NoTransaction"
	// line after the section's marker: the section's statements must run
	// outside a transaction (PostgreSQL CREATE INDEX CONCURRENTLY).
	UpgradeNoTx   bool
	DowngradeNoTx bool
	// Plain is set by an "Online: false" header line: the revision holds
	// the plain, blocking form of its changes on purpose (autogenerate
	// with [migrations] online = false), and `retort lint` does not
	// report its locking statements.
	Plain bool
	// UpgradeOnlineTool and DowngradeOnlineTool are the indexes in their
	// section of the statements (MySQL ALTER TABLEs) that a "-- +retort
	// OnlineTool" line marks: the runner runs them through [migrations]
	// online_tool instead of sending them to the server (onlinetool.go).
	UpgradeOnlineTool   []int
	DowngradeOnlineTool []int

	// HeadersOnly is set on a revision read by LoadGraphHeaders: it has
	// no statements, and Run and WriteOffline refuse it.
	HeadersOnly bool
}

// Statement is one SQL statement of a revision section.
type Statement struct {
	SQL  string // the statement text without the terminating semicolon
	Line int    // the 1-based line of the file where the statement starts
}

// Step is one revision applied or reverted as part of a plan, with the
// version-table bookkeeping that follows it. The version table holds the
// "heads" of the applied set: the applied revisions that no other applied
// revision has as a parent or dependency.
type Step struct {
	Rev *Revision
	Up  bool
	// DeleteHeads and InsertHeads turn the heads before this step into the
	// heads after it.
	DeleteHeads []string
	InsertHeads []string
}
