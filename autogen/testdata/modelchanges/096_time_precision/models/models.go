// Package models: a timestamp's fractional precision changes (precision:6; PostgreSQL's default precision is already 6: no change there).
package models

import "time"

type Event struct {
	ID uint      `gorm:"primaryKey"`
	At time.Time `gorm:"not null;precision:6"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Event{}}
