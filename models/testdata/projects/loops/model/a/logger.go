package a

// Logger is migrated by this package's code and by package b's.
type Logger struct {
	ID      string `gorm:"size:20;primaryKey"`
	Message string `gorm:"size:1024"`
}
