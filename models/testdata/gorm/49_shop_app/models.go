// Package shopapp: a small shop's models as an application would write
// them, mixing most of the other cases: gorm.Model, soft deletes, money in
// decimals, enums as strings, has-many with cascades, many2many, a
// one-to-one profile, audit timestamps in unix milliseconds.
package shopapp

import (
	"time"

	"gorm.io/gorm"
)

type Customer struct {
	gorm.Model
	Email     string    `gorm:"size:191;not null;uniqueIndex"`
	Name      string    `gorm:"size:120;not null"`
	Phone     *string   `gorm:"size:32"`
	Addresses []Address `gorm:"constraint:OnDelete:CASCADE"`
	Orders    []Order
	Profile   *CustomerProfile `gorm:"constraint:OnDelete:CASCADE"`
}

type CustomerProfile struct {
	ID         uint `gorm:"primaryKey"`
	CustomerID uint `gorm:"uniqueIndex;not null"`
	Newsletter bool `gorm:"not null;default:false"`
	Birthday   *time.Time
}

type Address struct {
	ID         uint   `gorm:"primaryKey"`
	CustomerID uint   `gorm:"index;not null"`
	Line1      string `gorm:"size:200;not null"`
	Line2      string `gorm:"size:200"`
	City       string `gorm:"size:100;not null"`
	PostalCode string `gorm:"size:16;not null"`
	Country    string `gorm:"size:2;not null;default:'FR'"`
	IsDefault  bool   `gorm:"not null;default:false"`
}

type Category struct {
	ID       uint       `gorm:"primaryKey"`
	Slug     string     `gorm:"size:100;not null;uniqueIndex"`
	Name     string     `gorm:"size:100;not null"`
	ParentID *uint      `gorm:"index"`
	Parent   *Category  `gorm:"constraint:OnDelete:SET NULL"`
	Products []*Product `gorm:"many2many:product_categories"`
}

type Product struct {
	ID          uint        `gorm:"primaryKey"`
	SKU         string      `gorm:"size:64;not null;uniqueIndex"`
	Name        string      `gorm:"size:200;not null;index"`
	Description string      `gorm:"type:text"`
	Price       float64     `gorm:"type:decimal(12,2);not null;check:price >= 0"`
	Stock       int         `gorm:"not null;default:0;check:chk_products_stock_nonneg,stock >= 0"`
	Active      bool        `gorm:"not null;default:true;index"`
	Categories  []*Category `gorm:"many2many:product_categories"`
	CreatedAt   int64       `gorm:"autoCreateTime:milli"`
	UpdatedAt   int64       `gorm:"autoUpdateTime:milli"`
}

type Order struct {
	ID         uint        `gorm:"primaryKey"`
	Number     string      `gorm:"size:20;not null;uniqueIndex"`
	CustomerID uint        `gorm:"not null;index:idx_orders_customer_status,priority:1"`
	Customer   Customer    `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Status     string      `gorm:"size:16;not null;default:'pending';index:idx_orders_customer_status,priority:2"`
	Total      float64     `gorm:"type:decimal(12,2);not null;default:0"`
	PlacedAt   time.Time   `gorm:"not null;default:CURRENT_TIMESTAMP"`
	Items      []OrderItem `gorm:"constraint:OnDelete:CASCADE"`
	Payments   []Payment
	DeletedAt  gorm.DeletedAt `gorm:"index"`
}

type OrderItem struct {
	OrderID   uint    `gorm:"primaryKey"`
	ProductID uint    `gorm:"primaryKey"`
	Product   Product `gorm:"constraint:OnDelete:RESTRICT"`
	Quantity  int     `gorm:"not null;check:quantity > 0"`
	UnitPrice float64 `gorm:"type:decimal(12,2);not null"`
}

type Payment struct {
	ID          uint       `gorm:"primaryKey"`
	OrderID     uint       `gorm:"not null;index"`
	Provider    string     `gorm:"size:32;not null"`
	ProviderRef string     `gorm:"size:128;uniqueIndex:idx_payments_provider_ref"`
	Amount      float64    `gorm:"type:decimal(12,2);not null"`
	Currency    string     `gorm:"size:3;not null;default:'EUR'"`
	PaidAt      *time.Time `gorm:"index"`
	Raw         []byte
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Customer{}, &CustomerProfile{}, &Address{}, &Category{}, &Product{}, &Order{}, &OrderItem{}, &Payment{}}
