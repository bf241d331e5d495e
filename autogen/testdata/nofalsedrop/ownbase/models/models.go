// Package models: the project's own base struct embedded by a model that
// tags nothing of its own.
package models

import "time"

type BaseModel struct {
	ID        uint `gorm:"primarykey"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

type File struct {
	BaseModel
	Name string
}

var Start = []any{&File{}}
