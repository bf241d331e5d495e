package initialize

import (
	"gorm.io/gorm"

	"github.com/retortdb/retort/models/testdata/projects/loops/model"
	"github.com/retortdb/retort/models/testdata/projects/loops/model/a"
	"github.com/retortdb/retort/models/testdata/projects/loops/model/b"
)

// Ensure migrates one table at a time, as real projects do to ignore the
// errors of each.
func Ensure(db *gorm.DB) {
	tables := []any{
		model.Menu{},
		model.User{},
	}
	for _, t := range tables {
		_ = db.AutoMigrate(&t)
	}
}

// Created lists other tables under the same name, in another function.
func Created(db *gorm.DB) bool {
	tables := []any{model.MenuView{}}
	return len(tables) == 1
}

// migrate passes its own parameter on: its callers hold the lists.
func migrate(db *gorm.DB, models ...any) error { return db.AutoMigrate(models...) }

func Logs(db *gorm.DB) error {
	if err := migrate(db); err != nil {
		return err
	}
	if err := db.AutoMigrate(new(a.Logger)); err != nil {
		return err
	}
	return db.AutoMigrate(new(b.Logger))
}
