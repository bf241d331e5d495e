// Package models: a value added to an enum type.
package models

type Person struct {
	ID   uint   `gorm:"primaryKey"`
	Mood string `gorm:"type:enum('happy','ok','sad');not null;default:'happy'"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Person{}}
