// Package referencecycle: two tables referencing each other (a company
// has an owner, a user works for a company), so one foreign key has to
// be added after both tables exist.
//
// Owner needs its foreignKey: without it GORM tries has-one first, finds
// users.company_id and makes "company has one owner" out of it, so there
// is no cycle and no owner_id key at all.
package referencecycle

type Company struct {
	ID      uint   `gorm:"primaryKey"`
	Name    string `gorm:"size:100"`
	OwnerID *uint
	Owner   *User `gorm:"foreignKey:OwnerID;constraint:OnDelete:SET NULL"`
}

type User struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100"`
	CompanyID *uint
	Company   *Company
}

// Dialects: GORM's AutoMigrate creates each table with its foreign keys
// inline, so on MariaDB and PostgreSQL a cycle fails ("Foreign key
// constraint is incorrectly formed", "relation does not exist"); SQLite
// checks references only when rows are written.
var Dialects = []string{"sqlite"}

// Models lists the models in AutoMigrate order.
var Models = []any{&Company{}, &User{}}
