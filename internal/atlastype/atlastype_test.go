package atlastype

import (
	"testing"

	"github.com/retortdb/retort/dialect"
)

// TestParseRefuses: text atlas's own parsers panic on is an error.
func TestParseRefuses(t *testing.T) {
	for _, c := range []struct {
		d    dialect.Name
		text string
	}{
		{dialect.Postgres, "bit a"},
		{dialect.Postgres, "bit(99999999999999999999)"},
		{dialect.SQLite, " "}, // a declared type of one space: CREATE TABLE t (c ' ')
	} {
		if _, err := Parse(c.d, c.text); err == nil {
			t.Errorf("Parse(%s, %q): no error", c.d, c.text)
		}
	}
}

// TestParseFormat: types a server reports read and write back as they
// were.
func TestParseFormat(t *testing.T) {
	for d, texts := range map[dialect.Name][]string{
		dialect.MySQL:    {"int", "bigint unsigned", "varchar(255)", "decimal(10,2)", "longblob", "enum('a','b')"},
		dialect.Postgres: {"integer", "bigint", "character varying(255)", "numeric(10,2)", "bit(3)", "bit varying(5)", "timestamptz(3)"},
		dialect.SQLite:   {"integer", "text", "numeric"},
	} {
		for _, text := range texts {
			typ, err := Parse(d, text)
			if err != nil {
				t.Errorf("Parse(%s, %q): %v", d, text, err)
				continue
			}
			back, err := Format(d, typ)
			if err != nil || back != text {
				t.Errorf("Format(%s, Parse(%q)) = %q, %v", d, text, back, err)
			}
		}
	}
}
