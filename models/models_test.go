package models_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/models"
)

func loadProject(t *testing.T, dir string, opts models.LoadOptions) *models.Models {
	t.Helper()
	opts.Dir = filepath.Join("testdata", "projects", dir)
	if opts.Patterns == nil {
		opts.Patterns = []string{"./model/..."}
	}
	m, err := models.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The module's AutoMigrate calls decide which structs are models: struct
// literals, new(T), an aliased import, a list spread from a variable, a
// struct with no tag at all, one whose only tags come from its base.
func TestModelsFromAutoMigrate(t *testing.T) {
	m := loadProject(t, "automigrate", models.LoadOptions{})
	if got := m.Source(); got != models.SourceMigrate {
		t.Errorf("source %q, want %q", got, models.SourceMigrate)
	}
	want := []string{"files", "menus", "plains", "sys_apis", "sys_logs"}
	if diff := cmp.Diff(want, m.Tables()); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	var calls []string
	for _, p := range m.MigrateCalls() {
		calls = append(calls, p.String())
	}
	if diff := cmp.Diff([]string{"initialize/db.go:13:9", "initialize/db.go:24:9"}, calls); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	// The structs that are not migrated but have a table's name.
	for table, want := range map[string]string{
		"menu_views": "model.MenuView (model/menu.go:13:6) is not a model: not passed to AutoMigrate (initialize/db.go:13:9)",
		"menu_dtos":  "model.MenuDTO (model/menu.go:19:6) is not a model: not passed to AutoMigrate (initialize/db.go:13:9)",
		"hiddens":    "model.Hidden (model/menu.go:37:6) is not a model: not passed to AutoMigrate (initialize/db.go:13:9) and it has no gorm tag, gorm.Model or //retort:model",
	} {
		looks := m.Lookalikes(table)
		if len(looks) != 1 {
			t.Errorf("table %s: %d lookalikes %v, want 1", table, len(looks), looks)
			continue
		}
		if got := looks[0].String(); !strings.HasPrefix(got, want) {
			t.Errorf("table %s: lookalike\n%s\nwant it to start with\n%s", table, got, want)
		}
	}
	if looks := m.Lookalikes("menus"); len(looks) != 0 {
		t.Errorf("a model's table has lookalikes: %v", looks)
	}
}

// [models] structs beats the scan.
func TestModelsListed(t *testing.T) {
	m := loadProject(t, "automigrate", models.LoadOptions{Models: []string{"./model.Menu", "github.com/retortdb/retort/models/testdata/projects/automigrate/model/sys.SysLog"}})
	if diff := cmp.Diff([]string{"menus", "sys_logs"}, m.Tables()); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	if got := m.Source(); got != models.SourceListed {
		t.Errorf("source %q", got)
	}
	_, err := models.Load(context.Background(), models.LoadOptions{Dir: filepath.Join("testdata", "projects", "automigrate"),
		Patterns: []string{"./model/..."}, Models: []string{"./model.Nope"}})
	if err == nil || !strings.Contains(err.Error(), `"./model.Nope" names no struct type`) {
		t.Errorf("unknown listed struct: %v", err)
	}
}

// Without an AutoMigrate call the structs that look like models are
// taken: an untagged struct embedding a base that several structs share
// is one, a struct hiding a field with gorm:"-" is not.
func TestModelsGuessed(t *testing.T) {
	m := loadProject(t, "automigrate", models.LoadOptions{NoScan: true})
	if got := m.Source(); got != models.SourceHeuristics {
		t.Errorf("source %q", got)
	}
	want := []string{"files", "menu_dtos", "menu_views", "sys_apis", "sys_logs"}
	if diff := cmp.Diff(want, m.Tables()); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	for table, want := range map[string]string{
		"menus":   "model.Menu (model/menu.go:6:6) is not a model: it is embedded in MenuDTO, MenuView, which are taken as models (a view or DTO of this table?)",
		"hiddens": "model.Hidden (model/menu.go:37:6) is not a model: it has no gorm tag, gorm.Model or //retort:model",
		"plains":  "model.Plain (model/menu.go:31:6) is not a model: it has no gorm tag",
	} {
		looks := m.Lookalikes(table)
		if len(looks) != 1 || !strings.HasPrefix(looks[0].String(), want) {
			t.Errorf("table %s: lookalikes %v, want one starting with %q", table, looks, want)
		}
	}
}

// Calls in a loop over a literal list, a wrapper passing its parameter
// on, one table migrated from two packages, a view with its model's table,
// //retort:table for a TableName built at run time, and per-dialect types
// for a GormDBDataType method retort cannot read.
func TestModelsRealShapes(t *testing.T) {
	m := loadProject(t, "loops", models.LoadOptions{})
	if got := m.Source(); got != models.SourceMigrate {
		t.Errorf("source %q", got)
	}
	if diff := cmp.Diff([]string{"app_user", "loggers", "menus"}, m.Tables()); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	for _, w := range m.Warnings() {
		if strings.Contains(w.Error(), "AutoMigrate call") {
			t.Errorf("a call was taken as unreadable: %v", w)
		}
	}
	want := map[dialect.Name][2]string{
		// settings: the method is not read (a warning says so), so its
		// GormDataType "json" stands; extra: the per-dialect keys.
		dialect.MySQL:    {"json", "json"},
		dialect.Postgres: {"json", "jsonb"},
		dialect.SQLite:   {"json", "text"},
	}
	for d, types := range want {
		s, err := m.Schema(d, "x")
		if err != nil {
			t.Fatal(err)
		}
		u, ok := s.Table("app_user")
		if !ok {
			t.Fatal("no table app_user")
		}
		for i, col := range []string{"settings", "extra"} {
			c, ok := u.Column(col)
			if !ok {
				t.Fatalf("no column %s", col)
			}
			if got := c.Type.Raw; !strings.EqualFold(got, types[i]) {
				t.Errorf("%s: %s is %s, want %s", d, col, got, types[i])
			}
		}
	}
}
