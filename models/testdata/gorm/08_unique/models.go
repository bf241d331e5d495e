// Package unique contrasts unique (a constraint) with uniqueIndex (an
// index), named and composite.
package unique

type Account struct {
	ID       uint    `gorm:"primaryKey"`
	Email    string  `gorm:"size:191;unique"`
	Username string  `gorm:"size:64;uniqueIndex"`
	Phone    string  `gorm:"size:32;uniqueIndex:ux_accounts_phone"`
	TenantID uint    `gorm:"uniqueIndex:idx_tenant_slug"`
	Slug     string  `gorm:"size:64;uniqueIndex:idx_tenant_slug"`
	Referral *string `gorm:"size:16;unique;not null"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Account{}}
