// Package models: an auto-increment key loses auto-increment.
package models

type Ticket struct {
	ID    uint   `gorm:"primaryKey;autoIncrement:false"`
	Title string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Ticket{}}
