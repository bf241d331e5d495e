// Package models: a decimal default written '0.00' by the server and 0 in the models: no churn.
package models

type Product struct {
	ID    uint    `gorm:"primaryKey"`
	Price float64 `gorm:"type:decimal(10,2);not null;default:0"`
	Rate  float64 `gorm:"type:decimal(5,3);default:1.5"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Product{}}
