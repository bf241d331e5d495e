package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/benchgen"
	"github.com/retortdb/retort/internal/testdb"
)

// BenchmarkPlan runs in-process what `retort revision --autogenerate`
// runs, autogen.Plan, on the no-op case of the benchmark schema: the
// database already matches the models. It is there to be profiled:
//
//	go test -run '^$' -bench Plan/postgres -benchtime 1x -cpuprofile cpu.out ./internal/benchrun
//
// BENCH_PLAN_TABLES sets the number of tables (1,000 by default).
func BenchmarkPlan(b *testing.B) {
	n := 1000
	if v := os.Getenv("BENCH_PLAN_TABLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("BENCH_PLAN_TABLES: %v", err)
		}
	}
	for _, d := range testdb.Dialects() {
		b.Run(fmt.Sprintf("%s/%d", d, n), func(b *testing.B) {
			ctx := context.Background()
			db := testdb.New(b, d)
			models, ddl := benchgen.Generate(benchgen.Options{Tables: n, Seed: 1})
			if err := applyDDL(ctx, db.DB, d, ddl[d]); err != nil {
				b.Fatal(err)
			}
			dir, err := writeProject(b.TempDir(), db.URL, "off", models)
			if err != nil {
				b.Fatal(err)
			}
			opts := autogen.Options{
				Dir:      dir,
				Patterns: []string{"./models"},
				Diff:     diff.Options{Dialect: d, URL: db.URL, DB: db.DB, VersionTable: "retort_version"},
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				plan, err := autogen.Plan(ctx, db.DB, opts)
				if err != nil {
					b.Fatal(err)
				}
				if !plan.Empty() {
					b.Fatalf("the no-op case plans changes: %v", plan.Changes)
				}
			}
		})
	}
}

// TestWriteProject checks the project folder the benchmark runs retort in.
func TestWriteProject(t *testing.T) {
	db := testdb.New(t, dialect.SQLite)
	models, _ := benchgen.Generate(benchgen.Options{Tables: 3, Seed: 1})
	dir, err := writeProject(t.TempDir(), db.URL, "off", models)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"go.mod", "retort.toml", "models/models_0000.go", "migrations/versions"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Error(err)
		}
	}
}

// BenchmarkPlanPhases times the phases of autogen.Plan on their own, in
// wall time (a CPU profile misses the time spent waiting on the server):
// loading the models, inspecting the database, normalizing the models'
// schema in a scratch database, and diffing.
func BenchmarkPlanPhases(b *testing.B) {
	n := 1000
	if v := os.Getenv("BENCH_PLAN_TABLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("BENCH_PLAN_TABLES: %v", err)
		}
	}
	for _, d := range testdb.Dialects() {
		b.Run(fmt.Sprintf("%s/%d", d, n), func(b *testing.B) {
			ctx := context.Background()
			db := testdb.New(b, d)
			models, ddl := benchgen.Generate(benchgen.Options{Tables: n, Seed: 1})
			if err := applyDDL(ctx, db.DB, d, ddl[d]); err != nil {
				b.Fatal(err)
			}
			dir, err := writeProject(b.TempDir(), db.URL, "off", models)
			if err != nil {
				b.Fatal(err)
			}
			opts := autogen.Options{
				Dir:      dir,
				Patterns: []string{"./models"},
				Diff:     diff.Options{Dialect: d, URL: db.URL, DB: db.DB, VersionTable: "retort_version"},
			}
			var load, insp, norm, comp time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				desired, _, err := autogen.Models(ctx, opts)
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				current, _, err := diff.Inspect(ctx, db.DB, opts.Diff)
				if err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				desired, err = diff.Normalize(ctx, desired, opts.Diff)
				if err != nil {
					b.Fatal(err)
				}
				t3 := time.Now()
				plan, err := diff.Compute(ctx, current, desired, opts.Diff)
				if err != nil {
					b.Fatal(err)
				}
				t4 := time.Now()
				if !plan.Empty() {
					b.Fatalf("the no-op case plans changes: %v", plan.Changes)
				}
				load, insp, norm, comp = load+t1.Sub(t0), insp+t2.Sub(t1), norm+t3.Sub(t2), comp+t4.Sub(t3)
			}
			per := func(d time.Duration) float64 { return d.Seconds() / float64(b.N) }
			b.ReportMetric(per(load), "load-s/op")
			b.ReportMetric(per(insp), "inspect-s/op")
			b.ReportMetric(per(norm), "normalize-s/op")
			b.ReportMetric(per(comp), "diff-s/op")
		})
	}
}
