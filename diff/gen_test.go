package diff

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// The random schema-pair generator: small tables with columns, indexes
// and foreign keys, and a second schema made from the first by random
// changes. Every pair must pass the round-trip property (roundTrip) with
// rows in every table. RETORT_DIFF_PAIRS sets the number of pairs per
// dialect (CI: 200); the default keeps the package's run short.

type gCol struct {
	name string
	kind string // "int", "bigint", "v50", "v100", "text", "dec10", "dec12", "ref"
	null bool
	def  bool // NOT NULL columns always have a default
}

type gIndex struct {
	name   string
	cols   []string
	unique bool
}

type gFK struct {
	name, col, ref string
	cascade        bool
}

type gTable struct {
	name    string
	cols    []*gCol
	indexes []*gIndex
	fks     []*gFK
}

type gSchema struct{ tables []*gTable }

func (s *gSchema) table(name string) *gTable {
	for _, t := range s.tables {
		if t.name == name {
			return t
		}
	}
	return nil
}

func (s *gSchema) copy() *gSchema {
	c := &gSchema{}
	for _, t := range s.tables {
		ct := &gTable{name: t.name}
		for _, col := range t.cols {
			cc := *col
			ct.cols = append(ct.cols, &cc)
		}
		for _, i := range t.indexes {
			ci := *i
			ci.cols = append([]string(nil), i.cols...)
			ct.indexes = append(ct.indexes, &ci)
		}
		for _, f := range t.fks {
			cf := *f
			ct.fks = append(ct.fks, &cf)
		}
		c.tables = append(c.tables, ct)
	}
	return c
}

func (t *gTable) col(name string) *gCol {
	for _, c := range t.cols {
		if c.name == name {
			return c
		}
	}
	return nil
}

var kinds = []string{"int", "bigint", "v50", "v100", "text", "dec10", "dec12"}

func newCol(r *rand.Rand, name string) *gCol {
	c := &gCol{name: name, kind: kinds[r.Intn(len(kinds))], null: r.Intn(2) == 0}
	c.def = !c.null || r.Intn(3) == 0
	return c
}

// genPair returns a random schema and a random change of it.
func genPair(r *rand.Rand) (from, to *gSchema, renames []Rename, lossy bool) {
	from = &gSchema{}
	n := 1 + r.Intn(3)
	for i := 0; i < n; i++ {
		t := &gTable{name: fmt.Sprintf("t%d", i)}
		for j := 0; j < 1+r.Intn(4); j++ {
			t.cols = append(t.cols, newCol(r, fmt.Sprintf("c%d", j)))
		}
		if i > 0 && r.Intn(2) == 0 {
			ref := fmt.Sprintf("t%d", r.Intn(i))
			t.cols = append(t.cols, &gCol{name: "ref_" + ref, kind: "ref", null: true})
			t.fks = append(t.fks, &gFK{name: "fk_" + t.name + "_" + ref, col: "ref_" + ref, ref: ref, cascade: r.Intn(2) == 0})
		}
		if r.Intn(2) == 0 {
			addIndex(r, t, true)
		}
		from.tables = append(from.tables, t)
	}
	to = from.copy()
	next := n
	renamed := map[string]bool{}
	for k := 0; k < 1+r.Intn(4); k++ {
		t := to.tables[r.Intn(len(to.tables))]
		switch r.Intn(12) {
		case 0: // add column
			c := newCol(r, fmt.Sprintf("n%d", k))
			t.cols = append(t.cols, c)
		case 1: // drop column
			// Not one in a unique index: its downgrade would refill it
			// with one default value.
			if c := pickCol(r, t); c != nil && len(t.cols) > 1 && !inUnique(t, c.name) {
				dropCol(t, c.name)
			}
		case 2: // change type, along compatible lines
			if c := pickCol(r, t); c != nil {
				c.kind = map[string]string{"int": "bigint", "bigint": "int", "v50": "v100", "v100": "text", "text": "v50", "dec10": "dec12", "dec12": "dec10"}[c.kind]
			}
		case 3: // nullability
			if c := pickCol(r, t); c != nil {
				c.null = !c.null
				c.def = c.def || !c.null
			}
		case 4: // default
			if c := pickCol(r, t); c != nil && c.null {
				c.def = !c.def
			}
		case 5: // add index
			addIndex(r, t, false)
		case 6: // drop index
			if len(t.indexes) > 0 {
				t.indexes = t.indexes[1:]
			}
		case 7: // add table, maybe referring to an existing one
			nt := &gTable{name: fmt.Sprintf("t%d", next)}
			next++
			nt.cols = append(nt.cols, newCol(r, "c0"))
			if r.Intn(2) == 0 {
				ref := to.tables[r.Intn(len(to.tables))].name
				nt.cols = append(nt.cols, &gCol{name: "ref_" + ref, kind: "ref", null: true})
				nt.fks = append(nt.fks, &gFK{name: "fk_" + nt.name + "_" + ref, col: "ref_" + ref, ref: ref})
			}
			to.tables = append(to.tables, nt)
		case 8: // drop a table (and the keys pointing at it)
			// Not a table rows refer to: its downgrade could not give
			// them their parent rows back.
			if len(to.tables) > 1 && !referenced(from, t.name) && !renamed[t.name] {
				dropTable(to, t.name)
				var keep []Rename
				for _, rn := range renames {
					if rn.Table != t.name {
						keep = append(keep, rn)
					}
				}
				renames = keep
				lossy = true
			}
		case 9: // add or drop a foreign key, or change its action
			if len(t.fks) > 0 {
				if r.Intn(2) == 0 {
					t.fks[0].cascade = !t.fks[0].cascade
				} else {
					t.fks = t.fks[1:]
				}
			} else if other := to.tables[r.Intn(len(to.tables))]; other != t && from.table(other.name) != nil && from.table(t.name) != nil {
				name := "ref_" + other.name
				if t.col(name) == nil {
					t.cols = append(t.cols, &gCol{name: name, kind: "ref", null: true})
				}
				t.fks = append(t.fks, &gFK{name: "fk_" + t.name + "_" + other.name, col: name, ref: other.name})
			}
		case 10: // rename a column, with the hint
			if c := pickCol(r, t); c != nil && from.table(t.name) != nil && !renamed[t.name+"."+c.name] && strings.HasPrefix(c.name, "c") {
				old := c.name
				c.name = "r" + old
				renamed[t.name+"."+c.name] = true
				for _, i := range t.indexes {
					for j := range i.cols {
						if i.cols[j] == old {
							i.cols[j] = c.name
						}
					}
				}
				renames = append(renames, Rename{Table: t.name, From: old, To: c.name})
			}
		case 11: // rename a table, with the hint
			if from.table(t.name) != nil && !renamed[t.name] && !strings.HasPrefix(t.name, "r") {
				old := t.name
				t.name = "r" + old
				renamed[t.name] = true
				for _, o := range to.tables {
					for _, f := range o.fks {
						if f.ref == old {
							f.ref = t.name
						}
					}
				}
				for i, rn := range renames {
					if rn.Table == old {
						renames[i].Table = t.name
					}
				}
				renames = append(renames, Rename{From: old, To: t.name})
			}
		}
	}
	return from, to, renames, lossy
}

func pickCol(r *rand.Rand, t *gTable) *gCol {
	var cs []*gCol
	for _, c := range t.cols {
		if c.kind != "ref" {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return nil
	}
	return cs[r.Intn(len(cs))]
}

func addIndex(r *rand.Rand, t *gTable, unique bool) {
	var cs []string
	for _, c := range t.cols {
		if c.kind != "text" && c.kind != "ref" {
			cs = append(cs, c.name)
		}
	}
	if len(cs) == 0 {
		return
	}
	name := fmt.Sprintf("idx_%s_%d", t.name, len(t.indexes)+r.Intn(1000))
	cols := []string{cs[r.Intn(len(cs))]}
	if len(cs) > 1 && r.Intn(2) == 0 {
		if c := cs[r.Intn(len(cs))]; c != cols[0] {
			cols = append(cols, c)
		}
	}
	t.indexes = append(t.indexes, &gIndex{name: name, cols: cols, unique: unique})
}

func dropCol(t *gTable, name string) {
	var cols []*gCol
	for _, c := range t.cols {
		if c.name != name {
			cols = append(cols, c)
		}
	}
	t.cols = cols
	var idx []*gIndex
	for _, i := range t.indexes {
		keep := true
		for _, c := range i.cols {
			keep = keep && c != name
		}
		if keep {
			idx = append(idx, i)
		}
	}
	t.indexes = idx
}

func dropTable(s *gSchema, name string) {
	var ts []*gTable
	for _, t := range s.tables {
		if t.name == name {
			continue
		}
		var fks []*gFK
		for _, f := range t.fks {
			if f.ref != name {
				fks = append(fks, f)
			}
		}
		t.fks = fks
		ts = append(ts, t)
	}
	s.tables = ts
}

func sqlType(d dialect.Name, kind string) string {
	switch kind {
	case "int", "ref":
		return "integer"
	case "bigint":
		return "bigint"
	case "v50":
		return "varchar(50)"
	case "v100":
		return "varchar(100)"
	case "text":
		return "text"
	case "dec10":
		return "decimal(10,2)"
	case "dec12":
		return "decimal(12,2)"
	}
	panic(kind)
}

func defValue(kind string) string {
	switch kind {
	case "v50", "v100":
		return "'d'"
	case "text":
		return "'d'"
	case "dec10", "dec12":
		return "1.50"
	}
	return "7"
}

// ddl writes the schema; MySQL's text columns take no literal default.
func (s *gSchema) ddl(d dialect.Name) string {
	var b strings.Builder
	for _, t := range s.tables {
		fmt.Fprintf(&b, "CREATE TABLE %s (\n  id integer NOT NULL PRIMARY KEY", t.name)
		for _, c := range t.cols {
			fmt.Fprintf(&b, ",\n  %s %s", c.name, sqlType(d, c.kind))
			if !c.null {
				b.WriteString(" NOT NULL")
			} else {
				b.WriteString(" NULL")
			}
			if c.def && !(d == dialect.MySQL && c.kind == "text") {
				b.WriteString(" DEFAULT " + defValue(c.kind))
			}
		}
		if d == dialect.SQLite {
			for _, f := range t.fks {
				fmt.Fprintf(&b, ",\n  CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (id)%s", f.name, f.col, f.ref, cascade(f))
			}
		}
		b.WriteString("\n);\n")
		for _, i := range t.indexes {
			u := ""
			if i.unique {
				u = "UNIQUE "
			}
			fmt.Fprintf(&b, "CREATE %sINDEX %s ON %s (%s);\n", u, i.name, t.name, strings.Join(i.cols, ", "))
		}
	}
	if d != dialect.SQLite {
		for _, t := range s.tables {
			for _, f := range t.fks {
				fmt.Fprintf(&b, "ALTER TABLE %s ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (id)%s;\n", t.name, f.name, f.col, f.ref, cascade(f))
			}
		}
	}
	return b.String()
}

func cascade(f *gFK) string {
	if f.cascade {
		return " ON DELETE CASCADE"
	}
	return ""
}

// seed puts three rows in every table, distinct in every column, each
// key pointing at an existing row.
func (s *gSchema) seed(d dialect.Name) string {
	var b strings.Builder
	for _, t := range s.tables {
		for i := 1; i <= 3; i++ {
			cols, vals := []string{"id"}, []string{strconv.Itoa(i)}
			for _, c := range t.cols {
				cols = append(cols, c.name)
				switch c.kind {
				case "int", "ref":
					vals = append(vals, strconv.Itoa(i))
				case "bigint":
					vals = append(vals, strconv.Itoa(i*1000))
				case "v50", "v100", "text":
					vals = append(vals, fmt.Sprintf("'v%d'", i))
				default:
					vals = append(vals, fmt.Sprintf("%d.25", i))
				}
			}
			fmt.Fprintf(&b, "INSERT INTO %s (%s) VALUES (%s);\n", t.name, strings.Join(cols, ", "), strings.Join(vals, ", "))
		}
	}
	return b.String()
}

func pairCount(t *testing.T) int {
	if v := os.Getenv("RETORT_DIFF_PAIRS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("RETORT_DIFF_PAIRS=%q: %v", v, err)
		}
		return n
	}
	if testing.Short() {
		return 5
	}
	return 30
}

func TestRandomPairs(t *testing.T) {
	n := pairCount(t)
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			if d != dialect.SQLite {
				testdb.Server(t, d)
			}
			for i := 0; i < n; i++ {
				seed := int64(i + 1)
				r := rand.New(rand.NewSource(seed))
				from, to, renames, lossy := genPair(r)
				t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
					fromDDL, toDDL := from.ddl(d), to.ddl(d)
					t.Logf("from:\n%s\nto:\n%s\nrenames: %v", fromDDL, toDDL, renames)
					roundTrip(t, d, fromDDL, toDDL, from.seed(d), "", renames, lossy, false)
				})
			}
		})
	}
}

func referenced(s *gSchema, name string) bool {
	for _, t := range s.tables {
		for _, f := range t.fks {
			if f.ref == name {
				return true
			}
		}
	}
	return false
}

func inUnique(t *gTable, col string) bool {
	for _, i := range t.indexes {
		for _, c := range i.cols {
			if i.unique && c == col {
				return true
			}
		}
	}
	return false
}
