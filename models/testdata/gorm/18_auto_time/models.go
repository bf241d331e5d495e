// Package autotime: CreatedAt/UpdatedAt by convention, and
// autoCreateTime/autoUpdateTime on time and integer fields.
package autotime

import "time"

type Shipment struct {
	ID          uint `gorm:"primaryKey"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
	PickedUp    int64     `gorm:"autoCreateTime"`
	LastScanned int64     `gorm:"autoUpdateTime:milli"`
	Touched     int64     `gorm:"autoUpdateTime:nano"`
	Registered  time.Time `gorm:"autoCreateTime"`
	Checked     time.Time `gorm:"autoUpdateTime"`
}

// Heartbeat keeps unix seconds in integer CreatedAt/UpdatedAt fields.
type Heartbeat struct {
	ID        uint `gorm:"primaryKey"`
	CreatedAt int64
	UpdatedAt uint
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Shipment{}, &Heartbeat{}}
