// Package models: a CHECK the server named (users_age_check, CONSTRAINT_1) matches the models' unnamed one by its expression.
package models

type User struct {
	ID  uint `gorm:"primaryKey"`
	Age int  `gorm:"check:age >= 0"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
