// Package dbdatatypes: types that choose their column type per database
// with GormDBDataType, as gorm.io/datatypes does for JSON and UUID, next to
// one that only names a general type with GormDataType.
package dbdatatypes

import (
	"database/sql/driver"
	"encoding/json"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// JSON is raw JSON, stored as JSONB on PostgreSQL and JSON elsewhere.
type JSON json.RawMessage

func (JSON) GormDataType() string { return "json" }

func (JSON) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	switch db.Dialector.Name() {
	case "mysql", "sqlite":
		return "JSON"
	case "postgres":
		return "JSONB"
	}
	return ""
}

func (j JSON) Value() (driver.Value, error) {
	if len(j) == 0 {
		return nil, nil
	}
	return string(j), nil
}

func (j *JSON) Scan(src any) error {
	switch v := src.(type) {
	case []byte:
		*j = append((*j)[:0], v...)
	case string:
		*j = JSON(v)
	default:
		return errors.New("json: unsupported source")
	}
	return nil
}

// UUID is text everywhere but PostgreSQL, which has a uuid type.
type UUID [16]byte

func (UUID) GormDataType() string { return "string" }

func (UUID) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	switch db.Dialector.Name() {
	case "postgres":
		return "UUID"
	case "mysql":
		return "CHAR(36)"
	default:
		return "TEXT"
	}
}

func (u UUID) Value() (driver.Value, error) { return string(u[:]), nil }

// Date is a calendar day: GormDataType only.
type Date struct {
	Y, M, D int
}

func (Date) GormDataType() string { return "date" }

func (d Date) Value() (driver.Value, error) { return nil, nil }

type Event struct {
	ID       uint `gorm:"primaryKey"`
	PublicID UUID `gorm:"uniqueIndex"`
	Payload  JSON
	Extra    JSON `gorm:"type:text"`
	Day      Date
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Event{}}
