// Package tags holds models with malformed tags, for TestLoadErrors.
package tags

import "strings"

type User struct {
	ID    uint              `gorm:"primaryKey"`
	Name  string            `gorm:"size:abc"`
	Score float64           `gorm:"precision:x"`
	Age   int               `gorm:"default:abc"`
	Email string            `gorm:"index:idx_email,priority:x"`
	Data  map[string]string `gorm:"not null"`
	Kind  string            `gorm:"serializer:yaml"`
	Posts []Post
	Slug  string `gorm:"uniqueIndex:idx_slug,sort:up"`
}

// Post has no key pointing back at User.
type Post struct {
	ID    uint `gorm:"primaryKey"`
	Title string
}

//retort:model
type Named struct {
	ID uint
}

func (Named) TableName() string { return strings.ToLower("NAMED") }

type Pair struct {
	ID uint   `gorm:"primaryKey"`
	A  string `gorm:"size:10;uniqueIndex:idx_pair,where:a > 0"`
	B  string `gorm:"size:10;uniqueIndex:idx_pair,where:b > 0"`
}
