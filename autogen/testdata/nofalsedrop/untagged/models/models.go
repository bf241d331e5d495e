// Package models: a struct with no tag at all next to a tagged one, and
// no AutoMigrate call to say both are models.
package models

type Plain struct {
	ID    uint
	Title string
}

type Tagged struct {
	ID   uint   `gorm:"primarykey"`
	Name string `gorm:"size:20"`
}

var Start = []any{&Plain{}, &Tagged{}}
