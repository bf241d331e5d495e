package schema

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/dialect"
)

// TestUnquotableNames: a name holding a character atlas pastes into SQL
// unescaped is an error at the model, on the dialects where it is one.
func TestUnquotableNames(t *testing.T) {
	m := loadModels(t, "./schema/testdata/models/quotes")
	want := map[dialect.Name][]string{
		dialect.MySQL: {
			"schema/testdata/models/quotes/models.go:8:2: Quoted.Tick: column name \"a` int); DROP TABLE t; --\" holds a backtick, which retort cannot write into mysql SQL (atlas does not escape it)",
		},
		dialect.Postgres: {
			"schema/testdata/models/quotes/models.go:6:6: Quoted: index name \"say \\\"hi\\\"\" holds a double quote, which retort cannot write into postgres SQL (atlas does not escape it)",
		},
		dialect.SQLite: {
			"schema/testdata/models/quotes/models.go:6:6: Quoted: table name \"o'brien\" holds a single quote, which retort cannot write into sqlite SQL (atlas does not escape it)",
			"schema/testdata/models/quotes/models.go:8:2: Quoted.Tick: column name \"a` int); DROP TABLE t; --\" holds a backtick, which retort cannot write into sqlite SQL (atlas does not escape it)",
		},
	}
	for _, d := range dialect.All {
		_, err := m.Schema(d, "s")
		var le *LoadError
		if !errors.As(err, &le) {
			t.Fatalf("%s: err = %v, want a *LoadError", d, err)
		}
		got := strings.Split(err.Error(), "\n")
		if diff := cmp.Diff(want[d], got); diff != "" {
			t.Errorf("%s: errors (-want +got):\n%s", d, diff)
		}
	}
}
