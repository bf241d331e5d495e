// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Item struct {
	ID    uint    `gorm:"primaryKey"`
	Price float64 `gorm:"type:decimal(10,2);not null"`
	Qty   int     `gorm:"not null"`
	Total float64 `gorm:"type:decimal(12,2) GENERATED ALWAYS AS (price * qty) STORED;->"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Item{}}
