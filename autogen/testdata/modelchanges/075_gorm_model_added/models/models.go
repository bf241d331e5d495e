// Package models: an existing table starts embedding gorm.Model: timestamps and the deleted_at index added.
package models

import "gorm.io/gorm"

type User struct {
	gorm.Model
	Name string `gorm:"size:100;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
