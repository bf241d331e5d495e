// Package gormmodel embeds gorm.Model and uses gorm.DeletedAt on its own.
package gormmodel

import "gorm.io/gorm"

type Article struct {
	gorm.Model
	Title string `gorm:"size:200;not null"`
	Body  string
}

// Comment holds the article's id but no Article field: no relation, no
// foreign key.
type Comment struct {
	gorm.Model
	ArticleID uint
	Body      string
}

type Tag struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:64"`
	DeletedAt gorm.DeletedAt
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Article{}, &Comment{}, &Tag{}}
