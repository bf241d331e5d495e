// Package columntypes names columns and picks types with column, type,
// size, precision and scale.
package columntypes

import "time"

type Product struct {
	ID          uint      `gorm:"primaryKey"`
	SKU         string    `gorm:"column:sku_code;size:32;not null"`
	Name        string    `gorm:"type:varchar(120);not null"`
	Description string    `gorm:"type:text"`
	Price       float64   `gorm:"precision:10;scale:2"`
	Cost        float64   `gorm:"type:decimal(12,4)"`
	Weight      float32   `gorm:"column:weight_kg"`
	Rating      float64   `gorm:"size:32"`
	Stock       int       `gorm:"size:32"`
	Shelf       int       `gorm:"size:16"`
	Bin         int       `gorm:"size:8"`
	Code        []byte    `gorm:"size:16"`
	Manual      []byte    `gorm:"size:70000"`
	Summary     string    `gorm:"size:70000"`
	ReleasedAt  time.Time `gorm:"precision:6"`
	Available   time.Time `gorm:"type:date"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Product{}}
