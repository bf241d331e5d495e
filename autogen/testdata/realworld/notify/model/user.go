// Package model holds the tables of a small push-notification server.
package model

// The user holds information about a user; it lives in the "users" table.
type User struct {
	ID           uint   `gorm:"primary_key;AUTO_INCREMENT"`
	Name         string `gorm:"type:varchar(180);uniqueIndex"`
	Pass         []byte
	Admin        bool
	Applications []Application
	Clients      []Client
	Plugins      []PluginConf
}

// UserExternalPass is what the API takes to change a password.
type UserExternalPass struct {
	Pass string `json:"pass,omitempty" form:"pass" query:"pass" binding:"required"`
}

// UserExternal is the user as the API shows it.
type UserExternal struct {
	ID    uint   `json:"id"`
	Name  string `binding:"required" json:"name" query:"name" form:"name"`
	Admin bool   `json:"admin" form:"admin" query:"admin"`
}
