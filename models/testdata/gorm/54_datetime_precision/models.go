// Package datetimeprecision runs under the MySQL driver's
// Config{DefaultDatetimePrecision: &zero} ([models] datetime_precision = 0):
// time columns without precision: are plain datetime on MySQL; precision:
// still wins, and PostgreSQL and SQLite are unchanged.
package datetimeprecision

import (
	"time"

	"gorm.io/gorm"
)

type Meeting struct {
	gorm.Model
	StartsAt time.Time
	EndsAt   *time.Time
	Stamped  time.Time `gorm:"precision:2"`
	Noted    time.Time `gorm:"not null;default:CURRENT_TIMESTAMP"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Meeting{}}
