package initialize

import (
	"gorm.io/gorm"

	"github.com/retortdb/retort/internal/autogen/testdata/nofalsedrop/notmigrated/models"
)

func Migrate(db *gorm.DB) error { return db.AutoMigrate(&models.Account{}) }
