// Package model: a team tool's tables, named singular (the project sets
// NamingStrategy.SingularTable), with a join table mapped by a struct.
package model

import "time"

type User struct {
	ID        uint64 `gorm:"primaryKey"`
	Email     string `gorm:"size:191;uniqueIndex;not null"`
	Name      string `gorm:"size:100"`
	Key       string `gorm:"size:40;comment:api key"`
	Group     string `gorm:"size:40;index"`
	Order     int
	Roles     []Role  `gorm:"many2many:user_role"`
	Friends   []*User `gorm:"many2many:user_friend"`
	Teams     []Team  `gorm:"many2many:team_member"`
	Profile   Profile
	Prefs     JSON[Prefs]
	CreatedAt time.Time
	UpdatedAt time.Time
}

// UserDTO is what the API sends: no table of its own.
type UserDTO struct {
	User
	RoleNames []string `gorm:"-"`
}

type Role struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:50;uniqueIndex"`
}

// UserRole maps the user_role join table, with when and by whom.
type UserRole struct {
	UserID    uint64 `gorm:"primaryKey"`
	RoleID    uint   `gorm:"primaryKey"`
	GrantedAt time.Time
	GrantedBy string `gorm:"size:64"`
}

type Team struct {
	ID      uint   `gorm:"primaryKey"`
	Name    string `gorm:"size:80;not null"`
	Members []User `gorm:"many2many:team_member"`
}

type Profile struct {
	ID     uint `gorm:"primaryKey"`
	UserID uint64
	Bio    string `gorm:"type:text"`
}

type Prefs struct {
	Theme string
	Lang  string
}
