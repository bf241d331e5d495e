package model

import "time"

type Application struct {
	ID              uint   `gorm:"primary_key;AUTO_INCREMENT"`
	Token           string `gorm:"type:varchar(180);uniqueIndex"`
	UserID          uint   `gorm:"index"`
	Name            string `gorm:"type:text"`
	Description     string `gorm:"type:text"`
	Internal        bool
	Image           string    `gorm:"type:text"`
	Messages        []Message `json:"-"`
	DefaultPriority int
	LastUsed        *time.Time
}

type Client struct {
	ID       uint   `gorm:"primary_key;AUTO_INCREMENT"`
	Token    string `gorm:"type:varchar(180);uniqueIndex"`
	UserID   uint   `gorm:"index"`
	Name     string `gorm:"type:text"`
	LastUsed *time.Time
}

type Message struct {
	ID            uint `gorm:"AUTO_INCREMENT;primary_key;index"`
	ApplicationID uint
	Message       string `gorm:"type:text"`
	Title         string `gorm:"type:text"`
	Priority      int
	Extras        []byte
	Date          time.Time
}

// PluginConf holds a plugin's configuration, per user.
type PluginConf struct {
	ID            uint `gorm:"primary_key;AUTO_INCREMENT"`
	UserID        uint
	ModulePath    string `gorm:"type:text"`
	Token         string `gorm:"type:varchar(180);uniqueIndex"`
	ApplicationID uint
	Enabled       bool
	Config        []byte
	Storage       []byte
}
