package diff

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/benchgen"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/models"
)

// sameShapes checks that every table of raw the shapes path normalizes
// (shapes.go) is, value for value, the table the scratch database makes
// of the whole schema, and returns how many tables it normalized and how
// many of those it may cache.
// TestScenarios and TestRandomPairs run it on every schema they normalize
// (through roundTrip), TestShapesBenchgen on the benchmark's.
func sameShapes(t *testing.T, ctx context.Context, raw *sqlschema.Schema, opts Options) (n, cacheable int) {
	t.Helper()
	d := opts.Dialect
	if d == dialect.SQLite {
		sameAlone(t, ctx, raw, opts)
		return 0, 0 // no shapes on SQLite
	}
	if hasEnums(raw) {
		return 0, 0 // the cache, and so the shapes, leave enums to Normalize
	}
	want := wholeTables(t, ctx, raw, opts)

	db, _, cleanup, err := Scratch(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	pl, err := openDriver(db, d)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range raw.Tables {
		names = append(names, tb.Name)
	}
	res, err := normalizeShapes(ctx, db, pl, d, raw, names, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]*cTable
	if res != nil {
		got = res.tables
		for name := range got {
			if res.cacheable[name] {
				cacheable++
			}
		}
	}
	for name, ct := range got {
		w, ok := want[name]
		if !ok {
			t.Errorf("shapes: table %s normalized but not in the schema", name)
			continue
		}
		w, ct := withoutOID(w), withoutOID(ct)
		if !reflect.DeepEqual(w, ct) {
			t.Errorf("shapes: table %s differs from the scratch database's (-whole +shapes):\n%s", name,
				cmp.Diff(lines(fingerprint(w)), lines(fingerprint(ct))))
		}
	}
	t.Logf("shapes: %d of %d tables normalized by shapes, %d of them cacheable", len(got), len(raw.Tables), cacheable)
	return len(got), cacheable
}

// sameAlone checks SQLite's normalization of each table of raw made alone
// in a scratch database, without the tables its foreign keys reference
// (normalizeMisses), against all of them made in one.
func sameAlone(t *testing.T, ctx context.Context, raw *sqlschema.Schema, opts Options) {
	t.Helper()
	var names []string
	refs, keys := map[string][]string{}, map[string]string{}
	for _, tb := range raw.Tables {
		names, keys[tb.Name] = append(names, tb.Name), tb.Name
		for _, fk := range tb.ForeignKeys {
			if fk.RefTable != nil && fk.RefTable.Name != tb.Name {
				refs[tb.Name] = append(refs[tb.Name], fk.RefTable.Name)
			}
		}
	}
	normalize := func(names []string) map[string]*cTable {
		db, _, cleanup, err := Scratch(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer cleanup()
		pl, err := openDriver(db, opts.Dialect)
		if err != nil {
			t.Fatal(err)
		}
		entries := map[string]*cTable{}
		if _, err := normalizeMisses(ctx, db, pl, opts, raw, names, refs, keys, entries, pack{}, normCache{}); err != nil {
			t.Fatal(err)
		}
		return entries
	}
	want := normalize(names)
	for _, n := range names {
		got := normalize([]string{n})[n]
		if !reflect.DeepEqual(want[n], got) {
			t.Errorf("sqlite: table %s made alone differs from among the others (-among +alone):\n%s", n,
				cmp.Diff(lines(fingerprint(want[n])), lines(fingerprint(got))))
		}
	}
}

// withoutOID returns ct without PostgreSQL's table OID, which two
// creations of the same table never share (whole normalizations differ
// by it from run to run) and which nothing compares, and with its primary
// key's constraints in order of name: the inspector lists them in a map's
// order.
func withoutOID(ct *cTable) *cTable {
	c := *ct
	c.Attrs = nil
	for _, a := range ct.Attrs {
		if _, ok := a.V.(postgres.OID); !ok {
			c.Attrs = append(c.Attrs, a)
		}
	}
	if ct.PK != nil {
		pk := *ct.PK
		pk.Attrs = append([]wv(nil), pk.Attrs...)
		sort.SliceStable(pk.Attrs, func(i, j int) bool {
			ci, iok := pk.Attrs[i].V.(postgres.Constraint)
			cj, jok := pk.Attrs[j].V.(postgres.Constraint)
			return iok && jok && ci.N < cj.N
		})
		c.PK = &pk
	}
	return &c
}

func lines(s string) []string {
	return strings.Split(strings.NewReplacer(",", ",\n", "{", "{\n").Replace(s), "\n")
}

// wholeTables normalizes raw the way a cold cache does without shapes:
// every table created in a scratch database and read back.
func wholeTables(t *testing.T, ctx context.Context, raw *sqlschema.Schema, opts Options) map[string]*cTable {
	t.Helper()
	db, _, cleanup, err := Scratch(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	pl, err := openDriver(db, opts.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := createStatements(pl, opts.Dialect, clone(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	insp, err := inspector(db, opts.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	name := ""
	if opts.Dialect == dialect.SQLite {
		name = "main"
	}
	ns, err := insp.InspectSchema(ctx, name, &sqlschema.InspectOptions{Mode: sqlschema.InspectSchemas | sqlschema.InspectTables})
	if err != nil {
		t.Fatal(err)
	}
	fixInspected(opts.Dialect, ns)
	out := map[string]*cTable{}
	for _, tb := range ns.Tables {
		out[tb.Name] = encodeTable(tb)
	}
	return out
}

// TestShapesBenchgen runs sameShapes on the benchmark's schema, as the
// models loader reads it (internal/benchgen's committed sample) and as the
// benchmark's DDL makes it (300 tables), and checks that the shapes path
// takes every one of their tables: the benchmark's cold runs count on it.
func TestShapesBenchgen(t *testing.T) {
	ctx := context.Background()
	models, err := models.Load(ctx, models.LoadOptions{Dir: "../internal/benchgen", Patterns: []string{"./internal/sample"}})
	if err != nil {
		t.Fatal(err)
	}
	_, ddl := benchgen.Generate(benchgen.Options{Tables: 300, Seed: 1})
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			testdb.Server(t, d)
			db := testdb.New(t, d)
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			fromModels, err := models.Schema(d, "")
			if err != nil {
				t.Fatal(err)
			}
			if n, c := sameShapes(t, ctx, fromModels, opts); n != len(fromModels.Tables) || c != n {
				t.Errorf("models: %d of %d tables normalized by shapes, %d cacheable; want all", n, len(fromModels.Tables), c)
			}
			execScript(t, db.DB, strings.Join(ddl[d], ";\n")+";\n")
			inspected, _, err := Inspect(ctx, db.DB, opts)
			if err != nil {
				t.Fatal(err)
			}
			if n, c := sameShapes(t, ctx, inspected, opts); n != len(inspected.Tables) || c != n {
				t.Errorf("benchmark DDL: %d of %d tables normalized by shapes, %d cacheable; want all", n, len(inspected.Tables), c)
			}
		})
	}
}

// TestShapesFallBack checks that what the shapes path does not know goes
// to the scratch database whole: a check constraint, an expression index
// (PostgreSQL), a generated column (MariaDB).
func TestShapesFallBack(t *testing.T) {
	ctx := context.Background()
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			testdb.Server(t, d)
			db := testdb.New(t, d)
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB}
			expr := "CREATE TABLE expr (id bigint NOT NULL, email varchar(80), PRIMARY KEY (id));\nCREATE INDEX expr_lower ON expr ((lower(email)));\n"
			if d == dialect.MySQL {
				expr = "CREATE TABLE expr (id bigint NOT NULL, email varchar(80), email_lower varchar(80) AS (lower(email)) VIRTUAL, PRIMARY KEY (id));\n"
			}
			raw := rawSchemaFromDDL(t, ctx, d, `CREATE TABLE plain (id bigint NOT NULL, name varchar(40), PRIMARY KEY (id));
CREATE TABLE checked (id bigint NOT NULL, n int, PRIMARY KEY (id), CONSTRAINT n_positive CHECK (n > 0));
`+expr, opts)
			sdb, _, cleanup, err := Scratch(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer cleanup()
			pl, err := openDriver(sdb, d)
			if err != nil {
				t.Fatal(err)
			}
			res, err := normalizeShapes(ctx, sdb, pl, d, raw, []string{"plain", "checked", "expr"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for n := range res.tables {
				names = append(names, n)
			}
			sort.Strings(names)
			if diff := cmp.Diff([]string{"plain"}, names); diff != "" {
				t.Errorf("tables normalized by shapes (-want +got):\n%s", diff)
			}
			sameShapes(t, ctx, raw, opts)
		})
	}
}

// TestSQLiteChunks checks that normalizing SQLite tables in chunks, each
// in a scratch database of its own (normalizeMissesSplit), gives every
// table exactly as one scratch database holding them all does.
func TestSQLiteChunks(t *testing.T) {
	ctx := context.Background()
	d := dialect.SQLite
	db := testdb.New(t, d)
	opts := Options{Dialect: d, URL: db.URL, DB: db.DB, CacheDir: t.TempDir()}
	_, ddl := benchgen.Generate(benchgen.Options{Tables: 3*sqliteChunk + 7, Seed: 1})
	raw := rawSchemaFromDDL(t, ctx, d, strings.Join(ddl[d], ";\n")+";\n", opts)
	var names []string
	refs, keys := map[string][]string{}, map[string]string{}
	for _, tb := range raw.Tables {
		names, keys[tb.Name] = append(names, tb.Name), tb.Name
		for _, fk := range tb.ForeignKeys {
			if fk.RefTable.Name != tb.Name {
				refs[tb.Name] = append(refs[tb.Name], fk.RefTable.Name)
			}
		}
	}
	normalize := func(split bool) map[string]*cTable {
		sdb, _, cleanup, err := Scratch(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer cleanup()
		pl, err := openDriver(sdb, d)
		if err != nil {
			t.Fatal(err)
		}
		entries := map[string]*cTable{}
		f := normalizeMisses
		if split {
			f = normalizeMissesSplit
		}
		if _, err := f(ctx, sdb, pl, opts, raw, names, refs, keys, entries, pack{}, normCache{dir: opts.CacheDir}); err != nil {
			t.Fatal(err)
		}
		return entries
	}
	want, got := normalize(false), normalize(true)
	if len(got) != len(names) || len(want) != len(names) {
		t.Fatalf("%d tables normalized in chunks, %d whole, want %d", len(got), len(want), len(names))
	}
	for _, n := range names {
		if !reflect.DeepEqual(want[n], got[n]) {
			t.Errorf("table %s differs from the one-database normalization (-whole +chunked):\n%s", n,
				cmp.Diff(lines(fingerprint(want[n])), lines(fingerprint(got[n]))))
		}
	}
}
