// Package models: a MariaDB timestamp ON UPDATE current_timestamp() made by hand, written ON UPDATE CURRENT_TIMESTAMP in the type tag: no churn.
package models

import "time"

type Page struct {
	ID      uint      `gorm:"primaryKey"`
	Changed time.Time `gorm:"type:timestamp ON UPDATE CURRENT_TIMESTAMP;not null;default:CURRENT_TIMESTAMP"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Page{}}
