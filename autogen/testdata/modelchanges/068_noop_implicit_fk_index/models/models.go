// Package models: MariaDB's implicit index of a foreign key (named after the key) is not a change.
package models

type User struct {
	ID uint `gorm:"primaryKey"`
}

type Order struct {
	ID     uint `gorm:"primaryKey"`
	UserID *uint
	User   *User
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
