// Package old: the models the starting database was made from, by GORM's AutoMigrate
package old

type Author struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

type Book struct {
	ID       uint   `gorm:"primaryKey"`
	Title    string `gorm:"size:100"`
	AuthorID uint
	Author   Author
}

type Note struct {
	ID   uint `gorm:"primaryKey"`
	Text string
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Author{}, &Book{}, &Note{}}
