// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Order struct {
	ID        uint  `gorm:"primaryKey"`
	ProductID *uint `gorm:"index"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Order{}}
