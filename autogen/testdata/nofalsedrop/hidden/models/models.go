// Package models: a struct whose only tag hides a field.
package models

type Hidden struct {
	ID     uint
	Secret string `gorm:"-"`
}

type Tagged struct {
	ID   uint   `gorm:"primarykey"`
	Name string `gorm:"size:20"`
}

var Start = []any{&Hidden{}, &Tagged{}}
