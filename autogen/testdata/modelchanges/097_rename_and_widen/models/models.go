// Package models: a column renamed by tag and widened in the same revision: one RENAME and one type change, values kept.
package models

type User struct {
	ID       uint   `gorm:"primaryKey"`
	FullName string `gorm:"size:200;not null" retort:"renamed_from:name"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
