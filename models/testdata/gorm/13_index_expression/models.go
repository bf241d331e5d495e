// Package indexexpression: expression indexes, e.g. case-insensitive
// look-ups.
package indexexpression

type Member struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:191;uniqueIndex:idx_members_lower_email,expression:lower(email)"`
	Name  string `gorm:"size:100;index:idx_members_name_len,expression:length(name)"`
}

// Dialects restricts the case to the dialects that support its options
// (MariaDB has no expression indexes).
var Dialects = []string{"postgres", "sqlite"}

// Models lists the models in AutoMigrate order.
var Models = []any{&Member{}}
