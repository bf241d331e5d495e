// Package vt holds driver.Valuer types used by package types from another
// package, so that retort sees them through export data only.
package vt

import (
	"database/sql/driver"
	"strings"
)

// Tags is stored as a comma-separated string.
type Tags []string

func (t Tags) Value() (driver.Value, error) { return strings.Join(t, ","), nil }

// Cents is a struct stored as an integer.
type Cents struct{ n int32 }

func (c Cents) Value() (driver.Value, error) { return int64(c.n), nil }

// Maybe is nil when empty: typed by its first field.
type Maybe struct {
	S     string
	Valid bool
}

func (m Maybe) Value() (driver.Value, error) {
	if !m.Valid {
		return nil, nil
	}
	return m.S, nil
}
