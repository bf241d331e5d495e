package diff

import (
	"strings"
	"testing"

	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/internal/dialect"
)

// TestPlanEscapesQuotes: a name holding the dialect's quote character is
// written with the quote doubled, and the schema keeps its names.
func TestPlanEscapesQuotes(t *testing.T) {
	for _, d := range dialect.All {
		q := quoteChar(d)
		name := "a" + q + " int); DROP TABLE canary; --"
		s := sqlschema.New("s").AddTables(
			sqlschema.NewTable("t"+q).AddColumns(
				sqlschema.NewIntColumn("id", "integer"),
				sqlschema.NewStringColumn(name, "varchar", sqlschema.StringSize(20)),
			),
		)
		stmts, err := CreateStatements(d, s)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(stmts, ";\n")
		for _, want := range []string{q + "t" + q + q + q, q + "a" + q + q + " int); DROP TABLE canary; --" + q} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: %s does not hold %s", d, got, want)
			}
		}
		if _, ok := s.Tables[0].Column(name); !ok || s.Tables[0].Name != "t"+q {
			t.Errorf("%s: the schema's names changed", d)
		}
	}
}

// TestFixSerials: a PostgreSQL column whose default takes the next value
// of its own sequence, quoted because of its name, is a serial again.
func TestFixSerials(t *testing.T) {
	c := sqlschema.NewIntColumn("id", "bigint")
	c.Default = &sqlschema.RawExpr{X: `nextval('"user counters; --_id_seq"'::regclass)`}
	other := sqlschema.NewIntColumn("n", "bigint")
	other.Default = &sqlschema.RawExpr{X: `nextval('"elsewhere"'::regclass)`}
	s := sqlschema.New("s").AddTables(sqlschema.NewTable("user counters; --").AddColumns(c, other))
	fixSerials(s)
	st, ok := c.Type.Type.(*postgres.SerialType)
	if !ok || st.T != "bigserial" || c.Default != nil || st.SequenceName != "user counters; --_id_seq" {
		t.Errorf("id: type %#v, default %v; want bigserial without a default", c.Type.Type, c.Default)
	}
	if _, ok := other.Type.Type.(*postgres.SerialType); ok || other.Default == nil {
		t.Errorf("n: a sequence that is not the column's own became a serial")
	}
}
