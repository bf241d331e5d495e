// Package dialect holds what differs between the SQL dialects retort speaks
// and is needed by more than one package: names, identifier and string
// quoting.
package dialect

import (
	"fmt"
	"strings"
)

// Name is one of the dialects retort supports.
type Name string

// The supported dialects.
const (
	MySQL    Name = "mysql"
	Postgres Name = "postgres"
	SQLite   Name = "sqlite"
)

// All lists the supported dialects in a stable order.
var All = []Name{MySQL, Postgres, SQLite}

// Parse returns the dialect called s, accepting common aliases
// ("mariadb", "postgresql", "sqlite3").
func Parse(s string) (Name, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "mysql", "mariadb":
		return MySQL, nil
	case "postgres", "postgresql", "pg":
		return Postgres, nil
	case "sqlite", "sqlite3":
		return SQLite, nil
	}
	return "", fmt.Errorf("dialect: unknown dialect %q (want mysql, postgres or sqlite)", s)
}

// QuoteIdent quotes an identifier (table, column, index name) for d.
// Embedded quote characters are doubled, so any string is safe.
func (d Name) QuoteIdent(s string) string {
	if d == MySQL {
		return "`" + strings.ReplaceAll(s, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// QuoteString quotes a string literal for d. Quotes are doubled; on MySQL,
// where a backslash escapes in string literals by default, backslashes are
// doubled too.
func (d Name) QuoteString(s string) string {
	s = strings.ReplaceAll(s, "'", "''")
	if d == MySQL {
		s = strings.ReplaceAll(s, `\`, `\\`)
	}
	return "'" + s + "'"
}

// Placeholder returns the bind parameter marker for the n-th (1-based)
// argument of a statement.
func (d Name) Placeholder(n int) string {
	if d == Postgres {
		return fmt.Sprintf("$%d", n)
	}
	return "?"
}

// TransactionalDDL reports whether DDL statements take part in transactions,
// so that a failed revision can be rolled back whole.
func (d Name) TransactionalDDL() bool { return d != MySQL }
