// Package autoadd: a model refers to structs that are not models; GORM's
// AutoMigrate creates the tables its foreign keys need, and only those.
package autoadd

type Order struct {
	ID         uint `gorm:"primaryKey"`
	CustomerID uint
	Customer   Customer
	Lines      []Line
}

// Customer is created: orders.customer_id refers to it.
type Customer struct {
	ID   uint
	Name string
}

// Line is not: the key of has-many lives on lines, which nobody migrates.
type Line struct {
	ID      uint
	OrderID uint
}
