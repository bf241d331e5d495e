// Package models: a foreign key that existing rows break (one order's
// user is gone; another has none, which no key checks): the upgrade fails.
// On MySQL the online form adds the key in place and its check of the rows
// fails after it: the key stays, checking new rows, until the rows are
// fixed and the upgrade resumes.
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

type Order struct {
	ID     uint  `gorm:"primaryKey"`
	UserID *uint `gorm:"index"`
	User   User
	Total  int
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
