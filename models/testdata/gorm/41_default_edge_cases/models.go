// Package defaultedgecases: default values whose written form is not the
// value GORM sends (a number for a string column, an empty string, hex, a
// bool written as 1, a quoted timestamp), and an ID field that is not the
// key because another field is.
package defaultedgecases

import "time"

type Coupon struct {
	ID        uint      `gorm:"primaryKey"`
	Code      string    `gorm:"size:5;default:0"`
	Prefix    string    `gorm:"size:10;not null;default:''"`
	Offset    int       `gorm:"default:-1"`
	Mask      int       `gorm:"default:0x0F"`
	Active    bool      `gorm:"default:1"`
	Factor    float64   `gorm:"default:2"`
	Since     time.Time `gorm:"type:date;default:'2000-01-01'"`
	Label     string    `gorm:"size:30;default:hello world"`
	Uppercase string    `gorm:"size:8;default:NULL"`
}

// Plan keeps an ID column, but Code is the primary key: ID is then an
// ordinary column without auto-increment.
type Plan struct {
	ID   uint
	Code string `gorm:"primaryKey;size:16"`
	Name string `gorm:"size:100"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Coupon{}, &Plan{}}
