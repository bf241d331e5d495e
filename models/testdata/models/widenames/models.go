// Package widenames has names that are short in characters and long in
// bytes: PostgreSQL cuts them to 63 bytes.
package widenames

// Wide is a 21-character, 63-byte table name: GORM's made-up index and
// unique names stay under 63 characters and are not hashed, but are over
// 63 bytes.
type Wide struct {
	ID    uint   `gorm:"primaryKey;autoIncrement:false"`
	Name  string `gorm:"column:ééééééééééééééééééééééééééééééééé;size:50;index"`
	Email string `gorm:"size:50;unique"`
	Code  string `gorm:"size:20;check:code <> ''"`
}

func (Wide) TableName() string {
	return "名前名前名前名前名前名前名前名前名前名前表"
}

// Accent is 60 characters of which 59 take two bytes: GORM's made-up index
// name is over 64 characters, hashed, and its cut falls inside a letter.
type Accent struct {
	ID   uint   `gorm:"primaryKey;autoIncrement:false"`
	Code string `gorm:"size:20;index"`
}

func (Accent) TableName() string {
	return "aééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"
}
