// Package models: a composite index's column order changes (priority).
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null"`
	First string `gorm:"size:50;index:idx_name,priority:2"`
	Last  string `gorm:"size:50;index:idx_name,priority:1"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
