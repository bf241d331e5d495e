// Package models is the model of autogen's package example.
package models

//retort:model
type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:255;not null;uniqueIndex"`
}
