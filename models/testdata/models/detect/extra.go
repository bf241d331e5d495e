//go:build extra

package detect

// Extra exists only with -tags extra.
type Extra struct {
	ID uint `gorm:"primaryKey"`
}
