// Package models: a MySQL inline enum gains a value.
package models

type Post struct {
	ID     uint   `gorm:"primaryKey"`
	Status string `gorm:"type:enum('draft','published','archived');default:'draft'"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Post{}}
