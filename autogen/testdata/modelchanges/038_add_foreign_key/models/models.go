// Package models: a foreign key added between tables with rows.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

type Order struct {
	ID     uint `gorm:"primaryKey"`
	UserID uint `gorm:"not null;index"`
	User   User
	Total  int
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
