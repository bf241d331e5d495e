// Package models: renamed_from turns drop + add into a RENAME, both ways, keeping the values.
package models

type User struct {
	ID       uint   `gorm:"primaryKey"`
	FullName string `gorm:"size:100;not null" retort:"renamed_from:name"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
