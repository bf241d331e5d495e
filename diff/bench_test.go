package diff

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/benchgen"
	"github.com/retortdb/retort/internal/testdb"
)

// BenchmarkNoOp measures a no-op run on n tables: inspect, normalize and
// compute, as `retort check` does when nothing changed.
func BenchmarkNoOp(b *testing.B) {
	for _, d := range testdb.Dialects() {
		b.Run(string(d), func(b *testing.B) {
			ctx := context.Background()
			db := testdb.New(b, d)
			var ddl strings.Builder
			for i := 0; i < 100; i++ {
				fmt.Fprintf(&ddl, "CREATE TABLE t%d (id integer NOT NULL PRIMARY KEY, name varchar(50) NOT NULL, n integer NULL);\nCREATE INDEX idx_t%d_name ON t%d (name);\n", i, i, i)
			}
			for _, stmt := range splitScript(ddl.String()) {
				if _, err := db.Exec(stmt); err != nil {
					b.Fatal(err)
				}
			}
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			models, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				current, _, err := Inspect(ctx, db.DB, opts)
				if err != nil {
					b.Fatal(err)
				}
				desired, err := Normalize(ctx, models, opts)
				if err != nil {
					b.Fatal(err)
				}
				plan, err := Compute(ctx, current, desired, opts)
				if err != nil {
					b.Fatal(err)
				}
				if !plan.Empty() {
					b.Fatalf("not a no-op: %v", plan.Upgrade)
				}
			}
		})
	}
}

// BenchmarkNoOpBenchgen is a no-op run (inspect, normalize, compute) on
// the issue-5 schema of internal/benchgen, 1,000 tables, with the cache of
// normalized tables warm ("warm"), empty ("cold": normalize only) and
// without it ("nocache"). It reports
// the tables created in scratch databases per run.
func BenchmarkNoOpBenchgen(b *testing.B) {
	_, ddl := benchgen.Generate(benchgen.Options{Tables: 1000, Seed: 1})
	for _, d := range testdb.Dialects() {
		b.Run(string(d), func(b *testing.B) {
			ctx := context.Background()
			db := testdb.New(b, d)
			for _, stmt := range ddl[d] {
				if _, err := db.Exec(stmt); err != nil {
					b.Fatal(err)
				}
			}
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			models, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				b.Fatal(err)
			}
			run := func(b *testing.B, o Options) {
				o.stats = &normStats{}
				for i := 0; i < b.N; i++ {
					current, _, err := Inspect(ctx, db.DB, o)
					if err != nil {
						b.Fatal(err)
					}
					desired, err := Normalize(ctx, models, o)
					if err != nil {
						b.Fatal(err)
					}
					plan, err := Compute(ctx, current, desired, o)
					if err != nil {
						b.Fatal(err)
					}
					if !plan.Empty() {
						b.Fatalf("not a no-op: %v", plan.Upgrade)
					}
				}
				b.ReportMetric(float64(o.stats.scratchTables.Load())/float64(b.N), "scratch-tables/op")
			}
			cached := opts
			cached.CacheDir = b.TempDir()
			if _, err := Normalize(ctx, models, cached); err != nil { // warm it
				b.Fatal(err)
			}
			b.Run("warm", func(b *testing.B) { run(b, cached) })
			// An empty cache folder each time: CI's first run.
			b.Run("cold", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					cold := opts
					cold.CacheDir = b.TempDir()
					b.StartTimer()
					if _, err := Normalize(ctx, models, cold); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("nocache", func(b *testing.B) { run(b, opts) })
		})
	}
}
