package models_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

// A GormDBDataType method retort cannot read is a warning at the method,
// once per method, naming what stopped it; the columns get the type GORM's
// driver gives their Go type, or the retort:"type:..." tag's.
func TestDBDataTypeUnreadable(t *testing.T) {
	m, err := load(t, nil, "./models/testdata/models/dbtypes")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range m.Warnings() {
		got = append(got, w.Error())
	}
	const dir = "models/testdata/models/dbtypes/models.go"
	tail := ` and takes it to return "", the type GORM's driver gives the Go type; a retort:"type:..." tag on `
	want := []string{
		dir + `:14:15: Opaque.GormDBDataType: retort cannot read this method (a call of pick)` + tail + `Item.A (and on any other field of this type) sets the type, or retort:"mysql_type:...;postgres_type:...;sqlite_type:..." one per dialect, and silences this warning`,
		dir + `:23:15: Looped.GormDBDataType: retort cannot read this method (a loop)` + tail + `Item.D (and on any other field of this type) sets the type, or retort:"mysql_type:...;postgres_type:...;sqlite_type:..." one per dialect, and silences this warning`,
		dir + `:35:16: Tuned.GormDBDataType: retort cannot read this method (the expression t.Kind)` + tail + `Item.E (and on any other field of this type) sets the type, or retort:"mysql_type:...;postgres_type:...;sqlite_type:..." one per dialect, and silences this warning`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	s, err := m.Schema(dialect.MySQL, "")
	if err != nil {
		t.Fatal(err)
	}
	tbl, ok := s.Table("items")
	if !ok {
		t.Fatal("no table items")
	}
	types := map[string]string{}
	for _, c := range tbl.Columns {
		types[c.Name] = c.Type.Raw
	}
	wantTypes := map[string]string{
		"id": "bigint unsigned", "a": "varchar(40)", "b": "varchar(20)", "c": "longtext",
		"d": "longtext", "e": "longtext", "f": "text", "other": "bigint",
	}
	if diff := cmp.Diff(wantTypes, types); diff != "" {
		t.Errorf("column types (-want +got):\n%s", diff)
	}
}

// When every field of the type overrides it, nothing is left to warn about.
func TestDBDataTypeOverrideSilences(t *testing.T) {
	m, err := load(t, nil, "./models/testdata/models/dbtypes/override")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range m.Warnings() {
		t.Errorf("unexpected warning: %v", w)
	}
	for _, d := range dialect.All {
		s, err := m.Schema(d, "")
		if err != nil {
			t.Fatal(err)
		}
		tbl, _ := s.Table("items")
		a, _ := tbl.Column("a")
		b, _ := tbl.Column("b")
		if !strings.EqualFold(a.Type.Raw, "varchar(20)") || !strings.EqualFold(b.Type.Raw, "char(9)") {
			t.Errorf("%s: a %s, b %s; want the retort tags' varchar(20), char(9)", d, a.Type.Raw, b.Type.Raw)
		}
	}
}
