package models_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/models"
)

func load(t *testing.T, tags []string, patterns ...string) (*models.Models, error) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return models.Load(context.Background(), models.LoadOptions{Dir: root, Patterns: patterns, Tags: tags})
}

func TestLoadModels(t *testing.T) {
	tests := []struct {
		tags    []string
		structs int
		tables  []string
	}{
		{nil, 8, []string{"articles", "folk", "gadgets", "locations", "notes", "papers", "plains", "widgets"}},
		{[]string{"extra"}, 9, []string{"articles", "extras", "folk", "gadgets", "locations", "notes", "papers", "plains", "widgets"}},
	}
	for _, tt := range tests {
		m, err := load(t, tt.tags, "./models/testdata/models/detect")
		if err != nil {
			t.Fatal(err)
		}
		if m.Structs() != tt.structs {
			t.Errorf("tags %v: %d model structs, want %d", tt.tags, m.Structs(), tt.structs)
		}
		if diff := cmp.Diff(tt.tables, m.Tables()); diff != "" {
			t.Errorf("tags %v: tables (-want +got):\n%s", tt.tags, diff)
		}
	}
}

func TestLoadAddsReferencedTables(t *testing.T) {
	m, err := load(t, nil, "./models/testdata/models/autoadd")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"customers", "orders"}, m.Tables()); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	if m.Structs() != 1 {
		t.Errorf("%d model structs, want 1", m.Structs())
	}
}

func TestSchemaAttrs(t *testing.T) {
	m, err := load(t, nil, "./models/testdata/models/detect")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dialect.All {
		s, err := m.Schema(d, "app")
		if err != nil {
			t.Fatal(err)
		}
		widgets, ok := s.Table("widgets")
		if !ok {
			t.Fatal("no table widgets")
		}
		type col struct {
			Name, Type  string
			Null        bool
			Pos         models.Pos
			RenamedFrom string
		}
		var got []col
		for _, c := range widgets.Columns {
			x := col{Name: c.Name, Type: c.Type.Raw, Null: c.Type.Null}
			for _, a := range c.Attrs {
				switch a := a.(type) {
				case *models.Pos:
					x.Pos = *a
				case *models.RenamedFrom:
					x.RenamedFrom = a.Name
				}
			}
			got = append(got, x)
		}
		file := "models/testdata/models/detect/models.go"
		str := map[dialect.Name]string{dialect.MySQL: "varchar(191)", dialect.Postgres: "text", dialect.SQLite: "text"}[d]
		want := []col{
			{"id", map[dialect.Name]string{dialect.MySQL: "bigint unsigned", dialect.Postgres: "bigserial", dialect.SQLite: "integer"}[d], d == dialect.SQLite, models.Pos{Filename: file, Line: 49, Col: 2}, ""},
			{"creator", map[dialect.Name]string{dialect.MySQL: "varchar(50)", dialect.Postgres: "varchar(50)", dialect.SQLite: "text"}[d], true, models.Pos{Filename: file, Line: 50, Col: 2}, ""},
			{"name", map[dialect.Name]string{dialect.MySQL: "varchar(40)", dialect.Postgres: "varchar(40)", dialect.SQLite: "text"}[d], true, models.Pos{Filename: file, Line: 55, Col: 2}, "title"},
			{"reference", strings.Replace(str, "varchar(191)", "longtext", 1), false, models.Pos{Filename: file, Line: 56, Col: 2}, ""},
			{"slug_text", map[dialect.Name]string{dialect.MySQL: "varchar(20)", dialect.Postgres: "varchar(20)", dialect.SQLite: "text"}[d], true, models.Pos{Filename: file, Line: 57, Col: 2}, ""},
		}
		if diff := cmp.Diff(want, got, cmpopts.IgnoreInterfaces(struct{ sqlschema.Attr }{})); diff != "" {
			t.Errorf("%s: widgets columns (-want +got):\n%s", d, diff)
		}
		papers, _ := s.Table("papers")
		body, _ := papers.Column("body")
		if want := map[dialect.Name]string{dialect.MySQL: "json", dialect.Postgres: "jsonb", dialect.SQLite: "json"}[d]; body.Type.Raw != want {
			t.Errorf("%s: papers.body %q, want %q", d, body.Type.Raw, want)
		}
		gadgets, _ := s.Table("gadgets")
		var renamed string
		for _, a := range gadgets.Attrs {
			if r, ok := a.(*models.RenamedFrom); ok {
				renamed = r.Name
			}
		}
		if renamed != "things" {
			t.Errorf("%s: gadgets renamed from %q, want things", d, renamed)
		}
		shape, _ := gadgets.Column("shape")
		price, _ := gadgets.Column("price")
		wantShape := map[dialect.Name]string{dialect.MySQL: "geometry", dialect.Postgres: "bytea", dialect.SQLite: "blob"}[d]
		wantPrice := map[dialect.Name]string{dialect.MySQL: "bigint", dialect.Postgres: "bigint", dialect.SQLite: "integer"}[d]
		// Money.Value returns an int64 for the zero value, so GORM types
		// the column by it and never looks at Money's own tags.
		if shape.Type.Raw != wantShape || price.Type.Raw != wantPrice || !price.Type.Null {
			t.Errorf("%s: gadgets shape %q price %q null=%v, want %q and %q NULL", d, shape.Type.Raw, price.Type.Raw, price.Type.Null, wantShape, wantPrice)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	const dir = "models/testdata/errors/tags/models.go"
	want := []string{
		dir + `:8:2: User.Name: size: "abc" is not a number`,
		dir + `:9:2: User.Score: precision: "x" is not a number`,
		dir + `:10:2: User.Age: default: "abc" is not a valid integer`,
		dir + `:11:2: User.Email: index idx_email: priority "x" is not a number`,
		dir + `:12:2: User.Data: cannot map Go type map[string]string to a column: give it a type: tag or a serializer, or skip it with gorm:"-"`,
		dir + `:13:2: User.Kind: unknown serializer "yaml" (retort knows json, gob and unixtime)`,
		dir + `:14:2: User.Posts: cannot resolve the relation to Post: define a valid foreign key (foreignKey:, references:) or make the type a driver.Valuer`,
		dir + `:15:2: User.Slug: index idx_slug: sort "up" is neither asc nor desc`,
		dir + `:29:1: Named: TableName must return a string literal for retort to read it: put //retort:table <name> above the struct to give its table`,
		dir + `:34:2: Pair.B: index idx_pair: where "b > 0" disagrees with "a > 0" given on another field`,
	}
	_, err := load(t, nil, "./models/testdata/errors/tags")
	var le *models.LoadError
	if !errors.As(err, &le) {
		t.Fatalf("got %v, want a *models.LoadError", err)
	}
	if diff := cmp.Diff(strings.Join(want, "\n"), err.Error()); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if len(le.Errs) != len(want) {
		t.Errorf("%d errors, want %d", len(le.Errs), len(want))
	}
}

func TestLoadTypeErrors(t *testing.T) {
	_, err := load(t, nil, "./models/testdata/errors/typeerr")
	want := "models/testdata/errors/typeerr/models.go:11:2: Bad.Ref: its type does not compile: undefined: Missing"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	// Without the broken model, the type error elsewhere is a warning.
	m, err := load(t, nil, "./models/testdata/errors/typewarn")
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	for _, w := range m.Warnings() {
		warnings = append(warnings, w.Error())
	}
	wantW := []string{`models/testdata/errors/typewarn/models.go:9:28: cannot use "not an int" (untyped string constant) as int value in return statement`}
	if diff := cmp.Diff(wantW, warnings); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"goods"}, m.Tables()); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
}

func TestLoadSyntaxError(t *testing.T) {
	_, err := load(t, nil, "./models/testdata/errors/syntax")
	want := "models/testdata/errors/syntax/models.go:5:10: expected ';', found Name\n" +
		"models/testdata/errors/syntax/models.go:6:3: expected ';', found 'EOF'\n" +
		"models/testdata/errors/syntax/models.go:6:3: expected '}', found 'EOF'"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestPosOfGormModelColumns(t *testing.T) {
	m, err := load(t, nil, "./models/testdata/models/detect")
	if err != nil {
		t.Fatal(err)
	}
	s, err := m.Schema(dialect.Postgres, "")
	if err != nil {
		t.Fatal(err)
	}
	articles, _ := s.Table("articles")
	for _, c := range articles.Columns {
		var p *models.Pos
		for _, a := range c.Attrs {
			if x, ok := a.(*models.Pos); ok {
				p = x
			}
		}
		if p == nil || p.Filename != "models/testdata/models/detect/models.go" {
			t.Errorf("column %s: pos %v, want a position in the model's file", c.Name, p)
		}
	}
}

func TestLoadPackageErrors(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{"./models/testdata/nonexistent", "schema: stat models/testdata/nonexistent: directory not found"},
		{"./models/testdata/errors", "schema: no Go files in models/testdata/errors"},
	}
	for _, tt := range tests {
		_, err := load(t, nil, tt.pattern)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %s", tt.pattern, err, tt.want)
		}
	}
}

func TestLoadNaming(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	m, err := models.Load(context.Background(), models.LoadOptions{
		Dir: root, Patterns: []string{"./models/testdata/models/autoadd"},
		Naming: models.Naming{TablePrefix: "shop_", SingularTable: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"shop_customer", "shop_order"}, m.Tables()); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	s, err := m.Schema(dialect.MySQL, "")
	if err != nil {
		t.Fatal(err)
	}
	order, _ := s.Table("shop_order")
	if len(order.ForeignKeys) != 1 || order.ForeignKeys[0].Symbol != "fk_shop_order_customer" {
		t.Errorf("foreign keys of shop_order: %v", order.ForeignKeys)
	}
}

// TestLoadBadType: a type: tag atlas's parser panics on ("bit a" on
// PostgreSQL) is an error at the field, not a crash.
func TestLoadBadType(t *testing.T) {
	m, err := load(t, nil, "./models/testdata/errors/badtype")
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.Schema(dialect.Postgres, "public")
	want := `models/testdata/errors/badtype/models.go:7:2: Flags.Bits: type "bit a": cannot parse type "bit a"`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
