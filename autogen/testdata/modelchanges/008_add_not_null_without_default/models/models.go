// Package models: a NOT NULL column without a default on an empty table: a warning that it would fail with rows.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
	Code string `gorm:"size:20;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
