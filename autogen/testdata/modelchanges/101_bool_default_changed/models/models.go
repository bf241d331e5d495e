// Package models: a bool default flips from true to false.
package models

type Setting struct {
	ID      uint `gorm:"primaryKey"`
	Enabled bool `gorm:"not null;default:false"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Setting{}}
