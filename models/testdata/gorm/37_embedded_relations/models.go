// Package embeddedrelations: a belongs-to declared inside an embedded
// struct, and embedded structs nested with prefixes.
package embeddedrelations

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

// Owned is shared by every model a user owns.
type Owned struct {
	OwnerID uint `gorm:"index"`
	Owner   User
}

type Geo struct {
	Lat float64
	Lng float64
}

type Address struct {
	Street string `gorm:"size:200"`
	Geo    Geo    `gorm:"embedded;embeddedPrefix:geo_"`
}

type Document struct {
	ID    uint   `gorm:"primaryKey"`
	Title string `gorm:"size:200"`
	Owned
	Home Address `gorm:"embedded;embeddedPrefix:home_"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Document{}}
