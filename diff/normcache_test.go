package diff

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestNormalizeCacheSamePlans: on every scenario of the corpus, the plan
// is the same whether the models' schema is normalized without the cache,
// with a cold cache, or with a warm one; and with a warm cache no table is
// created in a scratch database (except where the models hold PostgreSQL
// enums, which the cache leaves to a full normalization).
func TestNormalizeCacheSamePlans(t *testing.T) {
	dirs, err := filepath.Glob("testdata/scenarios/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			if d != dialect.SQLite {
				testdb.Server(t, d)
			}
			cacheDir := t.TempDir() // shared by the scenarios: entries are keyed by content
			for _, dir := range dirs {
				sc := scenario{dir: dir}
				from, ok1 := sc.file("from.sql", d)
				to, ok2 := sc.file("to.sql", d)
				if !ok1 || !ok2 {
					continue
				}
				t.Run(filepath.Base(dir), func(t *testing.T) {
					sameWithCache(t, d, from, to, cacheDir)
				})
			}
		})
	}
}

func sameWithCache(t *testing.T, d dialect.Name, from, to, cacheDir string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	db := testdb.New(t, d)
	execScript(t, db.DB, from)
	opts := Options{Dialect: d, URL: db.URL, DB: db.DB, VersionTable: "retort_version"}

	// The models' schema as inspected from the DDL, not normalized.
	sdb, _, cleanup, err := Scratch(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	execScript(t, sdb, to)
	desired, _, err := Inspect(ctx, sdb, Options{Dialect: d, VersionTable: opts.VersionTable})
	cleanup()
	if err != nil {
		t.Fatal(err)
	}
	current, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	plan := func(o Options) (string, int64) {
		t.Helper()
		n0 := scratchTables.Load()
		ns, err := Normalize(ctx, desired, o)
		if err != nil {
			t.Fatal(err)
		}
		n := scratchTables.Load() - n0
		p, err := Compute(ctx, current, ns, o)
		if err != nil {
			t.Fatal(err)
		}
		return render(p), n
	}
	want, _ := plan(opts)
	cached := opts
	cached.CacheDir = cacheDir
	cold, _ := plan(cached)
	warm, n := plan(cached)
	if diff := cmp.Diff(want, cold); diff != "" {
		t.Errorf("cold cache: the plan differs (-without cache +with):\n%s", diff)
	}
	if diff := cmp.Diff(want, warm); diff != "" {
		t.Errorf("warm cache: the plan differs (-without cache +with):\n%s", diff)
	}
	if n > 0 && !hasEnums(desired) {
		t.Errorf("warm cache: %d tables were created in a scratch database; want none", n)
	}
}
