// Package models: a sized string loses its size (varchar → text/longtext): widened, no warning.
package models

type Article struct {
	ID    uint `gorm:"primaryKey"`
	Title string
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Article{}}
