// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type User struct {
	ID   uint32 `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

type Order struct {
	ID     uint32 `gorm:"primaryKey"`
	UserID uint32 `gorm:"not null"`
	User   User
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
