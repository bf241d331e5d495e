// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Employee struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100"`
	ManagerID *uint
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Employee{}}
