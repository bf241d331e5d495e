package b

// Logger is the same table as a.Logger, with a field GORM does not migrate.
type Logger struct {
	ID      string `gorm:"size:20;primaryKey"`
	Message string `gorm:"size:1024"`
	Seen    bool   `gorm:"-:migration"`
}
