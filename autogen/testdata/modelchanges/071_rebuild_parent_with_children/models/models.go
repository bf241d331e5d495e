// Package models: a change that rebuilds a SQLite parent table whose rows child rows point at with ON DELETE CASCADE: no cascade fires, no row is lost.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null;default:''"`
}

type Order struct {
	ID     uint `gorm:"primaryKey"`
	UserID uint `gorm:"not null"`
	User   User `gorm:"constraint:OnDelete:CASCADE"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
