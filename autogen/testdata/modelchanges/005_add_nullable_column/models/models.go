// Package models: a nullable column added to a table with rows.
package models

type User struct {
	ID       uint    `gorm:"primaryKey"`
	Name     string  `gorm:"size:100;not null"`
	Nickname *string `gorm:"size:50"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
