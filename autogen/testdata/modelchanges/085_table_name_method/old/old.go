// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Person struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

func (Person) TableName() string { return "app_people" }

// Models lists the models in AutoMigrate order.
var Models = []any{&Person{}}
