// Package models: has-many, belongs-to, self reference and many2many made by GORM's AutoMigrate: in sync.
package models

type Company struct {
	ID        uint `gorm:"primaryKey"`
	Name      string
	Employees []Employee
}

type Employee struct {
	ID        uint `gorm:"primaryKey"`
	Name      string
	CompanyID uint
	ManagerID *uint
	Manager   *Employee
	Languages []Language `gorm:"many2many:employee_languages"`
}

type Language struct {
	ID   uint   `gorm:"primaryKey"`
	Code string `gorm:"size:8;uniqueIndex"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Company{}, &Employee{}, &Language{}}
