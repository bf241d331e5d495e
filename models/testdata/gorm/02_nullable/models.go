// Package nullable holds nullable columns: pointers and the sql.Null* types.
package nullable

import (
	"database/sql"
	"time"
)

type Profile struct {
	ID        uint `gorm:"primaryKey"`
	Nickname  *string
	Age       *int
	Score     *float64
	Verified  *bool
	BirthDate *time.Time
	Website   sql.NullString
	Followers sql.NullInt64
	Rank      sql.NullInt32
	Level     sql.NullInt16
	Premium   sql.NullBool
	Balance   sql.NullFloat64
	LastSeen  sql.NullTime
	Flags     sql.NullByte
	Motto     sql.Null[string]
	Avatar    []byte
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Profile{}}
