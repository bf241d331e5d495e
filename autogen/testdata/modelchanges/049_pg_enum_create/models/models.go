// Package models: an enum type the models declare (type:enum(...)) is created.
package models

type Person struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
	Mood string `gorm:"type:enum('happy','sad');default:'happy'"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Person{}}
