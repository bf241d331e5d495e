// Package models: a default changed, one added, one dropped.
package models

type Task struct {
	ID       uint   `gorm:"primaryKey"`
	State    string `gorm:"size:20;not null;default:'open'"`
	Priority int    `gorm:"not null;default:5"`
	Owner    string `gorm:"size:20"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Task{}}
