// Package models: a many2many relation removed: its join table (hand-made, keys in a fixed order) is dropped.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

type Group struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:50"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Group{}}
