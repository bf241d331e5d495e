// Package models: a database made by Alembic (ix_, uq_, fk_ names, a unique index where GORM makes a constraint): no churn.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null;unique"`
	Name  string `gorm:"size:100;index"`
}

type Order struct {
	ID     uint `gorm:"primaryKey"`
	UserID uint `gorm:"not null;index"`
	User   User
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
