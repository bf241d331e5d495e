// Package models: a table with GORM-named indexes, a unique constraint and a key pointing at it is renamed by comment: its objects keep their names and nothing churns.
package models

//retort:renamed_from users
type Account struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null;index"`
	Login string `gorm:"size:50;not null;unique"`
}

type Order struct {
	ID     uint    `gorm:"primaryKey"`
	UserID uint    `gorm:"not null;index"`
	User   Account `gorm:"foreignKey:UserID"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Account{}, &Order{}}
