// Package mysql holds models with MySQL's longest identifiers (64
// characters, counted in characters) and names MySQL accepts but others
// treat differently.
package mysql

// MaxRef is referred to by MaxOrder.
type MaxRef struct {
	ID uint `gorm:"column:max column (q) xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;primaryKey"`
}

func (MaxRef) TableName() string {
	return "Ref Table xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
}

// MaxOrder has a 64-character name for its table, columns, index, check
// and foreign key, and a made-up index name GORM hashes down to 64.
type MaxOrder struct {
	ID    uint   `gorm:"primaryKey"`
	Name  string `gorm:"column:prénom ééééééééééééééééééééééééééééééééééééééééééééééééééééééééé;size:50;index:max index xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`
	Qty   int    `gorm:"check:Max-Check-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,qty >= 0"`
	Code  string `gorm:"size:20;index"`
	RefID uint   `gorm:"column:ref_id"`
	Ref   MaxRef `gorm:"foreignKey:RefID;constraint:max-fk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,OnDelete:CASCADE"`
}

func (MaxOrder) TableName() string {
	return "Max Table Order xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
}

// Accent has a 60-character name of two-byte letters: GORM's made-up index
// name is over the limit in characters and is hashed, its cut falling
// inside a letter.
type Accent struct {
	ID   uint   `gorm:"primaryKey"`
	Code string `gorm:"size:20;index"`
}

func (Accent) TableName() string {
	return "aééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"
}
