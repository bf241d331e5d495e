// Package selfreference: a manager on the same table, and a category tree
// with parent and children.
package selfreference

type Employee struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:100"`
	ManagerID *uint
	Manager   *Employee
}

type Category struct {
	ID       uint   `gorm:"primaryKey"`
	Name     string `gorm:"size:100"`
	ParentID *uint
	Parent   *Category  `gorm:"constraint:OnDelete:CASCADE"`
	Children []Category `gorm:"foreignKey:ParentID"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Employee{}, &Category{}}
