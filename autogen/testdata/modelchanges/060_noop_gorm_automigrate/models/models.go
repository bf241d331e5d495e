// Package models: a database made by GORM's AutoMigrate from these very models: in sync.
package models

import (
	"time"

	"gorm.io/gorm"
)

type User struct {
	gorm.Model
	Email    string  `gorm:"size:255;not null;uniqueIndex"`
	Name     string  `gorm:"size:100;index:idx_name"`
	Nickname *string `gorm:"size:50;unique"`
	Age      int     `gorm:"check:chk_age,age >= 0;default:18"`
	Balance  float64 `gorm:"type:decimal(10,2);not null;default:0"`
	Admin    bool    `gorm:"not null;default:false"`
	Bio      string
	Born     *time.Time
}

type Post struct {
	ID        uint   `gorm:"primaryKey"`
	Title     string `gorm:"size:200;not null;index:idx_title_user,priority:1"`
	UserID    uint   `gorm:"not null;index:idx_title_user,priority:2"`
	User      User   `gorm:"constraint:OnDelete:CASCADE,OnUpdate:CASCADE"`
	Published bool   `gorm:"default:true"`
	Score     int64  `gorm:"default:0"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Post{}}
