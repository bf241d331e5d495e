// Package initialize registers the tables at start-up.
package initialize

import (
	"gorm.io/gorm"

	"github.com/retortdb/retort/autogen/testdata/realworld/adminpanel/model/example"
	"github.com/retortdb/retort/autogen/testdata/realworld/adminpanel/model/system"
)

// RegisterTables is the project's one AutoMigrate call.
func RegisterTables(db *gorm.DB) error {
	return db.AutoMigrate(
		system.SysApi{},
		system.SysUser{},
		system.SysBaseMenu{},
		system.SysAuthority{},
		system.SysBaseMenuParameter{},
		system.SysBaseMenuBtn{},
		system.SysOperationRecord{},

		example.ExaFile{},
		example.ExaCustomer{},
		example.ExaFileChunk{},
		example.ExaFileUploadAndDownload{},
	)
}
