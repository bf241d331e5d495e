// Package models: a shop made by GORM's AutoMigrate: embedded structs with prefixes, serializer:json, a composite primary key, a custom join table, cascades, decimals, checks: in sync.
package models

import (
	"time"

	"gorm.io/gorm"
)

type BaseAddress struct {
	Street string `gorm:"size:200"`
	City   string `gorm:"size:100;index"`
}

type Customer struct {
	gorm.Model
	Email    string            `gorm:"size:255;not null;uniqueIndex"`
	Billing  BaseAddress       `gorm:"embedded;embeddedPrefix:billing_"`
	Shipping BaseAddress       `gorm:"embedded;embeddedPrefix:shipping_"`
	Prefs    map[string]string `gorm:"serializer:json"`
	Orders   []Order           `gorm:"constraint:OnDelete:CASCADE"`
}

type Order struct {
	ID         uint      `gorm:"primaryKey"`
	CustomerID uint      `gorm:"not null;index"`
	Total      float64   `gorm:"type:decimal(12,2);not null;default:0;check:chk_total,total >= 0"`
	PlacedAt   time.Time `gorm:"not null"`
	Lines      []OrderLine
}

type OrderLine struct {
	OrderID   uint    `gorm:"primaryKey;autoIncrement:false"`
	Position  int     `gorm:"primaryKey;autoIncrement:false"`
	ProductID uint    `gorm:"not null"`
	Product   Product `gorm:"constraint:OnDelete:RESTRICT"`
	Quantity  int     `gorm:"not null;default:1"`
}

type Product struct {
	ID    uint   `gorm:"primaryKey"`
	SKU   string `gorm:"size:32;not null;uniqueIndex:idx_sku"`
	Title string `gorm:"size:200;not null"`
	Tags  []Tag  `gorm:"many2many:product_tags;"`
}

type Tag struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:50;not null;unique"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Customer{}, &Order{}, &OrderLine{}, &Product{}, &Tag{}}
