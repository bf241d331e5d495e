// Package models: a table the models do not know, left out by [models] exclude, is never dropped while the models' tables change.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Name  string `gorm:"size:100;not null"`
	Email string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
