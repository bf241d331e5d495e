package diff

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/internal/dialect"
)

// cacheDirs, set by TestScenarios, makes roundTrip check every scenario
// with the cache of normalized tables (one directory per dialect, shared
// by the scenarios: entries are keyed by content).
var cacheDirs = map[dialect.Name]string{}

// sameWithCache checks that the plan from current to the models' schema
// raw is the same whether raw is normalized without the cache (desired),
// with a cold cache or with a warm one (from its pack, and from the
// entries' own files); and that with a warm cache no
// table is created in a scratch database (except where the models hold
// PostgreSQL enums, which the cache leaves to a full normalization).
// TestScenarios runs it on the whole corpus.
func sameWithCache(t *testing.T, ctx context.Context, current, raw, desired *sqlschema.Schema, opts Options, dir string) {
	t.Helper()
	plan := func(o Options, ns *sqlschema.Schema) (string, int64) {
		t.Helper()
		n0 := scratchTables.Load()
		if ns == nil {
			var err error
			if ns, err = Normalize(ctx, raw, o); err != nil {
				t.Fatal(err)
			}
		}
		n := scratchTables.Load() - n0
		p, err := Compute(ctx, current, ns, o)
		if err != nil {
			t.Fatal(err)
		}
		return render(p), n
	}
	want, _ := plan(opts, desired)
	cached := opts
	cached.CacheDir = dir
	cold, _ := plan(cached, nil)
	warm, n := plan(cached, nil)
	// Without the packs: the entries come from their own files.
	if err := os.RemoveAll(filepath.Join(dir, "packs")); err != nil {
		t.Fatal(err)
	}
	files, nf := plan(cached, nil)
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("warm cache without packs: the plan differs (-without cache +with):\n%s", diff)
	}
	if nf > 0 && !hasEnums(raw) {
		t.Errorf("warm cache without packs: %d tables were created in a scratch database; want none", nf)
	}
	if diff := cmp.Diff(want, cold); diff != "" {
		t.Errorf("cold cache: the plan differs (-without cache +with):\n%s", diff)
	}
	if diff := cmp.Diff(want, warm); diff != "" {
		t.Errorf("warm cache: the plan differs (-without cache +with):\n%s", diff)
	}
	if n > 0 && !hasEnums(raw) {
		t.Errorf("warm cache: %d tables were created in a scratch database; want none", n)
	}
}
