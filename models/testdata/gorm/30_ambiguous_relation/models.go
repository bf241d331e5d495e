// Package ambiguousrelation: relations GORM resolves differently from
// what a reader expects.
//
// User looks like it belongs to Company through CompanyID, but Company
// also has a UserID field, and GORM tries has-one before belongs-to: the
// foreign key GORM creates is companies.user_id -> users.id, and
// users.company_id stays a plain column.
//
// Owner names foreignKey:PetRef, a field both structs have; GORM again
// tries has-one first and finds pets.pet_ref, so the key is
// pets.pet_ref -> owners.id, not owners.pet_ref -> pets.id.
package ambiguousrelation

type User struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100"`
	CompanyID uint
	Company   Company
}

type Company struct {
	ID     uint   `gorm:"primaryKey"`
	Name   string `gorm:"size:100"`
	UserID uint
}

type Owner struct {
	ID     uint `gorm:"primaryKey"`
	PetRef uint
	Pet    Pet `gorm:"foreignKey:PetRef"`
}

type Pet struct {
	ID     uint   `gorm:"primaryKey"`
	Name   string `gorm:"size:100"`
	PetRef uint
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Company{}, &Owner{}, &Pet{}}
