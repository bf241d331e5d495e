// Package models: a table that other tables' keys point at is renamed; the keys follow.
package models

type Account struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

type Order struct {
	ID        uint    `gorm:"primaryKey"`
	AccountID uint    `gorm:"not null;index" retort:"renamed_from:user_id"`
	Account   Account `gorm:"constraint:OnDelete:CASCADE"`
	Total     int
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Account{}, &Order{}}
