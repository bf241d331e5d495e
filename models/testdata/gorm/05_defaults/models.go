// Package defaults uses not null and default values: literals, NULL,
// CURRENT_TIMESTAMP and an expression.
package defaults

import "time"

type Setting struct {
	ID        uint       `gorm:"primaryKey"`
	Name      string     `gorm:"size:100;not null"`
	Value     string     `gorm:"size:255;default:'none'"`
	Theme     string     `gorm:"size:20;not null;default:light"`
	Retries   int        `gorm:"not null;default:3"`
	Counter   int64      `gorm:"default:0"`
	Ratio     float64    `gorm:"default:1.5"`
	Enabled   bool       `gorm:"default:true"`
	Visible   bool       `gorm:"not null;default:false"`
	Note      *string    `gorm:"size:50;default:null"`
	ExpiresAt *time.Time `gorm:"default:null"`
	CreatedAt time.Time  `gorm:"default:CURRENT_TIMESTAMP"`
	Slug      string     `gorm:"size:64;default:(lower('NEW'))"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Setting{}}
