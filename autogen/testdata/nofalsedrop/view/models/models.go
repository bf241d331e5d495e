// Package models: a view struct embedding the model of its table, with a
// tag of its own, and no AutoMigrate call to say which is the model.
package models

type Menu struct {
	ID       uint   `gorm:"primarykey"`
	Name     string `gorm:"size:50;not null"`
	ParentID uint
}

type MenuView struct {
	Menu
	RoleID uint `gorm:"comment:the role that sees it"`
}

var Start = []any{&Menu{}}
