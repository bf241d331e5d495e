// Package models: two tables joined by a foreign key are dropped, the child first; the downgrade re-creates the parent first.
package models

type Note struct {
	ID   uint `gorm:"primaryKey"`
	Text string
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Note{}}
