// Package postgres holds models with PostgreSQL's longest identifiers
// (63 bytes), names longer than that in bytes but not in characters, and
// emoji.
package postgres

// MaxRef is referred to by MaxOrder.
type MaxRef struct {
	ID uint `gorm:"column:max column (q) xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;primaryKey;autoIncrement:false"`
}

func (MaxRef) TableName() string {
	return "Ref Table xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
}

// MaxOrder has a 63-byte name for its table, columns, index, check and
// foreign key, and a made-up index name GORM hashes down to 63.
type MaxOrder struct {
	ID    uint   `gorm:"primaryKey;autoIncrement:false"`
	Name  string `gorm:"size:50;index:max index xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`
	Qty   int    `gorm:"check:Max-Check-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,qty >= 0"`
	Code  string `gorm:"size:20;index"`
	RefID uint   `gorm:"column:ref_id"`
	Ref   MaxRef `gorm:"foreignKey:RefID;constraint:max-fk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,OnDelete:CASCADE"`
}

func (MaxOrder) TableName() string {
	return "Max Table Order xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
}

// Wide is a 63-byte table name of 21 characters: the made-up names of
// its index and unique constraint are under 63 characters but over 63
// bytes, which PostgreSQL cuts.
type Wide struct {
	ID    uint   `gorm:"primaryKey;autoIncrement:false"`
	Name  string `gorm:"column:ééééééééééééééééééééééééééééééé;size:50;index"`
	Email string `gorm:"size:50;unique"`
}

func (Wide) TableName() string {
	return "名前名前名前名前名前名前名前名前名前名前表"
}

// Emoji has emoji in its names.
type Emoji struct {
	ID     uint   `gorm:"primaryKey;autoIncrement:false"`
	Launch string `gorm:"column:🚀 launch;size:20;index:🔥 idx"`
}

func (Emoji) TableName() string { return "🐘 emoji" }

// Accent has a 60-character name of two-byte letters: GORM's made-up index
// name is over the limit in characters and is hashed, its cut falling
// inside a letter.
type Accent struct {
	ID   uint   `gorm:"primaryKey;autoIncrement:false"`
	Code string `gorm:"size:20;index"`
}

func (Accent) TableName() string {
	return "aééééééééééééééééééééééééééééé"
}
