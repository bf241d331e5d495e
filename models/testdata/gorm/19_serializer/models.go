// Package serializer: fields stored through GORM serializers (json, gob,
// unixtime).
package serializer

type Preferences struct {
	Theme string
	Langs []string
}

type UserSettings struct {
	ID       uint              `gorm:"primaryKey"`
	Prefs    Preferences       `gorm:"serializer:json"`
	Tags     []string          `gorm:"serializer:json"`
	Extra    map[string]string `gorm:"serializer:json;size:1000"`
	Snapshot Preferences       `gorm:"serializer:gob"`
	SeenAt   int64             `gorm:"serializer:unixtime;type:time"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&UserSettings{}}
