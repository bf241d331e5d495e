// Package serial holds an auto-increment primary key in a table whose
// name is not a plain word: PostgreSQL names its sequence after it.
package serial

// Counter is a bigserial on PostgreSQL.
type Counter struct {
	ID   uint   `gorm:"primaryKey"`
	Note string `gorm:"size:20"`
}

func (Counter) TableName() string { return "user counters; --" }
