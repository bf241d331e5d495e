//go:build oracle_gormonly

package models_test

// With -tags oracle_gormonly the oracle runs GORM's half only (AutoMigrate,
// inspection, the .gorm.sql goldens), without importing the models package:
//
//	go test -tags oracle_gormonly -run TestOracle ./schema -update

import (
	"errors"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

var errGormOnly = errors.New("oracle: gorm only")

type retortModels struct{}

func (retortModels) schema(dialect.Name) (*sqlschema.Schema, error) { return nil, errGormOnly }

func loadRetort(*testing.T, string, string) retortModels { return retortModels{} }

func (retortModels) warnings() []string { return nil }
