// Package typeerr has a type error outside the models and one inside.
package typeerr

type Good struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:20"`
}

type Bad struct {
	ID  uint `gorm:"primaryKey"`
	Ref Missing
}

func helper() int { return "not an int" }
