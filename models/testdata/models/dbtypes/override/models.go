// Package override gives every field of a type whose GormDBDataType
// retort cannot read a retort:"type:..." tag: no warning.
package override

import (
	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

type Opaque string

func (Opaque) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	return choose(db)
}

func choose(db *gorm.DB) string { return "text" }

type Item struct {
	ID uint
	A  Opaque `retort:"type:varchar(20)"`
	B  Opaque `gorm:"size:9" retort:"type:char(9)"`
}
