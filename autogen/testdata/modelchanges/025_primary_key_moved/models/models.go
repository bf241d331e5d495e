// Package models: the primary key moves from one column to another.
package models

type Country struct {
	Code string `gorm:"size:2;not null"`
	Iso3 string `gorm:"primaryKey;size:3"`
	Name string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Country{}}
