// Package basictypes has one column of every basic Go kind, the way a
// sensor-reading model might hold them, with no tags at all.
package basictypes

import "time"

// Measurement carries no gorm tag, so retort needs the marker below.
//
//retort:model
type Measurement struct {
	ID       uint
	Active   bool
	Count    int
	Small    int8
	Medium   int16
	Regular  int32
	Large    int64
	UCount   uint
	USmall   uint8
	UMedium  uint16
	URegular uint32
	ULarge   uint64
	Ratio    float32
	Value    float64
	Label    string
	Payload  []byte
	TakenAt  time.Time
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Measurement{}}
