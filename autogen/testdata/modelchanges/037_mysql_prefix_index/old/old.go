// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Doc struct {
	ID    uint   `gorm:"primaryKey"`
	Title string `gorm:"size:200;index:idx_title,length:10"`
	Body  string `gorm:"size:500"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Doc{}}
