// Package models: hand-written serial and bigserial keys, varchar without size on PostgreSQL, as GORM would type them: no churn.
package models

type Note struct {
	ID   int32 `gorm:"primaryKey"`
	Body string
	N    int64
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Note{}}
