// Package models: a named composite index gains a column.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null"`
	First string `gorm:"size:50;index:idx_name"`
	Last  string `gorm:"size:50;index:idx_name"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
