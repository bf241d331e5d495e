// Package models: NOT NULL (no default) on a column whose rows hold NULL: the file warns, the upgrade fails and leaves everything as it was.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
