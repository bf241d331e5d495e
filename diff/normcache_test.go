package diff

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

// cacheDirs, set by TestScenarios, makes roundTrip check every scenario
// with the cache of normalized tables (one directory per dialect, shared
// by the scenarios: entries are keyed by content).
var cacheDirs = map[dialect.Name]string{}

// sameWithCache checks that the plan from current to the models' schema
// raw is the same whether raw is normalized without the cache (desired),
// with a cold cache or with a warm one (from its pack, and without it:
// from the entries' own files and, for the tables made of shapes, whose
// entries are in the pack only, from their shapes again); and that with
// a warm cache no table is created whole in a scratch database (except
// where the models hold PostgreSQL enums, which the cache leaves to a
// full normalization), nor, with its pack, any probe of shapes.
// TestScenarios runs it on the whole corpus.
func sameWithCache(t *testing.T, ctx context.Context, current, raw, desired *sqlschema.Schema, opts Options, dir string) {
	t.Helper()
	plan := func(o Options, ns *sqlschema.Schema) (string, int64, int64) {
		t.Helper()
		o.stats = &normStats{}
		if ns == nil {
			var err error
			if ns, err = Normalize(ctx, raw, o); err != nil {
				t.Fatal(err)
			}
		}
		n, np := o.stats.scratchTables.Load(), o.stats.shapeProbes.Load()
		p, err := Compute(ctx, current, ns, o)
		if err != nil {
			t.Fatal(err)
		}
		return render(p), n, np
	}
	want, _, _ := plan(opts, desired)
	cached := opts
	cached.CacheDir = dir
	cold, _, _ := plan(cached, nil)
	warm, n, np := plan(cached, nil)
	// Without the packs: the entries come from their own files, the
	// tables made of shapes from their shapes again, SQLite's from its
	// in-memory scratch database again.
	if err := os.RemoveAll(filepath.Join(cacheFor(dir).dir, "packs")); err != nil {
		t.Fatal(err)
	}
	files, nf, _ := plan(cached, nil)
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("warm cache without packs: the plan differs (-without cache +with):\n%s", diff)
	}
	if nf > 0 && !hasEnums(raw) && opts.Dialect != dialect.SQLite {
		t.Errorf("warm cache without packs: %d tables were created whole in a scratch database; want none", nf)
	}
	if diff := cmp.Diff(want, cold); diff != "" {
		t.Errorf("cold cache: the plan differs (-without cache +with):\n%s", diff)
	}
	if diff := cmp.Diff(want, warm); diff != "" {
		t.Errorf("warm cache: the plan differs (-without cache +with):\n%s", diff)
	}
	if (n > 0 || np > 0) && !hasEnums(raw) {
		t.Errorf("warm cache: %d tables and %d probes of shapes were created in a scratch database; want none", n, np)
	}
}
