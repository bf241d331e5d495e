// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

import "time"

type Event struct {
	ID uint      `gorm:"primaryKey"`
	At time.Time `gorm:"not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Event{}}
