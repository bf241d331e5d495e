// Package relations exercises GORM's relation guessing; TestRelations
// compares the foreign keys and join tables with GORM's own parser.
package relations

type Company struct {
	ID    int
	Name  string
	Staff []User `gorm:"foreignKey:CompanyRefer;constraint:OnDelete:CASCADE"`
}

type User struct {
	ID           uint
	CompanyRefer int
	Company      Company `gorm:"foreignKey:CompanyRefer"`
	ManagerID    *uint
	Manager      *User
	Team         []User     `gorm:"foreignKey:ManagerID"`
	CreditCard   CreditCard `gorm:"constraint:fk_card,OnUpdate:CASCADE,OnDelete:SET NULL"`
	Languages    []Language `gorm:"many2many:user_languages;constraint:OnDelete:CASCADE"`
	Friends      []*User    `gorm:"many2many:user_friends"`
	Toys         []Toy      `gorm:"polymorphic:Owner"`
	Profile      Profile    `gorm:"constraint:-"`
	Address      Address    `gorm:"foreignKey:UserCode;references:Code"`
	Code         string     `gorm:"size:20;uniqueIndex"`
}

//retort:model
type CreditCard struct {
	ID     uint
	Number string
	UserID uint
}

//retort:model
type Profile struct {
	ID     uint
	UserID uint
}

//retort:model
type Address struct {
	ID       uint
	UserCode string
}

type Language struct {
	Code  string `gorm:"primaryKey;size:8"`
	Name  string
	Users []User `gorm:"many2many:user_languages"`
}

//retort:model
type Toy struct {
	ID        uint
	Name      string
	OwnerID   uint
	OwnerType string
}

type Tag struct {
	ID    uint
	Posts []Post `gorm:"many2many:post_tags;joinForeignKey:TagRef;joinReferences:PostRef"`
}

type Post struct {
	ID     uint
	Author Author
	Meta   PostMeta `gorm:"embedded"`
}

//retort:model
type Author struct {
	ID     uint
	PostID uint
}

type PostMeta struct {
	EditorID uint
	Editor   Editor
}

//retort:model
type Editor struct {
	ID uint
}
