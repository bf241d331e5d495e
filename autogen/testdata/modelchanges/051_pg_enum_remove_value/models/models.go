// Package models: a value removed from an enum type: PostgreSQL cannot, a clear error comment.
package models

type Person struct {
	ID   uint   `gorm:"primaryKey"`
	Mood string `gorm:"type:enum('happy','sad');not null;default:'happy'"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Person{}}
