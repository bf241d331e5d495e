// Package atlastype parses and formats column types with atlas's parser
// of each dialect, for text that people wrote: the models' type: tags,
// the statements of revision files, SQLite's declared types (which the
// server keeps as written). atlas's parsers were written for what
// servers report and panic on some other text (PostgreSQL's "bit a" and
// bit(99999999999999999999), SQLite's " "); here such a panic is an
// error.
package atlastype

import (
	"fmt"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dialect"
)

// Parse reads text as a column type of dialect d.
func Parse(d dialect.Name, text string) (typ sqlschema.Type, err error) {
	defer func() {
		if r := recover(); r != nil {
			typ, err = nil, fmt.Errorf("cannot parse type %q", text)
		}
	}()
	switch d {
	case dialect.MySQL:
		return mysql.ParseType(text)
	case dialect.Postgres:
		return postgres.ParseType(text)
	}
	return sqlite.ParseType(text)
}

// Format writes typ as dialect d writes it in DDL.
func Format(d dialect.Name, typ sqlschema.Type) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("cannot format type %T", typ)
		}
	}()
	switch d {
	case dialect.MySQL:
		return mysql.FormatType(typ)
	case dialect.Postgres:
		return postgres.FormatType(typ)
	}
	return sqlite.FormatType(typ)
}
