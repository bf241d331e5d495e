package model

import "github.com/retortdb/retort/models/testdata/projects/automigrate/base"

// Menu is a table.
type Menu struct {
	base.BaseModel
	Name     string `gorm:"size:50;not null"`
	ParentID uint
}

// MenuView is what a query returns: a menu with the role that sees it.
type MenuView struct {
	Menu
	RoleID uint `gorm:"comment:the role"`
}

// MenuDTO is the tree the API sends.
type MenuDTO struct {
	Menu
	Children []MenuDTO `gorm:"-"`
}

// File embeds the base model and tags nothing of its own.
type File struct {
	base.BaseModel
	Name string
}

// Plain has no tag at all; the program passes it to AutoMigrate.
type Plain struct {
	ID    uint
	Title string
}

// Hidden only hides a field from GORM, and is not migrated.
type Hidden struct {
	ID     uint
	Secret string `gorm:"-"`
}
