// Package models: a partial (WHERE) unique index added.
package models

import "gorm.io/gorm"

type Account struct {
	ID        uint   `gorm:"primaryKey"`
	Email     string `gorm:"size:100;not null;uniqueIndex:idx_live_email,where:deleted_at IS NULL"`
	DeletedAt gorm.DeletedAt
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Account{}}
