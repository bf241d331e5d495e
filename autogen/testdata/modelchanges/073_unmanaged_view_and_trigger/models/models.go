// Package models: a view and a trigger retort does not manage are named in the file and never dropped.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null"`
	First string `gorm:"size:50"`
	Last  string `gorm:"size:50"`
	Phone string `gorm:"size:30"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
