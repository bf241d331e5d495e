// Package models: a uuid key with DEFAULT gen_random_uuid() made by GORM's AutoMigrate: in sync.
package models

type Session struct {
	ID    string `gorm:"type:uuid;primaryKey;default:gen_random_uuid()"`
	Token string `gorm:"size:64;not null;uniqueIndex"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Session{}}
