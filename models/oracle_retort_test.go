//go:build !oracle_gormonly

package models_test

import (
	"context"
	"errors"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/models"
)

// errGormOnly is never returned in a normal build; see oracle_gormonly_test.go.
var errGormOnly = errors.New("oracle: gorm only")

// retortModels is one case's models as retort's models package reads them.
type retortModels struct {
	m   *models.Models
	err error
}

func (r retortModels) schema(d dialect.Name) (*sqlschema.Schema, error) {
	if r.err != nil {
		return nil, r.err
	}
	return r.m.Schema(d, "")
}

// warnings are the load's warnings, one line each.
func (r retortModels) warnings() []string {
	if r.m == nil {
		return nil
	}
	var out []string
	for _, w := range r.m.Warnings() {
		out = append(out, w.Error())
	}
	return out
}

// loadRetort loads testdata/gorm/<name> with models.Load, statically.
func loadRetort(t *testing.T, root, name string) retortModels {
	t.Helper()
	m, err := models.Load(context.Background(), models.LoadOptions{
		Dir:      root,
		Patterns: []string{"./models/testdata/gorm/" + name + "/..."},
		Settings: caseSettings[name].retort(),
	})
	return retortModels{m: m, err: err}
}

// retort is the same settings as retort's.
func (s oracleSettings) retort() models.Settings {
	return models.Settings{
		NoForeignKeys:            s.noForeignKeys,
		IgnoreRelationships:      s.ignoreRelationships,
		DefaultStringSize:        s.defaultStringSize,
		DatetimePrecision:        s.datetimePrecision,
		DisableDatetimePrecision: s.disableDatetimePrecision,
	}
}
