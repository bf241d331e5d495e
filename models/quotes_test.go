package models

import (
	"testing"

	"github.com/retortdb/retort/dialect"
)

// TestQuotedNames: names holding quote characters load as they are on
// every dialect; diff escapes them where it writes SQL.
func TestQuotedNames(t *testing.T) {
	m := loadModels(t, "./models/testdata/models/quotes")
	for _, d := range dialect.All {
		s, err := m.Schema(d, "s")
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		tb, ok := s.Table("o'brien")
		if !ok {
			t.Fatalf("%s: no table o'brien", d)
		}
		if _, ok := tb.Column("a` int); DROP TABLE t; --"); !ok {
			t.Errorf("%s: no column with the backtick name", d)
		}
		if _, ok := tb.Index(`say "hi"`); !ok {
			t.Errorf("%s: no index with the double-quoted name", d)
		}
	}
}
