// Package indexes: plain, named, composite across fields with priorities,
// sorted, and composite-named indexes.
package indexes

import "time"

type Post struct {
	ID          uint       `gorm:"primaryKey"`
	Title       string     `gorm:"size:200;index"`
	AuthorID    uint       `gorm:"index:idx_author_created,priority:2"`
	CreatedAt   time.Time  `gorm:"index:idx_author_created,priority:1;index:idx_posts_recent,sort:desc"`
	Status      string     `gorm:"size:16;index:idx_status_published"`
	PublishedAt *time.Time `gorm:"index:idx_status_published"`
	Score       int        `gorm:"index:,sort:desc"`
	Lang        string     `gorm:"size:8;index:,composite:locale"`
	Region      string     `gorm:"size:8;index:,composite:locale"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Post{}}
