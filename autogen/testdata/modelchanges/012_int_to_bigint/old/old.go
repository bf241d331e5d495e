// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Counter struct {
	ID    uint  `gorm:"primaryKey"`
	Value int32 `gorm:"not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Counter{}}
