package models

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	gormschema "gorm.io/gorm/schema"

	"github.com/retortdb/retort/models/testdata/models/relations"
)

// gormTables parses models with GORM and returns, per table, the foreign
// keys GORM's CreateTable would write and the columns of join tables.
func gormTables(t *testing.T, models ...any) map[string][]string {
	t.Helper()
	cache := &sync.Map{}
	var schemas []*gormschema.Schema
	for _, m := range models {
		s, err := gormschema.Parse(m, cache, gormschema.NamingStrategy{})
		if err != nil {
			t.Fatal(err)
		}
		schemas = append(schemas, s)
	}
	out := map[string][]string{}
	seen := map[*gormschema.Schema]bool{}
	var add func(s *gormschema.Schema)
	add = func(s *gormschema.Schema) {
		if seen[s] {
			return
		}
		seen[s] = true
		out[s.Table] = nil // a join table declared twice: the last wins, as in AutoMigrate
		for _, rel := range s.Relationships.Relations {
			if c := rel.ParseConstraint(); c != nil && c.Schema == s {
				var cols, refs []string
				for _, f := range c.ForeignKeys {
					cols = append(cols, f.DBName)
				}
				for _, f := range c.References {
					refs = append(refs, f.DBName)
				}
				out[s.Table] = append(out[s.Table], fmt.Sprintf("fk %s (%s) -> %s(%s) update=%s delete=%s",
					c.Name, strings.Join(cols, ","), c.ReferenceSchema.Table, strings.Join(refs, ","), c.OnUpdate, c.OnDelete))
			}
			if rel.JoinTable != nil {
				add(rel.JoinTable)
			}
		}
		for _, n := range s.DBNames {
			f := s.FieldsByDBName[n]
			out[s.Table] = append(out[s.Table], fmt.Sprintf("col %s %s/%d pk=%v", n, f.DataType, f.Size, f.PrimaryKey))
		}
	}
	for _, s := range schemas {
		add(s)
	}
	for k := range out {
		sort.Strings(out[k])
	}
	return out
}

func retortTables(m *Models) map[string][]string {
	out := map[string][]string{}
	for _, s := range m.tables {
		for _, c := range s.fks {
			var cols, refs []string
			for _, f := range c.ForeignKeys {
				cols = append(cols, f.DBName)
			}
			for _, f := range c.References {
				refs = append(refs, f.DBName)
			}
			out[s.Table] = append(out[s.Table], fmt.Sprintf("fk %s (%s) -> %s(%s) update=%s delete=%s",
				c.Name, strings.Join(cols, ","), c.RefSchema.Table, strings.Join(refs, ","), c.OnUpdate, c.OnDelete))
		}
		for _, n := range s.DBNames {
			f := s.FieldsByDBName[n]
			out[s.Table] = append(out[s.Table], fmt.Sprintf("col %s %s/%d pk=%v", n, f.DataType, f.Size, f.PrimaryKey))
		}
		sort.Strings(out[s.Table])
	}
	return out
}

// TestRelations compares foreign keys, join tables and the types foreign
// key columns take from their references with GORM's own parser.
func TestRelations(t *testing.T) {
	m := loadModels(t, "./models/testdata/models/relations")
	want := gormTables(t, &relations.Company{}, &relations.User{}, &relations.CreditCard{}, &relations.Profile{},
		&relations.Address{}, &relations.Language{}, &relations.Toy{}, &relations.Tag{}, &relations.Post{},
		&relations.Author{}, &relations.Editor{})
	if diff := cmp.Diff(want, retortTables(m)); diff != "" {
		t.Errorf("relations differ from GORM's (-gorm +retort):\n%s", diff)
	}
}
