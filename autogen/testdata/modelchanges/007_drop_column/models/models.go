// Package models: a column gone from the models is dropped (with a warning).
package models

type User struct {
	ID uint `gorm:"primaryKey"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
