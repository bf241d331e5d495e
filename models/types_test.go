package models

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	gormmysql "gorm.io/driver/mysql"
	gormpg "gorm.io/driver/postgres"
	gormsqlite "gorm.io/driver/sqlite"
	"gorm.io/gorm"
	gormschema "gorm.io/gorm/schema"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/models/testdata/models/types"
)

func loadModels(t testing.TB, patterns ...string) *Models {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(context.Background(), LoadOptions{Dir: root, Patterns: patterns})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (m *Models) table(name string) *gschema {
	for _, s := range m.tables {
		if s.Table == name {
			return s
		}
	}
	return nil
}

// TestDataTypes compares every column's type on every dialect with what
// GORM's own schema parser and drivers give the same structs.
func TestDataTypes(t *testing.T) {
	m := loadModels(t, "./models/testdata/models/types")
	three := 3
	dialectors := map[dialect.Name]gorm.Dialector{
		dialect.MySQL:    gormmysql.Dialector{Config: &gormmysql.Config{DefaultDatetimePrecision: &three}},
		dialect.Postgres: gormpg.Dialector{Config: &gormpg.Config{}},
		dialect.SQLite:   gormsqlite.Dialector{},
	}
	for _, model := range []any{&types.Everything{}, &types.StringKey{}, &types.SmallKey{}, &types.NoAuto{}, &types.Composite{}, &types.Edge{}} {
		gs, err := gormschema.Parse(model, &sync.Map{}, gormschema.NamingStrategy{})
		if err != nil {
			t.Fatal(err)
		}
		rs := m.table(gs.Table)
		if rs == nil {
			t.Fatalf("retort has no table %s", gs.Table)
		}
		var want, got []string
		for _, n := range gs.DBNames {
			if !gs.FieldsByDBName[n].IgnoreMigration {
				want = append(want, n)
			}
		}
		for _, n := range rs.DBNames {
			if !rs.FieldsByDBName[n].IgnoreMigration {
				got = append(got, n)
			}
		}
		if len(want) != len(got) {
			t.Errorf("%s: columns: GORM %v, retort %v", gs.Table, want, got)
			continue
		}
		t.Logf("%s: %d columns", gs.Table, len(want))
		for i, name := range want {
			if got[i] != name {
				t.Errorf("%s: column %d: GORM %s, retort %s", gs.Table, i, name, got[i])
				continue
			}
			gf, rf := gs.FieldsByDBName[name], rs.FieldsByDBName[name]
			for _, d := range dialect.All {
				// DataTypeOf may change the field (MySQL sets a time
				// precision), so each dialect gets a fresh parse.
				fresh, _ := gormschema.Parse(model, &sync.Map{}, gormschema.NamingStrategy{})
				gt := dialectors[d].DataTypeOf(fresh.FieldsByDBName[name])
				if d == dialect.MySQL && gf.DataType == gormschema.Time && !gf.NotNull && !gf.PrimaryKey {
					gt = gt[:len(gt)-len(" NULL")] // retort carries nullability on the column
				}
				if rt := dataTypeOf(d, rf, Settings{}); rt != gt {
					t.Errorf("%s.%s on %s: retort %q, GORM %q", gs.Table, name, d, rt, gt)
				}
			}
			// The MySQL driver's options that change types.
			for _, v := range mysqlVariants() {
				fresh, _ := gormschema.Parse(model, &sync.Map{}, gormschema.NamingStrategy{})
				gt := gormmysql.Dialector{Config: &v.cfg}.DataTypeOf(fresh.FieldsByDBName[name])
				gt = strings.TrimSuffix(gt, " NULL")
				if rt := dataTypeOf(dialect.MySQL, rf, v.set); rt != gt {
					t.Errorf("%s.%s on mysql with %s: retort %q, GORM %q", gs.Table, name, v.name, rt, gt)
				}
				for _, d := range []dialect.Name{dialect.Postgres, dialect.SQLite} {
					if rt, want := dataTypeOf(d, rf, v.set), dataTypeOf(d, rf, Settings{}); rt != want {
						t.Errorf("%s.%s on %s: %s changed the type from %q to %q", gs.Table, name, d, v.name, want, rt)
					}
				}
			}
			if g, r := gormDefault(gf), retortDefault(rf); g != r {
				t.Errorf("%s.%s: default: GORM %s, retort %s", gs.Table, name, g, r)
			}
			if gf.NotNull != rf.NotNull || gf.PrimaryKey != rf.PrimaryKey || gf.AutoIncrement != rf.AutoIncrement {
				t.Errorf("%s.%s: not null/pk/autoincrement: GORM %v/%v/%v, retort %v/%v/%v", gs.Table, name,
					gf.NotNull, gf.PrimaryKey, gf.AutoIncrement, rf.NotNull, rf.PrimaryKey, rf.AutoIncrement)
			}
		}
	}
}

type mysqlVariant struct {
	name string
	set  Settings
	cfg  gormmysql.Config
}

// mysqlVariants pairs retort's Settings with the MySQL driver's Config
// options they stand for.
func mysqlVariants() []mysqlVariant {
	zero, three, six := 0, 3, 6
	return []mysqlVariant{
		{"default_string_size 191", Settings{DefaultStringSize: 191}, gormmysql.Config{DefaultStringSize: 191, DefaultDatetimePrecision: &three}},
		{"default_string_size 70000", Settings{DefaultStringSize: 70000}, gormmysql.Config{DefaultStringSize: 70000, DefaultDatetimePrecision: &three}},
		{"datetime_precision 0", Settings{DatetimePrecision: &zero}, gormmysql.Config{DefaultDatetimePrecision: &zero}},
		{"datetime_precision 6", Settings{DatetimePrecision: &six}, gormmysql.Config{DefaultDatetimePrecision: &six}},
		{"disable_datetime_precision", Settings{DisableDatetimePrecision: true, DatetimePrecision: &six},
			gormmysql.Config{DisableDatetimePrecision: true, DefaultDatetimePrecision: &six}},
	}
}

func gormDefault(f *gormschema.Field) string {
	switch {
	case !f.HasDefaultValue:
		return "none"
	case f.DefaultValueInterface != nil:
		return fmt.Sprintf("literal %v", f.DefaultValueInterface)
	case f.DefaultValue != "" && f.DefaultValue != "(-)":
		return "raw " + f.DefaultValue
	}
	return "none"
}

func retortDefault(f *gfield) string {
	switch {
	case !f.HasDefault:
		return "none"
	case f.defaultKind != "":
		return "literal " + f.DefaultValue
	case f.DefaultValue != "" && f.DefaultValue != "(-)":
		return "raw " + f.DefaultValue
	}
	return "none"
}

func TestMySQLRawDefault(t *testing.T) {
	tests := []struct {
		x    string
		t    sqlschema.Type
		want string
	}{
		{"uuid()", &sqlschema.StringType{T: "varchar", Size: 36}, "(uuid())"},
		{"(uuid())", &sqlschema.StringType{T: "varchar", Size: 36}, "(uuid())"},
		{"current_timestamp(3)", &sqlschema.TimeType{T: "datetime"}, "current_timestamp(3)"},
		{"CURRENT_TIMESTAMP", &sqlschema.TimeType{T: "datetime"}, "CURRENT_TIMESTAMP"},
		{"curdate()", &sqlschema.TimeType{T: "date"}, "(curdate())"},
		{"floor(rand()*10)", &sqlschema.IntegerType{T: "bigint"}, "floor(rand()*10)"},
	}
	for _, tt := range tests {
		got := mysqlRawDefault(&sqlschema.RawExpr{X: tt.x}, tt.t).(*sqlschema.RawExpr).X
		if got != tt.want {
			t.Errorf("mysqlRawDefault(%q) = %q, want %q", tt.x, got, tt.want)
		}
	}
}

func TestTypeClauses(t *testing.T) {
	tests := []struct {
		in, typ, gen, kind, collate, charset string
	}{
		{"int GENERATED ALWAYS AS (a + b) STORED", "int", "a + b", "STORED", "", ""},
		{"varchar(10) AS (concat(a, b))", "varchar(10)", "concat(a, b)", "VIRTUAL", "", ""},
		{"varchar(32) COLLATE utf8mb4_bin", "varchar(32)", "", "", "utf8mb4_bin", ""},
		{"varchar(32) CHARACTER SET latin1 COLLATE latin1_bin", "varchar(32)", "", "", "latin1_bin", "latin1"},
		{`text COLLATE "C"`, "text", "", "", "C", ""},
		{"enum('as','b')", "enum('as','b')", "", "", "", ""},
		{"varchar(10) COLLATE utf8mb4_bin NOT NULL", "varchar(10) NOT NULL", "", "", "utf8mb4_bin", ""},
	}
	for _, tt := range tests {
		c := sqlschema.NewColumn("c")
		typ := typeClauses(c, generatedClause(c, tt.in))
		var gen, kind, collate, charset string
		if x := (&sqlschema.GeneratedExpr{}); c.Attrs != nil {
			for _, a := range c.Attrs {
				switch a := a.(type) {
				case *sqlschema.GeneratedExpr:
					x = a
					gen, kind = x.Expr, x.Type
				case *sqlschema.Collation:
					collate = a.V
				case *sqlschema.Charset:
					charset = a.V
				}
			}
		}
		if typ != tt.typ || gen != tt.gen || kind != tt.kind || collate != tt.collate || charset != tt.charset {
			t.Errorf("%q: got %q gen %q %q collate %q charset %q", tt.in, typ, gen, kind, collate, charset)
		}
	}
}

func TestNullClause(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		notNull  bool
	}{
		{"int unsigned NOT NULL", "int unsigned", true},
		{"datetime(3) NULL", "datetime(3)", false},
		{"text", "text", false},
		{"enum('null','x') not null", "enum('null','x')", true},
	} {
		got, nn := nullClause(tt.in)
		if got != tt.want || nn != tt.notNull {
			t.Errorf("nullClause(%q) = %q, %v; want %q, %v", tt.in, got, nn, tt.want, tt.notNull)
		}
	}
}
