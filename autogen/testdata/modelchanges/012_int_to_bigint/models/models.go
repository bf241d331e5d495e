// Package models: int32 → int64.
package models

type Counter struct {
	ID    uint  `gorm:"primaryKey"`
	Value int64 `gorm:"not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Counter{}}
