package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
)

// revisionFile wraps an upgrade section (and a downgrade) in a revision
// file's header. The header is 6 lines and the Upgrade marker line 7: the
// section's first line is line 8.
func revisionFile(upgrade, downgrade string, noTx bool) string {
	marker := "-- +retort Upgrade"
	if noTx {
		marker += " NoTransaction"
	}
	return "-- test\n--\n-- Revision ID: aaaaaaaaaaaa\n-- Revises:\n-- Create Date: 2026-12-05T00:00:00Z\n\n" +
		marker + "\n" + upgrade + "\n\n-- +retort Downgrade\n" + downgrade + "\n"
}

// findings lints a file and returns "line rule" for each finding.
func findings(t *testing.T, d dialect.Name, src string, opts ...string) []string {
	t.Helper()
	fs, err := File("x.sql", []byte(src), Options{Dialect: d, Ignore: opts})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d %s", f.Line, f.Rule))
	}
	return out
}

const lt = "SET lock_timeout = '5s';\n" // keeps require-lock-timeout quiet in cases about other rules

func TestRules(t *testing.T) {
	P, M := dialect.Postgres, dialect.MySQL
	mlt := "SET SESSION lock_wait_timeout = 5;\n"
	tests := []struct {
		name string
		d    dialect.Name
		up   string
		noTx bool
		want []string // "line rule", lines counted from the section's first line (1)
	}{
		// require-concurrent-index-creation
		{"pg index", P, lt + "CREATE INDEX idx_a ON t (a);", false, []string{"2 require-concurrent-index-creation"}},
		{"pg unique index qualified", P, lt + "CREATE UNIQUE INDEX IF NOT EXISTS idx_a ON public.t USING btree (a);", false, []string{"2 require-concurrent-index-creation"}},
		{"pg index concurrently", P, "CREATE INDEX CONCURRENTLY idx_a ON t (a);", true, nil},
		{"pg index on new table", P, "CREATE TABLE t (a int);\nCREATE INDEX idx_a ON t (a);", false, nil},
		{"pg index silenced", P, lt + "-- retort:lint-ignore require-concurrent-index-creation the table has 10 rows\nCREATE INDEX idx_a ON t (a);", false, nil},
		{"pg index silenced by kind", P, lt + "-- retort:lint-ignore locking small table\nCREATE INDEX idx_a ON t (a);", false, nil},
		{"pg silenced above a block", P, lt + "-- retort:lint-ignore locking\n-- +retort StatementBegin\nCREATE INDEX idx_a ON t (a);\n-- +retort StatementEnd", false, nil},
		{"pg index silence too far", P, lt + "-- retort:lint-ignore locking small table\n\nCREATE INDEX idx_a ON t (a);", false, []string{"4 require-concurrent-index-creation"}},
		// concurrently-in-transaction
		{"pg concurrently in tx", P, "CREATE INDEX CONCURRENTLY idx_a ON t (a);", false, []string{"1 concurrently-in-transaction"}},
		{"pg drop concurrently in tx", P, "DROP INDEX CONCURRENTLY idx_a;", false, []string{"1 concurrently-in-transaction"}},
		{"pg reindex concurrently in tx", P, "REINDEX INDEX CONCURRENTLY idx_a;", false, []string{"1 concurrently-in-transaction"}},
		{"pg concurrently silenced", P, "-- retort:lint-ignore failure\nCREATE INDEX CONCURRENTLY idx_a ON t (a);", false, nil},
		// require-concurrent-index-deletion
		{"pg drop index", P, lt + "DROP INDEX idx_a;", false, []string{"2 require-concurrent-index-deletion"}},
		{"pg drop index concurrently", P, "DROP INDEX CONCURRENTLY IF EXISTS idx_a;", true, nil},
		{"pg drop new index", P, "CREATE TABLE t (a int);\nCREATE INDEX idx_a ON t (a);\nDROP INDEX idx_a;", false, nil},
		{"pg drop index silenced", P, lt + "-- retort:lint-ignore require-concurrent-index-deletion\nDROP INDEX idx_a;", false, nil},
		// require-concurrent-reindex
		{"pg reindex", P, lt + "REINDEX INDEX idx_a;", false, []string{"2 require-concurrent-reindex"}},
		{"pg reindex concurrently", P, "REINDEX INDEX CONCURRENTLY idx_a;", true, nil},
		// constraint-missing-not-valid
		{"pg fk", P, lt + "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id);", false, []string{"2 constraint-missing-not-valid"}},
		{"pg check", P, lt + "ALTER TABLE t ADD CHECK (a > 0);", false, []string{"2 constraint-missing-not-valid"}},
		{"pg fk not valid", P, lt + "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id) NOT VALID;", false, nil},
		{"pg validate same tx", P, lt + "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT fk;", false, []string{"3 constraint-missing-not-valid"}},
		{"pg validate no tx", P, lt + "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT fk;", true, nil},
		{"pg validate alone", P, "ALTER TABLE t VALIDATE CONSTRAINT fk;", false, nil},
		{"pg add column references", P, lt + "ALTER TABLE t ADD COLUMN u bigint REFERENCES u (id);", false, []string{"2 constraint-missing-not-valid"}},
		{"pg fk on new table", P, "CREATE TABLE t (u int);\nALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id);", false, nil},
		{"pg fk silenced", P, lt + "-- retort:lint-ignore constraint-missing-not-valid, require-lock-timeout tiny\nALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id);", false, nil},
		{"mysql fk", M, mlt + "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id), ALGORITHM=INPLACE, LOCK=NONE;", false, []string{"2 constraint-missing-not-valid"}},
		{"mysql fk checks off", M, mlt + "SET foreign_key_checks = 0;\nALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES u (id), ALGORITHM=INPLACE, LOCK=NONE;", false, nil},
		// set-not-null
		{"pg set not null", P, lt + "ALTER TABLE t ALTER COLUMN a SET NOT NULL;", false, []string{"2 set-not-null"}},
		{"pg set not null proven", P, lt + "ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT a_nn;\nALTER TABLE t ALTER COLUMN a SET NOT NULL;", true, nil},
		{"pg drop not null", P, lt + "ALTER TABLE t ALTER COLUMN a DROP NOT NULL;", false, nil},
		{"pg set not null silenced", P, lt + "-- retort:lint-ignore set-not-null checked by hand\nALTER TABLE t ALTER a SET NOT NULL;", false, nil},
		// changing-column-type
		{"pg type", P, lt + "ALTER TABLE t ALTER COLUMN a TYPE bigint;", false, []string{"2 changing-column-type"}},
		{"pg set data type", P, lt + "ALTER TABLE t ALTER a SET DATA TYPE text USING a::text;", false, []string{"2 changing-column-type"}},
		{"pg set default", P, lt + "ALTER TABLE t ALTER COLUMN a SET DEFAULT 0;", false, nil},
		{"mysql modify", M, mlt + "ALTER TABLE t MODIFY COLUMN a bigint NOT NULL, ALGORITHM=COPY;", false, []string{"2 changing-column-type", "2 alter-table-algorithm"}},
		{"mysql modify inplace", M, mlt + "ALTER TABLE t MODIFY a varchar(200), ALGORITHM=INPLACE, LOCK=NONE;", false, nil},
		{"mysql modify silenced", M, mlt + "# retort:lint-ignore changing-column-type, alter-table-algorithm small\nALTER TABLE t MODIFY a bigint;", false, nil},
		// adding-field-with-default
		{"pg volatile default", P, lt + "ALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();", false, []string{"2 adding-field-with-default"}},
		{"pg stable default", P, lt + "ALTER TABLE t ADD COLUMN at timestamptz NOT NULL DEFAULT now();", false, nil},
		{"pg constant default", P, lt + "ALTER TABLE t ADD COLUMN n numeric(10,2) DEFAULT '0'::numeric(10,2);", false, nil},
		{"pg serial", P, lt + "ALTER TABLE t ADD COLUMN n bigserial;", false, []string{"2 adding-field-with-default"}},
		{"pg stored generated", P, lt + "ALTER TABLE t ADD COLUMN n int GENERATED ALWAYS AS (a * 2) STORED;", false, []string{"2 adding-field-with-default"}},
		{"pg default in string", P, lt + "ALTER TABLE t ADD COLUMN s text DEFAULT 'random()';", false, nil},
		// adding-required-field
		{"pg required", P, lt + "ALTER TABLE t ADD COLUMN a int NOT NULL;", false, []string{"2 adding-required-field"}},
		{"pg required with default", P, lt + "ALTER TABLE t ADD a int NOT NULL DEFAULT 0;", false, nil},
		{"pg nullable", P, lt + "ALTER TABLE t ADD COLUMN a int;", false, nil},
		// disallowed-unique-constraint
		{"pg unique", P, lt + "ALTER TABLE t ADD CONSTRAINT u_a UNIQUE (a);", false, []string{"2 disallowed-unique-constraint"}},
		{"pg primary key", P, lt + "ALTER TABLE t ADD PRIMARY KEY (id);", false, []string{"2 disallowed-unique-constraint"}},
		{"pg unique using index", P, lt + "ALTER TABLE t ADD CONSTRAINT u_a UNIQUE USING INDEX idx_a;", false, nil},
		{"pg unique column", P, lt + "ALTER TABLE t ADD COLUMN c int UNIQUE;", false, []string{"2 disallowed-unique-constraint"}},
		// require-lock-timeout
		{"pg no lock timeout", P, "ALTER TABLE t ADD COLUMN a int;\nALTER TABLE t ADD COLUMN b int;", false, []string{"1 require-lock-timeout"}},
		{"pg lock timeout local", P, "SET LOCAL lock_timeout TO '2s';\nALTER TABLE t ADD COLUMN a int;", false, nil},
		{"pg lock timeout zero", P, "SET lock_timeout = 0;\nALTER TABLE t ADD COLUMN a int;", false, []string{"2 require-lock-timeout"}},
		{"pg lock timeout new table", P, "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;", false, nil},
		{"pg lock timeout after", P, "ALTER TABLE t ADD COLUMN a int;\nSET lock_timeout = '1s';", false, []string{"1 require-lock-timeout"}},
		{"mysql no lock wait timeout", M, "ALTER TABLE t ADD COLUMN a int, ALGORITHM=INSTANT;", false, []string{"1 require-lock-timeout"}},
		{"mysql lock wait timeout", M, "SET @@SESSION.lock_wait_timeout = 5;\nALTER TABLE t ADD COLUMN a int, ALGORITHM=INSTANT;", false, nil},
		{"pg lock timeout silenced", P, "-- retort:lint-ignore require-lock-timeout\nALTER TABLE t ADD COLUMN a int;", false, nil},
		// vacuum-full, cluster
		{"pg vacuum full", P, lt + "VACUUM FULL t;", true, []string{"2 vacuum-full"}},
		{"pg vacuum full parens", P, lt + "VACUUM (FULL, ANALYZE) t;", true, []string{"2 vacuum-full"}},
		{"pg vacuum", P, "VACUUM ANALYZE t;", true, nil},
		{"pg cluster", P, lt + "CLUSTER t USING idx_a;", false, []string{"2 cluster"}},
		{"pg cluster silenced", P, lt + "-- retort:lint-ignore cluster\nCLUSTER t USING idx_a;", false, nil},
		// alter-table-algorithm
		{"mysql no algorithm", M, mlt + "ALTER TABLE `t` ADD COLUMN `a` int;", false, []string{"2 alter-table-algorithm"}},
		{"mysql instant", M, mlt + "ALTER TABLE `t` ADD COLUMN `a` int, ALGORITHM=INSTANT;", false, nil},
		{"mysql inplace lock none", M, mlt + "ALTER TABLE t ADD INDEX idx_a (a), ALGORITHM = INPLACE, LOCK = NONE;", false, nil},
		{"mysql inplace shared", M, mlt + "ALTER TABLE t ADD INDEX idx_a (a), ALGORITHM=INPLACE, LOCK=SHARED;", false, []string{"2 alter-table-algorithm"}},
		{"mysql copy", M, mlt + "ALTER TABLE t ENGINE=InnoDB, ALGORITHM=COPY;", false, []string{"2 alter-table-algorithm"}},
		{"mysql create index", M, mlt + "CREATE INDEX idx_a ON t (a);", false, []string{"2 alter-table-algorithm"}},
		{"mysql create index lock none", M, mlt + "CREATE INDEX idx_a ON t (a) ALGORITHM=INPLACE LOCK=NONE;", false, nil},
		{"mysql drop index", M, mlt + "DROP INDEX idx_a ON t;", false, []string{"2 alter-table-algorithm"}},
		{"mysql new table", M, "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nCREATE INDEX i ON t (a);", false, nil},
		{"mysql executable comment", M, mlt + "ALTER TABLE t ADD COLUMN a int /*!80000 , ALGORITHM=INSTANT */;", false, nil},
		{"mysql comment is not sql", M, mlt + "ALTER TABLE t ADD COLUMN a int /* , ALGORITHM=INSTANT */;", false, []string{"2 alter-table-algorithm"}},
		{"mysql algorithm silenced", M, mlt + "-- retort:lint-ignore alter-table-algorithm\nALTER TABLE t ADD COLUMN a int;", false, nil},
		// add-column-not-last
		{"mysql add after", M, mlt + "ALTER TABLE t ADD COLUMN a int AFTER id, ALGORITHM=INSTANT;", false, []string{"2 add-column-not-last"}},
		{"mysql add first", M, mlt + "ALTER TABLE t ADD a int FIRST, ALGORITHM=INSTANT;", false, []string{"2 add-column-not-last"}},
		{"mysql add last", M, mlt + "ALTER TABLE t ADD a varchar(10) DEFAULT 'AFTER', ALGORITHM=INSTANT;", false, nil},
		// add-fulltext-or-spatial-index
		{"mysql fulltext", M, mlt + "ALTER TABLE t ADD FULLTEXT INDEX ft (body);", false, []string{"2 add-fulltext-or-spatial-index"}},
		{"mysql create spatial", M, mlt + "CREATE SPATIAL INDEX sp ON t (g);", false, []string{"2 add-fulltext-or-spatial-index"}},
		{"mysql fulltext new table", M, "CREATE TABLE t (body text);\nCREATE FULLTEXT INDEX ft ON t (body);", false, nil},
		// optimize-table
		{"mysql optimize", M, mlt + "OPTIMIZE TABLE t;", false, []string{"2 optimize-table"}},
		{"mysql optimize silenced", M, mlt + "-- retort:lint-ignore optimize-table nightly\nOPTIMIZE TABLE t;", false, nil},
		// renaming-column, renaming-table
		{"pg rename column", P, lt + "ALTER TABLE t RENAME COLUMN a TO b;", false, []string{"2 renaming-column"}},
		{"pg rename table", P, lt + "ALTER TABLE t RENAME TO u;", false, []string{"2 renaming-table"}},
		{"pg rename constraint", P, lt + "ALTER TABLE t RENAME CONSTRAINT a TO b;", false, nil},
		{"mysql rename table", M, mlt + "RENAME TABLE t TO u;", false, []string{"2 renaming-table"}},
		{"mysql change", M, mlt + "ALTER TABLE t CHANGE a b int, ALGORITHM=INPLACE, LOCK=NONE;", false, []string{"2 renaming-column"}},
		{"mysql rename index", M, mlt + "ALTER TABLE t RENAME INDEX a TO b, ALGORITHM=INPLACE, LOCK=NONE;", false, nil},
		// drop-column, drop-table
		{"pg drop column", P, lt + "ALTER TABLE t DROP COLUMN a;", false, []string{"2 drop-column"}},
		{"pg drop constraint", P, lt + "ALTER TABLE t DROP CONSTRAINT a;", false, nil},
		{"pg drop table", P, lt + "DROP TABLE IF EXISTS t, u;", false, []string{"2 drop-table"}},
		{"pg drop new table", P, "CREATE TABLE t (a int);\nDROP TABLE t;", false, nil},
		{"pg truncate", P, lt + "TRUNCATE t;", false, []string{"2 drop-table"}},
		{"mysql drop column", M, mlt + "ALTER TABLE t DROP COLUMN a, ALGORITHM=INSTANT;", false, []string{"2 drop-column"}},
		{"drop silenced by kind", P, lt + "-- retort:lint-ignore destructive unused since v3\nALTER TABLE t DROP COLUMN a;", false, nil},
		// no naive matching: keywords inside strings, identifiers, comments
		{"pg words in strings", P, "INSERT INTO t VALUES ('ALTER TABLE x DROP COLUMN y; CREATE INDEX i ON x (a)');", false, nil},
		{"pg dollar quote", P, "DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$;", false, nil},
		{"pg quoted identifiers", P, lt + "ALTER TABLE \"DROP\" ADD COLUMN \"COLUMN\" int;", false, nil},
		{"pg comment between", P, lt + "ALTER TABLE t /* DROP COLUMN a */ ADD COLUMN b int;", false, nil},
		// SQLite: no rules
		{"sqlite", dialect.SQLite, "DROP TABLE t;\nCREATE INDEX i ON t (a);", false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := findings(t, tc.d, revisionFile(tc.up, "", tc.noTx))
			var want []string
			for _, w := range tc.want {
				var line int
				var rule string
				fmt.Sscanf(w, "%d %s", &line, &rule)
				want = append(want, fmt.Sprintf("%d %s", line+7, rule))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDowngradeSkipsDestructive(t *testing.T) {
	src := revisionFile("CREATE TABLE t (a int);", "DROP TABLE t;\nDROP TABLE u;\nDROP INDEX i;", false)
	got := findings(t, dialect.Postgres, src)
	// The table the upgrade created is new to the downgrade; u is not,
	// but dropping tables is what downgrades do.
	want := []string{"12 require-lock-timeout", "13 require-concurrent-index-deletion"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestIgnoreStopsAtSectionMarker(t *testing.T) {
	src := strings.Replace(revisionFile("SELECT 1;\n-- retort:lint-ignore locking", "CREATE INDEX idx_a ON t (a);", false), "\n\n-- +retort Downgrade", "\n-- +retort Downgrade", 1)
	got := findings(t, dialect.Postgres, src)
	want := []string{"11 require-lock-timeout", "11 require-concurrent-index-creation"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// TestNoSource: without the file's text there are no lint-ignore
// comments to read, and the findings are all there.
func TestNoSource(t *testing.T) {
	src := revisionFile(lt+"-- retort:lint-ignore locking\nCREATE INDEX i ON t (a);", "", false)
	rev, err := migrations.ParseFile("x.sql", []byte(src), dialect.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	if got := Revision(rev, nil, Options{Dialect: dialect.Postgres}); len(got) != 1 || got[0].Rule != "require-concurrent-index-creation" {
		t.Errorf("findings without the source: %v", got)
	}
	if got := Revision(rev, []byte(src), Options{Dialect: dialect.Postgres}); len(got) != 0 {
		t.Errorf("findings with the source: %v", got)
	}
}

func TestIgnoreOption(t *testing.T) {
	src := revisionFile("ALTER TABLE t DROP COLUMN a;", "", false)
	if got := findings(t, dialect.Postgres, src, "destructive", "require-lock-timeout"); len(got) != 0 {
		t.Errorf("findings with the rules ignored: %v", got)
	}
}

func TestBadIgnore(t *testing.T) {
	src := revisionFile(lt+"-- retort:lint-ignore drop-colum typo\nALTER TABLE t DROP COLUMN a;\n-- retort:lint-ignore\nSELECT 1;", "", false)
	got := findings(t, dialect.Postgres, src)
	want := []string{"9 lint-ignore", "10 drop-column", "11 lint-ignore"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestFindingString(t *testing.T) {
	fs, err := File("migrations/versions/a.sql", []byte(revisionFile(lt+"CREATE INDEX i ON t (a);", "", false)), Options{Dialect: dialect.Postgres})
	if err != nil {
		t.Fatal(err)
	}
	got := fs[0].String()
	want := `migrations/versions/a.sql:9: require-concurrent-index-creation: CREATE INDEX on t blocks its writes for the whole build (safe form: CREATE INDEX CONCURRENTLY in a "-- +retort Upgrade NoTransaction" section)`
	if got != want {
		t.Errorf("String:\n got %s\nwant %s", got, want)
	}
}

func TestRulesDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.Name] || r.Summary == "" || len(r.Dialects) == 0 || !known(r.Kind) {
			t.Errorf("rule %+v: duplicate, or missing summary, dialects or kind", r)
		}
		seen[r.Name] = true
		if strings.ToLower(r.Name) != r.Name {
			t.Errorf("rule name %q is not lower case", r.Name)
		}
	}
}

// TestREADMEListsRules keeps the README's rule table in step with Rules.
func TestREADMEListsRules(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		var ds []string
		for _, d := range r.Dialects {
			ds = append(ds, string(d))
		}
		row := fmt.Sprintf("| `%s` | %s | %s | %s |", r.Name, r.Kind, strings.Join(ds, ", "), r.Summary)
		if !strings.Contains(string(data), row) {
			t.Errorf("README.md lacks the row\n%s", row)
		}
	}
}

// TestRunnerLockTimeoutAndPlain: require-lock-timeout is not reported
// when the runner sets the timeout itself; a revision marked "Online:
// false" has no locking findings, and keeps the others.
func TestRunnerLockTimeoutAndPlain(t *testing.T) {
	src := revisionFile("CREATE INDEX i ON t (a);\nALTER TABLE t DROP COLUMN b;", "", false)
	lint := func(src string, opts Options) []string {
		t.Helper()
		opts.Dialect = dialect.Postgres
		fs, err := File("x.sql", []byte(src), opts)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range fs {
			out = append(out, fmt.Sprintf("%d %s", f.Line, f.Rule))
		}
		return out
	}
	if diff := cmp.Diff([]string{"8 require-lock-timeout", "8 require-concurrent-index-creation", "9 drop-column"}, lint(src, Options{})); diff != "" {
		t.Errorf("plain lint (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"8 require-concurrent-index-creation", "9 drop-column"}, lint(src, Options{RunnerSetsLockTimeout: true})); diff != "" {
		t.Errorf("the runner sets the timeout (-want +got):\n%s", diff)
	}
	plain := strings.Replace(src, "-- Create Date: 2026-12-05T00:00:00Z\n", "-- Create Date: 2026-12-05T00:00:00Z\n-- Online: false\n", 1)
	if diff := cmp.Diff([]string{"10 drop-column"}, lint(plain, Options{})); diff != "" {
		t.Errorf("Online: false (-want +got):\n%s", diff)
	}
}
