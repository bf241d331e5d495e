package system

import (
	"github.com/retortdb/retort/autogen/testdata/realworld/adminpanel/global"
)

type SysUser struct {
	global.BaseModel
	UUID        string         `json:"uuid" gorm:"index;size:64;comment:user uuid"`
	Username    string         `json:"userName" gorm:"index;size:64;comment:login name"`
	Password    string         `json:"-" gorm:"size:128;comment:password hash"`
	NickName    string         `json:"nickName" gorm:"default:'system user';size:64"`
	HeaderImg   string         `json:"headerImg" gorm:"size:255"`
	AuthorityId uint           `json:"authorityId" gorm:"default:888;comment:default role"`
	Authority   SysAuthority   `json:"authority" gorm:"foreignKey:AuthorityId;references:AuthorityId;comment:role"`
	Authorities []SysAuthority `json:"authorities" gorm:"many2many:sys_user_authority;"`
	Phone       string         `json:"phone" gorm:"size:32"`
	Email       string         `json:"email" gorm:"size:128"`
	Enable      int            `json:"enable" gorm:"default:1;comment:1 on 2 off"`
	Settings    JSONMap        `json:"settings" gorm:"comment:user settings"`
}

func (SysUser) TableName() string { return "sys_users" }

// SysUserResponse is what the login endpoint returns.
type SysUserResponse struct {
	SysUser
	Token string `json:"token"`
}
