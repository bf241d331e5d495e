package benchgen

import (
	"context"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/retortdb/retort/internal/gormtest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/models"
)

// TestMatchesLoader checks that the DDL is also what retort's model loader
// reads from the generated models: the loader's schema of internal/sample
// is created in one database by atlas, the DDL applied to another, and
// atlas finds no difference between the two.
func TestMatchesLoader(t *testing.T) {
	ctx := context.Background()
	models, err := models.Load(ctx, models.LoadOptions{Dir: ".", Patterns: []string{"./internal/sample"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			byLoader := testdb.New(t, d)
			name := inspectDB(t, byLoader, d).Name
			desired, err := models.Schema(d, name)
			if err != nil {
				t.Fatal(err)
			}
			drv := gormtest.AtlasDriver(t, byLoader, d)
			changes, err := drv.SchemaDiff(sqlschema.New(name), desired)
			if err != nil {
				t.Fatal(err)
			}
			if err := drv.ApplyChanges(ctx, changes); err != nil {
				t.Fatalf("create the loader's schema: %v", err)
			}
			byDDL := testdb.New(t, d)
			apply(t, byDDL, d, sampleOpts)

			want, got := inspectDB(t, byLoader, d), inspectDB(t, byDDL, d)
			// Sorted: atlas creates the indexes in an order of its own.
			if diff := cmp.Diff(names(want), names(got), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
				t.Errorf("index and foreign key names (-loader +ddl):\n%s", diff)
			}
			want.Name = got.Name
			diffs, err := gormtest.AtlasDriver(t, byDDL, d).SchemaDiff(want, got)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range diffs {
				t.Errorf("the loader and the DDL differ: %s", describe(c))
			}
		})
	}
}
