// Package store opens the database; Migrate runs at start-up.
package store

import (
	"gorm.io/gorm"

	"github.com/retortdb/retort/autogen/testdata/realworld/teamhub/model"
)

var tables = []any{
	&model.User{},
	&model.Role{},
	&model.Team{},
	&model.Profile{},
	&model.UserRole{},
}

func Migrate(db *gorm.DB) error {
	if err := db.SetupJoinTable(&model.User{}, "Roles", &model.UserRole{}); err != nil {
		return err
	}
	return db.AutoMigrate(tables...)
}
