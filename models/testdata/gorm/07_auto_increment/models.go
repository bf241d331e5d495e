// Package autoincrement: auto-increment on a non-ID key, on int64 IDs, and
// turned off.
package autoincrement

type Ticket struct {
	Number  uint   `gorm:"primaryKey;autoIncrement"`
	Subject string `gorm:"size:200"`
}

type LogEntry struct {
	ID      int64 `gorm:"primaryKey"`
	Message string
}

type Counter struct {
	ID    uint `gorm:"primaryKey;autoIncrement:false"`
	Value int64
}

type Shard struct {
	ID   int32 `gorm:"autoIncrement"`
	Name string
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Ticket{}, &LogEntry{}, &Counter{}, &Shard{}}
