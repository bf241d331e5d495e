// Package models: a char(36) key with DEFAULT (uuid()) made by GORM's AutoMigrate on MariaDB: in sync.
package models

type Session struct {
	ID    string `gorm:"type:char(36);primaryKey;default:(uuid())"`
	Token string `gorm:"size:64;not null;uniqueIndex"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Session{}}
