// Package benchgen generates the benchmark schema of issue 5: N tables of
// about ten columns of mixed types, each with a primary key, a unique index,
// a composite index and (from the second table on) one foreign key to an
// earlier table. It writes the same schema twice: as a Go models package
// with GORM tags (what retort's model loader reads) and as the DDL GORM's
// AutoMigrate would run for those structs on each dialect.
//
// Output is a pure function of Options: the same seed gives the same bytes.
package benchgen

import (
	"bytes"
	"fmt"
	"go/format"
	"math/rand"
	"sort"
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// Options say what to generate.
type Options struct {
	// Tables is the number of tables (at least 1).
	Tables int
	// Seed makes the column mix reproducible.
	Seed int64
	// ChangePercent is the share of tables (0-100, rounded, at least one
	// table when positive) whose model gains one nullable column named
	// "extra". The base schema is the same whatever the value, so the DDL of
	// Generate(ChangePercent: 0) and the models of Generate(ChangePercent: 1)
	// give the "1% of the tables changed" scenario.
	ChangePercent float64
	// Package is the Go package name of the models ("models" when empty).
	Package string
	// PerFile is the number of structs per Go file (100 when 0).
	PerFile int
}

// kind is the Go type of a generated column.
type kind int

const (
	kInt64 kind = iota
	kInt32
	kString // varchar(size)
	kText   // string without a size
	kBool
	kFloat64
)

type column struct {
	Field   string // Go field name
	Name    string // column name (GORM's snake case of Field)
	Kind    kind
	Size    int    // kString
	NotNull bool   // not null tag
	Default string // default tag value, "" for none
}

type table struct {
	Name    string // t0001
	Struct  string // T0001
	Parent  int    // index of the referenced table, -1 for none
	Columns []column
	// Composite is the second column of the composite index (after
	// parent_id, or after code on the first table).
	Composite string
	Extra     bool // the model has the added "extra" column
}

// Generate returns the models package (file name → Go source) and, per
// dialect, the DDL statements that create the same schema in an empty
// database, in order.
func Generate(opts Options) (files map[string][]byte, ddl map[dialect.Name][]string) {
	tables := plan(opts)
	files = goFiles(tables, opts)
	ddl = make(map[dialect.Name][]string, len(dialect.All))
	for _, d := range dialect.All {
		for _, t := range tables {
			ddl[d] = append(ddl[d], createTable(d, tables, t)...)
		}
	}
	return files, ddl
}

// Changed returns the names of the tables whose model gains the "extra"
// column under opts.
func Changed(opts Options) []string {
	var names []string
	for _, t := range plan(opts) {
		if t.Extra {
			names = append(names, t.Name)
		}
	}
	return names
}

// plan builds the table list. The base schema depends only on Tables and
// Seed; the changed tables come from a second generator, so that changing
// ChangePercent leaves the base schema alone.
func plan(opts Options) []*table {
	n := opts.Tables
	if n < 1 {
		n = 1
	}
	rng := rand.New(rand.NewSource(opts.Seed))
	width := len(strconv.Itoa(n))
	if width < 4 {
		width = 4
	}
	tables := make([]*table, n)
	for i := range tables {
		num := fmt.Sprintf("%0*d", width, i+1)
		t := &table{Name: "t" + num, Struct: "T" + num, Parent: -1}
		t.Columns = append(t.Columns, column{Field: "ID", Name: "id", Kind: kInt64})
		if i > 0 {
			t.Parent = rng.Intn(i)
			// The field is named after the parent (T0001ID): were it
			// ParentID in every struct, GORM would read Parent as a has-one
			// relation to the parent's own ParentID.
			t.Columns = append(t.Columns, column{Field: tables[t.Parent].Struct + "ID", Name: "parent_id", Kind: kInt64, NotNull: true})
		}
		t.Columns = append(t.Columns,
			column{Field: "Code", Name: "code", Kind: kString, Size: 64, NotNull: true},
			column{Field: "Name", Name: "name", Kind: kString, Size: 32 + 8*rng.Intn(28), NotNull: rng.Intn(2) == 0},
		)
		t.Composite = "name"
		for j := 0; len(t.Columns) < 10; j++ {
			t.Columns = append(t.Columns, mixedColumn(rng, j))
		}
		tables[i] = t
	}
	if opts.ChangePercent > 0 {
		k := int(float64(n)*opts.ChangePercent/100 + 0.5)
		if k < 1 {
			k = 1
		}
		if k > n {
			k = n
		}
		crng := rand.New(rand.NewSource(opts.Seed ^ 0x5eed))
		for _, i := range crng.Perm(n)[:k] {
			tables[i].Extra = true
		}
	}
	return tables
}

// mixedColumn returns the j-th extra column (c1, c2, ...) of a random kind.
func mixedColumn(rng *rand.Rand, j int) column {
	c := column{Field: fmt.Sprintf("C%d", j+1), Name: fmt.Sprintf("c%d", j+1)}
	switch rng.Intn(6) {
	case 0:
		c.Kind = kInt64
	case 1:
		c.Kind = kInt32
		if rng.Intn(2) == 0 {
			c.NotNull, c.Default = true, "0"
		}
	case 2:
		c.Kind, c.Size = kString, 16+16*rng.Intn(15)
	case 3:
		c.Kind = kText
	case 4:
		c.Kind = kBool
		if rng.Intn(2) == 0 {
			c.NotNull, c.Default = true, "false"
		}
	case 5:
		c.Kind = kFloat64
	}
	if c.Default == "" && rng.Intn(3) == 0 {
		c.NotNull = true
	}
	return c
}

// extraColumn is the column added to a changed table's model.
var extraColumn = column{Field: "Extra", Name: "extra", Kind: kString, Size: 100}

func goType(k kind) string {
	switch k {
	case kInt64:
		return "int64"
	case kInt32:
		return "int32"
	case kBool:
		return "bool"
	case kFloat64:
		return "float64"
	}
	return "string"
}

func goFiles(tables []*table, opts Options) map[string][]byte {
	pkg := opts.Package
	if pkg == "" {
		pkg = "models"
	}
	per := opts.PerFile
	if per <= 0 {
		per = 100
	}
	files := make(map[string][]byte)
	for start := 0; start < len(tables); start += per {
		end := min(start+per, len(tables))
		var b bytes.Buffer
		fmt.Fprintf(&b, "// Code generated by benchgen (seed %d). DO NOT EDIT.\n\npackage %s\n", opts.Seed, pkg)
		for _, t := range tables[start:end] {
			writeStruct(&b, tables, t)
		}
		src, err := format.Source(b.Bytes())
		if err != nil {
			// The generator's own output: a bug here, not bad input.
			panic(fmt.Sprintf("benchgen: format generated code: %v", err))
		}
		files[fmt.Sprintf("models_%04d.go", start/per)] = src
	}
	return files
}

func writeStruct(b *bytes.Buffer, tables []*table, t *table) {
	fmt.Fprintf(b, "\ntype %s struct {\n", t.Struct)
	for _, c := range t.Columns {
		var tags []string
		switch c.Name {
		case "id":
			tags = append(tags, "primaryKey")
		case "parent_id":
			tags = append(tags, "column:parent_id", "not null", fmt.Sprintf("index:idx_%s_comp,priority:1", t.Name))
		}
		if c.Name != "parent_id" {
			if c.Kind == kString {
				tags = append(tags, "size:"+strconv.Itoa(c.Size))
			}
			if c.NotNull {
				tags = append(tags, "not null")
			}
			if c.Default != "" {
				tags = append(tags, "default:"+c.Default)
			}
		}
		switch {
		case c.Name == "code":
			tags = append(tags, fmt.Sprintf("uniqueIndex:idx_%s_code", t.Name))
			if t.Parent < 0 {
				tags = append(tags, fmt.Sprintf("index:idx_%s_comp,priority:1", t.Name))
			}
		case c.Name == t.Composite:
			tags = append(tags, fmt.Sprintf("index:idx_%s_comp,priority:2", t.Name))
		}
		if len(tags) == 0 {
			fmt.Fprintf(b, "\t%s %s\n", c.Field, goType(c.Kind))
		} else {
			fmt.Fprintf(b, "\t%s %s `gorm:\"%s\"`\n", c.Field, goType(c.Kind), strings.Join(tags, ";"))
		}
		if c.Name == "parent_id" {
			fmt.Fprintf(b, "\tParent *%s `gorm:\"foreignKey:%s\"`\n", tables[t.Parent].Struct, c.Field)
		}
	}
	if t.Extra {
		fmt.Fprintf(b, "\t%s %s `gorm:\"size:%d\"`\n", extraColumn.Field, goType(extraColumn.Kind), extraColumn.Size)
	}
	fmt.Fprintf(b, "}\n\nfunc (%s) TableName() string { return %q }\n", t.Struct, t.Name)
}

// columnType is GORM's type for c on d (gorm.io/driver/* DataTypeOf).
func columnType(d dialect.Name, c column) string {
	switch d {
	case dialect.MySQL:
		switch c.Kind {
		case kInt64:
			return "bigint"
		case kInt32:
			return "int"
		case kString:
			return "varchar(" + strconv.Itoa(c.Size) + ")"
		case kText:
			return "longtext"
		case kBool:
			return "boolean"
		case kFloat64:
			return "double"
		}
	case dialect.Postgres:
		switch c.Kind {
		case kInt64:
			return "bigint"
		case kInt32:
			return "integer"
		case kString:
			return "varchar(" + strconv.Itoa(c.Size) + ")"
		case kText:
			return "text"
		case kBool:
			return "boolean"
		case kFloat64:
			return "decimal"
		}
	default:
		switch c.Kind {
		case kInt64, kInt32:
			return "integer"
		case kString, kText:
			return "text"
		case kBool:
			return "numeric"
		case kFloat64:
			return "real"
		}
	}
	panic("benchgen: unknown column kind")
}

// createTable returns the statements creating t on d, shaped like GORM's
// migrator output: columns, primary key and foreign key in CREATE TABLE,
// indexes inside it on MySQL and as CREATE INDEX statements elsewhere.
func createTable(d dialect.Name, tables []*table, t *table) []string {
	q := d.QuoteIdent
	var defs []string
	for _, c := range t.Columns {
		var def string
		switch {
		case c.Name == "id" && d == dialect.MySQL:
			def = "bigint AUTO_INCREMENT"
		case c.Name == "id" && d == dialect.Postgres:
			def = "bigserial"
		case c.Name == "id":
			def = "integer PRIMARY KEY AUTOINCREMENT"
		default:
			def = columnType(d, c)
			if c.NotNull {
				def += " NOT NULL"
			}
			if c.Default != "" {
				def += " DEFAULT " + c.Default
			}
		}
		defs = append(defs, q(c.Name)+" "+def)
	}
	if t.Extra {
		defs = append(defs, q(extraColumn.Name)+" "+columnType(d, extraColumn))
	}
	if d != dialect.SQLite {
		defs = append(defs, "PRIMARY KEY ("+q("id")+")")
	}
	uniq := "idx_" + t.Name + "_code"
	comp := "idx_" + t.Name + "_comp"
	compCols := q("code") + "," + q(t.Composite)
	if t.Parent >= 0 {
		compCols = q("parent_id") + "," + q(t.Composite)
	}
	// GORM lists the indexes in the order their fields first name them:
	// the composite one first, but on the first table, where code starts
	// both. It writes them inside CREATE TABLE on MySQL, and elsewhere runs
	// CREATE INDEX after the table through defer, so in reverse order.
	indexes := []string{
		"INDEX " + q(comp) + " ON " + q(t.Name) + " (" + compCols + ")",
		"UNIQUE INDEX " + q(uniq) + " ON " + q(t.Name) + " (" + q("code") + ")",
	}
	if t.Parent < 0 {
		indexes[0], indexes[1] = indexes[1], indexes[0]
	}
	if d == dialect.MySQL {
		for _, idx := range indexes {
			defs = append(defs, strings.Replace(idx, " ON "+q(t.Name), "", 1))
		}
	}
	if t.Parent >= 0 {
		defs = append(defs, fmt.Sprintf("CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s(%s)",
			q("fk_"+t.Name+"_parent"), q("parent_id"), q(tables[t.Parent].Name), q("id")))
	}
	stmts := []string{"CREATE TABLE " + q(t.Name) + " (" + strings.Join(defs, ",") + ")"}
	if d != dialect.MySQL {
		for k := len(indexes) - 1; k >= 0; k-- {
			stmts = append(stmts, "CREATE "+indexes[k])
		}
	}
	return stmts
}

// FileNames returns the keys of files in order.
func FileNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// SQLAlchemy returns a Python module declaring the base schema of opts
// (no changed tables) as SQLAlchemy Core tables in `metadata`, for
// Alembic's autogenerate to compare with the same database (`make
// bench` times Alembic beside retort). Alembic 1.8 compares tables,
// columns, nullability, indexes, unique constraints and foreign keys, not
// types by default; the types are SQLAlchemy's generic ones.
func SQLAlchemy(opts Options) []byte {
	opts.ChangePercent = 0
	tables := plan(opts)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Code generated by benchgen (seed %d). DO NOT EDIT.\n", opts.Seed)
	b.WriteString("from sqlalchemy import MetaData, Table, Column, Index, ForeignKey, BigInteger, Integer, String, Text, Boolean, Float\n\n")
	b.WriteString("metadata = MetaData()\n")
	pyType := func(c column) string {
		switch c.Kind {
		case kInt64:
			return "BigInteger"
		case kInt32:
			return "Integer"
		case kString:
			return "String(" + strconv.Itoa(c.Size) + ")"
		case kText:
			return "Text"
		case kBool:
			return "Boolean"
		}
		return "Float"
	}
	for _, t := range tables {
		fmt.Fprintf(&b, "\nTable(%q, metadata,\n", t.Name)
		for _, c := range t.Columns {
			switch c.Name {
			case "id":
				b.WriteString("    Column(\"id\", BigInteger, primary_key=True, autoincrement=True),\n")
			case "parent_id":
				fmt.Fprintf(&b, "    Column(\"parent_id\", BigInteger, ForeignKey(%q, name=%q), nullable=False),\n",
					tables[t.Parent].Name+".id", "fk_"+t.Name+"_parent")
			default:
				fmt.Fprintf(&b, "    Column(%q, %s, nullable=%s),\n", c.Name, pyType(c), map[bool]string{true: "False", false: "True"}[c.NotNull])
			}
		}
		first := "parent_id"
		if t.Parent < 0 {
			first = "code"
		}
		fmt.Fprintf(&b, "    Index(%q, %q, %q),\n", "idx_"+t.Name+"_comp", first, t.Composite)
		fmt.Fprintf(&b, "    Index(%q, %q, unique=True),\n", "idx_"+t.Name+"_code", "code")
		b.WriteString(")\n")
	}
	return b.Bytes()
}
