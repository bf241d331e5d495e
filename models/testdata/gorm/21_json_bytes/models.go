// Package jsonbytes: json.RawMessage and []byte columns.
package jsonbytes

import "encoding/json"

type Webhook struct {
	ID        uint            `gorm:"primaryKey"`
	URL       string          `gorm:"size:2048;not null"`
	Payload   json.RawMessage `gorm:"not null"`
	Response  json.RawMessage
	Headers   json.RawMessage `gorm:"type:json"`
	Signature []byte          `gorm:"size:64"`
	Body      []byte
	Archive   []byte `gorm:"size:100000"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Webhook{}}
