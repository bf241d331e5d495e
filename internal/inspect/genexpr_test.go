package inspect

import (
	"context"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// A generated column whose name holds regular-expression metacharacters
// is read like any other.
func TestSQLiteGeneratedColumnOddName(t *testing.T) {
	db := testdb.New(t, dialect.SQLite)
	if _, err := db.Exec(`CREATE TABLE t (a int, "total (a+1).x" int GENERATED ALWAYS AS (a + 1) STORED)`); err != nil {
		t.Fatal(err)
	}
	in, err := New(db.DB, dialect.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	s, err := in.InspectSchema(context.Background(), "main", nil)
	if err != nil {
		t.Fatal(err)
	}
	tb, ok := s.Table("t")
	if !ok {
		t.Fatal("table t not inspected")
	}
	c, ok := tb.Column("total (a+1).x")
	if !ok {
		t.Fatal("column not inspected")
	}
	var x *sqlschema.GeneratedExpr
	for _, a := range c.Attrs {
		if g, ok := a.(*sqlschema.GeneratedExpr); ok {
			x = g
		}
	}
	if x == nil || x.Expr != "(a + 1)" {
		t.Errorf("generated expression = %+v", x)
	}
}
