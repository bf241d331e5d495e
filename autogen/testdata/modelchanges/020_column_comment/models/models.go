// Package models: a column comment added and one changed.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null;comment:the full name"`
	Age  int    `gorm:"comment:in years"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
