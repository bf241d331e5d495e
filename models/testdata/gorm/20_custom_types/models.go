// Package customtypes: named types, types implementing driver.Valuer and
// sql.Scanner, and a GormDataType() method.
package customtypes

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Status is a plain named string.
type Status string

// Money is cents in a named int64.
type Money int64

// Priority is a named small unsigned int.
type Priority uint8

// Email is a string type with its own Valuer and Scanner.
type Email string

func (e Email) Value() (driver.Value, error) { return strings.ToLower(string(e)), nil }

func (e *Email) Scan(src any) error {
	s, ok := src.(string)
	if !ok {
		return errors.New("email: not a string")
	}
	*e = Email(s)
	return nil
}

// Tags is stored as a comma-separated string.
type Tags []string

func (t Tags) Value() (driver.Value, error) { return strings.Join(t, ","), nil }

func (t *Tags) Scan(src any) error {
	s, _ := src.(string)
	*t = strings.Split(s, ",")
	return nil
}

// Point is a struct stored as text "(x,y)".
type Point struct {
	X, Y float64
}

func (p Point) Value() (driver.Value, error) { return fmt.Sprintf("(%g,%g)", p.X, p.Y), nil }

func (p *Point) Scan(src any) error {
	s, _ := src.(string)
	_, err := fmt.Sscanf(s, "(%g,%g)", &p.X, &p.Y)
	return err
}

// Cents is a struct stored as an integer, through a pointer receiver.
type Cents struct {
	amount int64
}

func (c *Cents) Value() (driver.Value, error) { return c.amount, nil }

func (c *Cents) Scan(src any) error {
	v, ok := src.(int64)
	if !ok {
		return errors.New("cents: not an integer")
	}
	c.amount = v
	return nil
}

// JSONMap declares its database type with GormDataType.
type JSONMap map[string]any

func (JSONMap) GormDataType() string { return "json" }

func (m JSONMap) Value() (driver.Value, error) {
	b, err := json.Marshal(m)
	return string(b), err
}

func (m *JSONMap) Scan(src any) error {
	switch v := src.(type) {
	case string:
		return json.Unmarshal([]byte(v), m)
	case []byte:
		return json.Unmarshal(v, m)
	}
	return errors.New("jsonmap: unsupported source")
}

type Order struct {
	ID        uint     `gorm:"primaryKey"`
	Status    Status   `gorm:"size:20;default:pending"`
	Total     Money    `gorm:"not null"`
	Priority  Priority `gorm:"default:1"`
	Contact   Email    `gorm:"size:191"`
	Labels    Tags
	Location  Point
	Deposit   Cents
	Refund    *Cents
	Metadata  JSONMap
	Secondary *Email `gorm:"size:191"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Order{}}
