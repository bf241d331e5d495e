// Package models: a NOT NULL column without a default on a table with rows: loud warning; the upgrade must still run (the server's implicit default) or fail before anything is changed.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
	Code int    `gorm:"not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
