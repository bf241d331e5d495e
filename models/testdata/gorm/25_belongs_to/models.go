// Package belongsto: belongs-to relations, by convention, nullable, and
// with foreignKey/references onto a non-key column.
package belongsto

type Company struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

type Department struct {
	ID   uint   `gorm:"primaryKey"`
	Code string `gorm:"size:16;uniqueIndex"`
	Name string `gorm:"size:100"`
}

type Employee struct {
	ID              uint   `gorm:"primaryKey"`
	Name            string `gorm:"size:100"`
	CompanyID       uint
	Company         Company
	BackupCompanyID *uint
	BackupCompany   *Company
	DeptCode        string     `gorm:"size:16"`
	Department      Department `gorm:"foreignKey:DeptCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Company{}, &Department{}, &Employee{}}
