// Package longnames: index, check and foreign key names longer than 64
// characters, which GORM shortens with a hash, and one of exactly 64,
// which PostgreSQL cuts to 63.
package longnames

type NotificationChannel struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:64"`
}

type NotificationPreference struct {
	ID                                              uint   `gorm:"primaryKey"`
	CustomerAccountIdentifierLookups                string `gorm:"size:64;index"`
	CustomerAccountIdentifierForBillingPurposes     string `gorm:"size:64;uniqueIndex"`
	EmailDeliveryFrequencyInMinutesForDigests       int    `gorm:"check:email_delivery_frequency_in_minutes_for_digests > 0"`
	PreferredNotificationChannelForUrgentMessagesID uint
	PreferredNotificationChannelForUrgentMessages   NotificationChannel
}

// Models lists the models in AutoMigrate order.
var Models = []any{&NotificationChannel{}, &NotificationPreference{}}
