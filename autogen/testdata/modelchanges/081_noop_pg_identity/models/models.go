// Package models: PostgreSQL identity keys and a generated column made by GORM's AutoMigrate: no churn.
package models

type LineItem struct {
	ID       int64   `gorm:"primaryKey;generated:identity"`
	Price    float64 `gorm:"type:numeric(10,2);not null"`
	Quantity int     `gorm:"not null;default:1"`
	Total    float64 `gorm:"type:numeric(12,2);generated:price * quantity;->"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&LineItem{}}
