// Package models: a descending composite index added.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null"`
	First string `gorm:"size:50;index:idx_recent,sort:desc"`
	Last  string `gorm:"size:50;index:idx_recent"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
