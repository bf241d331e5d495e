package diff

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/benchgen"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrations"
)

// replayCase is a list of statements run in order in an empty database.
type replayCase struct {
	name  string
	stmts []string
}

// replayCorpus is every schema the tests know, as statements: each
// scenario's starting and wanted schema, its starting schema followed by
// the upgrade it plans, the upgrades the autogen scenarios write (run on
// an empty database: the first, from nothing, applies), the reader's own
// cases (testdata/ddlreads, one script a case), the random pairs and the
// benchmark's schema.
func replayCorpus(t *testing.T, d dialect.Name, pairs int) []replayCase {
	t.Helper()
	var out []replayCase
	read := func(dir string, names ...string) string {
		for _, n := range names {
			if b, err := os.ReadFile(filepath.Join(dir, n)); err == nil {
				return string(b)
			}
		}
		return ""
	}
	dirs, err := filepath.Glob("testdata/schemapairs/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		from := read(dir, "from."+string(d)+".sql", "from.sql")
		to := read(dir, "to."+string(d)+".sql", "to.sql")
		out = append(out, replayCase{name + "/from", splitScript(from)}, replayCase{name + "/to", splitScript(to)})
		want := read(dir, "want."+string(d)+".sql")
		if _, up, ok := strings.Cut(want, "-- upgrade"); ok {
			up, _, _ = strings.Cut(up, "-- downgrade")
			if _, rest, ok := strings.Cut(up, "\n"); ok {
				out = append(out, replayCase{name + "/from+upgrade", append(splitScript(from), splitScript(rest)...)})
			}
		}
	}
	revs, err := filepath.Glob("../autogen/testdata/modelchanges/*/want." + string(d) + ".sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range revs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rev, err := migrations.ParseFile(p, data, d)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var stmts []string
		for _, s := range rev.Upgrade {
			stmts = append(stmts, s.SQL)
		}
		out = append(out, replayCase{"autogen/" + filepath.Base(filepath.Dir(p)), stmts})
	}
	reads, err := filepath.Glob("testdata/ddlreads/*." + string(d) + ".sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range reads {
		out = append(out, replayCase{"ddlreads/" + strings.TrimSuffix(filepath.Base(p), "."+string(d)+".sql"), splitScript(read(filepath.Dir(p), filepath.Base(p)))})
	}
	for i := 0; i < pairs; i++ {
		r := rand.New(rand.NewSource(int64(i + 1)))
		from, to, _, _ := genPair(r)
		out = append(out,
			replayCase{fmt.Sprintf("pair%d/from", i+1), splitScript(from.ddl(d))},
			replayCase{fmt.Sprintf("pair%d/to", i+1), splitScript(to.ddl(d))})
	}
	_, ddl := benchgen.Generate(benchgen.Options{Tables: 200, Seed: 1})
	out = append(out, replayCase{"benchgen", ddl[d]})
	return out
}

// replayPairs is how many random pairs TestReplayed reads: the pairs'
// property test runs RETORT_DIFF_PAIRS of them; a few dozen cover their
// statements here.
const replayPairs = 25

// TestReplayed checks target 4 of `check --from-migrations`'s fast path:
// for every schema of the corpus, the schema Replayed reads from the
// statements is, table by table and value for value, the one Inspect
// reads after running them in a scratch database; and a corpus whose
// statements Replayed does not know is said so (the caller then runs
// them). The benchmark's schema and the reader's own cases must take the
// fast path.
func TestReplayed(t *testing.T) {
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			testdb.Server(t, d)
			db := testdb.New(t, d)
			opts := Options{Dialect: d, URL: db.URL, DB: db.DB, VersionTable: "retort_version", CacheDir: t.TempDir()}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			var (
				mu                         sync.Mutex
				fast, fellBack, serverSaid int
				reasons                    = map[string]int{}
			)
			cases := replayCorpus(t, d, replayPairs)
			work := make(chan replayCase)
			var wg sync.WaitGroup
			for w := 0; w < 4; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for c := range work {
						res := compareReplay(t, ctx, c, opts)
						mu.Lock()
						switch {
						case res.refused:
							serverSaid++
						case res.why != "":
							fellBack++
							reasons[reasonKind(res.why)]++
						default:
							fast++
						}
						mu.Unlock()
						if c.name == "benchgen" && res.why != "" {
							t.Errorf("benchgen: the benchmark's schema fell back: %s", res.why)
						}
						if strings.HasPrefix(c.name, "ddlreads/") && (res.why != "" || res.refused) {
							t.Errorf("%s: the reader's own case fell back (%s) or the server refused it", c.name, res.why)
						}
					}
				}()
			}
			for _, c := range cases {
				work <- c
			}
			close(work)
			wg.Wait()
			var rs []string
			for r, n := range reasons {
				rs = append(rs, fmt.Sprintf("%d× %s", n, r))
			}
			sort.Strings(rs)
			t.Logf("%d cases: %d read and normalized (compared), %d fell back to running them, %d refused by the server; fallbacks: %s",
				len(cases), fast, fellBack, serverSaid, strings.Join(rs, "; "))
			if fast < len(cases)/3 {
				t.Errorf("only %d of %d cases took the fast path", fast, len(cases))
			}
		})
	}
}

// reasonKind is the reason of a fallback without its statement number.
func reasonKind(why string) string {
	if _, rest, ok := strings.Cut(why, ": "); ok {
		if _, r, ok := strings.Cut(rest, ": "); ok {
			return r
		}
	}
	return why
}

type replayResult struct {
	why     string // the fast path fell back
	refused bool   // the server refused a statement: not a schema
}

// compareReplay runs c's statements in a scratch database and inspects
// it, reads them with Replayed, and reports any difference.
func compareReplay(t *testing.T, ctx context.Context, c replayCase, opts Options) replayResult {
	t.Helper()
	sdb, _, cleanup, err := Scratch(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	for _, s := range c.stmts {
		if _, err := sdb.ExecContext(ctx, s); err != nil {
			if testing.Verbose() {
				t.Logf("%s: the server refuses %q: %v", c.name, firstLine(s), err)
			}
			return replayResult{refused: true}
		}
	}
	want, _, err := Inspect(ctx, sdb, Options{Dialect: opts.Dialect, VersionTable: opts.VersionTable})
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	got, why, err := Replayed(ctx, c.stmts, want.Name, opts)
	if err != nil {
		t.Errorf("%s: Replayed: %v", c.name, err)
		return replayResult{why: "error"}
	}
	if why != "" {
		if testing.Verbose() {
			t.Logf("%s: falls back: %s", c.name, why)
		}
		return replayResult{why: why}
	}
	sameInspected(t, c.name, want, got)
	return replayResult{}
}

// sameInspected reports how got differs from want: the tables, in order,
// each value for value (less PostgreSQL's table OIDs), and the schema's
// attributes.
func sameInspected(t *testing.T, name string, want, got *sqlschema.Schema) {
	t.Helper()
	names := func(s *sqlschema.Schema) []string {
		var out []string
		for _, tb := range s.Tables {
			out = append(out, tb.Name)
		}
		return out
	}
	if diff := cmp.Diff(names(want), names(got)); diff != "" {
		t.Errorf("%s: tables (-replayed +read):\n%s", name, diff)
		return
	}
	for i, wt := range want.Tables {
		w, g := keyOrder(withoutOID(encodeTable(wt))), keyOrder(withoutOID(encodeTable(got.Tables[i])))
		if !reflect.DeepEqual(w, g) {
			t.Errorf("%s: table %s (-replayed +read):\n%s", name, wt.Name, cmp.Diff(lines(fingerprint(w)), lines(fingerprint(g))))
		}
	}
	if w, g := fingerprint(withoutPrivate(want.Attrs)), fingerprint(got.Attrs); w != g {
		t.Errorf("%s: schema attributes (-replayed +read):\n%s", name, cmp.Diff(lines(w), lines(g)))
	}
}

// keyOrder puts the constraints PostgreSQL lists on each index last, by
// name: the inspector reads them from a map.
func keyOrder(ct *cTable) *cTable {
	c := *ct
	c.Indexes = append([]cIndex(nil), ct.Indexes...)
	for i := range c.Indexes {
		c.Indexes[i].Attrs = constraintsLast(c.Indexes[i].Attrs)
	}
	if ct.PK != nil {
		pk := *ct.PK
		pk.Attrs = constraintsLast(pk.Attrs)
		c.PK = &pk
	}
	return &c
}
