// Package models: a column with a named index and a check is renamed by tag: the index and check follow, nothing is rebuilt.
package models

type User struct {
	ID      uint   `gorm:"primaryKey"`
	Address string `gorm:"size:100;not null;index:idx_mail" retort:"renamed_from:email"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
