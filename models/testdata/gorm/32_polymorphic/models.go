// Package polymorphic: polymorphic has-many and has-one; GORM creates the
// owner columns but no foreign key.
package polymorphic

type Dog struct {
	ID      uint    `gorm:"primaryKey"`
	Name    string  `gorm:"size:100"`
	Toys    []Toy   `gorm:"polymorphic:Owner"`
	Picture Picture `gorm:"polymorphic:Imageable"`
}

type Cat struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:100"`
	Toys []Toy  `gorm:"polymorphic:Owner;polymorphicValue:feline"`
}

type Toy struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100"`
	OwnerID   uint
	OwnerType string `gorm:"size:32"`
}

type Picture struct {
	ID            uint `gorm:"primaryKey"`
	URL           string
	ImageableID   uint
	ImageableType string
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Dog{}, &Cat{}, &Toy{}, &Picture{}}
