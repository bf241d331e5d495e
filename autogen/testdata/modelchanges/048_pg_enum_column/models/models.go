// Package models: a column typed by a PostgreSQL enum the database already has.
package models

type Person struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
	Mood string `gorm:"type:mood;default:'happy'"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Person{}}
