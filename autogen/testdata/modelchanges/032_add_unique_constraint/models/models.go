// Package models: unique on a column with rows: GORM's uni_ constraint, with a warning.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null;unique"`
	First string `gorm:"size:50"`
	Last  string `gorm:"size:50"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
