// Package indexnaming: default index names come from the Go field name,
// not the column: a column: tag or an embeddedPrefix does not change them,
// so one struct embedded twice with a prefix puts both columns into one
// composite index. Unique constraint and check names use the column.
package indexnaming

import "gorm.io/gorm"

type Stamp struct {
	DeletedAt gorm.DeletedAt `gorm:"index"`
	Note      string         `gorm:"size:50"`
}

type Product struct {
	ID      uint   `gorm:"primaryKey"`
	SKU     string `gorm:"column:sku_code;size:32;index"`
	Legacy  string `gorm:"column:LegacyName;size:32;uniqueIndex"`
	Ref     string `gorm:"column:ext_ref;size:20;unique"`
	Qty     int    `gorm:"column:stock;check:stock >= 0"`
	Archive Stamp  `gorm:"embedded;embeddedPrefix:archive_"`
	Review  Stamp  `gorm:"embedded;embeddedPrefix:review_"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Product{}}
