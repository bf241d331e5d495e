// Package hasone: has-one relations, with constraint actions and with
// foreignKey/references.
package hasone

type User struct {
	ID           uint       `gorm:"primaryKey"`
	Name         string     `gorm:"size:100"`
	MemberNumber string     `gorm:"size:32;uniqueIndex"`
	Profile      Profile    `gorm:"constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
	CreditCard   CreditCard `gorm:"foreignKey:UserNumber;references:MemberNumber"`
}

type Profile struct {
	ID     uint `gorm:"primaryKey"`
	UserID *uint
	Bio    string
}

type CreditCard struct {
	ID         uint   `gorm:"primaryKey"`
	Number     string `gorm:"size:32"`
	UserNumber string `gorm:"size:32"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Profile{}, &CreditCard{}}
