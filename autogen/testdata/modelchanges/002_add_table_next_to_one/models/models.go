// Package models: a table with a foreign key to an existing table with rows.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

type Post struct {
	ID     uint   `gorm:"primaryKey"`
	Title  string `gorm:"size:200;not null"`
	UserID uint   `gorm:"not null;index"`
	User   User   `gorm:"constraint:OnDelete:CASCADE"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Post{}}
