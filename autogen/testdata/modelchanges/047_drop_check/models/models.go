// Package models: a CHECK gone from the models is dropped.
package models

type Product struct {
	ID    uint `gorm:"primaryKey"`
	Price int  `gorm:"not null"`
	Stock int  `gorm:"not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Product{}}
