// Package models: decimal(10,2) → decimal(14,4).
package models

type Product struct {
	ID    uint    `gorm:"primaryKey"`
	Price float64 `gorm:"type:decimal(14,4);not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Product{}}
