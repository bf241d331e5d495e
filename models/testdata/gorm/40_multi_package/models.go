// Package multipackage: models spread over two packages (a belongs-to
// across them), next to structs that are not models: a DTO without tags,
// a generic declaration, and a struct marked //retort:ignore.
package multipackage

import "github.com/retortdb/retort/models/testdata/gorm/40_multi_package/auth"

type Order struct {
	ID     uint   `gorm:"primaryKey"`
	Number string `gorm:"size:20;uniqueIndex"`
	UserID uint
	User   auth.User
}

// OrderSummary is a query result, not a table.
type OrderSummary struct {
	UserID uint
	Count  int
}

// Page is generic; generic declarations are never models.
type Page[T any] struct {
	Items []T `gorm:"-"`
	Total int64
}

// OrderView maps a database view GORM queries but never migrates.
//
//retort:ignore
type OrderView struct {
	OrderID uint   `gorm:"column:order_id"`
	Email   string `gorm:"column:email"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&auth.User{}, &auth.Session{}, &Order{}}
