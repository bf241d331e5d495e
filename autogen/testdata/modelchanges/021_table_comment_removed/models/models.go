// Package models: the database has a table comment the models cannot express (GORM has no table comment tag): retort removes it, and the downgrade puts it back.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
