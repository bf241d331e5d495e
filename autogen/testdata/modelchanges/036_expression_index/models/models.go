// Package models: an expression index (lower(email)) added.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null;index:idx_lower_email,expression:lower(email)"`
	First string `gorm:"size:50"`
	Last  string `gorm:"size:50"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
