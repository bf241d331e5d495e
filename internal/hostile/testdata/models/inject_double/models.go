// Package inject_double has a column name that closes a double-quoted
// identifier and appends a statement: pasted between double quotes without
// doubling the one inside, it is SQL.
package inject_double

// Injected has one hostile column.
type Injected struct {
	ID   uint   `gorm:"primaryKey"`
	Evil string `gorm:"column:a\" int)\\; DROP TABLE IF EXISTS canary\\; --;size:50"`
}

func (Injected) TableName() string { return "injected" }
