// Package database opens the database and migrates it.
package database

import (
	"gorm.io/gorm"

	"github.com/retortdb/retort/autogen/testdata/realworld/notify/model"
)

// Migrate runs at start-up.
func Migrate(db *gorm.DB) error {
	return db.AutoMigrate(new(model.User), new(model.Application), new(model.Message), new(model.Client), new(model.PluginConf))
}
