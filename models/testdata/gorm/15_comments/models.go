// Package comments: column comments.
package comments

type Plan struct {
	ID       uint    `gorm:"primaryKey;comment:surrogate key"`
	Name     string  `gorm:"size:64;not null;comment:shown to customers"`
	Price    float64 `gorm:"comment:monthly price, in euros"`
	Internal string  `gorm:"comment:it's for staff only"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Plan{}}
