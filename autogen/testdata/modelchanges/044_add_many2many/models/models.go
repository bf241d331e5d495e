// Package models: a many2many relation adds its join table with two keys.
package models

type User struct {
	ID     uint    `gorm:"primaryKey"`
	Name   string  `gorm:"size:100;not null"`
	Groups []Group `gorm:"many2many:user_groups"`
}

type Group struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:50"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Group{}}
