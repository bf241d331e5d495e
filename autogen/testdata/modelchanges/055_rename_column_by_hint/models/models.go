// Package models: --rename users.name=full_name.
package models

type User struct {
	ID       uint   `gorm:"primaryKey"`
	FullName string `gorm:"size:100;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
