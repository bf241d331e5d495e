// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null"`
	First string `gorm:"size:50"`
	Last  string `gorm:"size:50"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}
