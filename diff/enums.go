package diff

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
)

var (
	reAnonEnum = regexp.MustCompile(`(?is)^\s*enum\s*\((.*)\)\s*$`)
	reEnumVal  = regexp.MustCompile(`'((?:[^']|'')*)'`)
)

// resolveEnums turns the PostgreSQL enum types a models' schema names
// but does not define into enum types retort can create and compare:
//
//   - type:mood, a type the database has: its values are read from the
//     database;
//   - type:enum('a','b'), which PostgreSQL has no syntax for: an enum type
//     named as the one the database's column already uses, else after the
//     column (table_column when two columns would clash).
func resolveEnums(ctx context.Context, s *sqlschema.Schema, opts Options) error {
	db := opts.DB
	if db == nil && opts.URL != nil {
		var err error
		if db, err = opts.URL.Open(ctx); err != nil {
			return fmt.Errorf("diff: %w", err)
		}
		defer db.Close()
	}
	named := map[string]string{} // enum type name → its values, joined
	for _, o := range s.Objects {
		if e, ok := o.(*sqlschema.EnumType); ok {
			named[e.T] = strings.Join(e.Values, "\x00")
		}
	}
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if c.Type == nil {
				continue
			}
			u, ok := c.Type.Type.(*postgres.UserDefinedType)
			if !ok {
				continue
			}
			if m := reAnonEnum.FindStringSubmatch(u.T); m != nil {
				var values []string
				for _, v := range reEnumVal.FindAllStringSubmatch(m[1], -1) {
					values = append(values, strings.ReplaceAll(v[1], "''", "'"))
				}
				name, err := columnEnum(ctx, db, t.Name, c.Name)
				if err != nil {
					return err
				}
				key := strings.Join(values, "\x00")
				if name == "" {
					name = c.Name
					if have, ok := named[name]; ok && have != key {
						name = t.Name + "_" + c.Name
					}
				}
				named[name] = key
				c.Type.Type = &sqlschema.EnumType{T: name, Values: values, Schema: s}
				c.Type.Raw = name
				continue
			}
			name := strings.Trim(u.T, `"`)
			values, err := enumValues(ctx, db, name)
			if err != nil {
				return err
			}
			if values != nil {
				c.Type.Type = &sqlschema.EnumType{T: name, Values: values, Schema: s}
				c.Type.Raw = name
			}
		}
	}
	ensureEnums(s)
	return nil
}

// columnEnum returns the enum type column table.column has in the
// database, or "".
func columnEnum(ctx context.Context, db *sql.DB, table, column string) (string, error) {
	if db == nil {
		return "", nil
	}
	rows, err := db.QueryContext(ctx, `SELECT t.typname FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_type t ON t.oid = a.atttypid
WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = $1 AND a.attname = $2 AND t.typtype = 'e'`, table, column)
	if err != nil {
		return "", fmt.Errorf("diff: read the enum type of %s.%s: %w", table, column, err)
	}
	defer rows.Close()
	var name string
	if rows.Next() {
		if err := rows.Scan(&name); err != nil {
			return "", fmt.Errorf("diff: read the enum type of %s.%s: %w", table, column, err)
		}
	}
	return name, rows.Err()
}

// enumValues returns the values of enum type name in the database, or nil
// when there is no such enum type.
func enumValues(ctx context.Context, db *sql.DB, name string) ([]string, error) {
	if db == nil {
		return nil, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
WHERE t.typnamespace = current_schema()::regnamespace AND t.typname = $1 ORDER BY e.enumsortorder`, name)
	if err != nil {
		return nil, fmt.Errorf("diff: read enum type %s: %w", name, err)
	}
	defer rows.Close()
	var values []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("diff: read enum type %s: %w", name, err)
		}
		values = append(values, v)
	}
	return values, rows.Err()
}
