package diff

import (
	"context"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/benchgen"
	"github.com/retortdb/retort/internal/inspect"
	"github.com/retortdb/retort/internal/testdb"
)

// On SQLite atlas plans a table's indexes as changes of their own. The
// cache must count them as the table's: a batch of misses once ran every
// table's CREATE INDEX without the tables ("no such table"), and a changed
// index did not change its table's key.
func TestNormalizeCacheSQLiteIndexes(t *testing.T) {
	ctx := context.Background()
	cache := t.TempDir()
	for _, p := range []float64{0, 1} {
		_, ddl := benchgen.Generate(benchgen.Options{Tables: 40, Seed: 1, ChangePercent: p})
		db := testdb.New(t, dialect.SQLite)
		for _, s := range ddl[dialect.SQLite] {
			if _, err := db.Exec(s); err != nil {
				t.Fatal(err)
			}
		}
		in, err := inspect.New(db.DB, dialect.SQLite)
		if err != nil {
			t.Fatal(err)
		}
		desired, err := in.InspectSchema(ctx, "main", nil)
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{Dialect: dialect.SQLite, URL: db.URL, CacheDir: cache}
		if _, err := Normalize(ctx, desired, opts); err != nil {
			t.Fatalf("%v%% of the tables changed: %v", p, err)
		}
		if p == 1 {
			// Drop one index from a table whose entry is cached: the
			// normalized table must lose it too.
			tb := desired.Tables[0]
			if len(tb.Indexes) == 0 {
				t.Fatalf("table %s has no index to drop", tb.Name)
			}
			gone := tb.Indexes[0].Name
			tb.Indexes = tb.Indexes[1:]
			out, err := Normalize(ctx, desired, opts)
			if err != nil {
				t.Fatal(err)
			}
			nt, ok := out.Table(tb.Name)
			if !ok {
				t.Fatalf("table %s missing after normalization", tb.Name)
			}
			if _, ok := nt.Index(gone); ok {
				t.Errorf("index %s of %s came back from a stale cache entry", gone, tb.Name)
			}
		}
	}
}
