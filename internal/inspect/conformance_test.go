package inspect

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// atlasInspector opens atlas's own inspector for d.
func atlasInspector(db sqlschema.ExecQuerier, d dialect.Name) (sqlschema.Inspector, error) {
	switch d {
	case dialect.Postgres:
		return postgres.Open(db)
	case dialect.MySQL:
		return mysql.Open(db)
	}
	return sqlite.Open(db)
}

// A deliberate difference between atlas's inspection and ours: apply
// changes atlas's result into what we return, and why says why ours is
// the right value.
type deliberate struct {
	name, why string
	apply     func(*testing.T, *sql.DB, *sqlschema.Schema)
}

var deliberateDiffs = map[dialect.Name][]deliberate{
	dialect.SQLite: {
		{
			name: "rowid alias is NOT NULL",
			why: "an INTEGER PRIMARY KEY column of a rowid table is the rowid and can never be NULL, " +
				"but PRAGMA table_info reports it nullable and atlas keeps that, so every such table " +
				"looks changed against models that say NOT NULL (ATLAS.md, trap 6)",
			apply: func(t *testing.T, db *sql.DB, s *sqlschema.Schema) {
				for _, tb := range s.Tables {
					pk := queryRows(t, db, "SELECT count(*) FROM pragma_index_list(?) WHERE origin = 'pk'", []any{tb.Name})
					rowidNotNull(tb, pk[0][0] != "0")
				}
			},
		},
		{
			name: "column collations",
			why: "atlas drops the COLLATE clause of SQLite columns, so a NOCASE column reads like a " +
				"BINARY one (ATLAS.md, trap 6); ours carries it as a schema.Collation attribute",
			apply: func(_ *testing.T, _ *sql.DB, s *sqlschema.Schema) {
				for _, t := range s.Tables {
					setCollations(t)
				}
			},
		},
		{
			name: "index key collations",
			why: "a case-insensitive index (a NOCASE column, or a key with COLLATE NOCASE) reads like " +
				"a case-sensitive one in atlas; ours puts the collation of each non-BINARY key in a " +
				"schema.Collation attribute of the index part",
			apply: func(t *testing.T, db *sql.DB, s *sqlschema.Schema) {
				for _, tb := range s.Tables {
					for _, idx := range tb.Indexes {
						rows := queryRows(t, db, "SELECT coll FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno", []any{idx.Name})
						for k, r := range rows {
							if c := r[0].(string); c != "BINARY" {
								idx.Parts[k].Attrs = append(idx.Parts[k].Attrs, &sqlschema.Collation{V: c})
							}
						}
					}
				}
			},
		},
	},
}

// applyDDL runs the statements of a corpus file (separated by a semicolon
// at the end of a line).
func applyDDL(t *testing.T, db *testdb.DB, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range splitDDL(string(data)) {
		if _, err := db.ExecContext(context.Background(), stmt); err != nil {
			t.Fatalf("%s: %v\n%s", path, err, stmt)
		}
	}
}

func splitDDL(src string) []string {
	var (
		stmts []string
		cur   strings.Builder
	)
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "--") {
			continue
		}
		cur.WriteString(line + "\n")
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			stmts = append(stmts, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		stmts = append(stmts, s)
	}
	return stmts
}

// TestConformance applies each corpus file of testdata/conformance/<dialect>
// to a fresh database and requires that New's inspector returns the same
// schema as atlas's own, through InspectSchema (with and without options)
// and InspectRealm, but for the deliberate differences above.
func TestConformance(t *testing.T) {
	for _, d := range testdb.Dialects() {
		files, err := filepath.Glob(filepath.Join("testdata", "conformance", string(d), "*.sql"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no corpus for %s", d)
		}
		for _, file := range files {
			t.Run(string(d)+"/"+strings.TrimSuffix(filepath.Base(file), ".sql"), func(t *testing.T) {
				db := testdb.New(t, d)
				applyDDL(t, db, file)
				conform(t, db, d)
			})
		}
	}
}

// TestConformanceScenarios runs the same comparison on the schemas of the
// autogenerate scenario corpus (../../diff/testdata/schemapairs): the from
// and to DDL of every scenario, on each dialect it has them for.
func TestConformanceScenarios(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "diff", "testdata", "schemapairs", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no scenario corpus in ../../diff/testdata/schemapairs")
	}
	for _, d := range testdb.Dialects() {
		for _, dir := range dirs {
			for _, side := range []string{"from", "to"} {
				path := filepath.Join(dir, side+"."+string(d)+".sql")
				if _, err := os.Stat(path); err != nil {
					path = filepath.Join(dir, side+".sql")
				}
				if _, err := os.Stat(path); err != nil {
					continue
				}
				t.Run(string(d)+"/"+filepath.Base(dir)+"/"+side, func(t *testing.T) {
					db := testdb.New(t, d)
					applyDDL(t, db, path)
					conform(t, db, d)
				})
			}
		}
	}
}

// conform compares the inspections of db by atlas and by New.
func conform(t *testing.T, db *testdb.DB, d dialect.Name) {
	t.Helper()
	ref, err := atlasInspector(db.DB, d)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := New(db.DB, d)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ours.(*batched); ok {
		// And built one table per batch: every query is split, and every
		// foreign key between tables crosses batches.
		one, err := New(db.DB, d)
		if err != nil {
			t.Fatal(err)
		}
		one.(*batched).onePass, one.(*batched).batch = 1, 1
		conformTo(t, db, d, ref, one)
	}
	conformTo(t, db, d, ref, ours)
}

// conformTo compares the inspections of db by atlas (ref) and ours.
func conformTo(t *testing.T, db *testdb.DB, d dialect.Name, ref, ours sqlschema.Inspector) {
	t.Helper()
	ctx := context.Background()
	want, werr := ref.InspectSchema(ctx, "", nil)
	got, gerr := ours.InspectSchema(ctx, "", nil)
	switch {
	case werr != nil && gerr != nil && werr.Error() == gerr.Error():
		// e.g. atlas's MySQL driver on a MariaDB INVISIBLE column: failing
		// the same way is conforming.
		t.Logf("both inspectors fail the same way: %v", werr)
		return
	case werr != nil || gerr != nil:
		t.Fatalf("atlas: %v; inspect: %v", werr, gerr)
	}
	for _, dd := range deliberateDiffs[d] {
		dd.apply(t, db.DB, want)
	}
	if diff := cmp.Diff(project(want), project(got)); diff != "" {
		t.Errorf("InspectSchema (-atlas +ours):\n%s", diff)
	}

	// Options: one table only, and all but the first table (an empty
	// schema has been compared whole above).
	if len(want.Tables) == 0 {
		return
	}
	first := want.Tables[0].Name
	for _, opts := range []*sqlschema.InspectOptions{
		{Tables: []string{first}},
		{Exclude: []string{first}},
	} {
		want, err := ref.InspectSchema(ctx, "", opts)
		if err != nil {
			t.Fatalf("atlas: %v", err)
		}
		got, err := ours.InspectSchema(ctx, "", opts)
		if err != nil {
			t.Fatalf("inspect: %v", err)
		}
		for _, dd := range deliberateDiffs[d] {
			dd.apply(t, db.DB, want)
		}
		if diff := cmp.Diff(project(want), project(got)); diff != "" {
			t.Errorf("InspectSchema with %+v (-atlas +ours):\n%s", *opts, diff)
		}
	}

	wantR, err := ref.InspectRealm(ctx, &sqlschema.InspectRealmOption{Schemas: []string{want.Name}})
	if err != nil {
		t.Fatalf("atlas: %v", err)
	}
	gotR, err := ours.InspectRealm(ctx, &sqlschema.InspectRealmOption{Schemas: []string{want.Name}})
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	if len(wantR.Schemas) != 1 || len(gotR.Schemas) != 1 {
		t.Fatalf("InspectRealm: %d schemas from atlas, %d from ours", len(wantR.Schemas), len(gotR.Schemas))
	}
	for _, dd := range deliberateDiffs[d] {
		dd.apply(t, db.DB, wantR.Schemas[0])
	}
	if diff := cmp.Diff(project(wantR.Schemas[0]), project(gotR.Schemas[0])); diff != "" {
		t.Errorf("InspectRealm (-atlas +ours):\n%s", diff)
	}
}

// TestConformanceBench compares the inspections of the benchmark schema
// (benchgen, 60 tables: many tables, foreign keys between them, a table's
// index rows far from its column rows).
func TestConformanceBench(t *testing.T) {
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			db := testdb.New(t, d)
			createBench(t, db, d, 60)
			conform(t, db, d)
		})
	}
}
