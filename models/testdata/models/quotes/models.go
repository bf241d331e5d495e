// Package quotes has names with each quote character.
package quotes

// Quoted has a backtick in a column, a double quote in an index and a
// single quote in its table's name.
type Quoted struct {
	ID   uint   `gorm:"primaryKey"`
	Tick string "gorm:\"column:a` int)\\\\; DROP TABLE t\\\\; --;size:50\""
	Dq   string `gorm:"column:dq;size:50;index:say \"hi\""`
}

func (Quoted) TableName() string { return "o'brien" }
