// Package typewarn has a type error outside its models.
package typewarn

type Good struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:20"`
}

func helper() int { return "not an int" }
