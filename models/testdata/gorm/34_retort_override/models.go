// Package retortoverride: retort:"..." tags override gorm:"..." key by
// key and add retort's own keys. GORM does not read them, so this case has
// goldens only.
package retortoverride

type Invoice struct {
	ID     uint    `gorm:"primaryKey"`
	Amount float64 `gorm:"precision:10;scale:2" retort:"precision:12"`
	Note   string  `gorm:"size:100" retort:"renamed_from:memo"`
	Ref    string  `retort:"column:reference;size:32;not null"`
	Status string  `gorm:"size:16;default:open" retort:"default:draft"`
}

// RetortOnly marks the case as outside the GORM comparison.
var RetortOnly = true

// Models lists the models in AutoMigrate order.
var Models = []any{&Invoice{}}
