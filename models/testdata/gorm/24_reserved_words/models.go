// Package reservedwords: SQL reserved words as table and column names.
package reservedwords

import "time"

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
	Key  string `gorm:"size:64;uniqueIndex"`
}

func (User) TableName() string { return "user" }

type Group struct {
	ID      uint `gorm:"primaryKey"`
	Order   int
	User    string `gorm:"size:64"`
	Primary bool
}

func (Group) TableName() string { return "group" }

type Order struct {
	ID      uint `gorm:"primaryKey"`
	UserID  uint `gorm:"index"`
	User    User
	Select  bool
	Group   string `gorm:"size:32;index"`
	Desc    string
	From    time.Time
	To      time.Time
	Limit   int
	Default string `gorm:"size:20;default:'default'"`
	Table   string
	Column  string
}

func (Order) TableName() string { return "order" }

type Select struct {
	ID     uint `gorm:"primaryKey"`
	Where  string
	Having string
}

func (Select) TableName() string { return "select" }

type Key struct {
	ID     uint `gorm:"primaryKey"`
	Value  string
	Values string
}

func (Key) TableName() string { return "key" }

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Group{}, &Order{}, &Select{}, &Key{}}
