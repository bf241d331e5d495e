// Package models: a table whose charset and collation differ from the database's: the models say nothing about them, nothing is reported.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
