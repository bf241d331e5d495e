// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Order struct {
	ID  uint   `gorm:"primaryKey"`
	Key string `gorm:"size:20"`
}

func (Order) TableName() string { return "order" }

// Models lists the models in AutoMigrate order.
var Models = []any{&Order{}}
