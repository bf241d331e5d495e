package models_test

import (
	"context"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	atlassqlite "ariga.io/atlas/sql/sqlite"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestSchemaDeterministic loads and renders models twice: the DDL must not
// change (no map order anywhere).
func TestSchemaDeterministic(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.SQLite)
	drv, err := atlassqlite.Open(db.DB)
	if err != nil {
		t.Fatal(err)
	}
	for _, pattern := range []string{"./models/testdata/models/relations", "./models/testdata/models/types", "./models/testdata/gorm/38_index_combos", "./models/testdata/gorm/14_checks"} {
		var ddl [2]string
		for i := range ddl {
			m, err := load(t, nil, pattern)
			if err != nil {
				t.Fatal(err)
			}
			s, err := m.Schema(dialect.SQLite, "")
			if err != nil {
				t.Fatal(err)
			}
			var changes []sqlschema.Change
			for _, tb := range s.Tables {
				changes = append(changes, &sqlschema.AddTable{T: tb})
			}
			plan, err := drv.PlanChanges(ctx, "ddl", changes)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range plan.Changes {
				ddl[i] += c.Cmd + ";\n"
			}
		}
		if ddl[0] != ddl[1] || ddl[0] == "" {
			t.Errorf("%s: two loads render differently:\n%s\n---\n%s", pattern, ddl[0], ddl[1])
		}
	}
}

func TestExplicitName(t *testing.T) {
	m, err := load(t, nil, "./models/testdata/models/relations")
	if err != nil {
		t.Fatal(err)
	}
	s, err := m.Schema(dialect.MySQL, "")
	if err != nil {
		t.Fatal(err)
	}
	explicit := func(attrs []sqlschema.Attr) bool {
		for _, a := range attrs {
			if e, ok := a.(interface{ ExplicitName() bool }); ok && e.ExplicitName() {
				return true
			}
		}
		return false
	}
	got := map[string]bool{}
	for _, tb := range s.Tables {
		for _, fk := range tb.ForeignKeys {
			got[fk.Symbol] = explicit(fk.Attrs)
		}
		for _, idx := range tb.Indexes {
			got[idx.Name] = explicit(idx.Attrs)
		}
	}
	for name, want := range map[string]bool{"fk_card": true, "fk_companies_staff": false, "idx_users_code": false, "fk_user_languages_user": false} {
		if v, ok := got[name]; !ok || v != want {
			t.Errorf("%s: explicit %v (present %v), want %v", name, v, ok, want)
		}
	}
}
