// Package models: PostgreSQL DEFAULT now() written by another tool, CURRENT_TIMESTAMP in the models: the same default, no churn.
package models

import "time"

type Event struct {
	ID        uint      `gorm:"primaryKey"`
	CreatedAt time.Time `gorm:"not null;default:CURRENT_TIMESTAMP"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Event{}}
