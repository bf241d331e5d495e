// Package plain is one ordinary model, for round trips about the version
// table rather than the models.
package plain

// Item is an ordinary model.
type Item struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:20"`
}
