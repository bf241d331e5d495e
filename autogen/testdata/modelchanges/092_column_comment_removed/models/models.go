// Package models: a column comment removed.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
