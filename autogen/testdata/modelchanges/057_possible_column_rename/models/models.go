// Package models: no hint: drop + add of the same type, flagged as a possible rename with the hint to give.
package models

type User struct {
	ID       uint   `gorm:"primaryKey"`
	FullName string `gorm:"size:100;not null;default:''"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
