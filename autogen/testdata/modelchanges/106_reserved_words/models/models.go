// Package models: a table and columns named by SQL keywords (order, key, select): quoted everywhere.
package models

type Order struct {
	ID     uint   `gorm:"primaryKey"`
	Key    string `gorm:"size:40;index"`
	Select bool   `gorm:"not null;default:false"`
}

func (Order) TableName() string { return "order" }

// Models lists the models in AutoMigrate order.
var Models = []any{&Order{}}
