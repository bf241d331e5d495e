// Package indexes exercises index, unique and check tags; TestIndexes
// compares them with GORM's own parser.
package indexes

type Item struct {
	ID                                                     uint   `gorm:"primaryKey"`
	Name                                                   string `gorm:"size:50;index;index:idx_name_desc,sort:desc"`
	Email                                                  string `gorm:"size:100;uniqueIndex:idx_email,length:20,comment:emails"`
	A                                                      int    `gorm:"index:idx_ab,priority:2"`
	B                                                      int    `gorm:"index:idx_ab,priority:1;check:b > 0"`
	C                                                      string `gorm:"size:10;index:,composite:cd;unique"`
	D                                                      string `gorm:"size:10;index:,composite:cd"`
	Lower                                                  string `gorm:"size:10;index:idx_lower,expression:lower(lower)"`
	Partial                                                int    `gorm:"index:idx_partial,where:partial > 0,type:btree"`
	Fulltext                                               string `gorm:"size:200;index:idx_ft,class:FULLTEXT,option:WITH PARSER ngram"`
	Age                                                    int    `gorm:"check:age_positive,age > 0"`
	Score                                                  int    `gorm:"check:,score < 100"`
	Code                                                   string `gorm:"size:5;uniqueIndex;unique"`
	VeryLongColumnNameThatKeepsGoingAndGoingForeverAndEver string `gorm:"size:10;index;unique"`
}
