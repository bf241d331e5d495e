// Package models: TableName() names the table; a column is added to it.
package models

type Person struct {
	ID    uint   `gorm:"primaryKey"`
	Name  string `gorm:"size:100"`
	Email string `gorm:"size:100;index"`
}

func (Person) TableName() string { return "app_people" }

// Models lists the models in AutoMigrate order.
var Models = []any{&Person{}}
