// Package tablename: TableName() overrides (value and pointer receivers)
// and GORM's pluralisation of irregular nouns.
package tablename

type User struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
}

func (User) TableName() string { return "app_users" }

type AuditLog struct {
	ID     uint   `gorm:"primaryKey"`
	Action string `gorm:"size:50"`
}

func (*AuditLog) TableName() string { return "audit_log" }

type Person struct {
	ID   uint `gorm:"primaryKey"`
	Name string
}

type Category struct {
	ID   uint `gorm:"primaryKey"`
	Name string
}

type Child struct {
	ID   uint `gorm:"primaryKey"`
	Name string
}

type Analysis struct {
	ID     uint `gorm:"primaryKey"`
	Result string
}

type News struct {
	ID       uint `gorm:"primaryKey"`
	Headline string
}

type Quiz struct {
	ID       uint `gorm:"primaryKey"`
	Question string
}

type Box struct {
	ID    uint `gorm:"primaryKey"`
	Label string
}

type Status struct {
	ID   uint `gorm:"primaryKey"`
	Code string
}

// Models lists the models in AutoMigrate order.
var Models = []any{&User{}, &AuditLog{}, &Person{}, &Category{}, &Child{}, &Analysis{}, &News{}, &Quiz{}, &Box{}, &Status{}}
