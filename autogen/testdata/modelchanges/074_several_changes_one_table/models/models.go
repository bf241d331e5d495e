// Package models: a column added, one dropped, one widened, an index and a check added, all in one table with rows.
package models

type User struct {
	ID    uint    `gorm:"primaryKey"`
	Email string  `gorm:"size:120;not null;index"`
	Age   int     `gorm:"check:chk_age,age >= 0"`
	Phone *string `gorm:"size:30"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
