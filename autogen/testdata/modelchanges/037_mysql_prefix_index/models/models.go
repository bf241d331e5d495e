// Package models: a prefix index (length) added and one changed.
package models

type Doc struct {
	ID    uint   `gorm:"primaryKey"`
	Title string `gorm:"size:200;index:idx_title,length:20"`
	Body  string `gorm:"size:500;index:idx_body,length:30"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Doc{}}
