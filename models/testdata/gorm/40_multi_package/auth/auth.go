// Package auth holds the account models of 40_multi_package.
package auth

import "gorm.io/gorm"

type User struct {
	gorm.Model
	Email string `gorm:"size:191;uniqueIndex"`
}

// Session belongs to a User of the same package, deleted with it.
type Session struct {
	ID     uint `gorm:"primaryKey"`
	UserID uint
	User   User `gorm:"constraint:OnDelete:CASCADE"`
}
