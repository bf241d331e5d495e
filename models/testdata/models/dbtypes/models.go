// Package dbtypes has GormDBDataType methods retort cannot read: each
// warns once, at the method, and the columns get the driver's type unless
// a retort:"type:..." tag says otherwise.
package dbtypes

import (
	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// Opaque asks another function.
type Opaque string

func (Opaque) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	return pick(db.Dialector.Name())
}

func pick(name string) string { return name + "_text" }

// Looped has a loop.
type Looped string

func (Looped) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	for _, n := range []string{"mysql"} {
		if db.Dialector.Name() == n {
			return "text"
		}
	}
	return ""
}

// Tuned reads a field of its receiver.
type Tuned struct{ Kind string }

func (t Tuned) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	return t.Kind
}

func (t Tuned) GormDataType() string { return "string" }

type Item struct {
	ID    uint
	A     Opaque `gorm:"size:40"`
	B     Opaque `retort:"type:varchar(20)"`
	C     Opaque
	D     Looped
	E     Tuned
	F     Tuned `gorm:"type:json" retort:"type:text"`
	Other int   `gorm:"not null"`
}
