package models

import (
	"fmt"
	"strings"

	sqlschema "ariga.io/atlas/sql/schema"
)

// Pos is where a table or column was declared: a sqlschema.Attr on the
// tables and columns of the schemas Models.Schema returns. Filename is
// relative to LoadOptions.Dir when the file is inside it.
type Pos struct {
	sqlschema.Attr
	Filename  string
	Line, Col int
}

// String formats the position as path:line:col.
func (p Pos) String() string {
	switch {
	case p.Filename == "":
		return "-"
	case p.Line == 0:
		return p.Filename
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.Filename, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Col)
}

// RenamedFrom records the retort-only renamed_from key: the column (or,
// from a "//retort:renamed_from old" comment on the struct, the table) had
// this name before. It is a sqlschema.Attr on tables and columns.
type RenamedFrom struct {
	sqlschema.Attr
	Name string
}

// RenamedFrom returns the old name (for callers that match on methods).
func (r *RenamedFrom) RenamedFrom() string { return r.Name }

// ExplicitName marks an index, foreign key or check whose name the models
// give (index:name, constraint:name,..., check:name,...), as opposed to a
// default name GORM makes up (idx_..., fk_..., chk_..., uni_...). A diff
// may match a default-named object by what it is rather than by name.
type ExplicitName struct {
	sqlschema.Attr
}

// ExplicitName reports true.
func (*ExplicitName) ExplicitName() bool { return true }

// UniqueConstraint is a sqlschema.Attr on the SQLite index of a `unique`
// field: GORM makes it an inline CONSTRAINT of this name in the CREATE
// TABLE text (its migrator reads the column's uniqueness from that text),
// not an index, and so must whatever creates the table.
type UniqueConstraint struct {
	sqlschema.Attr
	Name string
}

// InlineUnique returns the constraint's name (for callers that match on
// methods).
func (u *UniqueConstraint) InlineUnique() string { return u.Name }

// Relation is a sqlschema.Attr on the foreign keys of Models.Schema: the
// relation field that makes GORM create the key, and how GORM read it.
type Relation struct {
	sqlschema.Attr
	Pos   Pos
	Field string // "User.Company"
	How   string // "GORM reads User.Company as has one: companies.(user_id) refers to users.(id) ..."
}

// Origin is the whole sentence: "models/user.go:12:2: User.Company: GORM reads ...".
func (r *Relation) Origin() string { return fmt.Sprintf("%s: %s: %s", r.Pos, r.Field, r.How) }

// PosError is one problem found in the models, at a position in a file.
type PosError struct {
	Pos   Pos
	Model string // "User" or "User.Email"; empty for package errors
	Err   error
}

func (e *PosError) Error() string {
	if e.Pos.Filename == "" {
		if e.Model == "" {
			return fmt.Sprintf("schema: %v", e.Err)
		}
		return fmt.Sprintf("schema: %s: %v", e.Model, e.Err)
	}
	if e.Model == "" {
		return fmt.Sprintf("%s: %v", e.Pos, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.Pos, e.Model, e.Err)
}

func (e *PosError) Unwrap() error { return e.Err }

// LoadError holds every error of one Load, in file and line order.
type LoadError struct {
	Errs []*PosError
}

// BadInput reports that the error is about the user's models.
func (e *LoadError) BadInput() bool { return true }

func (e *LoadError) Error() string {
	lines := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual errors, for errors.Is and errors.As.
func (e *LoadError) Unwrap() []error {
	errs := make([]error, len(e.Errs))
	for i, err := range e.Errs {
		errs[i] = err
	}
	return errs
}
