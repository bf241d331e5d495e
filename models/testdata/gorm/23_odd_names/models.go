// Package oddnames: acronyms and digits in struct and field names.
package oddnames

type APIKey struct {
	ID         uint   `gorm:"primaryKey"`
	UserID     uint   `gorm:"index"`
	Key        string `gorm:"size:64"`
	ExternalID string `gorm:"size:64"`
	IPAddress  string `gorm:"size:45"`
	UUID       string `gorm:"size:36"`
}

type HTTPRequestLog struct {
	ID         uint `gorm:"primaryKey"`
	HTTPStatus int
	URL        string `gorm:"size:2048"`
	JSONBody   string
	XMLBody    string
	HTMLTitle  string
	UserAgent  string
	TTLSeconds int
	ABTest     bool
	OAuthScope string
	Field2     string
	V2Enabled  bool
}

type OAuthClient struct {
	ID          uint   `gorm:"primaryKey"`
	ClientID    string `gorm:"size:64"`
	RedirectURI string
}

type SMSMessage struct {
	ID       uint   `gorm:"primaryKey"`
	ToMSISDN string `gorm:"size:20"`
}

// Models lists the models in AutoMigrate order.
var Models = []any{&APIKey{}, &HTTPRequestLog{}, &OAuthClient{}, &SMSMessage{}}
