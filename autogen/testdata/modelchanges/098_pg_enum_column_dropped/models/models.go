// Package models: the only column using an enum type is dropped: the column goes, and the type with it; the downgrade re-creates both.
package models

type Person struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Person{}}
