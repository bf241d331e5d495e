// Package quote_double holds names with a double quote, the quote of PostgreSQL identifiers.
package quote_double

// Quoted has double quotes in its table, column and index names.
type Quoted struct {
	ID      uint   `gorm:"column:id;primaryKey;autoIncrement:false"`
	Name    string `gorm:"column:say \"hi\";size:50;index:\"quoted\" idx"`
	Other   string `gorm:"column:\";size:50;uniqueIndex:\"\""`
	Escaped string `gorm:"column:\") int)\\; DROP TABLE canary\\; --;size:50"`
	Unique  string `gorm:"column:u\"q) UNIQUE (\";size:50;unique"` // SQLite: an inline constraint
	Refs    []QuotedRef
}

func (Quoted) TableName() string { return "\"quoted\" table" }

// QuotedRef refers to Quoted: the made-up foreign key name has the quote.
type QuotedRef struct {
	ID       uint `gorm:"primaryKey;autoIncrement:false"`
	QuotedID uint
}

func (QuotedRef) TableName() string { return "ref \" table" }
