// Package models: a primary key gains a column (Alembic misses primary key changes).
package models

type Membership struct {
	UserID  uint   `gorm:"primaryKey;autoIncrement:false"`
	GroupID uint   `gorm:"primaryKey;autoIncrement:false"`
	Role    string `gorm:"size:20"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Membership{}}
