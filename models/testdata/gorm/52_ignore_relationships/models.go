// Package ignorerel runs under gorm.Config{IgnoreRelationshipsWhenMigrating:
// true} ([models] ignore_relationships = true): no foreign key, and only the
// models themselves are created: not Company, which only a relation names,
// nor the many2many join table employee_projects.
package ignorerel

// Company has no gorm tag: only Employee's relation names it.
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
