// Package primarykeys has primary keys other than an integer ID: a string
// code, a string ID, composite keys.
package primarykeys

import "time"

// Country is keyed by its ISO code.
type Country struct {
	Code string `gorm:"primaryKey;size:2"`
	Name string `gorm:"size:100;not null"`
}

// APIToken has a string ID: the ID convention without auto-increment.
type APIToken struct {
	ID        string `gorm:"size:36"`
	Label     string
	CreatedAt time.Time
}

// Membership has a composite key of two ids.
type Membership struct {
	UserID   uint   `gorm:"primaryKey"`
	GroupID  uint   `gorm:"primaryKey"`
	Role     string `gorm:"size:20"`
	JoinedAt time.Time
}

// Invoice is keyed by number within a year.
type Invoice struct {
	Year   int   `gorm:"primaryKey;autoIncrement:false"`
	Number int64 `gorm:"primaryKey;autoIncrement:false"`
	Total  float64
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Country{}, &APIToken{}, &Membership{}, &Invoice{}}
