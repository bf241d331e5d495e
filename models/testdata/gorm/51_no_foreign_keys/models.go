// Package nofk runs under gorm.Config{DisableForeignKeyConstraintWhenMigrating:
// true} ([models] foreign_keys = false): no foreign key is created, but the
// tables the relations refer to (Company, which is no model of its own)
// and the many2many join table still are.
package nofk

// Company has no gorm tag: it is created only because Employee refers to it.
type Company struct {
	ID   uint
	Name string
}

type Employee struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100"`
	CompanyID uint
	Company   Company `gorm:"constraint:OnDelete:CASCADE"`
	ManagerID *uint
	Manager   *Employee
	Projects  []Project `gorm:"many2many:employee_projects"`
	Badges    []Badge
}

type Project struct {
	ID   uint   `gorm:"primaryKey"`
	Code string `gorm:"size:16;uniqueIndex"`
}

type Badge struct {
	ID         uint   `gorm:"primaryKey"`
	EmployeeID uint   `gorm:"index"`
	Label      string `gorm:"size:32"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Employee{}, &Project{}, &Badge{}}
