// Package models: a CHECK's expression changes under the same name (MariaDB: drop + add; Alembic misses it).
package models

type Product struct {
	ID    uint `gorm:"primaryKey"`
	Price int  `gorm:"not null;check:chk_price,price >= 0 AND price < 100000"`
	Stock int  `gorm:"not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Product{}}
