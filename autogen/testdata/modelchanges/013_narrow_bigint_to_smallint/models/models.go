// Package models: int64 → int16: narrowed, a warning.
package models

type Counter struct {
	ID    uint  `gorm:"primaryKey"`
	Value int16 `gorm:"not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Counter{}}
