// Package models: a hand-made tinyint(1) column is GORM's bool on MariaDB: no churn.
package models

type Flag struct {
	ID      uint  `gorm:"primaryKey"`
	Enabled bool  `gorm:"not null;default:false"`
	Visible *bool `gorm:"default:true"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Flag{}}
