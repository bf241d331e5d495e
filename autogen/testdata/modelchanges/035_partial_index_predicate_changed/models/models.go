// Package models: a partial index's WHERE changes under the same name.
package models

type Account struct {
	ID     uint   `gorm:"primaryKey"`
	Email  string `gorm:"size:100;not null;index:idx_active,where:status <> 'closed'"`
	Status string `gorm:"size:20"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Account{}}
