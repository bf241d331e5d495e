// Package models: an unsized string (text/longtext) gets a size: narrowed, a warning.
package models

type Article struct {
	ID    uint   `gorm:"primaryKey"`
	Title string `gorm:"size:255"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Article{}}
