// Package tagwarn has struct tags GORM silently ignores in part: each is a
// warning at its field, and none of them changes the schema.
package tagwarn

import (
	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

type Base struct {
	Note string `gorm:"sise:10"`
}

// Enum reads its own tag key.
type Enum string

func (Enum) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	if v := field.TagSettings["ENUM"]; v != "" {
		return "varchar(16)"
	}
	return ""
}

type Account struct {
	ID       uint
	Name     string `gorm:"not nul"`
	Email    string `gorm:"size:100;uniqe"`
	Code     string `gorm:size:10`
	Phone    string `json:phone gorm:"size:20"`
	Legacy   string `gorm:"unique_index"`
	Odd      string `gorm:"wibble:3"`
	Renamed  string `gorm:"size:8" retort:"renamed_from:old;sizee:9"`
	Spaced   string `gorm: "size:12"`
	Kind     Enum   `gorm:"enum:a,b"`
	Fine     string `gorm:"type:varchar(20);not null;default:'a:b';comment:x\\;y;index:idx_f,sort:desc"`
	Skipped  string `gorm:"-:migration"`
	ReadOnly string `gorm:"->;<-:false"`
	Base
	Other Base `gorm:"embedded;embeddedPrefix:o_"`
}
