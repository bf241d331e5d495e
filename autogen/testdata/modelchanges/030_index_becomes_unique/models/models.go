// Package models: an index becomes unique under the same name (a warning: existing rows may clash).
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null;uniqueIndex:idx_email"`
	First string `gorm:"size:50"`
	Last  string `gorm:"size:50"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
