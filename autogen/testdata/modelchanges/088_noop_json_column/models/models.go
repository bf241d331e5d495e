// Package models: a json column made by GORM's AutoMigrate (MariaDB: longtext with a json_valid CHECK the server adds): in sync.
package models

type Event struct {
	ID      uint   `gorm:"primaryKey"`
	Payload string `gorm:"type:json"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Event{}}
