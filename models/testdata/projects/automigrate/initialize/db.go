// Package initialize migrates the tables at start-up, as real projects do.
package initialize

import (
	"gorm.io/gorm"

	"github.com/retortdb/retort/models/testdata/projects/automigrate/model"
	sysmodel "github.com/retortdb/retort/models/testdata/projects/automigrate/model/sys"
)

// Migrate is the project's one AutoMigrate call.
func Migrate(db *gorm.DB) error {
	return db.AutoMigrate(
		&model.Menu{},
		new(model.File),
		model.Plain{},
		sysmodel.SysApi{},
	)
}

// MigrateLogs creates the log table from a list kept in a variable.
func MigrateLogs(db *gorm.DB) error {
	tables := []any{&sysmodel.SysLog{}}
	return db.Migrator().CreateTable(tables...)
}
