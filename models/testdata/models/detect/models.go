// Package detect exercises which structs are models, TableName methods,
// retort's own tags and comments; see TestLoad in load_test.go.
package detect

import (
	"database/sql/driver"

	"gorm.io/gorm"
)

// Article embeds gorm.Model and has no tags.
type Article struct {
	gorm.Model
	Title string
}

// Note has a gorm tag.
type Note struct {
	ID   uint
	Body string `gorm:"size:200"`
}

// Plain is marked.
//
//retort:model
type Plain struct {
	ID   uint
	Text string
}

// Skipped has tags but is ignored.
//
//retort:ignore
type Skipped struct {
	ID uint `gorm:"primaryKey"`
}

// Untagged is not a model.
type Untagged struct {
	ID uint
}

// Generic declarations are never models.
type Generic[T any] struct {
	ID  uint `gorm:"primaryKey"`
	Val T
}

// Base is only embedded: its columns belong to the models embedding it.
type Base struct {
	ID      uint   `gorm:"primaryKey"`
	Creator string `gorm:"size:50"`
}

type Widget struct {
	Base
	Name string `gorm:"size:30" retort:"size:40;renamed_from:title"`
	Ref  string `retort:"column:reference;not null"`
	Slug string `db:"slug_text" gorm:"size:20"`
}

// Money is a column type, not a model, though it has tags.
type Money struct {
	Cents int64 `gorm:"not null"`
}

func (m Money) Value() (driver.Value, error) { return m.Cents, nil }

// Gadget was called Thing and its table things.
//
//retort:renamed_from things
type Gadget struct {
	ID    uint `gorm:"primaryKey"`
	Price Money
	Shape Shape
}

// Shape chooses its type per dialect.
type Shape []byte

func (Shape) GormDataType() string { return "shape" }

func (Shape) GormDBDataType(db *gorm.DB, field any) string {
	switch db.Dialector.Name() {
	case "mysql":
		return "geometry"
	case "postgres":
		return "bytea"
	}
	return "blob"
}

type Person struct {
	ID uint `gorm:"primaryKey"`
}

func (Person) TableName() string { return "folk" }

type Place struct {
	ID uint `gorm:"primaryKey"`
}

const placeTable = "locations"

func (*Place) TableName() string { return placeTable }

// Doc chooses its type with an if.
type Doc string

func (Doc) GormDBDataType(db *gorm.DB, field any) string {
	if db.Dialector.Name() == "postgres" {
		return "jsonb"
	}
	return "json"
}

type Paper struct {
	ID   uint `gorm:"primaryKey"`
	Body Doc
}
