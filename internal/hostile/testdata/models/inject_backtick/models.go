// Package inject_backtick has a column name that closes a backtick-quoted
// identifier and appends a statement: pasted between backticks without
// doubling the one inside, it is SQL.
package inject_backtick

// Injected has one hostile column.
type Injected struct {
	ID   uint   `gorm:"primaryKey"`
	Evil string "gorm:\"column:a` int)\\\\; DROP TABLE IF EXISTS canary\\\\; --;size:50\""
}

func (Injected) TableName() string { return "injected" }
