// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Membership struct {
	UserID  uint   `gorm:"primaryKey;autoIncrement:false"`
	GroupID uint   `gorm:"not null"`
	Role    string `gorm:"size:20"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Membership{}}
