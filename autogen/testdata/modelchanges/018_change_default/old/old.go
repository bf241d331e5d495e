// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Task struct {
	ID       uint   `gorm:"primaryKey"`
	State    string `gorm:"size:20;not null;default:'new'"`
	Priority int    `gorm:"not null"`
	Owner    string `gorm:"size:20;default:'nobody'"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Task{}}
