// Package models: a table gone from the models is dropped (with a warning).
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
