// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

import "gorm.io/gorm"

type Account struct {
	ID        uint   `gorm:"primaryKey"`
	Email     string `gorm:"size:100;not null"`
	DeletedAt gorm.DeletedAt
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Account{}}
