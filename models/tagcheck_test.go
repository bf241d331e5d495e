package models_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

// Tag keys GORM does not know, and tags GORM cannot see, are warnings at
// the field, with the known key meant when one is close.
func TestUnknownTagKeys(t *testing.T) {
	m, err := load(t, nil, "./models/testdata/models/tagwarn")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range m.Warnings() {
		got = append(got, w.Error())
	}
	const f = "models/testdata/models/tagwarn/models.go:"
	want := []string{
		f + `11:2: Base.Note: unknown gorm tag key "SISE" (did you mean size?): GORM ignores it`,
		f + `26:2: Account.Name: unknown gorm tag key "NOT NUL" (did you mean not null?): GORM ignores it`,
		f + `27:2: Account.Email: unknown gorm tag key "UNIQE" (did you mean unique?): GORM ignores it`,
		f + "28:2: Account.Code: struct tag `gorm:size:10` is not in key:\"value\" form, so GORM does not see its gorm: part (write gorm:\"size:10\")",
		f + "29:2: Account.Phone: struct tag `json:phone gorm:\"size:20\"` is not in key:\"value\" form, so GORM does not see its gorm: part (write gorm:\"size:20\")",
		f + `30:2: Account.Legacy: unknown gorm tag key "UNIQUE_INDEX" (did you mean uniqueIndex?): GORM ignores it`,
		f + `31:2: Account.Odd: unknown gorm tag key "WIBBLE": GORM ignores it`,
		f + `32:2: Account.Renamed: unknown retort tag key "SIZEE" (did you mean size?): retort ignores it`,
		f + "33:2: Account.Spaced: struct tag `gorm: \"size:12\"` is not in key:\"value\" form, so GORM does not see its gorm: part (write gorm:\"size:12\")",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	// The schema is GORM's: the ignored keys change nothing.
	s, err := m.Schema(dialect.MySQL, "")
	if err != nil {
		t.Fatal(err)
	}
	tbl, _ := s.Table("accounts")
	types := map[string]string{}
	for _, c := range tbl.Columns {
		types[c.Name] = c.Type.Raw
	}
	for col, typ := range map[string]string{"name": "longtext", "code": "longtext", "phone": "longtext", "kind": "varchar(16)", "renamed": "varchar(8)", "note": "longtext", "o_note": "longtext"} {
		if types[col] != typ {
			t.Errorf("column %s: %s, want %s", col, types[col], typ)
		}
	}
	if c, _ := tbl.Column("name"); !c.Type.Null {
		t.Errorf("not nul made name NOT NULL")
	}
}
