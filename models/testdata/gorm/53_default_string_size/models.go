// Package stringsize runs under the MySQL driver's
// Config{DefaultStringSize: 191} ([models] default_string_size = 191):
// every string column without size: is varchar(191) on MySQL, indexed or
// not; sized ones, type: tags and byte slices keep their types, and
// PostgreSQL and SQLite are unchanged.
package stringsize

import "database/sql"

// Code is a named string type: a string column like any other.
type Code string

// Slug names its general type with GormDataType.
type Slug []byte

func (Slug) GormDataType() string { return "string" }

type Article struct {
	Key      string `gorm:"primaryKey"`
	Title    string
	Summary  *string
	Body     string `gorm:"type:text"`
	Short    string `gorm:"size:40"`
	Huge     string `gorm:"size:70000"`
	Lang     string `gorm:"default:en"`
	Author   string `gorm:"index"`
	Handle   string `gorm:"unique"`
	Code     Code   `gorm:"not null"`
	Slug     Slug
	Note     sql.NullString
	Checksum []byte
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Article{}}
