// Package inspect reads the schema of a live database into atlas schema
// values, fast: a fixed handful of set-based catalog queries per schema,
// whatever the number of tables. The values are the same as those of
// atlas's own inspectors (a conformance test compares them on a corpus),
// except where TestConformance lists a deliberate difference.
//
//   - PostgreSQL: atlas's driver, with its two slow catalog queries answered
//     by equivalent pg_catalog queries (see pgQuerier).
//   - SQLite: an inspector of its own that reads every table in five
//     queries joining sqlite_schema with the pragma table functions, where
//     atlas issues about five PRAGMA queries per table.
//   - MySQL/MariaDB: atlas's driver, with its listing of tables and its
//     foreign keys query answered by equivalent queries (myQuerier).
//
// Both servers' inspectors build schemas of more than 1,000 tables in
// batches, from rows read once (batched, batch.go).
//
// Deliberate differences from atlas, all on SQLite (each one is applied to
// atlas's result in TestConformance, with its reason, and checked on its
// own in TestSQLiteDeliberate):
//
//   - the column of an INTEGER PRIMARY KEY (rowid alias) is NOT NULL;
//   - a column's COLLATE clause is a schema.Collation attribute, and so is
//     the collation of every index key that is not BINARY;
//   - a foreign key written without referenced columns references the
//     parent's primary key (atlas fails on it).
package inspect

import (
	"database/sql"
	"fmt"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// New returns an inspector of the database db for dialect d. db is usually
// a *sql.DB; on PostgreSQL and MySQL New runs one query to read the server
// version.
func New(db sqlschema.ExecQuerier, d dialect.Name) (sqlschema.Inspector, error) {
	var (
		q    sqlschema.ExecQuerier
		open func(sqlschema.ExecQuerier) (sqlschema.Inspector, error)
	)
	switch d {
	case dialect.Postgres:
		q = &pgQuerier{ExecQuerier: db}
		open = func(q sqlschema.ExecQuerier) (sqlschema.Inspector, error) { return postgres.Open(q) }
	case dialect.MySQL:
		q = &myQuerier{ExecQuerier: db}
		open = func(q sqlschema.ExecQuerier) (sqlschema.Inspector, error) { return mysql.Open(q) }
	case dialect.SQLite:
		return &sqliteInspector{db: db}, nil
	default:
		return nil, fmt.Errorf("inspect: unknown dialect %q", d)
	}
	b, err := newBatched(q, isPool(db), open)
	if err != nil {
		return nil, fmt.Errorf("inspect: %w", err)
	}
	return b, nil
}

// linkTables points every foreign key of s at the referenced table of s
// and its columns, as atlas does after inspection (and for batches, which
// had only a stub for a table of another batch).
func linkTables(s *sqlschema.Schema) {
	byName := make(map[string]*sqlschema.Table, len(s.Tables))
	for _, t := range s.Tables {
		t.Schema = s
		byName[t.Name] = t
	}
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			if fk.RefTable == nil || fk.RefTable.Schema == nil || fk.RefTable.Schema.Name != s.Name {
				continue
			}
			ref, ok := byName[fk.RefTable.Name]
			if !ok || ref == fk.RefTable {
				continue
			}
			fk.RefTable = ref
			for i, c := range fk.RefColumns {
				if rc, ok := ref.Column(c.Name); ok {
					fk.RefColumns[i] = rc
				}
			}
		}
	}
}

// isPool reports whether db can run queries side by side.
func isPool(db sqlschema.ExecQuerier) bool {
	_, ok := db.(*sql.DB)
	return ok
}
