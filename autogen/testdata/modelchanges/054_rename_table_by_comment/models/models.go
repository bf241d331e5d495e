// Package models: //retort:renamed_from renames the table, both ways, keeping the rows.
package models

// Member was User.
//
//retort:renamed_from users
type Member struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Member{}}
