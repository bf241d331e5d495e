package diff

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// Replayed returns the schema that stmts, the revisions' upgrade
// statements in the order they run, make in an empty database, as Inspect
// reads it there, without running them: ddlSchema reads them, and what
// it read goes through a scratch database by shapes and the cache folder
// (normalizeCached, Normalize's own path; the reader knows no enum type),
// as the models do. name is the schema's name. When a statement is
// one ddlSchema does not know, or the schema needs what Inspect would
// leave out or note (Include, Exclude, the version tables), Replayed
// returns nil and why: the caller runs the statements in a Scratch
// database and inspects that instead. An error is the scratch database's
// (the caller may replay then, to report the statement that fails).
func Replayed(ctx context.Context, stmts []string, name string, opts Options) (*sqlschema.Schema, string, error) {
	raw, st, err := ddlRead(opts.Dialect, name, stmts)
	var unknown *unknownDDL
	if errors.As(err, &unknown) {
		return nil, unknown.Error(), nil
	}
	if err != nil {
		return nil, "", err
	}
	for _, t := range raw.Tables {
		if !opts.manages(t.Name) || strings.HasPrefix(strings.ToLower(t.Name), shapePrefix) {
			return nil, fmt.Sprintf("diff: table %s is not managed (version table, include or exclude)", t.Name), nil
		}
	}
	if st.unchecked > 0 {
		v, _, closeV, err := serverVersion(ctx, opts)
		if err != nil {
			return nil, "", err
		}
		closeV()
		if !strings.Contains(strings.ToLower(v), "mariadb") {
			return nil, "diff: foreign keys added with foreign_key_checks off, read as MariaDB makes them, on a server that is not MariaDB", nil
		}
	}
	ns, err := normalizeCached(ctx, raw, opts)
	var perm *privilegeError
	if errors.As(err, &perm) {
		return nil, "diff: no scratch database to normalize in: " + perm.Error(), nil
	}
	if err != nil {
		return nil, "", err
	}
	asInspected(opts.Dialect, ns)
	return ns, "", nil
}

// Readable returns "" when Replayed can read stmts (it may still fall
// back for want of a scratch database), else why not.
func Readable(d dialect.Name, stmts []string) string {
	if _, err := ddlSchema(d, "", stmts); err != nil {
		return err.Error()
	}
	return ""
}

// asInspected takes off a normalized schema what Normalize adds for the
// models' side (the marks of normalization and of implicit charsets), and
// lists its tables in the order the inspectors do, by name: what remains
// is what Inspect reads of the same tables.
func asInspected(d dialect.Name, s *sqlschema.Schema) {
	s.Attrs = withoutPrivate(s.Attrs)
	for _, t := range s.Tables {
		t.Attrs = withoutPrivate(t.Attrs)
		for _, c := range t.Columns {
			c.Attrs = withoutPrivate(c.Attrs)
		}
	}
	if d == dialect.Postgres {
		keyConstraints(s)
	}
	key := func(n string) string { return n }
	if d == dialect.MySQL {
		key = strings.ToLower
	}
	sort.SliceStable(s.Tables, func(i, j int) bool { return key(s.Tables[i].Name) < key(s.Tables[j].Name) })
}

// keyConstraints lists on each PostgreSQL key (primary key, unique index)
// the foreign keys that use it, as the server does: the normalized
// tables' lists are those of the tables they were normalized with (in
// probes, in batches, in the cache's entries), not of the whole schema.
// ddlSchema leaves no foreign key whose referenced columns more than one
// key has.
func keyConstraints(s *sqlschema.Schema) {
	users := map[*sqlschema.Index][]string{}
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			if fk.RefTable == nil {
				continue
			}
			if keys := keysOf(fk.RefTable, fk.RefColumns); len(keys) == 1 {
				users[keys[0]] = append(users[keys[0]], fk.Symbol)
			}
		}
	}
	for _, t := range s.Tables {
		for _, idx := range append([]*sqlschema.Index{t.PrimaryKey}, t.Indexes...) {
			if idx == nil || !idx.Unique {
				continue
			}
			kept := idx.Attrs[:0]
			for _, a := range idx.Attrs {
				if c, ok := a.(*postgres.Constraint); ok && c.T == "f" {
					continue
				}
				kept = append(kept, a)
			}
			idx.Attrs = kept
			syms := users[idx]
			sort.Strings(syms)
			for _, n := range syms {
				idx.Attrs = append(idx.Attrs, &postgres.Constraint{N: n, T: "f"})
			}
		}
	}
}
