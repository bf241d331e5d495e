// Package indexpostgres: PostgreSQL index methods (USING hash, gin).
package indexpostgres

type Event struct {
	ID      uint   `gorm:"primaryKey"`
	TraceID string `gorm:"size:64;index:,type:hash"`
	Labels  string `gorm:"type:jsonb;index:,type:gin"`
	Kind    string `gorm:"size:32;index:idx_events_kind,type:btree"`
}

// Dialects restricts the case to the dialects that support its options.
var Dialects = []string{"postgres"}

// Models lists the models in AutoMigrate order.
var Models = []any{&Event{}}
