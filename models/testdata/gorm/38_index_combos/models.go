// Package indexcombos: one field in several indexes, unique through an
// index option, a unique constraint next to an index, priorities that
// reorder columns.
package indexcombos

import "time"

type Booking struct {
	ID         uint      `gorm:"primaryKey"`
	RoomID     uint      `gorm:"uniqueIndex:idx_room_slot,priority:1;index"`
	Slot       time.Time `gorm:"uniqueIndex:idx_room_slot,priority:2;index:idx_slot_guest,priority:3"`
	GuestEmail string    `gorm:"size:191;index:,unique;index:idx_slot_guest,priority:1"`
	Ref        string    `gorm:"size:32;unique;index"`
	Floor      int       `gorm:"index:idx_floor_desc,sort:desc,priority:2"`
	Wing       string    `gorm:"size:4;index:idx_floor_desc,priority:1"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Booking{}}
