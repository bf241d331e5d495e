// Package models: a new table and a key from an existing table to it: the table first.
package models

type Product struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

type Order struct {
	ID        uint     `gorm:"primaryKey"`
	ProductID *uint    `gorm:"index"`
	Product   *Product `gorm:"constraint:OnDelete:SET NULL"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Product{}, &Order{}}
