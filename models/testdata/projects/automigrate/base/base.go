// Package base holds the project's own base model, embedded by every
// model, as real projects write it.
package base

import "time"

type BaseModel struct {
	ID        uint `gorm:"primarykey"`
	CreatedAt time.Time
	UpdatedAt time.Time
}
