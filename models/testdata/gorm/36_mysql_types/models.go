// Package mysqltypes: MySQL/MariaDB types and clauses people write in
// type: and default: tags (enum, tinyint(1), unsigned, year, json, a
// collation, ON UPDATE CURRENT_TIMESTAMP through default:).
package mysqltypes

import "time"

type Listing struct {
	ID        uint      `gorm:"primaryKey"`
	Status    string    `gorm:"type:enum('draft','published','archived');default:'draft'"`
	Featured  bool      `gorm:"type:tinyint(1);not null;default:0"`
	Quantity  uint32    `gorm:"type:int unsigned"`
	Notes     string    `gorm:"type:mediumtext"`
	Built     int16     `gorm:"type:year"`
	Specs     string    `gorm:"type:json"`
	Code      string    `gorm:"type:varchar(32) COLLATE utf8mb4_bin"`
	UpdatedAt time.Time `gorm:"type:datetime;default:CURRENT_TIMESTAMP on update CURRENT_TIMESTAMP"`
}

// Dialects restricts the case to the dialects that support its types.
var Dialects = []string{"mysql"}

// Models lists the models in AutoMigrate order.
var Models = []any{&Listing{}}
