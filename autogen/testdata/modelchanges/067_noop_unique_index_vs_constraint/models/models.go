// Package models: a unique index where the models say unique (a constraint), and a unique constraint where they say uniqueIndex: no churn.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null;unique"`
	Login string `gorm:"size:50;not null;uniqueIndex"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
