// Package types exercises the Go type to column type mapping; TestDataTypes
// compares it with GORM's own parser and drivers.
package types

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/retortdb/retort/models/testdata/models/types/vt"
)

type Status string

type Level uint16

type Code string

func (c Code) Value() (driver.Value, error) { return string(c), nil }

type Counter struct{ n int32 }

func (c Counter) Value() (driver.Value, error) { return int64(c.n), nil }

type Wrapped struct {
	Inner string
	Valid bool
}

func (w Wrapped) Value() (driver.Value, error) {
	if !w.Valid {
		return nil, nil
	}
	return w.Inner, nil
}

type Geo struct{ Lat, Lng float64 }

func (Geo) GormDataType() string { return "geometry" }

type Audit struct {
	By   string `gorm:"size:40"`
	Note string
}

type Everything struct {
	ID        uint `gorm:"primaryKey"`
	I         int
	I8        int8
	I16       int16
	I32       int32
	I64       int64
	U         uint
	U8        uint8
	U16       uint16
	U32       uint32
	U64       uint64
	F32       float32
	F64       float64
	Dec       float64 `gorm:"precision:10;scale:2"`
	DecP      float64 `gorm:"precision:8"`
	B         bool
	S         string
	S50       string `gorm:"size:50"`
	SBig      string `gorm:"size:70000"`
	SDef      string `gorm:"default:x"`
	SIdx      string `gorm:"index"`
	SUni      string `gorm:"unique"`
	SUniIdx   string `gorm:"uniqueIndex;size:80"`
	T         time.Time
	TP        *time.Time
	TPrec     time.Time `gorm:"precision:6"`
	TNN       time.Time `gorm:"not null"`
	Bytes     []byte
	Bytes100  []byte `gorm:"size:100"`
	Bytes70k  []byte `gorm:"size:70000"`
	Raw       json.RawMessage
	NS        sql.NullString
	NI64      sql.NullInt64
	NI32      sql.NullInt32
	NI16      sql.NullInt16
	NB        sql.NullBool
	NF        sql.NullFloat64
	NT        sql.NullTime
	NByte     sql.NullByte
	Deleted   gorm.DeletedAt
	St        Status `gorm:"size:20"`
	Lv        Level
	Cd        Code
	Cnt       Counter
	Wr        Wrapped
	G         Geo
	TypeInt   string         `gorm:"type:int"`
	TypeRaw   int            `gorm:"type:varchar(12)"`
	TypeStr   int            `gorm:"type:string"`
	Ser       []string       `gorm:"serializer:json"`
	SerMap    map[string]int `gorm:"serializer:json;type:text"`
	PInt      *int
	PStr      *string `gorm:"size:10;not null"`
	AutoInc   int64   `gorm:"autoIncrement"`
	Audit     Audit   `gorm:"embedded;embeddedPrefix:audit_"`
	NotMig    string  `gorm:"-:migration"`
	Ignored   string  `gorm:"-"`
	ReadOnly  string  `gorm:"->"`
	WriteOnly string  `gorm:"<-:create"`
}

type StringKey struct {
	Code string `gorm:"primaryKey"`
	Name string
}

type SmallKey struct {
	ID   int16 `gorm:"primaryKey"`
	Name string
}

type NoAuto struct {
	ID   uint `gorm:"primaryKey;autoIncrement:false"`
	Name string
}

type Composite struct {
	TenantID uint   `gorm:"primaryKey"`
	Code     string `gorm:"primaryKey;size:20"`
	Name     string
}

type MyTime time.Time

type base struct {
	Hidden string
}

type Stamp struct {
	Stamped time.Time
	Who     string `gorm:"size:30"`
}

type Edge struct {
	gorm.Model
	ID uint `gorm:"primaryKey;comment:own id"`
	*Stamp
	base
	MT        MyTime
	NullG     sql.Null[int16]
	Arr       [16]byte
	AutoUp    int64 `gorm:"autoUpdateTime:milli"`
	AutoCr    int   `gorm:"autoCreateTime"`
	CreatedAt int64
	DefS      string    `gorm:"default:'quoted'"`
	DefF      float32   `gorm:"default:1.5"`
	DefB      bool      `gorm:"default:true"`
	DefFn     string    `gorm:"default:uuid()"`
	Chk       int       `gorm:"check:chk > 0"`
	Named     string    `gorm:"column:Named_Col;size:5"`
	Prec      time.Time `gorm:"precision:0"`
	VTags     vt.Tags
	VCents    vt.Cents
	VMaybe    vt.Maybe
}
