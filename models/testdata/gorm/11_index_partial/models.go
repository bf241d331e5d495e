// Package indexpartial: partial indexes (where:), as a soft-delete-aware
// unique email and a queue of pending jobs.
package indexpartial

import (
	"time"

	"gorm.io/gorm"
)

type Customer struct {
	ID        uint           `gorm:"primaryKey"`
	Email     string         `gorm:"size:191;uniqueIndex:idx_customers_email_live,where:deleted_at IS NULL"`
	DeletedAt gorm.DeletedAt `gorm:"index"`
}

type Job struct {
	ID         uint      `gorm:"primaryKey"`
	Queue      string    `gorm:"size:64;index:idx_jobs_pending,where:finished_at IS NULL"`
	RunAt      time.Time `gorm:"index:idx_jobs_pending"`
	FinishedAt *time.Time
}

// Dialects restricts the case to the dialects that support its options.
var Dialects = []string{"postgres", "sqlite"}

// Models lists the models in AutoMigrate order.
var Models = []any{&Customer{}, &Job{}}
