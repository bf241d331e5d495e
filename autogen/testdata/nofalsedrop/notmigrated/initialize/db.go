package initialize

import (
	"gorm.io/gorm"

	"github.com/retortdb/retort/autogen/testdata/nofalsedrop/notmigrated/models"
)

func Migrate(db *gorm.DB) error { return db.AutoMigrate(&models.Account{}) }
