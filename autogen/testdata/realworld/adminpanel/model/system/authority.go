package system

import "time"

type SysAuthority struct {
	CreatedAt       time.Time
	UpdatedAt       time.Time
	DeletedAt       *time.Time      `sql:"index"`
	AuthorityId     uint            `json:"authorityId" gorm:"not null;unique;primary_key;comment:role id;size:90"`
	AuthorityName   string          `json:"authorityName" gorm:"size:64;comment:role name"`
	ParentId        *uint           `json:"parentId" gorm:"comment:parent role"`
	DataAuthorityId []*SysAuthority `json:"dataAuthorityId" gorm:"many2many:sys_data_authority_id;"`
	Children        []SysAuthority  `json:"children" gorm:"-"`
	SysBaseMenus    []SysBaseMenu   `json:"menus" gorm:"many2many:sys_authority_menus;"`
	Users           []SysUser       `json:"-" gorm:"many2many:sys_user_authority;"`
	DefaultRouter   string          `json:"defaultRouter" gorm:"size:64;comment:home page;default:dashboard"`
}

func (SysAuthority) TableName() string { return "sys_authorities" }
