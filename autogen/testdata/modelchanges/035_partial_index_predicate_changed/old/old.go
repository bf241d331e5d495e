// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Account struct {
	ID     uint   `gorm:"primaryKey"`
	Email  string `gorm:"size:100;not null;index:idx_active,where:status = 'active'"`
	Status string `gorm:"size:20"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Account{}}
