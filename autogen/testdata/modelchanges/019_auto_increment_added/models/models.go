// Package models: an integer primary key becomes auto-increment.
package models

type Ticket struct {
	ID    uint   `gorm:"primaryKey"`
	Title string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Ticket{}}
