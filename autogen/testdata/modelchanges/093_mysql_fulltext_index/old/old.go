// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Article struct {
	ID    uint   `gorm:"primaryKey"`
	Title string `gorm:"size:200"`
	Body  string
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Article{}}
