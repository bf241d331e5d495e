// Package relationvariants: a belongs-to onto a string key found by
// convention (CountryCode), a join table whose keys take the many2many
// field's constraint, and two relations from one model to another through
// different keys.
package relationvariants

type Country struct {
	Code string `gorm:"primaryKey;size:2"`
	Name string `gorm:"size:64"`
}

type City struct {
	ID          uint   `gorm:"primaryKey"`
	Name        string `gorm:"size:100"`
	CountryCode string `gorm:"size:2"`
	Country     Country
}

type Post struct {
	ID    uint   `gorm:"primaryKey"`
	Title string `gorm:"size:200"`
	Tags  []Tag  `gorm:"many2many:post_tags;constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
}

type Tag struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:32"`
}

type Team struct {
	ID      uint     `gorm:"primaryKey"`
	Name    string   `gorm:"size:64"`
	Members []Member `gorm:"constraint:OnDelete:CASCADE"`
	Captain Member   `gorm:"foreignKey:CaptainOfID"`
}

type Member struct {
	ID          uint   `gorm:"primaryKey"`
	Name        string `gorm:"size:64"`
	TeamID      uint
	CaptainOfID *uint `gorm:"uniqueIndex"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Country{}, &City{}, &Post{}, &Tag{}, &Team{}, &Member{}}
