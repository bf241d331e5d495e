package models

import (
	"fmt"
	"sort"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	gormschema "gorm.io/gorm/schema"

	"github.com/retortdb/retort/models/testdata/models/indexes"
	"github.com/retortdb/retort/models/testdata/models/types"
)

// TestIndexes compares indexes, unique constraints and checks with GORM's
// own ParseIndexes, ParseUniqueConstraints and ParseCheckConstraints.
func TestIndexes(t *testing.T) {
	m := loadModels(t, "./models/testdata/models/indexes", "./models/testdata/models/types")
	for _, model := range []any{&indexes.Item{}, &types.Everything{}, &types.Edge{}} {
		gs, err := gormschema.Parse(model, &sync.Map{}, gormschema.NamingStrategy{})
		if err != nil {
			t.Fatal(err)
		}
		var want, got []string
		for _, idx := range gs.ParseIndexes() {
			s := fmt.Sprintf("index %s class=%s type=%s where=%s comment=%s option=%s:", idx.Name, idx.Class, idx.Type, idx.Where, idx.Comment, idx.Option)
			for _, f := range idx.Fields {
				s += fmt.Sprintf(" %s/%s/%s/%d/%d", f.DBName, f.Expression, f.Sort, f.Length, f.Priority)
			}
			want = append(want, s)
		}
		for name := range gs.ParseUniqueConstraints() {
			want = append(want, "unique "+name)
		}
		for name, c := range gs.ParseCheckConstraints() {
			want = append(want, fmt.Sprintf("check %s %s", name, c.Constraint))
		}
		rs := m.table(gs.Table)
		for _, idx := range rs.indexes {
			name := idx.Name
			if !idx.named {
				name = hashName(name, 64)
			}
			s := fmt.Sprintf("index %s class=%s type=%s where=%s comment=%s option=%s:", name, idx.Class, idx.Type, idx.Where, idx.Comment, idx.Option)
			for _, f := range idx.Fields {
				s += fmt.Sprintf(" %s/%s/%s/%d/%d", f.Field.DBName, f.Expression, f.Sort, f.Length, f.Priority)
			}
			got = append(got, s)
		}
		for _, f := range rs.uniques {
			got = append(got, "unique "+hashName(uniqueName(rs.Table, f.DBName), 64))
		}
		for _, c := range rs.checks {
			name := c.Name
			if !c.named {
				name = hashName(name, 64)
			}
			got = append(got, fmt.Sprintf("check %s %s", name, c.Expr))
		}
		sort.Strings(want)
		sort.Strings(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-gorm +retort):\n%s", gs.Table, diff)
		}
	}
}
