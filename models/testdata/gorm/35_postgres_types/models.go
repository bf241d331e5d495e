// Package postgrestypes: PostgreSQL types and defaults people write in
// type: and default: tags (uuid keys from gen_random_uuid(), jsonb, inet,
// timestamp without time zone, arrays).
package postgrestypes

import "time"

type Device struct {
	ID        string    `gorm:"type:uuid;primaryKey;default:gen_random_uuid()"`
	Attrs     string    `gorm:"type:jsonb;not null;default:'{}'"`
	IP        string    `gorm:"type:inet"`
	Tags      string    `gorm:"type:text[]"`
	Balance   float64   `gorm:"type:numeric(20,6)"`
	SeenAt    time.Time `gorm:"type:timestamp"`
	CreatedAt time.Time `gorm:"default:now()"`
	Counter   int16
	Ratio     float32
	Firmware  []byte
}

// Dialects restricts the case to the dialects that support its types.
var Dialects = []string{"postgres"}

// Models lists the models in AutoMigrate order.
var Models = []any{&Device{}}
