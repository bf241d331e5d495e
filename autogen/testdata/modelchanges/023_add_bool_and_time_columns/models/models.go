// Package models: bool and time columns added to a table with rows.
package models

import "time"

type User struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100;not null"`
	Admin     bool   `gorm:"not null;default:false"`
	LastSeen  *time.Time
	CreatedAt time.Time
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
