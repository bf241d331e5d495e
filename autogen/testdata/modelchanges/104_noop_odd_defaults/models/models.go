// Package models: defaults GORM writes in odd shapes (negative, fractional, empty string, a quote inside, a space) made by AutoMigrate: in sync.
package models

type Knob struct {
	ID    uint    `gorm:"primaryKey"`
	Delta int     `gorm:"not null;default:-1"`
	Ratio float64 `gorm:"not null;default:1.5"`
	Label string  `gorm:"size:50;not null;default:''"`
	Quote string  `gorm:"size:50;default:'it''s'"`
	Words string  `gorm:"size:50;default:'two words'"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Knob{}}
