// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Ticket struct {
	ID    uint   `gorm:"primaryKey;autoIncrement:false"`
	Title string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Ticket{}}
