// Package models: the AutoMigrate call leaves Archive out, but its table
// is in the database (an older release migrated it).
package models

type Account struct {
	ID   uint   `gorm:"primarykey"`
	Name string `gorm:"size:20"`
}

type Archive struct {
	ID   uint   `gorm:"primarykey"`
	Body string `gorm:"size:200"`
}

var Start = []any{&Account{}, &Archive{}}
