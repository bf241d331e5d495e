// Package models: keys, uniques and indexes named by the server or another tool (orders_ibfk_1, orders_user_id_fkey, users_email_key, an unnamed SQLite key) match the models' by what they are.
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:100;not null;unique"`
}

type Order struct {
	ID     uint `gorm:"primaryKey"`
	UserID uint `gorm:"not null"`
	User   User `gorm:"constraint:OnDelete:CASCADE"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Order{}}
