// Package models: varchar(200) → varchar(50): a narrowed type is a warning.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:50;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
