// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100;not null"`
}

type Order struct {
	ID     uint  `gorm:"primaryKey"`
	UserID *uint `gorm:"index"`
	Total  int
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
