// Package models: a two-column unique index added to a table with rows (a warning).
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null"`
	First string `gorm:"size:50;uniqueIndex:idx_full_name"`
	Last  string `gorm:"size:50;uniqueIndex:idx_full_name"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
