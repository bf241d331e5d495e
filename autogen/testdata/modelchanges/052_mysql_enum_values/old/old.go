// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Post struct {
	ID     uint   `gorm:"primaryKey"`
	Status string `gorm:"type:enum('draft','published');default:'draft'"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Post{}}
