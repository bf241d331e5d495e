// Package many2many: join tables, with the name as given, a CamelCase name
// GORM converts, a self-referential one, custom join columns, and
// foreignKey/references onto non-key columns.
package many2many

type User struct {
	ID        uint       `gorm:"primaryKey"`
	Name      string     `gorm:"size:100"`
	Languages []Language `gorm:"many2many:user_languages;"`
	Friends   []*User    `gorm:"many2many:user_friends"`
	Groups    []Group    `gorm:"many2many:UserGroup"`
	Roles     []Role     `gorm:"many2many:account_roles;joinForeignKey:AccountID;joinReferences:GrantedRoleID"`
}

type Language struct {
	ID    uint    `gorm:"primaryKey"`
	Code  string  `gorm:"size:8"`
	Users []*User `gorm:"many2many:user_languages;"`
}

type Group struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:64"`
}

type Role struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:64"`
}

type Post struct {
	ID   uint   `gorm:"primaryKey"`
	Slug string `gorm:"size:100;uniqueIndex"`
	Tags []Tag  `gorm:"many2many:post_tags;foreignKey:Slug;joinForeignKey:PostSlug;references:Name;joinReferences:TagName"`
}

type Tag struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:64;uniqueIndex"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &Language{}, &Group{}, &Role{}, &Post{}, &Tag{}}
