package system

import (
	"github.com/retortdb/retort/autogen/testdata/realworld/adminpanel/global"
)

type SysBaseMenu struct {
	global.BaseModel
	MenuLevel     uint   `json:"-"`
	ParentId      uint   `json:"parentId" gorm:"comment:parent menu"`
	Path          string `json:"path" gorm:"size:128;comment:route path"`
	Name          string `json:"name" gorm:"size:128;comment:route name"`
	Hidden        bool   `json:"hidden" gorm:"comment:hidden in the list"`
	Sort          int    `json:"sort" gorm:"comment:order"`
	Meta          `json:"meta" gorm:"embedded;comment:meta"`
	SysAuthoritys []SysAuthority         `json:"authoritys" gorm:"many2many:sys_authority_menus;"`
	Children      []SysBaseMenu          `json:"children" gorm:"-"`
	Parameters    []SysBaseMenuParameter `json:"parameters"`
	MenuBtn       []SysBaseMenuBtn       `json:"menuBtn"`
}

type Meta struct {
	KeepAlive bool   `json:"keepAlive" gorm:"comment:keep alive"`
	Title     string `json:"title" gorm:"size:64;comment:menu title"`
	Icon      string `json:"icon" gorm:"size:64;comment:menu icon"`
}

type SysBaseMenuParameter struct {
	global.BaseModel
	SysBaseMenuID uint
	Type          string `json:"type" gorm:"size:16;comment:params or query"`
	Key           string `json:"key" gorm:"size:64"`
	Value         string `json:"value" gorm:"size:255"`
}

type SysBaseMenuBtn struct {
	global.BaseModel
	Name          string `json:"name" gorm:"size:64;comment:button key"`
	Desc          string `json:"desc" gorm:"size:128"`
	SysBaseMenuID uint   `json:"sysBaseMenuID" gorm:"comment:menu id"`
}

// SysMenu is a view over the menus a role sees: it embeds the menu and is
// never migrated.
type SysMenu struct {
	SysBaseMenu
	MenuId      uint                   `json:"menuId" gorm:"comment:menu id"`
	AuthorityId uint                   `json:"-" gorm:"comment:role id"`
	Children    []SysMenu              `json:"children" gorm:"-"`
	Parameters  []SysBaseMenuParameter `json:"parameters" gorm:"foreignKey:SysBaseMenuID;references:MenuId"`
	Btns        map[string]uint        `json:"btns" gorm:"-"`
}

// SysAuthorityMenu maps the join table of roles and menus, as projects
// do to query it.
type SysAuthorityMenu struct {
	MenuId      string `json:"menuId" gorm:"comment:menu id;column:sys_base_menu_id"`
	AuthorityId string `json:"-" gorm:"comment:role id;column:sys_authority_authority_id"`
}

func (SysAuthorityMenu) TableName() string { return "sys_authority_menus" }
