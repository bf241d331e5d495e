// Package unsizedunique: a uniqueIndex on a string without a size. GORM
// keeps such a string longtext on MySQL (only index and unique give it
// varchar(191)); MariaDB then builds the unique index USING HASH, MySQL 8
// rejects it (BLOB/TEXT column used in key specification), PostgreSQL and
// SQLite index the text as it is.
package unsizedunique

type Subscriber struct {
	ID       uint   `gorm:"primaryKey"`
	Email    string `gorm:"uniqueIndex"`
	Handle   string `gorm:"uniqueIndex:idx_handle_list"`
	ListName string `gorm:"uniqueIndex:idx_handle_list"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Subscriber{}}
