// Package models: a GIN index on a jsonb column added (PostgreSQL).
package models

type Doc struct {
	ID   uint   `gorm:"primaryKey"`
	Tags string `gorm:"type:jsonb;index:idx_tags,type:gin"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Doc{}}
