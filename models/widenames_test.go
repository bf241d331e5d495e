package models

import (
	"sort"
	"testing"
	"unicode/utf8"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

// TestWideNames: on PostgreSQL every name is cut to 63 bytes at a
// character boundary, as the server does; MySQL and SQLite count
// characters and keep the names; no name is invalid UTF-8.
func TestWideNames(t *testing.T) {
	m := loadModels(t, "./models/testdata/models/widenames")
	wide := "名前名前名前名前名前名前名前名前名前名前表"
	col := "ééééééééééééééééééééééééééééééééé"
	for _, d := range dialect.All {
		s, err := m.Schema(d, "s")
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		tb, ok := s.Table(wide)
		if !ok {
			t.Fatalf("%s: no table %s", d, wide)
		}
		names := allNames(tb)
		for _, n := range names {
			if !utf8.ValidString(n) {
				t.Errorf("%s: name %q is not valid UTF-8", d, n)
			}
		}
		var want []string
		switch d {
		case dialect.Postgres:
			want = []string{
				"code", "email", "id", col[:62],
				"chk_名前名前名前名前名前名前名前名前名前名", // chk_ + 19 characters: 61 bytes
				"idx_名前名前名前名前名前名前名前名前名前名",
				"uni_名前名前名前名前名前名前名前名前名前名",
			}
		case dialect.MySQL:
			want = []string{"code", "email", "id", col,
				"chk_" + wide + "_code", "idx_" + wide + "_name", "uni_" + wide + "_email"}
		case dialect.SQLite:
			want = []string{"code", "email", "id", col,
				"chk_" + wide + "_code", "idx_" + wide + "_name", wide + "_email"}
		}
		sort.Strings(want)
		if diff := cmp.Diff(want, names); diff != "" {
			t.Errorf("%s: names (-want +got):\n%s", d, diff)
		}
		for _, tb := range s.Tables {
			for _, n := range allNames(tb) {
				if !utf8.ValidString(n) {
					t.Errorf("%s: table %q: name %q is not valid UTF-8", d, tb.Name, n)
				}
				if d == dialect.Postgres && len(n) > 63 {
					t.Errorf("%s: name %q is %d bytes, over 63", d, n, len(n))
				}
				if utf8.RuneCountInString(n) > 64 {
					t.Errorf("%s: name %q is over 64 characters", d, n)
				}
			}
		}
	}
}

// allNames lists the names of a table's columns, indexes, foreign keys
// and checks, sorted.
func allNames(tb *sqlschema.Table) []string {
	var out []string
	for _, c := range tb.Columns {
		out = append(out, c.Name)
	}
	for _, idx := range tb.Indexes {
		out = append(out, idx.Name)
	}
	for _, fk := range tb.ForeignKeys {
		out = append(out, fk.Symbol)
	}
	for _, a := range tb.Attrs {
		if c, ok := a.(*sqlschema.Check); ok {
			out = append(out, c.Name)
		}
	}
	sort.Strings(out)
	return out
}
