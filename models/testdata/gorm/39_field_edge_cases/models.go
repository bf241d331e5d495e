// Package fieldedgecases: things real models do that are easy to get
// wrong: an outer field shadowing an embedded one, a named time type, a
// decimal type whose Value returns a string, a custom null type falling
// back to its first field, legacy column names in mixed case, relations
// switched off with - and -:migration.
package fieldedgecases

import (
	"database/sql/driver"
	"strconv"
	"time"
)

// Base is embedded by every model; Invoice overrides its CreatedAt.
type Base struct {
	ID        uint `gorm:"primaryKey"`
	CreatedAt time.Time
	Version   int `gorm:"default:1"`
}

// Date is a calendar day kept in a time.Time.
type Date time.Time

// Decimal is an arbitrary-precision number; like shopspring/decimal, its
// Value is a string, so without a type: tag GORM makes it a text column.
type Decimal struct {
	units int64
	exp   int32
}

func (d Decimal) Value() (driver.Value, error) {
	return strconv.FormatInt(d.units, 10) + "e" + strconv.Itoa(int(d.exp)), nil
}

// NullCode is a hand-written nullable code; Value returns nil when it is
// not valid, so GORM takes the column type from its first field.
type NullCode struct {
	Code  string `gorm:"size:12"`
	Valid bool
}

func (n NullCode) Value() (driver.Value, error) {
	if !n.Valid {
		return nil, nil
	}
	return n.Code, nil
}

type Customer struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

type Invoice struct {
	Base
	CreatedAt  time.Time `gorm:"not null;index"`
	IssuedOn   Date
	DueOn      *Date
	Amount     Decimal
	Tax        Decimal `gorm:"type:decimal(12,2)"`
	Discount   NullCode
	LegacyRef  string `gorm:"column:LegacyRef;size:40"`
	CustomerID uint
	Customer   Customer `gorm:"-:migration"`
	PayerID    uint
	Payer      Customer `gorm:"-"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Customer{}, &Invoice{}}
