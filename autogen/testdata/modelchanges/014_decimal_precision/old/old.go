// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Product struct {
	ID    uint    `gorm:"primaryKey"`
	Price float64 `gorm:"type:decimal(10,2);not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Product{}}
