// Package models: no hint: a dropped and an added table of the same shape, flagged as a possible rename.
package models

type Member struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Member{}}
