package model

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// JSON stores any value as JSON.
type JSON[T any] struct{ Data T }

func (j JSON[T]) Value() (driver.Value, error) {
	b, err := json.Marshal(j.Data)
	return string(b), err
}

func (j *JSON[T]) Scan(v any) error {
	switch b := v.(type) {
	case []byte:
		return json.Unmarshal(b, &j.Data)
	case string:
		return json.Unmarshal([]byte(b), &j.Data)
	}
	return fmt.Errorf("JSON: cannot scan %T", v)
}

func (JSON[T]) GormDataType() string { return "json" }

func (JSON[T]) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	switch db.Dialector.Name() {
	case "mysql":
		return "JSON"
	case "postgres":
		return "JSONB"
	default:
		return "TEXT"
	}
}
