// Package models: a self-referencing key added to a table with a hierarchy of rows.
package models

type Employee struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100"`
	ManagerID *uint
	Manager   *Employee
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Employee{}}
