// Package models: a DTO embedding the model of its table, hiding a field.
package models

type Menu struct {
	ID       uint   `gorm:"primarykey"`
	Name     string `gorm:"size:50;not null"`
	ParentID uint
}

type MenuDTO struct {
	Menu
	Children []MenuDTO `gorm:"-"`
}

var Start = []any{&Menu{}}
