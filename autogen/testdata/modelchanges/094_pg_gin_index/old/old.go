// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Doc struct {
	ID   uint   `gorm:"primaryKey"`
	Tags string `gorm:"type:jsonb"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Doc{}}
