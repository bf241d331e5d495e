// Package common holds models whose names are legal on every dialect:
// reserved words, mixed case, spaces, semicolons, comment starters and
// letters outside ASCII.
package common

// Order is named with a reserved word, and so are its columns, its
// indexes and its check.
type Order struct {
	ID    uint   `gorm:"column:select;primaryKey"`
	Group string `gorm:"column:group;size:64;index:key"`
	From  string `gorm:"column:from;size:64;uniqueIndex:where"`
	Qty   int    `gorm:"column:qty;check:Select-Check,qty >= 0"`
	Lines []Line `gorm:"foreignKey:OrderID;constraint:order-lines,OnDelete:CASCADE"`
}

func (Order) TableName() string { return "order" }

// Line refers to Order through a column named with a reserved word.
type Line struct {
	ID      uint `gorm:"column:key;primaryKey"`
	OrderID uint `gorm:"column:user;index:from"`
}

func (Line) TableName() string { return "table" }

// UserAccount is mixed case.
type UserAccount struct {
	ID        uint  `gorm:"column:ID;primaryKey"`
	CreatedAt int64 `gorm:"column:createdAt;index:IdxCreatedAt"`
	Profiles  []Profile
}

func (UserAccount) TableName() string { return "UserAccounts" }

// Profile carries spaces, semicolons, comment starters, dollar quotes,
// backslashes and unicode in its table, column and index names; its
// foreign key's name is made up from them. Quote characters are in the
// quote_* packages.
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
