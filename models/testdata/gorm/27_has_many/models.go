// Package hasmany: has-many relations, one with a belongs-to back
// reference, one with a foreignKey, one with foreignKey/references and
// ON DELETE CASCADE.
package hasmany

type Author struct {
	ID       uint   `gorm:"primaryKey"`
	Name     string `gorm:"size:100"`
	Code     string `gorm:"size:16;uniqueIndex"`
	Books    []Book
	Articles []Article `gorm:"foreignKey:WriterID"`
	Reviews  []Review  `gorm:"foreignKey:AuthorCode;references:Code;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
}

type Book struct {
	ID       uint `gorm:"primaryKey"`
	Title    string
	AuthorID uint
	Author   Author
}

type Article struct {
	ID       uint `gorm:"primaryKey"`
	Title    string
	WriterID uint
}

type Review struct {
	ID         uint   `gorm:"primaryKey"`
	AuthorCode string `gorm:"size:16"`
	Stars      int
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Author{}, &Book{}, &Article{}, &Review{}}
