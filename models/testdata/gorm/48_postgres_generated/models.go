// Package postgresgenerated: the generated: tag of GORM's PostgreSQL
// driver, for identity keys and stored computed columns.
package postgresgenerated

type LineItem struct {
	ID       int64   `gorm:"primaryKey;generated:identity"`
	Price    float64 `gorm:"type:numeric(10,2);not null"`
	Quantity int     `gorm:"not null;default:1"`
	Total    float64 `gorm:"type:numeric(12,2);generated:price * quantity;->"`
}

type Ticket struct {
	ID    int32  `gorm:"primaryKey;generated:identity always"`
	Title string `gorm:"size:200"`
	Slug  string `gorm:"generated:lower(title);->"`
}

// Dialects: generated: is read by GORM's PostgreSQL driver only.
var Dialects = []string{"postgres"}

// Models lists the models in AutoMigrate order.
var Models = []any{&LineItem{}, &Ticket{}}
