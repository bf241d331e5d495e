// Package models: views and triggers in a database in sync with the models: named in notes, no change.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
