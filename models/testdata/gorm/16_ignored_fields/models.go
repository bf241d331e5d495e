// Package ignoredfields: fields GORM leaves out of the table (-, -:all,
// -:migration) and permission tags that do not.
package ignoredfields

type User struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100"`
	Password  string `gorm:"-"`
	Token     string `gorm:"-:all"`
	FullName  string `gorm:"-:migration"`
	Revision  int    `gorm:"->"`
	CreatedBy string `gorm:"<-:create"`
	Nickname  string `gorm:"<-"`
	cache     map[string]string
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}}

var _ = User{}.cache
