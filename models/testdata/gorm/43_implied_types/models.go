// Package impliedtypes: types GORM derives rather than reads: the general
// type names its documentation recommends in type: (int, uint, float,
// string, bool, time, bytes), which still follow the field's size, and
// strings without a size that MySQL gets as varchar(191) because they are
// keyed, indexed or defaulted.
package impliedtypes

import "time"

type Article struct {
	Slug      string    `gorm:"primaryKey"`
	Email     string    `gorm:"unique"`
	Topic     string    `gorm:"index"`
	Lang      string    `gorm:"default:en"`
	Views     int64     `gorm:"type:int"`
	Shares    int16     `gorm:"type:int"`
	Likes     uint32    `gorm:"type:uint"`
	Score     float32   `gorm:"type:float"`
	Weight    float64   `gorm:"type:float"`
	Title     string    `gorm:"type:string;size:120"`
	Pinned    bool      `gorm:"type:bool"`
	Published time.Time `gorm:"type:time"`
	Digest    []byte    `gorm:"type:bytes;size:32"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Article{}}
