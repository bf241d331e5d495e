package inspect

import (
	"context"
	"fmt"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// BenchmarkInspect inspects the benchmark schema of issue 5 (benchgen) of
// 100 and 1,000 tables with retort's inspector and with atlas's own, on
// real databases. queries/op counts the queries of one inspection
// (opening the driver included). 1,000 tables are skipped under -short.
func BenchmarkInspect(b *testing.B) {
	for _, d := range []dialect.Name{dialect.Postgres, dialect.SQLite, dialect.MySQL} {
		b.Run(string(d), func(b *testing.B) {
			for _, n := range []int{100, 1000} {
				b.Run(fmt.Sprint(n), func(b *testing.B) {
					if n > 100 && testing.Short() {
						b.Skip("skipping 1,000 tables under -short")
					}
					db := testdb.New(b, d)
					createBench(b, db, d, n)
					impls := []struct {
						name string
						open func(sqlschema.ExecQuerier, dialect.Name) (sqlschema.Inspector, error)
					}{{"retort", New}, {"atlas", atlasInspector}}
					for _, impl := range impls {
						b.Run(impl.name, func(b *testing.B) {
							ctx := context.Background()
							c := &counter{ExecQuerier: db.DB}
							b.ReportAllocs()
							for i := 0; i < b.N; i++ {
								insp, err := impl.open(c, d)
								if err != nil {
									b.Fatal(err)
								}
								s, err := insp.InspectSchema(ctx, "", nil)
								if err != nil {
									b.Fatal(err)
								}
								if len(s.Tables) != n {
									b.Fatalf("%d tables, want %d", len(s.Tables), n)
								}
							}
							b.ReportMetric(float64(len(c.queries))/float64(b.N), "queries/op")
						})
					}
				})
			}
		})
	}
}
