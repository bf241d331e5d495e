// Package dbtypeshapes: the shapes of GormDBDataType methods retort reads
// statically and runs per column and dialect: switch db.Name(), if / else
// if chains, local variables, constants, field.Size / Precision / Scale
// choices, fmt.Sprintf and string building, "" handing the choice back to
// the driver, and unnamed parameters.
package dbtypeshapes

import (
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

const pgJSON = "jsonb"

// Money is a decimal when the field gives a precision, else bigint.
type Money int64

func (Money) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	if field.Precision > 0 {
		return fmt.Sprintf("decimal(%d,%d)", field.Precision, field.Scale)
	}
	return "bigint"
}

// Flag switches on db.Name(), promoted from the dialector.
type Flag bool

func (Flag) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	switch db.Name() {
	case "postgres":
		return "boolean"
	case "mysql":
		return "tinyint(1)"
	}
	return "numeric"
}

// Label: an if / else if chain over a local variable and the size; ""
// leaves MySQL's unsized and long labels to the driver.
type Label string

func (Label) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	name := db.Dialector.Name()
	if name == "sqlite" {
		return "text"
	} else if field.Size > 0 && field.Size <= 255 {
		return "varchar(" + strconv.Itoa(field.Size) + ")"
	} else if name == "postgres" {
		return "text"
	}
	return ""
}

// Doc: a constant, a switch on a call, a break.
type Doc []byte

func (Doc) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	switch strings.ToLower(db.Config.Dialector.Name()) {
	case "postgres":
		return pgJSON
	case "mysql":
		return "json"
	default:
		break
	}
	return "text"
}

// Counter: a switch without a tag on the size.
type Counter int

func (Counter) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	switch {
	case field.Size <= 16:
		return "smallint"
	case field.Size <= 32 && !field.PrimaryKey:
		return "int"
	}
	return "bigint"
}

// Day has no parameter names at all.
type Day string

func (Day) GormDBDataType(*gorm.DB, *schema.Field) string { return "date" }

type Ledger struct {
	ID      uint `gorm:"primaryKey"`
	Amount  Money
	Price   Money `gorm:"precision:12;scale:2"`
	Paid    Flag
	Title   Label `gorm:"size:80"`
	Body    Label
	Code    Label `gorm:"size:300"`
	Doc     Doc
	Hits    Counter
	Small   Counter `gorm:"size:16"`
	Mid     Counter `gorm:"size:32"`
	Booked  Day
	Comment Label `gorm:"size:20;not null;default:'none'"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Ledger{}}
