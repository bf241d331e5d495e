// Package models is the example project `make demo` runs retort on: a tiny
// shop whose tables are described by GORM-tagged structs.
package models

import (
	"time"

	"gorm.io/gorm"
)

// User is a customer.
type User struct {
	gorm.Model
	Name  string `gorm:"size:100;not null"`
	Email string `gorm:"size:255;not null;uniqueIndex"`
	// Orders makes orders.user_id a foreign key to users.
	Orders []Order
}

// Product is something the shop sells.
type Product struct {
	ID         uint   `gorm:"primaryKey"`
	Code       string `gorm:"size:32;not null;unique"`
	Title      string `gorm:"size:200;not null"`
	PriceCents int64  `gorm:"not null;default:0;check:price_cents >= 0"`
	CreatedAt  time.Time
}

// Order is one purchase by a user.
type Order struct {
	ID        uint    `gorm:"primaryKey"`
	UserID    uint    `gorm:"not null;index"`
	ProductID uint    `gorm:"not null"`
	Product   Product `gorm:"constraint:OnDelete:RESTRICT"`
	Quantity  int     `gorm:"not null;default:1"`
	PlacedAt  time.Time
}
