// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Country struct {
	Code string `gorm:"primaryKey;size:2"`
	Iso3 string `gorm:"size:3;not null"`
	Name string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Country{}}
