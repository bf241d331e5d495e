// Package models: a CHECK that existing rows break: the file warns, the upgrade fails and leaves everything as it was.
package models

type Product struct {
	ID    uint `gorm:"primaryKey"`
	Price int  `gorm:"not null;check:chk_price,price > 0"`
	Stock int  `gorm:"not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Product{}}
