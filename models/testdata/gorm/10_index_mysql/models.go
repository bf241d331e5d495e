// Package indexmysql: index options only MySQL/MariaDB have: prefix
// length, FULLTEXT class, USING type, index comments.
package indexmysql

type Document struct {
	ID       uint   `gorm:"primaryKey"`
	Title    string `gorm:"size:255;index:idx_documents_title,length:32"`
	Body     string `gorm:"type:text;index:,class:FULLTEXT"`
	Checksum string `gorm:"size:64;index:,type:hash"`
	Slug     string `gorm:"size:100;index:,type:btree"`
	Path     string `gorm:"size:500;index:idx_documents_path,length:100,comment:prefix of the path"`
}

// Dialects restricts the case to the dialects that support its options.
var Dialects = []string{"mysql"}

// Models lists the models in AutoMigrate order.
var Models = []any{&Document{}}
