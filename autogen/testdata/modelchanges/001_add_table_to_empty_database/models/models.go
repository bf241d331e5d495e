// Package models: a first revision: every table is new.
package models

import "gorm.io/gorm"

type User struct {
	gorm.Model
	Email string `gorm:"size:255;not null;uniqueIndex"`
	Name  string `gorm:"size:100"`
}

type Post struct {
	ID     uint   `gorm:"primaryKey"`
	Title  string `gorm:"size:200;not null"`
	UserID uint   `gorm:"not null"`
	User   User
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Post{}}
