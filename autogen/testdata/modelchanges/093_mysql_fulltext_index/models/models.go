// Package models: a FULLTEXT index added (MariaDB).
package models

type Article struct {
	ID    uint   `gorm:"primaryKey"`
	Title string `gorm:"size:200"`
	Body  string `gorm:"index:idx_body_ft,class:FULLTEXT"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Article{}}
