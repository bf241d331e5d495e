package migrations

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// The -update flag rewrites golden files. It is registered here only if no
// other test file of the package registered it already, and read lazily.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// golden compares got with testdata/runner/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "runner", name)
	if updateGolden() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; go test -update rewrites it):\n%s", path, diff)
	}
}

// offlineSteps is the history plus what offline output must render
// specially: warnings, a statement holding semicolons, a trailing comment,
// a NoTransaction section and hostile values.
func offlineSteps() []Step {
	h := newRTHistory()
	h.r2.Warnings = []string{"drops column users.email", "locks table users"}
	h.r2.Upgrade = append(h.r2.Upgrade,
		Statement{SQL: "INSERT INTO marks (rev) VALUES ('a;b')", Line: 13},
		Statement{SQL: "INSERT INTO marks (rev) VALUES ('c') -- trailing comment", Line: 14})
	h.r2.Checksum = rtChecksum(h.r2)
	h.r3b.UpgradeNoTx = true
	h.r3b.Checksum = rtChecksum(h.r3b)
	h.r4.Message = "merge 'quoted'"
	return h.up()
}

func TestWriteOfflineGolden(t *testing.T) {
	for _, d := range dialect.All {
		t.Run(string(d), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteOffline(&buf, offlineSteps(), rtOpts(d)); err != nil {
				t.Fatal(err)
			}
			golden(t, "upgrade_"+string(d)+".sql", buf.Bytes())

			h := newRTHistory()
			buf.Reset()
			if err := WriteOffline(&buf, h.down()[:2], rtOpts(d)); err != nil {
				t.Fatal(err)
			}
			golden(t, "downgrade_"+string(d)+".sql", buf.Bytes())

			buf.Reset()
			if err := WriteOfflineStamp(&buf, []string{"r2"}, []string{"r3a", "r3b"}, rtOpts(d)); err != nil {
				t.Fatal(err)
			}
			golden(t, "stamp_"+string(d)+".sql", buf.Bytes())
		})
	}
}

// The offline SQL runs as it is (PostgreSQL and SQLite accept a script in
// one call; MySQL's DELIMITER is the mysql client's) and leaves the same
// bookkeeping as an online run.
func TestWriteOfflineRuns(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.Postgres, dialect.SQLite}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		var buf bytes.Buffer
		steps := offlineSteps()
		o := rtOpts(d)
		o.StatementLockTimeout = 5 * time.Second // bounds each statement's wait, as the runner does
		if err := WriteOffline(&buf, steps, o); err != nil {
			t.Fatal(err)
		}
		if d == dialect.Postgres && !strings.Contains(buf.String(), "SET lock_timeout = '5000ms';") {
			t.Errorf("no lock_timeout in the offline SQL:\n%s", buf.String())
		}
		if _, err := db.ExecContext(ctx, buf.String()); err != nil {
			t.Fatalf("offline sql: %v\n%s", err, buf.String())
		}
		r := NewRunner(db.DB, rtOpts(d))
		if diff := cmp.Diff([]string{"r4"}, rtHeads(t, r)); diff != "" {
			t.Fatalf("heads (-want +got):\n%s", diff)
		}
		if n := rtMarks(t, db.DB, "a;b"); n != 1 {
			t.Errorf("mark a;b written %d times", n)
		}
		// The log rows it wrote count as applied: same files, no complaint.
		var revs []*Revision
		for _, s := range steps {
			revs = append(revs, s.Rev)
		}
		if err := r.Run(ctx, revs, rtPlanner(nil, steps)); err != nil {
			t.Fatal(err)
		}
	})
}

func TestBookkeepingTables(t *testing.T) {
	want := []string{"retort_version", "retort_version_log", "retort_version_lock"}
	if diff := cmp.Diff(want, BookkeepingTables("")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// BenchmarkWriteOffline is `upgrade head --sql` over a long linear history,
// without the parsing and planning.
func BenchmarkWriteOffline(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		var steps []Step
		var prev []string
		for i := range n {
			id := fmt.Sprintf("%012x", i+1)
			rev := rtRev(id, "step", prev, []string{
				fmt.Sprintf("CREATE TABLE t%d (id integer PRIMARY KEY, name varchar(255) NOT NULL DEFAULT '')", i),
				fmt.Sprintf("CREATE INDEX idx_t%d_name ON t%d (name)", i, i),
			}, nil)
			steps = append(steps, Step{Rev: rev, Up: true, DeleteHeads: prev, InsertHeads: []string{id}})
			prev = []string{id}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if err := WriteOffline(io.Discard, steps, rtOpts(dialect.Postgres)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// commentLine's fast path leaves alone only what the slow path would.
func TestCommentLine(t *testing.T) {
	slow := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "\r", " ")), " ") }
	for _, s := range []string{
		"", "add users", "add  users", " add", "add ", "a\tb", "a\r\nb", "a\u00a0b", "a\u0085b", "a\u3000b", "ü ß", "x\vy", "x\fy",
	} {
		if got, want := commentLine(s), slow(s); got != want {
			t.Errorf("commentLine(%q) = %q, want %q", s, got, want)
		}
	}
}

// The offline writer's running line is commentLine(runningLine(st)).
func TestOfflineRunningLine(t *testing.T) {
	for _, st := range []Step{
		{Rev: &Revision{ID: "a1", Message: "add users"}, Up: true},
		{Rev: &Revision{ID: "a1", Message: "add users"}},
		{Rev: &Revision{ID: "c3", Parents: []string{"a1", "b2"}, Message: "merge"}, Up: true},
		{Rev: &Revision{ID: "c3", Parents: []string{"a1", "b2"}, Message: "merge"}},
		{Rev: &Revision{ID: "b2", Parents: []string{"a1"}, Message: "two  spaces\tand a tab "}, Up: true},
		{Rev: &Revision{ID: "b2", Parents: []string{"a1"}}, Up: true},
	} {
		var buf bytes.Buffer
		o := &offlineWriter{w: &buf}
		o.runningLine(st)
		if want := "-- " + commentLine(runningLine(st)) + "\n"; buf.String() != want {
			t.Errorf("runningLine = %q, want %q", buf.String(), want)
		}
	}
}
