// Package models: MariaDB reads now() back as current_timestamp(): no churn.
package models

import "time"

type Event struct {
	ID        uint      `gorm:"primaryKey"`
	CreatedAt time.Time `gorm:"not null;default:now(3)"`
	Seen      time.Time `gorm:"type:timestamp;not null;default:CURRENT_TIMESTAMP"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Event{}}
