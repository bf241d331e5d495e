// Package embedded: embedded structs with and without embeddedPrefix,
// anonymous embedding, embedding through a pointer.
package embedded

import "time"

type Address struct {
	Street string `gorm:"size:200"`
	City   string `gorm:"size:100"`
	Zip    string `gorm:"size:10"`
}

type Audit struct {
	CreatedBy string `gorm:"size:64"`
	UpdatedBy string `gorm:"size:64"`
}

type Timestamps struct {
	CreatedAt time.Time
	UpdatedAt time.Time
}

type Contact struct {
	Email string `gorm:"size:191"`
	Phone string `gorm:"size:32"`
}

type Company struct {
	ID       uint    `gorm:"primaryKey"`
	Name     string  `gorm:"size:120"`
	Billing  Address `gorm:"embedded;embeddedPrefix:billing_"`
	Shipping Address `gorm:"embedded;embeddedPrefix:shipping_"`
	Office   Address `gorm:"embedded"`
	Audit
	*Timestamps
	Contact `gorm:"embeddedPrefix:contact_"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Company{}}
