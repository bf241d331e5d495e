// Package dbtag: a struct shared with sqlx, naming its columns with db
// tags. GORM ignores db tags; retort uses one when no column: is given.
package dbtag

type Contact struct {
	ID    uint   `db:"id" gorm:"primaryKey"`
	Name  string `db:"name" gorm:"size:100"`
	Email string `db:"email_address" gorm:"size:191"`
	Phone string `db:"phone" gorm:"column:phone_number;size:32"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Contact{}}
