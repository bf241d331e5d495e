// Package models: a unique constraint gone from the models is dropped.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
