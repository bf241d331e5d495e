package system

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"

	"github.com/retortdb/retort/autogen/testdata/realworld/adminpanel/global"
)

type SysApi struct {
	global.BaseModel
	Path        string `json:"path" gorm:"size:128;comment:api path"`
	Description string `json:"description" gorm:"size:128;comment:api description"`
	ApiGroup    string `json:"apiGroup" gorm:"size:64;comment:api group"`
	Method      string `json:"method" gorm:"default:POST;size:16;comment:method"`
}

type SysOperationRecord struct {
	global.BaseModel
	Ip           string        `json:"ip" form:"ip" gorm:"size:64;comment:client ip"`
	Method       string        `json:"method" gorm:"size:16;comment:method"`
	Path         string        `json:"path" gorm:"size:255;comment:path"`
	Status       int           `json:"status" gorm:"comment:status"`
	Latency      time.Duration `json:"latency" gorm:"comment:latency"`
	Agent        string        `json:"agent" gorm:"type:text;comment:user agent"`
	ErrorMessage string        `json:"error_message" gorm:"type:text"`
	Body         string        `json:"body" gorm:"type:text;comment:request body"`
	Resp         string        `json:"resp" gorm:"type:text;comment:response body"`
	UserID       int           `json:"user_id" gorm:"comment:user id"`
	User         SysUser       `json:"user"`
}

// JSONMap is stored as JSON: jsonb on PostgreSQL, json on MySQL, text on
// SQLite.
type JSONMap map[string]any

func (m JSONMap) Value() (driver.Value, error) {
	if m == nil {
		return nil, nil
	}
	b, err := json.Marshal(m)
	return string(b), err
}

func (m *JSONMap) Scan(v any) error {
	switch b := v.(type) {
	case []byte:
		return json.Unmarshal(b, m)
	case string:
		return json.Unmarshal([]byte(b), m)
	case nil:
		return nil
	}
	return errors.New("JSONMap: unsupported type")
}

func (JSONMap) GormDataType() string { return "json" }

func (JSONMap) GormDBDataType(db *gorm.DB, field *schema.Field) string {
	switch db.Dialector.Name() {
	case "mysql":
		return "JSON"
	case "postgres":
		return "JSONB"
	}
	return "TEXT"
}
