package migrations

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// The crash harness: `retort upgrade head` runs as a real process and is
// killed with SIGKILL at random points of a 24-revision history with data.
// After each kill `retort current` must tell the truth (checked against the
// schema and rows, statement by statement), and a plain `retort upgrade
// head` either goes on or refuses with a message; the harness follows the
// message, and every episode ends at the head with every row as a run
// without kills leaves it.
//
// RETORT_STRESS_KILLS sets the kill points per dialect (default 50);
// RETORT_STRESS_SEED the seed (default: the time, logged).

const crashRevisions = 24

// crashStmt is one statement of the history and how to see its effect.
type crashStmt struct {
	sql string
	// effect reports whether the statement's change is in the database;
	// nil for a statement that changes nothing.
	effect func(ctx context.Context, c catalog) (bool, error)
}

type crashRev struct {
	id     string
	parent string
	stmts  []crashStmt
	// skip holds statements removed from the file because they had run
	// when the process died (the harness followed retort's advice).
	skip map[int]bool
}

// fileStmts returns the indexes into stmts of the statements in the file.
func (r *crashRev) fileStmts() []int {
	var out []int
	for i := range r.stmts {
		if !r.skip[i] {
			out = append(out, i)
		}
	}
	return out
}

func crashID(k int) string { return fmt.Sprintf("cafe%08d", k) }

func crashHistory(d dialect.Name) []*crashRev {
	exists := func(q string, args ...any) func(context.Context, catalog) (bool, error) {
		return func(ctx context.Context, c catalog) (bool, error) {
			n, err := c.count(ctx, q, args...)
			if err != nil && isMissingTable(err) {
				return false, nil
			}
			return n > 0, err
		}
	}
	table := func(name string) func(context.Context, catalog) (bool, error) {
		return func(ctx context.Context, c catalog) (bool, error) { return c.tableExists(ctx, name) }
	}
	var revs []*crashRev
	for k := 1; k <= crashRevisions; k++ {
		r := &crashRev{id: crashID(k), skip: map[int]bool{}}
		if k > 1 {
			r.parent = crashID(k - 1)
		} else {
			r.stmts = append(r.stmts,
				crashStmt{"CREATE TABLE marks (rev varchar(64) NOT NULL)", table("marks")},
				crashStmt{"CREATE TABLE items (id integer PRIMARY KEY, name varchar(100) NOT NULL, n integer NOT NULL)", table("items")})
		}
		var vals []string
		for j := 1; j <= 5; j++ {
			vals = append(vals, fmt.Sprintf("(%d, 'item %d.%d', %d)", k*100+j, k, j, k))
		}
		r.stmts = append(r.stmts,
			crashStmt{fmt.Sprintf("INSERT INTO marks (rev) VALUES ('%s')", r.id),
				exists(fmt.Sprintf("SELECT COUNT(*) FROM marks WHERE rev = '%s'", r.id))},
			crashStmt{procSlow(d), nil},
			crashStmt{"INSERT INTO items (id, name, n) VALUES " + strings.Join(vals, ", "),
				exists(fmt.Sprintf("SELECT COUNT(*) FROM items WHERE id = %d", k*100+1))})
		switch k % 4 {
		case 0:
			col := fmt.Sprintf("c%d", k)
			r.stmts = append(r.stmts, crashStmt{fmt.Sprintf("ALTER TABLE items ADD COLUMN %s integer NULL", col),
				func(ctx context.Context, c catalog) (bool, error) { return c.columnExists(ctx, "items", col) }})
		case 1:
			ix := fmt.Sprintf("ix_items_%d", k)
			r.stmts = append(r.stmts, crashStmt{fmt.Sprintf("CREATE INDEX %s ON items (n, id)", ix),
				func(ctx context.Context, c catalog) (bool, error) { return c.indexExists(ctx, ix) }})
		case 2:
			tk := fmt.Sprintf("t%d", k)
			r.stmts = append(r.stmts,
				crashStmt{fmt.Sprintf("CREATE TABLE %s (id integer PRIMARY KEY, name varchar(100) NOT NULL)", tk), table(tk)},
				crashStmt{fmt.Sprintf("INSERT INTO %s (id, name) SELECT id, name FROM items", tk),
					exists(fmt.Sprintf("SELECT COUNT(*) FROM %s", tk))})
		case 3:
			r.stmts = append(r.stmts, crashStmt{fmt.Sprintf("UPDATE items SET n = n + 1000 WHERE id = %d", k*100+1),
				exists(fmt.Sprintf("SELECT COUNT(*) FROM items WHERE id = %d AND n >= 1000", k*100+1))})
		}
		r.stmts = append(r.stmts, crashStmt{procSlow(d), nil})
		revs = append(revs, r)
	}
	return revs
}

// crashWant is what the rows must be at the head.
func crashWant() (items []string, copies map[string]int) {
	copies = map[string]int{}
	for k := 1; k <= crashRevisions; k++ {
		for j := 1; j <= 5; j++ {
			n := k
			if j == 1 && k%4 == 3 {
				n += 1000
			}
			items = append(items, fmt.Sprintf("%d|item %d.%d|%d", k*100+j, k, j, n))
		}
		if k%4 == 2 {
			copies[fmt.Sprintf("t%d", k)] = 5 * k
		}
	}
	return items, copies
}

func (p *procProject) writeCrashRev(r *crashRev) {
	var up []string
	for _, i := range r.fileStmts() {
		up = append(up, r.stmts[i].sql)
	}
	p.writeRev(r.id, r.parent, "step "+r.id, nil, up)
}

// crashStats counts what the kills hit.
type crashStats struct {
	// target is the number of kill points wanted.
	target int

	kills, episodes, refusals, forced, removed, exitedFirst int
	// where counts kill points by what `current` said afterwards.
	where map[string]int
}

func TestCrashKill(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the kill harness in -short mode")
	}
	kills := 50
	if v := os.Getenv("RETORT_STRESS_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("RETORT_STRESS_KILLS=%q: want a positive number", v)
		}
		kills = n
	}
	seed := time.Now().UnixNano()
	if v := os.Getenv("RETORT_STRESS_SEED"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			t.Fatalf("RETORT_STRESS_SEED=%q: %v", v, err)
		}
		seed = n
	}
	t.Logf("seed %d (RETORT_STRESS_SEED=%d reproduces the kill points)", seed, seed)
	bin := buildRetort(t)
	for di, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			testdb.Server(t, d) // skip (or fail) here, not once per episode
			rng := rand.New(rand.NewSource(seed + int64(di)))
			st := &crashStats{target: kills, where: map[string]int{}}
			start := time.Now()
			for st.kills < kills {
				st.episodes++
				if !t.Run(fmt.Sprintf("episode%d", st.episodes), func(t *testing.T) {
					crashEpisode(t, d, bin, rng, st)
				}) || st.episodes > 10*st.target {
					return
				}
			}
			t.Logf("%s: %d kill points survived in %d episodes (%v); after the kill current said: %v; "+
				"plain upgrade refused %d times (retried with --force %d, statement removed from the file %d); "+
				"%d runs finished before their kill",
				d, st.kills, st.episodes, time.Since(start).Round(time.Second), st.where,
				st.refusals, st.forced, st.removed, st.exitedFirst)
		})
	}
}

var (
	crashHeadLine    = regexp.MustCompile(`^(\S+)( \(head\))?$`)
	crashPartialLine = regexp.MustCompile(`^(\S+) partially applied \(upgrade\): (\d+) of (\d+) statements ran, (?:statement (\d+) \(\S+\) was (running) when retort lost its session[,;] .*|it stopped before statement (\d+); .*)$`)
)

// crashState is what `retort current` said.
type crashState struct {
	head        int // 1-based revision number, 0 at base
	partial     int // the partially applied revision's number, 0 if none
	ran         int // statements of the file that ran
	interrupted bool
}

func crashEpisode(t *testing.T, d dialect.Name, bin string, rng *rand.Rand, st *crashStats) {
	ctx := context.Background()
	db := testdb.New(t, d)
	p := newProcProject(t, bin, db.URL.Secret())
	cat := catalog{d: d, db: db.DB}
	revs := crashHistory(d)
	for _, r := range revs {
		p.writeCrashRev(r)
	}
	byID := map[string]int{}
	for i, r := range revs {
		byID[r.id] = i + 1
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	lock, err := newLocker(ctx, conn, newVersionTable(d, ""))
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"upgrade", "head"}
	for attempt := 0; ; attempt++ {
		if attempt > 200 {
			t.Fatalf("no head after %d attempts", attempt)
		}
		// Most kills land anywhere in the run; some very early.
		delay := time.Duration(rng.Int63n(int64(700 * time.Millisecond)))
		if rng.Intn(8) == 0 {
			delay = time.Duration(rng.Int63n(int64(60 * time.Millisecond)))
		}
		if st.kills >= st.target {
			delay = time.Hour // enough kills: let the episode finish
		}
		pctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		cmd, o, e := p.command(pctx, args...)
		if err := cmd.Start(); err != nil {
			cancel()
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var werr error
		killed := false
		select {
		case werr = <-done:
		case <-time.After(delay):
			if d == dialect.Postgres {
				// Counted only: whether a statement was running as the
				// signal went out (MySQL's log says so by itself; SQLite
				// cannot be asked).
				var n int
				if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "+
					"AND state = 'active' AND query LIKE 'SELECT pg_sleep%'").Scan(&n); err == nil && n > 0 {
					st.where["killed in pg_sleep"]++
				}
			}
			cmd.Process.Signal(syscall.SIGKILL)
			werr = <-done
			killed = true
		}
		cancel()
		p.record(args, o, e)
		if killed {
			if ee, ok := werr.(interface{ Sys() any }); ok {
				if ws, ok := ee.Sys().(syscall.WaitStatus); ok && !ws.Signaled() {
					// It finished just before the signal.
					killed = false
				}
			}
		}
		if killed {
			st.kills++
			// The server may still finish what the dead process sent (a
			// statement, a COMMIT): look once its session is gone, which
			// is when its lock is free.
			if d != dialect.SQLite {
				for lock.holder(ctx) != "" {
					time.Sleep(5 * time.Millisecond)
				}
			}
			s := crashCurrent(t, p, byID)
			crashCheckTruth(t, ctx, cat, revs, s, d)
			switch {
			case s.partial > 0 && s.interrupted:
				st.where["during a statement"]++
			case s.partial > 0:
				st.where["between statements"]++
			case s.head == 0:
				st.where["at base"]++
			default:
				st.where["between revisions"]++
			}
			args = []string{"upgrade", "head"}
			continue
		}
		st.exitedFirst++
		code := exitCodeOf(t, werr)
		if code == 0 {
			break
		}
		// Refused: the message says what to do.
		st.refusals++
		msg := e.String()
		s := crashCurrent(t, p, byID)
		if d != dialect.MySQL || s.partial == 0 || !s.interrupted {
			t.Fatalf("retort %s refused (exit %d) in state %+v:\n%s", strings.Join(args, " "), code, s, msg)
		}
		if !strings.Contains(msg, "--force` retries it") || !strings.Contains(msg, "remove it from the file") ||
			!strings.Contains(msg, "retort stamp") {
			t.Fatalf("refusal does not say what to do:\n%s", msg)
		}
		r := revs[s.partial-1]
		idx := r.fileStmts()[s.ran] // the interrupted statement
		present := false
		if f := r.stmts[idx].effect; f != nil {
			var err error
			if present, err = f(ctx, cat); err != nil {
				t.Fatal(err)
			}
		}
		if present {
			// It ran: take it out of the file and resume after it.
			r.skip[idx] = true
			p.writeCrashRev(r)
			st.removed++
			args = []string{"upgrade", "head"}
		} else {
			st.forced++
			args = []string{"upgrade", "head", "--force"}
		}
	}
	// At the head, with every row as it must be.
	s := crashCurrent(t, p, byID)
	if s.head != crashRevisions || s.partial != 0 {
		t.Fatalf("after a successful upgrade head, current says %+v", s)
	}
	crashCheckTruth(t, ctx, cat, revs, s, d)
	wantItems, copies := crashWant()
	got, err := cat.rows(ctx, "SELECT id, name, n FROM items ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, wantItems) {
		t.Fatalf("items at the head:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantItems, "\n"))
	}
	marks, err := cat.rows(ctx, "SELECT rev, COUNT(*) FROM marks GROUP BY rev ORDER BY rev")
	if err != nil {
		t.Fatal(err)
	}
	if len(marks) != crashRevisions {
		t.Fatalf("marks: %v", marks)
	}
	for _, m := range marks {
		if !strings.HasSuffix(m, "|1") {
			t.Fatalf("a revision ran twice: marks %v", marks)
		}
	}
	for tk, n := range copies {
		got, err := cat.count(ctx, "SELECT COUNT(*) FROM "+tk)
		if err != nil || got != n {
			t.Fatalf("%s has %d rows (%v), want %d", tk, got, err, n)
		}
	}
}

// crashCurrent runs `retort current` and parses what it says.
func crashCurrent(t *testing.T, p *procProject, byID map[string]int) crashState {
	t.Helper()
	out, errOut, code := p.run("current")
	if code != 0 && code != 1 {
		t.Fatalf("retort current: exit %d\n%s%s", code, out, errOut)
	}
	var s crashState
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		if m := crashPartialLine.FindStringSubmatch(line); m != nil {
			s.partial = byID[m[1]]
			s.ran, _ = strconv.Atoi(m[2])
			s.interrupted = m[5] != ""
			continue
		}
		if m := crashHeadLine.FindStringSubmatch(line); m != nil && byID[m[1]] > 0 && s.head == 0 {
			s.head = byID[m[1]]
			continue
		}
		t.Fatalf("retort current: unexpected line %q\n%s", line, out)
	}
	if (code == 1) != (s.partial > 0) {
		t.Fatalf("retort current: exit %d for %+v\n%s%s", code, s, out, errOut)
	}
	if s.partial > 0 && s.partial != s.head+1 {
		t.Fatalf("retort current: partial revision %d after head %d", s.partial, s.head)
	}
	return s
}

// crashCheckTruth checks the effect of every statement against what
// current said: all of the revisions up to the head, the statements that
// ran of a partial revision, nothing after (the interrupted statement may
// go either way).
func crashCheckTruth(t *testing.T, ctx context.Context, cat catalog, revs []*crashRev, s crashState, d dialect.Name) {
	t.Helper()
	if s.partial > 0 && d != dialect.MySQL {
		t.Fatalf("%s shows a partially applied revision: %+v", d, s)
	}
	for ri, r := range revs {
		n := ri + 1
		files := r.fileStmts()
		for i, st := range r.stmts {
			if st.effect == nil {
				continue
			}
			var want, known bool
			switch {
			case n <= s.head:
				want, known = true, true
			case n == s.partial:
				pos := slices.Index(files, i)
				switch {
				case pos < 0: // removed from the file because it had run
					want, known = true, true
				case pos < s.ran:
					want, known = true, true
				case pos == s.ran && s.interrupted:
					known = false
				default:
					want, known = false, true
				}
			default:
				want, known = false, true
			}
			if !known {
				continue
			}
			got, err := st.effect(ctx, cat)
			if err != nil {
				t.Fatalf("check %q: %v", st.sql, err)
			}
			if got != want {
				t.Fatalf("current says %+v, but statement %d of revision %d (%s) is applied=%v",
					s, i+1, n, st.sql, got)
			}
		}
	}
}
