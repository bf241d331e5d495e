// Package models: a child table's key changes (SQLite: a rebuild of the child with rows).
package models

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

type Order struct {
	ID     uint  `gorm:"primaryKey"`
	UserID *uint `gorm:"index"`
	User   User  `gorm:"constraint:OnDelete:SET NULL"`
	Total  int
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
