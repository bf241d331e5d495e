// Package models: a NOT NULL column with a default added to a table with rows.
package models

type User struct {
	ID     uint   `gorm:"primaryKey"`
	Name   string `gorm:"size:100;not null"`
	Status string `gorm:"size:20;not null;default:'active'"`
	Score  int    `gorm:"not null;default:0"`
	Active bool   `gorm:"not null;default:true"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
