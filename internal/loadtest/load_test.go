package loadtest

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestLoad applies each dialect's changes, plain then safe, to a table of
// RETORT_LOAD_ROWS rows while a writer inserts and updates it, and reports
// each write's longest stall per change. Every acknowledged write must be
// in the table afterwards, and the safe form must not fail a write; with
// RETORT_LOAD_ROWS set (make stress), its longest stall per change must be
// under 1 s too. Without it the stalls are only logged: this machine's
// speed drifts too much for a timed assertion.
func TestLoad(t *testing.T) {
	rows, sized := 200_000, false
	if v := os.Getenv("RETORT_LOAD_ROWS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1000 {
			t.Fatalf("RETORT_LOAD_ROWS=%q: want a number of rows, at least 1000", v)
		}
		rows, sized = n, true
	}
	bin := buildRetort(t)
	var results []*result
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			testdb.Server(t, d)
			for _, f := range []form{plain, safe} {
				t.Run(string(f), func(t *testing.T) {
					r := runLoad(t, bin, d, f, rows)
					results = append(results, r)
					t.Logf("%s %s, %d rows:\n%s", d, f, rows, r.summary())
					if r.lost != 0 {
						t.Errorf("%d acknowledged write(s) missing afterwards: %s", r.lost, r.lostExample)
					}
					if f != safe {
						return
					}
					if r.errors != 0 {
						t.Errorf("%d write(s) failed with the safe SQL; the first: %s", r.errors, r.firstError)
					}
					for _, c := range r.changes {
						if sized && c.stall >= time.Second {
							t.Errorf("%s: the longest write stall during the safe %s was %v (target: under 1 s)", d, c.name, c.stall)
						}
					}
				})
			}
		})
	}
	report := markdown(rows, results)
	t.Logf("longest write stall per change:\n%s", report)
	if path := os.Getenv("RETORT_LOAD_REPORT"); path != "" {
		if err := os.WriteFile(path, []byte(report), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// result is what one (dialect, form) run measured.
type result struct {
	d          dialect.Name
	f          form
	quiet      time.Duration // the longest stall before the first change
	changes    []changeResult
	upgrade    time.Duration // all the changes' upgrades together
	writes     int
	errors     int
	firstError string
	// rows before the first change and after the last; inserts the
	// writer saw acknowledged; acknowledged writes missing afterwards.
	before, after int64
	inserted      int
	lost          int
	lostExample   string
}

type changeResult struct {
	name    string
	upgrade time.Duration // the retort upgrade process, start to exit
	stall   time.Duration // the longest write overlapping it
	writes  int
	errors  int
}

func (r *result) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %-28s %10s %14s %7s %7s\n", "change", "upgrade", "longest stall", "writes", "errors")
	fmt.Fprintf(&b, "  %-28s %10s %14s\n", "(no migration)", "", round(r.quiet))
	for _, c := range r.changes {
		fmt.Fprintf(&b, "  %-28s %10s %14s %7d %7d\n", c.name, round(c.upgrade), round(c.stall), c.writes, c.errors)
	}
	fmt.Fprintf(&b, "  upgrades %v in all; %d writes, %d failed; rows %d before, %d after (%d inserts acknowledged), %d acknowledged writes lost",
		round(r.upgrade), r.writes, r.errors, r.before, r.after, r.inserted, r.lost)
	return b.String()
}

func round(d time.Duration) time.Duration {
	if d < 10*time.Millisecond {
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(time.Millisecond)
}

// runLoad fills a fresh database, starts the writer and applies the
// changes of d and f, each as its own revision by its own retort upgrade.
func runLoad(t *testing.T, bin string, d dialect.Name, f form, rows int) *result {
	db := testdb.New(t, d)
	ctx := context.Background()
	start := time.Now()
	setUp(t, db.DB, d, rows)
	r := &result{d: d, f: f}
	if err := db.QueryRow("SELECT count(*) FROM items").Scan(&r.before); err != nil {
		t.Fatal(err)
	}
	var maxID int64
	if err := db.QueryRow("SELECT max(id) FROM items").Scan(&maxID); err != nil {
		t.Fatal(err)
	}
	t.Logf("filled items with %d rows in %v", r.before, time.Since(start).Round(time.Millisecond))

	proj := newProject(t, bin, db.URL.Secret())
	changes := revisions(d, f)
	for i, c := range changes {
		proj.writeRev(i, c)
	}

	w := newWriter(db.DB, d, maxID)
	w.start()
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			w.stop()
		}
	}
	defer stop()
	time.Sleep(time.Second) // the writer's pace without a migration
	quietEnd := w.since()
	type window struct{ from, to time.Duration }
	windows := make([]window, len(changes))
	for i, c := range changes {
		from := w.since()
		out, err := proj.upgrade(ctx, revID(i))
		windows[i] = window{from, w.since()}
		if err != nil {
			stop()
			t.Fatalf("retort upgrade %s (%s %s %s): %v\n%s", revID(i), d, f, c.Name, err, out)
		}
		time.Sleep(500 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	stop()

	writes := w.all()
	r.writes = len(writes)
	for _, x := range writes {
		if x.err != "" {
			if r.errors == 0 {
				r.firstError = x.err
			}
			r.errors++
		}
		if x.start+x.dur <= quietEnd && x.dur > r.quiet {
			r.quiet = x.dur
		}
	}
	for i, c := range changes {
		cr := changeResult{name: c.Name, upgrade: windows[i].to - windows[i].from}
		for _, x := range writes {
			if x.start < windows[i].to && x.start+x.dur > windows[i].from {
				cr.writes++
				if x.err != "" {
					cr.errors++
				}
				if x.dur > cr.stall {
					cr.stall = x.dur
				}
			}
		}
		r.changes = append(r.changes, cr)
		r.upgrade += cr.upgrade
	}
	w.verify(t, r)
	return r
}

// setUp creates parents (100 rows) and items (rows rows).
func setUp(t *testing.T, db *sql.DB, d dialect.Name, rows int) {
	var stmts []string
	switch d {
	case dialect.Postgres:
		stmts = []string{
			`CREATE TABLE parents (id bigint PRIMARY KEY, name text NOT NULL)`,
			`INSERT INTO parents SELECT g, 'p' || g FROM generate_series(1, 100) g`,
			`CREATE TABLE items (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, parent_id bigint NOT NULL,
				qty integer NOT NULL, amount integer, ref integer, note varchar(64))`,
			fmt.Sprintf(`INSERT INTO items (parent_id, qty, amount, ref, note)
				SELECT g %% 100 + 1, g %% 1000, g, g, 'note ' || g FROM generate_series(1, %d) g`, rows),
			`VACUUM ANALYZE items`,
		}
	case dialect.MySQL:
		stmts = []string{
			"CREATE TABLE parents (id bigint PRIMARY KEY, name varchar(32) NOT NULL)",
			"INSERT INTO parents SELECT seq, concat('p', seq) FROM seq_1_to_100",
			"CREATE TABLE items (id bigint AUTO_INCREMENT PRIMARY KEY, parent_id bigint NOT NULL, " +
				"qty int NOT NULL, amount int, ref int, note varchar(64)) ENGINE=InnoDB",
			fmt.Sprintf("INSERT INTO items (parent_id, qty, amount, ref, note) "+
				"SELECT seq %% 100 + 1, seq %% 1000, seq, seq, concat('note ', seq) FROM seq_1_to_%d", rows),
			"ANALYZE TABLE items",
		}
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("set up: %s: %v", s, err)
		}
	}
}

// write is one statement of the writer.
type write struct {
	start, dur time.Duration // since the writer started
	err        string
}

// writer inserts and updates items from a few goroutines, each write
// timed on its own, until stopped (or after 30 minutes, so that a hung
// test ends). Goroutine g updates only the ids ≡ g modulo their number,
// so that it knows the last amount it wrote to each.
type writer struct {
	db    *sql.DB
	d     dialect.Name
	maxID int64 // the last id of the table as filled
	t0    time.Time
	done  chan struct{}
	wg    sync.WaitGroup
	next  atomic.Int64 // amounts written are unique
	g     []*writerState
}

type writerState struct {
	writes []write
	// inserted: id -> amount of each acknowledged insert; updated: id ->
	// amount of the last acknowledged update; unsure: ids whose last
	// update failed (it may or may not have been applied).
	inserted, updated map[int64]int64
	unsure            map[int64]bool
}

const (
	writerGoroutines = 4
	writerPause      = 5 * time.Millisecond
	writeTimeout     = 20 * time.Minute
)

func newWriter(db *sql.DB, d dialect.Name, maxID int64) *writer {
	db.SetMaxOpenConns(writerGoroutines + 4)
	db.SetMaxIdleConns(writerGoroutines + 4)
	w := &writer{db: db, d: d, maxID: maxID, done: make(chan struct{})}
	w.next.Store(1_000_000_000)
	for range writerGoroutines {
		w.g = append(w.g, &writerState{inserted: map[int64]int64{}, updated: map[int64]int64{}, unsure: map[int64]bool{}})
	}
	return w
}

func (w *writer) since() time.Duration { return time.Since(w.t0) }

func (w *writer) start() {
	w.t0 = time.Now()
	for g := range w.g {
		w.wg.Add(1)
		go w.loop(g)
	}
}

func (w *writer) stop() {
	close(w.done)
	w.wg.Wait()
}

func (w *writer) loop(g int) {
	defer w.wg.Done()
	st := w.g[g]
	rnd := rand.New(rand.NewSource(int64(g) + 1))
	deadline := time.After(30 * time.Minute)
	insert := "INSERT INTO items (parent_id, qty, amount, ref, note) VALUES (?, ?, ?, ?, ?)"
	update := "UPDATE items SET amount = ?, qty = ? WHERE id = ?"
	if w.d == dialect.Postgres {
		insert = "INSERT INTO items (parent_id, qty, amount, ref, note) VALUES ($1, $2, $3, $4, $5) RETURNING id"
		update = "UPDATE items SET amount = $1, qty = $2 WHERE id = $3"
	}
	for i := 0; ; i++ {
		select {
		case <-w.done:
			return
		case <-deadline:
			return
		case <-time.After(writerPause):
		}
		amount := w.next.Add(1)
		ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
		from := w.since()
		var err error
		if i%2 == 0 {
			var id int64
			args := []any{rnd.Int63n(100) + 1, rnd.Intn(1000), amount, rnd.Intn(1000), "written"}
			if w.d == dialect.Postgres {
				err = w.db.QueryRowContext(ctx, insert, args...).Scan(&id)
			} else {
				var res sql.Result
				if res, err = w.db.ExecContext(ctx, insert, args...); err == nil {
					id, err = res.LastInsertId()
				}
			}
			if err == nil {
				st.inserted[id] = amount
			}
		} else {
			id := int64(g) + 1 + rnd.Int63n(w.maxID/writerGoroutines)*writerGoroutines
			_, err = w.db.ExecContext(ctx, update, amount, rnd.Intn(1000), id)
			if err == nil {
				st.updated[id] = amount
				delete(st.unsure, id)
			} else {
				st.unsure[id] = true
			}
		}
		x := write{start: from, dur: w.since() - from}
		if err != nil {
			x.err = err.Error()
		}
		st.writes = append(st.writes, x)
		cancel()
	}
}

// all returns every write, once the writer has stopped.
func (w *writer) all() []write {
	var out []write
	for _, st := range w.g {
		out = append(out, st.writes...)
	}
	return out
}

// verify reads the table and counts the acknowledged writes it lacks: an
// inserted row that is missing or changed, an updated row without the
// last amount written to it.
func (w *writer) verify(t *testing.T, r *result) {
	want := map[int64]int64{}
	for _, st := range w.g {
		for id, a := range st.inserted {
			want[id] = a
		}
		r.inserted += len(st.inserted)
		for id, a := range st.updated {
			if !st.unsure[id] {
				want[id] = a
			}
		}
	}
	rows, err := w.db.Query("SELECT id, amount FROM items")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	seen := 0
	for rows.Next() {
		var id int64
		var amount sql.NullInt64
		if err := rows.Scan(&id, &amount); err != nil {
			t.Fatal(err)
		}
		r.after++
		a, ok := want[id]
		if !ok {
			continue
		}
		seen++
		if !amount.Valid || amount.Int64 != a {
			r.lost++
			if r.lostExample == "" {
				r.lostExample = fmt.Sprintf("items id %d has amount %v, want %d", id, amount, a)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if missing := len(want) - seen; missing > 0 {
		r.lost += missing
		if r.lostExample == "" {
			for id := range want {
				r.lostExample = fmt.Sprintf("e.g. items id %d is missing", id)
				break
			}
		}
	}
}

// markdown renders one table per dialect: per change, each form's
// upgrade time and longest write stall.
func markdown(rows int, results []*result) string {
	var b strings.Builder
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		byForm := map[form]*result{}
		for _, r := range results {
			if r.d == d {
				byForm[r.f] = r
			}
		}
		p, s := byForm[plain], byForm[safe]
		if p == nil && s == nil {
			continue
		}
		name := map[dialect.Name]string{dialect.MySQL: "MariaDB", dialect.Postgres: "PostgreSQL"}[d]
		fmt.Fprintf(&b, "%s, %s rows, %d writer goroutines:\n\n", name, thousands(rows), writerGoroutines)
		b.WriteString("| change | plain: upgrade | plain: longest write stall | safe: upgrade | safe: longest write stall |\n")
		b.WriteString("|---|---:|---:|---:|---:|\n")
		cell := func(r *result, i int) (string, string) {
			if r == nil || i >= len(r.changes) {
				return "", ""
			}
			return secs(r.changes[i].upgrade), secs(r.changes[i].stall)
		}
		var names []string
		for _, r := range []*result{p, s} {
			if r != nil && len(r.changes) > len(names) {
				names = names[:0]
				for _, c := range r.changes {
					names = append(names, c.name)
				}
			}
		}
		pq, sq := "", ""
		if p != nil {
			pq = secs(p.quiet)
		}
		if s != nil {
			sq = secs(s.quiet)
		}
		fmt.Fprintf(&b, "| (no migration running) | | %s | | %s |\n", pq, sq)
		for i, n := range names {
			pu, ps := cell(p, i)
			su, ss := cell(s, i)
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", n, pu, ps, su, ss)
		}
		for _, r := range []*result{p, s} {
			if r == nil {
				continue
			}
			fmt.Fprintf(&b, "\n%s: upgrades %s in all; %d writes, %d failed; %d rows before, %d after (%d inserts acknowledged); %d acknowledged writes lost.",
				r.f, secs(r.upgrade), r.writes, r.errors, r.before, r.after, r.inserted, r.lost)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func secs(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// project is a retort project folder holding the revisions.
type project struct {
	t   *testing.T
	bin string
	dir string
	url string // RETORT_DATABASE_URL, password included
}

func newProject(t *testing.T, bin, url string) *project {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "retort.toml"), []byte("[migrations]\ndir = \"migrations\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return &project{t: t, bin: bin, dir: dir, url: url}
}

func revID(i int) string { return fmt.Sprintf("load%02d", i+1) }

// writeRev writes change i as revision load<i+1>, on top of the one
// before.
func (p *project) writeRev(i int, c change) {
	parent := ""
	if i > 0 {
		parent = revID(i - 1)
	}
	text := fmt.Sprintf("-- %s\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: 2026-12-05T12:%02d:00Z\n\n%s",
		c.Name, revID(i), parent, i, c.Body)
	if err := os.WriteFile(filepath.Join(p.dir, "migrations", "versions", revID(i)+"_load.sql"), []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// upgrade runs retort upgrade rev and returns what it printed.
func (p *project) upgrade(ctx context.Context, rev string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, p.bin, "upgrade", rev)
	cmd.Dir = p.dir
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "RETORT_DATABASE_URL=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "RETORT_DATABASE_URL="+p.url)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// The retort binary, built once per test run into a folder TestMain
// removes.
var retortBin struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if retortBin.dir != "" {
		os.RemoveAll(retortBin.dir)
	}
	os.Exit(code)
}

func buildRetort(t *testing.T) string {
	t.Helper()
	retortBin.once.Do(func() {
		dir, err := os.MkdirTemp("", "retort-bin-")
		if err != nil {
			retortBin.err = err
			return
		}
		retortBin.dir = dir
		retortBin.path = filepath.Join(dir, "retort")
		cmd := exec.Command("go", "build", "-o", retortBin.path, "github.com/retortdb/retort/cmd/retort")
		if out, err := cmd.CombinedOutput(); err != nil {
			retortBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if retortBin.err != nil {
		t.Fatal(retortBin.err)
	}
	return retortBin.path
}
