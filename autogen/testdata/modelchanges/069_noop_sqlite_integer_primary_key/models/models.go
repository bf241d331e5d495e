// Package models: SQLite's id INTEGER PRIMARY KEY (a rowid alias, read as nullable by atlas) and hand-written types: no churn.
package models

import "time"

type Note struct {
	ID        uint `gorm:"primaryKey"`
	Body      string
	CreatedAt *time.Time
}

type Tag struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Note{}, &Tag{}}
