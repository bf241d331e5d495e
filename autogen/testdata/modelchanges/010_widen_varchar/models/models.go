// Package models: varchar(50) → varchar(200).
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:200;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
