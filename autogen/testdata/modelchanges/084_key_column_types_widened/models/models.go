// Package models: a referenced key and the column pointing at it both widen from uint32 to uint64 (MariaDB requires the key dropped first; GORM types both as bigint on PostgreSQL and integer on SQLite: no change there).
package models

type User struct {
	ID   uint64 `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

type Order struct {
	ID     uint64 `gorm:"primaryKey"`
	UserID uint64 `gorm:"not null"`
	User   User
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
