// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Setting struct {
	ID      uint `gorm:"primaryKey"`
	Enabled bool `gorm:"not null;default:true"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Setting{}}
