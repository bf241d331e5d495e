package benchgen

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/benchgen/internal/sample"
	"github.com/retortdb/retort/internal/gormtest"
	"github.com/retortdb/retort/internal/inspect"
	"github.com/retortdb/retort/internal/testdb"
)

var update = flag.Bool("update", false, "rewrite internal/sample from the generator")

// sampleOpts generates internal/sample, the compiled copy of a small
// generated models package that TestMatchesGORM hands to GORM.
var sampleOpts = Options{Tables: 6, Seed: 7, ChangePercent: 34, Package: "sample"}

// sampleModels lists the structs of internal/sample, parents first.
func sampleModels() []any {
	return []any{&sample.T0001{}, &sample.T0002{}, &sample.T0003{}, &sample.T0004{}, &sample.T0005{}, &sample.T0006{}}
}

func TestSampleUpToDate(t *testing.T) {
	files, _ := Generate(sampleOpts)
	dir := filepath.Join("internal", "sample")
	for name, data := range files {
		path := filepath.Join(dir, name)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/benchgen -update)", err)
		}
		if !bytes.Equal(old, data) {
			t.Errorf("%s is out of date: run go test ./internal/benchgen -update", path)
		}
	}
}

func TestDeterministic(t *testing.T) {
	opts := Options{Tables: 50, Seed: 3, ChangePercent: 10}
	f1, d1 := Generate(opts)
	f2, d2 := Generate(opts)
	if diff := cmp.Diff(f1, f2); diff != "" {
		t.Errorf("files differ between two runs:\n%s", diff)
	}
	if diff := cmp.Diff(d1, d2); diff != "" {
		t.Errorf("DDL differs between two runs:\n%s", diff)
	}
	if _, d3 := Generate(Options{Tables: 50, Seed: 4}); cmp.Equal(d1, d3) {
		t.Error("another seed gives the same schema")
	}
}

// TestChangePercent checks that changes touch only the chosen tables'
// extra column, and that the base schema does not depend on them.
func TestChangePercent(t *testing.T) {
	base := Options{Tables: 200, Seed: 9}
	changed := base
	changed.ChangePercent = 1
	if got := Changed(changed); len(got) != 2 {
		t.Fatalf("1%% of 200 tables: %d changed (%v), want 2", len(got), got)
	}
	if got := Changed(Options{Tables: 10, Seed: 9, ChangePercent: 1}); len(got) != 1 {
		t.Errorf("1%% of 10 tables: %d changed, want 1 (at least one)", len(got))
	}
	_, d0 := Generate(base)
	_, d1 := Generate(changed)
	names := Changed(changed)
	for _, d := range dialect.All {
		if len(d0[d]) != len(d1[d]) {
			t.Fatalf("%s: %d statements, want %d", d, len(d1[d]), len(d0[d]))
		}
		diffs := 0
		for k := range d0[d] {
			if d0[d][k] == d1[d][k] {
				continue
			}
			diffs++
			if !strings.Contains(d1[d][k], d.QuoteIdent("extra")) {
				t.Errorf("%s: statement changed without an extra column:\n%s", d, d1[d][k])
			}
		}
		if diffs != len(names) {
			t.Errorf("%s: %d statements changed, want %d", d, diffs, len(names))
		}
	}
}

// TestShape checks the benchmark schema of issue 5 on every dialect: each
// table has about ten columns, a primary key, a unique and a composite
// index, and from the second table on one foreign key to an earlier table.
func TestShape(t *testing.T) {
	const n = 20
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			db := testdb.New(t, d)
			apply(t, db, d, Options{Tables: n, Seed: 11})
			s := inspectDB(t, db, d)
			if len(s.Tables) != n {
				t.Fatalf("%d tables, want %d", len(s.Tables), n)
			}
			pos := make(map[string]int)
			for k, tb := range s.Tables {
				pos[tb.Name] = k
			}
			for _, tb := range s.Tables {
				if len(tb.Columns) < 9 || len(tb.Columns) > 11 {
					t.Errorf("%s: %d columns", tb.Name, len(tb.Columns))
				}
				if tb.PrimaryKey == nil {
					t.Errorf("%s: no primary key", tb.Name)
				}
				var uniq, comp int
				for _, idx := range tb.Indexes {
					switch {
					case idx.Unique && len(idx.Parts) == 1:
						uniq++
					case !idx.Unique && len(idx.Parts) == 2:
						comp++
					}
				}
				if uniq != 1 || comp != 1 {
					t.Errorf("%s: %d unique and %d composite indexes, want 1 and 1", tb.Name, uniq, comp)
				}
				wantFKs := 1
				if tb.Name == "t0001" {
					wantFKs = 0
				}
				if len(tb.ForeignKeys) != wantFKs {
					t.Errorf("%s: %d foreign keys, want %d", tb.Name, len(tb.ForeignKeys), wantFKs)
				}
				for _, fk := range tb.ForeignKeys {
					if fk.RefTable.Name >= tb.Name {
						t.Errorf("%s: foreign key to %s, not an earlier table", tb.Name, fk.RefTable.Name)
					}
				}
			}
		})
	}
}

// TestMatchesGORM checks that the DDL is what GORM's AutoMigrate creates
// for the generated models: the compiled sample package is migrated by
// GORM into one database, the DDL applied to another, and atlas finds no
// difference between the two schemas.
func TestMatchesGORM(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			byGORM := testdb.New(t, d)
			if err := gormtest.AutoMigrate(byGORM.DB, d, sampleModels()...); err != nil {
				t.Fatalf("gorm: %v", err)
			}
			byDDL := testdb.New(t, d)
			apply(t, byDDL, d, sampleOpts)

			want, got := inspectDB(t, byGORM, d), inspectDB(t, byDDL, d)
			if len(want.Tables) != sampleOpts.Tables || len(got.Tables) != sampleOpts.Tables {
				t.Fatalf("%d tables from GORM, %d from the DDL, want %d", len(want.Tables), len(got.Tables), sampleOpts.Tables)
			}
			drv := gormtest.AtlasDriver(t, byDDL, d)
			// Names atlas's differ does not compare: indexes and foreign keys.
			if diff := cmp.Diff(names(want), names(got)); diff != "" {
				t.Errorf("index and foreign key names (-gorm +ddl):\n%s", diff)
			}
			want.Name = got.Name // two databases
			changes, err := drv.SchemaDiff(want, got)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range changes {
				t.Errorf("GORM and the DDL differ: %s", describe(c))
			}
		})
	}
}

func names(s *sqlschema.Schema) []string {
	var out []string
	for _, t := range s.Tables {
		for _, idx := range t.Indexes {
			var cols []string
			for _, p := range idx.Parts {
				if p.C != nil {
					cols = append(cols, p.C.Name)
				}
			}
			out = append(out, t.Name+" index "+idx.Name+"("+strings.Join(cols, ",")+")")
		}
		for _, fk := range t.ForeignKeys {
			out = append(out, t.Name+" fk "+fk.Symbol+" -> "+fk.RefTable.Name)
		}
	}
	return out
}

// describe names a change for a failure message.
func describe(c sqlschema.Change) string {
	m, ok := c.(*sqlschema.ModifyTable)
	if !ok {
		return fmt.Sprintf("%T", c)
	}
	var parts []string
	for _, tc := range m.Changes {
		if mc, ok := tc.(*sqlschema.ModifyColumn); ok {
			parts = append(parts, fmt.Sprintf("modify column %s (%s null=%v -> %s null=%v, change %v)",
				mc.From.Name, mc.From.Type.Raw, mc.From.Type.Null, mc.To.Type.Raw, mc.To.Type.Null, mc.Change))
			continue
		}
		parts = append(parts, fmt.Sprintf("%T", tc))
	}
	return "table " + m.T.Name + ": " + strings.Join(parts, ", ")
}

func apply(t *testing.T, db *testdb.DB, d dialect.Name, opts Options) {
	t.Helper()
	_, ddl := Generate(opts)
	for _, s := range ddl[d] {
		if _, err := db.ExecContext(context.Background(), s); err != nil {
			t.Fatalf("%v\n%s", err, s)
		}
	}
}

func inspectDB(t *testing.T, db *testdb.DB, d dialect.Name) *sqlschema.Schema {
	t.Helper()
	insp, err := inspect.New(db.DB, d)
	if err != nil {
		t.Fatal(err)
	}
	s, err := insp.InspectSchema(context.Background(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
