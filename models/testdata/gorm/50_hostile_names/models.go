// Package hostilenames: reserved words, mixed case, spaces, semicolons,
// comment starters and letters outside ASCII as table, column, index,
// check and foreign key names, and names over 63 bytes but under 63
// characters, which PostgreSQL cuts.
package hostilenames

type Order struct {
	ID    uint   `gorm:"column:select;primaryKey"`
	Group string `gorm:"column:group;size:64;index:key"`
	From  string `gorm:"column:from;size:64;uniqueIndex:where"`
	Qty   int    `gorm:"column:qty;check:Select-Check,qty >= 0"`
	Lines []Line `gorm:"foreignKey:OrderID;constraint:order-lines,OnDelete:CASCADE"`
}

func (Order) TableName() string { return "order" }

type Line struct {
	ID      uint `gorm:"column:key;primaryKey"`
	OrderID uint `gorm:"column:user;index:from"`
}

func (Line) TableName() string { return "table" }

type UserAccount struct {
	ID        uint  `gorm:"column:ID;primaryKey"`
	CreatedAt int64 `gorm:"column:createdAt;index:IdxCreatedAt"`
	Profiles  []Profile
}

func (UserAccount) TableName() string { return "UserAccounts" }

type Profile struct {
	ID            uint   `gorm:"primaryKey;autoIncrement:false"`
	UserAccountID uint   `gorm:"column:user account id"`
	FirstName     string `gorm:"column:first name;size:100;index:first name idx"`
	Injection     string `gorm:"column:x\\; DROP TABLE canary\\; --;size:100"`
	Comment       string `gorm:"column:/* c */ x -- y;size:100"`
	Prenom        string `gorm:"column:prénom;size:100;index:idx_prénom"`
	Namae         string `gorm:"column:名前;size:100;index:名前の索引"`
	Dollar        string `gorm:"column:$1 $$x$$;size:100"`
	Backslash     string `gorm:"column:back\\slash;size:100"`
}

func (Profile) TableName() string { return "user profiles; DROP TABLE canary; --" }

type Wide struct {
	ID    uint   `gorm:"primaryKey;autoIncrement:false"`
	Name  string `gorm:"column:ééééééééééééééééééééééééééééééééé;size:50;index"`
	Email string `gorm:"size:50;unique"`
	Code  string `gorm:"size:20;check:code <> ''"`
}

func (Wide) TableName() string {
	return "名前名前名前名前名前名前名前名前名前名前表"
}

// Models lists the models in AutoMigrate order.
var Models = []any{&Order{}, &Line{}, &UserAccount{}, &Profile{}, &Wide{}}
