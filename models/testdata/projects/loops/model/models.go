// Package model: shapes the AutoMigrate scan and the model rules must
// read right, taken from real projects.
package model

import (
	"database/sql/driver"
	"encoding/json"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

type Menu struct {
	ID   uint   `gorm:"primarykey"`
	Name string `gorm:"size:50"`
}

func (Menu) TableName() string { return "menus" }

// MenuView has Menu's table through the promoted TableName: a view.
type MenuView struct {
	Menu
	RoleID uint `gorm:"comment:role"`
}

// User's TableName is built at run time; the comment gives the table.
//
//retort:table app_user
type User struct {
	ID       uint `gorm:"primarykey"`
	Settings JSONMap
	Extra    JSONMap `retort:"mysql_type:json;postgres_type:jsonb;sqlite_type:text"`
}

func (User) TableName() string { return prefixed("app_user") }

func prefixed(name string) string { return name }

// JSONMap's GormDBDataType calls a helper retort cannot read.
type JSONMap map[string]any

func (m JSONMap) Value() (driver.Value, error) { return json.Marshal(m) }
func (m *JSONMap) Scan(v any) error {
	b, _ := v.([]byte)
	return json.Unmarshal(b, m)
}
func (JSONMap) GormDataType() string { return "json" }
func (JSONMap) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	return jsonType(db)
}

func jsonType(db *gorm.DB) string {
	if db.Dialector.Name() == "postgres" {
		return "jsonb"
	}
	return "json"
}
