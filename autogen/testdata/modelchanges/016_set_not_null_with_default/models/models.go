// Package models: a nullable column becomes NOT NULL DEFAULT ” (rows hold no NULL).
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null;default:''"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
