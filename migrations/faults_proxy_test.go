package migrations

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/faultproxy"
	"github.com/retortdb/retort/internal/testdb"
)

// The fault-injection harness (issue 18). The real retort binary talks to
// MariaDB or PostgreSQL through internal/faultproxy, and each trial puts
// one fault into one command: `upgrade` (often the first run on an empty
// database), `downgrade` to an earlier revision or base, or `stamp`. A
// fault is a connection cut after some bytes or some time or before a
// given statement, a stall, a lost reply, refused reconnections, or the
// server ending retort's session or statement (KILL, KILL QUERY,
// pg_terminate_backend, pg_cancel_backend).
//
// After the fault the harness does only what retort tells it, over a
// healthy connection: it runs `retort current`, runs the command that
// `current` or the failed command put in backticks (`retort upgrade head
// --force`, `retort stamp abc`, ...), then the original command again,
// for a bounded number of rounds. The command followed is the first
// `retort upgrade|downgrade|stamp ...` in backticks with no placeholder,
// whatever the words around it say: retort should put in backticks only
// what it means to be run now. Then the target must be reached, every
// revision reported applied must have all of its effects and every other
// none (rows counted, so a statement run twice shows), and no command may
// exit non-zero having reached its target. Every retort process has a
// timeout: a hang is a failure that says so.
//
// RETORT_STRESS_FAULTS: faults per dialect (default 50; `make stress` runs
// more). RETORT_FAULTS_SEED: the seed (default the time, logged);
// RETORT_FAULTS_TRIAL=N with it replays trial N alone. RETORT_FAULTS_TIMEOUT:
// the per-process timeout (default 60s).

const fiRevisions = 15

// fiBig is the row count of the tables filled by a big INSERT ... SELECT.
const fiBig = 50000

func fiID(k int) string { return fmt.Sprintf("beef%08d", k) }

// fiRev is one revision of the history and how to see it applied.
type fiRev struct {
	k                int
	up, down         []string
	upNoTx, downNoTx bool
	probes           []fiProbe
}

// fiProbe is a query whose one-row answer is want when the revision is
// applied and gone (or "missing": a table it needs does not exist) when
// it is not.
type fiProbe struct {
	q, want, gone string
}

func fiSlow(d dialect.Name) string {
	if d == dialect.MySQL {
		return "DO SLEEP(0.04)"
	}
	return "SELECT pg_sleep(0.04)"
}

// fiHistory is 15 revisions: each inserts a marker, five items and the
// item count at the time (so an earlier insert run twice shows), and does
// some DDL; 5 and 11 fill a table of fiBig rows; on PostgreSQL 8 builds
// an index CONCURRENTLY in NoTransaction sections. Downgrades log
// themselves in the table `undone`, which the harness makes.
func fiHistory(d dialect.Name) []*fiRev {
	var revs []*fiRev
	indexProbe := func(ix string) fiProbe {
		if d == dialect.Postgres {
			return fiProbe{fmt.Sprintf("SELECT COUNT(*), COALESCE(SUM(CASE WHEN i.indisvalid THEN 1 ELSE 0 END), 0) FROM pg_class c "+
				"JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = '%s' AND c.relnamespace = current_schema()::regnamespace", ix), "1|1", "0|0"}
		}
		return fiProbe{fmt.Sprintf("SELECT COUNT(DISTINCT index_name) FROM information_schema.statistics "+
			"WHERE table_schema = DATABASE() AND index_name = '%s'", ix), "1", "0"}
	}
	dropIndex := func(ix, table string) string {
		if d == dialect.MySQL {
			return fmt.Sprintf("DROP INDEX %s ON %s", ix, table)
		}
		return "DROP INDEX " + ix
	}
	series := func(table string) string {
		if d == dialect.MySQL {
			return fmt.Sprintf("INSERT INTO %s (v) SELECT seq FROM seq_1_to_%d", table, fiBig)
		}
		return fmt.Sprintf("INSERT INTO %s (v) SELECT g FROM generate_series(1, %d) g", table, fiBig)
	}
	for k := 1; k <= fiRevisions; k++ {
		r := &fiRev{k: k}
		id := fiID(k)
		if k == 1 {
			r.up = append(r.up,
				"CREATE TABLE marks (rev varchar(64) NOT NULL)",
				"CREATE TABLE items (id integer NOT NULL, rev varchar(64) NOT NULL, n integer NOT NULL)",
				"CREATE TABLE counts (rev varchar(64) NOT NULL, n integer NOT NULL)")
		}
		var vals []string
		for j := 1; j <= 5; j++ {
			vals = append(vals, fmt.Sprintf("(%d, '%s', %d)", k*100+j, id, k))
		}
		r.up = append(r.up,
			fmt.Sprintf("INSERT INTO marks (rev) VALUES ('%s')", id),
			fiSlow(d),
			"INSERT INTO items (id, rev, n) VALUES "+strings.Join(vals, ", "),
			fmt.Sprintf("INSERT INTO counts (rev, n) SELECT '%s', COUNT(*) FROM items", id))
		sum := 5 * k
		if k%4 == 3 {
			sum += 1000
		}
		r.probes = append(r.probes,
			fiProbe{fmt.Sprintf("SELECT COUNT(*) FROM marks WHERE rev = '%s'", id), "1", "0"},
			fiProbe{fmt.Sprintf("SELECT COUNT(*), COALESCE(SUM(n), 0) FROM items WHERE rev = '%s'", id), fmt.Sprintf("5|%d", sum), "0|0"},
			fiProbe{fmt.Sprintf("SELECT COUNT(*), COALESCE(MIN(n), 0), COALESCE(MAX(n), 0) FROM counts WHERE rev = '%s'", id),
				fmt.Sprintf("1|%d|%d", 5*k, 5*k), "0|0|0"})
		// The undo of the data, before the undo of the DDL in reverse.
		down := []string{
			fmt.Sprintf("DELETE FROM counts WHERE rev = '%s'", id),
			fmt.Sprintf("DELETE FROM items WHERE rev = '%s'", id),
			fmt.Sprintf("DELETE FROM marks WHERE rev = '%s'", id),
		}
		var ddlDown []string
		if k == 5 || k == 11 {
			big := fmt.Sprintf("big%d", k)
			r.up = append(r.up, fmt.Sprintf("CREATE TABLE %s (v integer NOT NULL)", big), series(big))
			r.probes = append(r.probes, fiProbe{"SELECT COUNT(*) FROM " + big, strconv.Itoa(fiBig), "missing"})
			ddlDown = append(ddlDown, "DROP TABLE "+big)
		}
		switch {
		case k == 8:
			if d == dialect.Postgres {
				r.up = append(r.up, "CREATE INDEX CONCURRENTLY ix_conc ON big5 (v)")
				ddlDown = append(ddlDown, "DROP INDEX CONCURRENTLY ix_conc")
				r.upNoTx, r.downNoTx = true, true
			} else {
				r.up = append(r.up, "CREATE INDEX ix_conc ON big5 (v)")
				ddlDown = append(ddlDown, dropIndex("ix_conc", "big5"))
			}
			r.probes = append(r.probes, indexProbe("ix_conc"))
		case k%4 == 0:
			col := fmt.Sprintf("c%d", k)
			r.up = append(r.up, fmt.Sprintf("ALTER TABLE items ADD COLUMN %s integer NULL", col))
			ddlDown = append(ddlDown, "ALTER TABLE items DROP COLUMN "+col)
			q := "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'items' AND column_name = '%s'"
			if d == dialect.Postgres {
				q = "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'items' AND column_name = '%s'"
			}
			r.probes = append(r.probes, fiProbe{fmt.Sprintf(q, col), "1", "0"})
		case k%4 == 1:
			ix := fmt.Sprintf("ix_items_%d", k)
			r.up = append(r.up, fmt.Sprintf("CREATE INDEX %s ON items (n, id)", ix))
			ddlDown = append(ddlDown, dropIndex(ix, "items"))
			r.probes = append(r.probes, indexProbe(ix))
		case k%4 == 2:
			tk := fmt.Sprintf("t%d", k)
			r.up = append(r.up,
				fmt.Sprintf("CREATE TABLE %s (id integer NOT NULL, rev varchar(64) NOT NULL)", tk),
				fmt.Sprintf("INSERT INTO %s (id, rev) SELECT id, rev FROM items", tk))
			ddlDown = append(ddlDown, "DROP TABLE "+tk)
			r.probes = append(r.probes, fiProbe{"SELECT COUNT(*) FROM " + tk, strconv.Itoa(5 * k), "missing"})
		case k%4 == 3:
			r.up = append(r.up, fmt.Sprintf("UPDATE items SET n = n + 1000 WHERE id = %d", k*100+1))
			down = append([]string{fmt.Sprintf("UPDATE items SET n = n - 1000 WHERE id = %d", k*100+1)}, down...)
		}
		r.up = append(r.up, fiSlow(d))
		slices.Reverse(ddlDown)
		r.down = append([]string{fiSlow(d)}, down...)
		r.down = append(r.down, ddlDown...)
		if k == 1 {
			r.down = append(r.down, "DROP TABLE counts", "DROP TABLE items", "DROP TABLE marks")
		}
		r.down = append(r.down, fmt.Sprintf("INSERT INTO undone (rev) VALUES ('%s')", id))
		revs = append(revs, r)
	}
	return revs
}

func (p *procProject) writeFaultRev(r *fiRev) {
	p.t.Helper()
	var b strings.Builder
	parent := ""
	if r.k > 1 {
		parent = fiID(r.k - 1)
	}
	fmt.Fprintf(&b, "-- step %d\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: 2026-11-25T12:00:00Z\n", r.k, fiID(r.k), parent)
	section := func(name string, noTx bool, stmts []string) {
		b.WriteString("\n-- +retort " + name)
		if noTx {
			b.WriteString(" NoTransaction")
		}
		b.WriteString("\n")
		for _, s := range stmts {
			b.WriteString(s + ";\n")
		}
	}
	section("Upgrade", r.upNoTx, r.up)
	section("Downgrade", r.downNoTx, r.down)
	if err := os.WriteFile(p.revPath(fiID(r.k)), []byte(b.String()), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// fiKind is a kind of fault.
type fiKind string

const (
	fiPass       fiKind = "pass"        // no fault: the control
	fiCutUp      fiKind = "cut-up"      // cut after N bytes client to server
	fiCutDown    fiKind = "cut-down"    // cut after N bytes server to client
	fiCutTime    fiKind = "cut-time"    // cut after D
	fiCutStmt    fiKind = "cut-stmt"    // cut as the Nth packet holding a word goes out
	fiCutRefuse  fiKind = "cut-refuse"  // cut after N bytes, new connections refused
	fiStallShort fiKind = "stall-short" // stall for up to 2 s, then go on
	fiStall      fiKind = "stall"       // stall for good
	fiDropReply  fiKind = "drop-reply"  // the reply to a request never comes
	fiDropCommit fiKind = "drop-commit" // the reply to a COMMIT is lost, then the connection drops
	fiKill       fiKind = "kill"        // MySQL KILL of retort's session
	fiKillQuery  fiKind = "kill-query"  // MySQL KILL QUERY
	fiTerminate  fiKind = "terminate"   // pg_terminate_backend
	fiCancel     fiKind = "cancel"      // pg_cancel_backend
)

func fiKinds(d dialect.Name) []fiKind {
	ks := []fiKind{fiPass, fiCutUp, fiCutDown, fiCutTime, fiCutStmt, fiCutRefuse, fiStallShort, fiStall, fiDropReply, fiDropCommit}
	if d == dialect.MySQL {
		return append(ks, fiKill, fiKillQuery)
	}
	return append(ks, fiTerminate, fiCancel)
}

// fiBookkeeping are words of retort's own statements that cut-stmt and
// drop-reply also aim at.
var fiBookkeeping = []string{"retort_version_log", "retort_version", "commit"}

// fiTrial is one trial: a start state, a command and a fault.
type fiTrial struct {
	n      int
	seed   int64
	op     string // upgrade, downgrade, stamp
	start  int    // revisions applied before the command
	target int    // revision number the command goes to (0 = base)
	kind   fiKind
	frac   float64 // where in the command the fault goes, 0..1
	word   string
	nth    int
	dur    time.Duration
	aim    bool // a server fault waits for the statement word to run
}

func (tr *fiTrial) args() []string {
	t := "base"
	if tr.target == fiRevisions {
		t = "head"
	} else if tr.target > 0 {
		t = fiID(tr.target)
	}
	return []string{tr.op, t}
}

func (tr *fiTrial) String() string {
	s := fmt.Sprintf("trial %d (seed %d): %s from %d, fault %s", tr.n, tr.seed, strings.Join(tr.args(), " "), tr.start, tr.kind)
	switch tr.kind {
	case fiCutStmt, fiDropReply:
		s += fmt.Sprintf(" at client packet %d holding %q", tr.nth, tr.word)
	case fiDropCommit:
		s += fmt.Sprintf(" at COMMIT %d", tr.nth)
	case fiPass:
	case fiKill, fiKillQuery, fiTerminate, fiCancel:
		if tr.aim {
			s += fmt.Sprintf(" as %q runs", tr.word)
		} else {
			s += fmt.Sprintf(" at %.0f%%", 100*tr.frac)
		}
	default:
		s += fmt.Sprintf(" at %.0f%%", 100*tr.frac)
	}
	return s
}

func fiNewTrial(n int, seed int64, d dialect.Name, kinds []fiKind) *fiTrial {
	rng := rand.New(rand.NewSource(seed))
	tr := &fiTrial{n: n, seed: seed, kind: kinds[rng.Intn(len(kinds))], frac: rng.Float64(),
		dur: time.Duration(100+rng.Intn(1900)) * time.Millisecond}
	switch x := rng.Intn(10); {
	case x < 2: // the first run on an empty database
		tr.op, tr.start, tr.target = "upgrade", 0, fiRevisions
	case x < 6:
		tr.op = "upgrade"
		tr.start = rng.Intn(fiRevisions)
		tr.target = tr.start + 1 + rng.Intn(fiRevisions-tr.start)
	case x < 9:
		tr.op = "downgrade"
		tr.start = 1 + rng.Intn(fiRevisions)
		tr.target = rng.Intn(tr.start)
	default:
		tr.op = "stamp"
		tr.start = rng.Intn(fiRevisions + 1)
		tr.target = (tr.start + 1 + rng.Intn(fiRevisions)) % (fiRevisions + 1)
	}
	// A statement of the command, or a word of retort's bookkeeping; nth
	// counts the client packets holding it, as the proxy does.
	stmts := tr.plan(fiHistory(d))
	steps := max(tr.target-tr.start, tr.start-tr.target, 1)
	if len(stmts) > 0 && rng.Intn(4) > 0 {
		i := rng.Intn(len(stmts))
		tr.word = stmts[i]
		for _, s := range stmts[:i+1] {
			if strings.Contains(strings.ToLower(s), strings.ToLower(tr.word)) {
				tr.nth++
			}
		}
	} else {
		tr.word = fiBookkeeping[rng.Intn(len(fiBookkeeping))]
		tr.nth = 1 + rng.Intn(steps)
	}
	if tr.kind == fiDropCommit {
		tr.word, tr.nth = "commit", 1+rng.Intn(steps)
	}
	// A server fault waits for the chosen statement when it is slow enough
	// to be seen running; otherwise it comes at a random time.
	for _, w := range []string{"sleep", "insert into big", "create index"} {
		tr.aim = tr.aim || strings.Contains(strings.ToLower(tr.word), w)
	}
	return tr
}

// plan returns the statements the command runs, in order.
func (tr *fiTrial) plan(revs []*fiRev) []string {
	var out []string
	switch tr.op {
	case "upgrade":
		for k := tr.start + 1; k <= tr.target; k++ {
			out = append(out, revs[k-1].up...)
		}
	case "downgrade":
		for k := tr.start; k > tr.target; k-- {
			out = append(out, revs[k-1].down...)
		}
	}
	return out
}

// fiCost is what a command through the proxy took, measured once per
// dialect on a run without faults.
type fiCost struct {
	up, down int64
	took     time.Duration
}

// fiResult is one finished retort process.
type fiResult struct {
	args        []string
	out, errOut string
	code        int
	hung        bool
}

func (r fiResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "$ retort %s", strings.Join(r.args, " "))
	switch {
	case r.hung:
		b.WriteString("   [HUNG: killed at the timeout]")
	case r.code != 0:
		fmt.Fprintf(&b, "   [exit %d]", r.code)
	}
	b.WriteString("\n")
	for _, s := range []string{r.out, r.errOut} {
		if s = strings.TrimSpace(s); s != "" {
			b.WriteString(fiIndent(s) + "\n")
		}
	}
	return b.String()
}

func fiIndent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// fiEnv is what every trial of one dialect shares.
type fiEnv struct {
	d       dialect.Name
	bin     string
	timeout time.Duration
	cost    map[string]fiCost // by op
}

// run runs retort with the per-process timeout.
func (e *fiEnv) run(p *procProject, args ...string) fiResult {
	ctx, cancel := context.WithTimeout(context.Background(), e.timeout)
	defer cancel()
	cmd, o, eo := p.command(ctx, args...)
	// A hung retort is asked for its goroutines (SIGQUIT) before it is
	// killed, so the finding shows where it waits.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGQUIT) }
	cmd.WaitDelay = 3 * time.Second
	err := cmd.Run()
	r := fiResult{args: args, out: o.String(), errOut: eo.String()}
	var ee interface{ ExitCode() int }
	switch {
	case ctx.Err() != nil:
		r.hung, r.code = true, -1
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		p.t.Fatalf("retort %s: %v", strings.Join(args, " "), err)
	}
	return r
}

func fiProxyURL(t *testing.T, raw, addr string) string {
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	u.Host = addr
	return u.String()
}

func fiEnvInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a number", name, v)
	}
	return n
}

func TestFaultInjection(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the fault-injection harness in -short mode")
	}
	faults := fiEnvInt(t, "RETORT_STRESS_FAULTS", 50)
	seed := time.Now().UnixNano()
	if v := os.Getenv("RETORT_FAULTS_SEED"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			t.Fatalf("RETORT_FAULTS_SEED=%q: %v", v, err)
		}
		seed = n
	}
	only := fiEnvInt(t, "RETORT_FAULTS_TRIAL", 0)
	t.Logf("seed %d (RETORT_FAULTS_SEED=%d replays it; add RETORT_FAULTS_TRIAL=N for one trial)", seed, seed)
	bin := buildRetort(t)
	for di, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			testdb.Server(t, d)
			env := &fiEnv{d: d, bin: bin, timeout: time.Duration(fiEnvInt(t, "RETORT_FAULTS_TIMEOUT", 60)) * time.Second}
			env.calibrate(t)
			kinds := fiKinds(d)
			st := &fiStats{fired: map[fiKind]int{}, missed: map[fiKind]int{}}
			start := time.Now()
			for n := 1; st.total() < faults && n <= 4*faults; n++ {
				if only > 0 && n != only {
					continue
				}
				tr := fiNewTrial(n, seed+int64(di)<<40+int64(n)*7919, d, kinds)
				t.Run(fmt.Sprintf("trial%d_%s_%s", n, tr.op, tr.kind), func(t *testing.T) {
					env.trial(t, tr, st)
				})
				if only > 0 {
					break
				}
			}
			t.Logf("%s: %d faults in %v (%d trials); fired by kind %v; missed (the command ended first) %v; %d failed",
				d, st.total(), time.Since(start).Round(time.Second), st.trials, st.fired, st.missed, len(st.failures))
			for _, f := range st.failures {
				t.Log(f)
			}
		})
	}
}

type fiStats struct {
	trials        int
	fired, missed map[fiKind]int
	failures      []string
}

func (s *fiStats) total() int {
	n := 0
	for _, v := range s.fired {
		n += v
	}
	return n
}

// calibrate measures the bytes and time of each command with no fault.
func (e *fiEnv) calibrate(t *testing.T) {
	e.cost = map[string]fiCost{}
	db := testdb.New(t, e.d)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, "CREATE TABLE undone (rev varchar(64) NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	p := newProcProject(t, e.bin, db.URL.Secret())
	for _, r := range fiHistory(e.d) {
		p.writeFaultRev(r)
	}
	for _, c := range [][]string{{"upgrade", "head"}, {"stamp", "base"}, {"stamp", "head"}, {"downgrade", "base"}} {
		px, err := faultproxy.New(ctx, fiHostPort(t, db))
		if err != nil {
			t.Fatal(err)
		}
		pp := *p
		pp.url = fiProxyURL(t, db.URL.Secret(), px.Addr())
		began := time.Now()
		r := e.run(&pp, c...)
		took := time.Since(began)
		px.Close()
		if r.code != 0 {
			t.Fatalf("calibration run failed:\n%s", r)
		}
		e.cost[c[0]] = fiCost{up: px.Bytes(faultproxy.Up), down: px.Bytes(faultproxy.Down), took: took}
	}
	t.Logf("%s: without faults, upgrade base->head %+v, downgrade head->base %+v, stamp %+v",
		e.d, e.cost["upgrade"], e.cost["downgrade"], e.cost["stamp"])
}

func fiHostPort(t *testing.T, db *testdb.DB) string {
	u, err := url.Parse(db.URL.Secret())
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

// estimate scales a command's measured cost to the steps of tr.
func (e *fiEnv) estimate(tr *fiTrial) fiCost {
	c := e.cost[tr.op]
	if tr.op == "stamp" {
		return c
	}
	steps := tr.target - tr.start
	if steps < 0 {
		steps = -steps
	}
	f := func(x int64) int64 { return x * int64(steps+1) / int64(fiRevisions+1) }
	return fiCost{up: f(c.up), down: f(c.down), took: time.Duration(f(int64(c.took)))}
}

// fiTrialState is the trial's database, project and record.
type fiTrialState struct {
	e    *fiEnv
	tr   *fiTrial
	db   *testdb.DB
	cat  catalog
	p    *procProject
	revs []*fiRev
	log  []string // what happened, for the failure report
	ran  []fiResult
}

func (s *fiTrialState) note(format string, args ...any) {
	s.log = append(s.log, fmt.Sprintf(format, args...))
}

func (s *fiTrialState) run(args ...string) fiResult {
	r := s.e.run(s.p, args...)
	s.ran = append(s.ran, r)
	s.log = append(s.log, r.String())
	return r
}

// fail reports a finding with everything needed to replay and judge it.
func (e *fiEnv) fail(t *testing.T, s *fiTrialState, st *fiStats, what string) {
	t.Helper()
	report := fmt.Sprintf("%s %s\n  FINDING: %s\n", e.d, s.tr, what)
	report += "  what happened:\n" + fiIndent(strings.Join(s.log, "\n"))
	st.failures = append(st.failures, report)
	t.Fatal(report)
}

func (e *fiEnv) trial(t *testing.T, tr *fiTrial, st *fiStats) {
	st.trials++
	ctx := context.Background()
	db := testdb.New(t, e.d)
	s := &fiTrialState{e: e, tr: tr, db: db, cat: catalog{d: e.d, db: db.DB}, revs: fiHistory(e.d)}
	if _, err := db.ExecContext(ctx, "CREATE TABLE undone (rev varchar(64) NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	s.p = newProcProject(t, e.bin, db.URL.Secret())
	for _, r := range s.revs {
		s.p.writeFaultRev(r)
	}
	if tr.start > 0 {
		if r := e.run(s.p, "upgrade", fiID(tr.start)); r.code != 0 {
			t.Fatalf("setting up the start state:\n%s", r)
		}
	}
	// The fault.
	px, err := faultproxy.New(ctx, fiHostPort(t, db))
	if err != nil {
		t.Fatal(err)
	}
	defer px.Close()
	pp := *s.p
	pp.url = fiProxyURL(t, db.URL.Secret(), px.Addr())
	est := e.estimate(tr)
	at := func(n int64) int64 { return int64(tr.frac * float64(n)) }
	delay := time.Duration(tr.frac * float64(est.took))
	switch tr.kind {
	case fiCutUp:
		px.Arm(faultproxy.Fault{Action: faultproxy.Cut, Dir: faultproxy.Up, At: at(est.up)})
	case fiCutDown, fiCutRefuse:
		px.Arm(faultproxy.Fault{Action: faultproxy.Cut, Dir: faultproxy.Down, At: at(est.down)})
	case fiCutTime:
		px.Arm(faultproxy.Fault{Action: faultproxy.Cut, Delay: delay})
	case fiCutStmt:
		px.Arm(faultproxy.Fault{Action: faultproxy.Cut, Match: tr.word, Nth: tr.nth})
	case fiStallShort:
		px.Arm(faultproxy.Fault{Action: faultproxy.Stall, Dir: faultproxy.Up, At: at(est.up), For: tr.dur})
	case fiStall:
		px.Arm(faultproxy.Fault{Action: faultproxy.Stall, Dir: faultproxy.Up, At: at(est.up)})
	case fiDropReply:
		px.Arm(faultproxy.Fault{Action: faultproxy.Drop, Match: tr.word, Nth: tr.nth})
	case fiDropCommit:
		px.Arm(faultproxy.Fault{Action: faultproxy.Drop, Match: tr.word, Nth: tr.nth, For: 300 * time.Millisecond})
	}
	killed := make(chan string, 1)
	stopKill := make(chan struct{})
	if tr.kind == fiKill || tr.kind == fiKillQuery || tr.kind == fiTerminate || tr.kind == fiCancel {
		// At a random time, or as the chosen statement runs.
		wait, aim := delay, ""
		if tr.aim {
			wait, aim = 0, tr.word
		}
		go func() {
			defer close(killed)
			select {
			case <-stopKill:
				return
			case <-time.After(wait):
			}
			for {
				if k := s.serverKill(px, aim); k != "" || aim == "" {
					killed <- k
					return
				}
				select {
				case <-stopKill:
					return
				case <-time.After(3 * time.Millisecond):
				}
			}
		}()
	} else {
		close(killed)
	}
	if tr.kind == fiCutRefuse {
		// Refuse reconnections once the cut happened.
		done := make(chan struct{})
		defer close(done)
		go func() {
			for len(px.Fired()) == 0 {
				select {
				case <-done:
					return
				case <-time.After(time.Millisecond):
				}
			}
			px.Refuse(true)
		}()
	}
	s.note("start: %s", fiStateWords(tr.start))
	faulted := e.run(&pp, tr.args()...)
	s.ran = append(s.ran, faulted)
	s.note("%s", faulted)
	fired := ""
	if ev := px.Fired(); len(ev) > 0 {
		fired = "proxy: " + ev[0].String()
	}
	close(stopKill)
	if k := <-killed; k != "" {
		fired = k
	}
	// The network comes back: stalls end, the connections the proxy still
	// holds close, so the server ends retort's sessions.
	px.Release()
	px.CloseConns()
	if tr.kind != fiPass {
		if fired == "" {
			// Not a skip: the trial ran, and counts among the missed.
			st.missed[tr.kind]++
			t.Logf("the fault did not fire before the command ended (%s)", tr)
			return
		}
		st.fired[tr.kind]++
		s.note("fault: %s", fired)
	}
	if faulted.hung {
		e.fail(t, s, st, fmt.Sprintf("retort %s hung: no exit within %v after the fault", tr.op, e.timeout))
	}
	// What current says once retort's old sessions are gone must be true.
	s.waitSessionsGone(t, px)
	cur := s.run("current")
	if msg := s.checkCurrent(ctx, cur); msg != "" {
		e.fail(t, s, st, "after the fault: "+msg)
	}
	// Follow what retort says until the original command succeeds.
	msgs := faulted.errOut
	reached := faulted.code == 0
	for round := 0; !reached && round < 5; round++ {
		if round > 0 {
			cur = s.run("current")
		}
		adv := fiAdvice(cur.out + cur.errOut)
		if adv == nil {
			adv = fiAdvice(msgs)
		}
		if adv != nil {
			r := s.run(adv...)
			if r.hung {
				e.fail(t, s, st, fmt.Sprintf("retort %s hung", strings.Join(adv, " ")))
			}
			if r.code != 0 {
				msgs = r.errOut
				continue
			}
		}
		r := s.run(tr.args()...)
		if r.hung {
			e.fail(t, s, st, fmt.Sprintf("retort %s hung on a healthy connection", tr.op))
		}
		if r.code == 0 {
			reached = true
			break
		}
		msgs = r.errOut
		if adv == nil && fiAdvice(msgs) == nil {
			cur = s.run("current")
			if fiAdvice(cur.out+cur.errOut) == nil {
				e.fail(t, s, st, fmt.Sprintf("retort %s fails and nothing retort prints puts a command in backticks", tr.op))
			}
		}
	}
	if !reached {
		e.fail(t, s, st, "the target was not reached after following retort's advice for 5 rounds")
	}
	// At the target with every row as it must be.
	cur = s.run("current")
	if msg := s.checkCurrent(ctx, cur); msg != "" {
		e.fail(t, s, st, "at the end: "+msg)
	}
	heads, partial := s.parseCurrent(cur)
	if partial != "" || cur.code != 0 || !slices.Equal(heads, fiHeads(tr.target)) {
		e.fail(t, s, st, fmt.Sprintf("the command succeeded but current says %v (partial %q), want %v", heads, partial, fiHeads(tr.target)))
	}
	if msg := s.checkUndone(ctx); msg != "" {
		e.fail(t, s, st, msg)
	}
	if faulted.code != 0 && tr.op != "stamp" && fired != "" {
		// A command that reports failure must not have done all it was
		// asked: then the failure report is false (a lost COMMIT reply).
		if s.ranOnlyOriginal() {
			e.fail(t, s, st, fmt.Sprintf("retort %s exited %d after the fault, yet the first re-run found nothing to do: the failure report was false",
				tr.op, faulted.code))
		}
	}
}

// ranOnlyOriginal reports whether, after the faulted command, the
// original command re-ran once and found the target already reached.
func (s *fiTrialState) ranOnlyOriginal() bool {
	var runs []fiResult
	for _, r := range s.ran[1:] {
		if r.args[0] != "current" {
			runs = append(runs, r)
		}
	}
	return len(runs) == 1 && slices.Equal(runs[0].args, s.tr.args()) && runs[0].code == 0 &&
		!strings.Contains(runs[0].out+runs[0].errOut, "Running ")
}

func fiStateWords(k int) string {
	if k == 0 {
		return "base (empty database)"
	}
	return fmt.Sprintf("%s (%d revisions applied)", fiID(k), k)
}

func fiHeads(k int) []string {
	if k == 0 {
		return nil
	}
	return []string{fiID(k)}
}

var fiBackticked = regexp.MustCompile("`(retort [^`]+)`")

// fiAdvice returns the first command in backticks that repairs state:
// upgrade, downgrade or stamp, with no placeholder.
func fiAdvice(text string) []string {
	for _, m := range fiBackticked.FindAllStringSubmatch(text, -1) {
		f := strings.Fields(m[1])
		if len(f) < 2 || strings.ContainsAny(m[1], "<>") {
			continue
		}
		switch f[1] {
		case "upgrade", "downgrade", "stamp":
			return f[1:]
		}
	}
	return nil
}

var fiPartialLine = regexp.MustCompile(`^(\S+) partially applied \((upgrade|downgrade)\)`)

// parseCurrent returns the heads current printed and its partial line.
func (s *fiTrialState) parseCurrent(r fiResult) (heads []string, partial string) {
	for _, line := range strings.Split(r.out, "\n") {
		line = strings.TrimSpace(line)
		if m := fiPartialLine.FindStringSubmatch(line); m != nil {
			partial = line
			continue
		}
		if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], "beef") {
			heads = append(heads, f[0])
		}
	}
	sort.Strings(heads)
	return heads, partial
}

// checkCurrent compares what current printed with the catalog and rows:
// every revision up to the head applied, none after, the partially
// applied one (if any) in any state. After a stamp, the data stays as it
// was at the start whatever the version table says.
func (s *fiTrialState) checkCurrent(ctx context.Context, cur fiResult) string {
	if cur.hung {
		return "retort current hung"
	}
	if cur.code != 0 && cur.code != 1 {
		return fmt.Sprintf("retort current exited %d", cur.code)
	}
	heads, partial := s.parseCurrent(cur)
	if len(heads) > 1 {
		return fmt.Sprintf("current prints %d heads of a linear history: %v", len(heads), heads)
	}
	head := 0
	if len(heads) == 1 {
		head, _ = strconv.Atoi(strings.TrimPrefix(heads[0], "beef"))
	}
	partialRev := 0
	if m := fiPartialLine.FindStringSubmatch(partial); m != nil {
		partialRev, _ = strconv.Atoi(strings.TrimPrefix(m[1], "beef"))
	}
	if (cur.code == 1) != (partial != "") {
		return fmt.Sprintf("current exits %d with partial line %q", cur.code, partial)
	}
	if s.tr.op == "stamp" {
		head, partialRev = s.tr.start, 0
		for _, r := range s.ran {
			if r.args[0] != "stamp" && r.args[0] != "current" {
				return "a stamp trial ran " + r.args[0] + ": the data check does not know what to expect"
			}
		}
	}
	var bad []string
	for _, r := range s.revs {
		if r.k == partialRev {
			continue
		}
		state, detail := s.revState(ctx, r)
		want := "absent"
		if r.k <= head {
			want = "applied"
		}
		if state != want {
			bad = append(bad, fmt.Sprintf("revision %d (%s) is %s (%s)", r.k, fiID(r.k), state, detail))
		}
	}
	if len(bad) > 0 {
		what := fmt.Sprintf("current says head %d, partial %q", head, partial)
		if s.tr.op == "stamp" {
			what = fmt.Sprintf("a stamp changed the data (the start was %d)", s.tr.start)
		}
		if len(bad) > 2 {
			bad = append(bad[:2], fmt.Sprintf("and %d later revisions (their counts rows follow from the first)", len(bad)-2))
		}
		return fmt.Sprintf("%s, but %s", what, strings.Join(bad, "; "))
	}
	return ""
}

// revState says whether r's effects are all there, none are, or some.
func (s *fiTrialState) revState(ctx context.Context, r *fiRev) (string, string) {
	applied, gone := true, true
	var got []string
	for _, p := range r.probes {
		v := "missing"
		rows, err := s.cat.rows(ctx, p.q)
		switch {
		case err != nil && isMissingTable(err):
		case err != nil:
			return "unreadable", fmt.Sprintf("%s: %v", p.q, err)
		case len(rows) == 1:
			v = rows[0]
		default:
			v = fmt.Sprint(rows)
		}
		if p.want == "1|1" && v == "1|0" {
			v += " (index INVALID)"
		}
		got = append(got, v)
		applied = applied && v == p.want
		gone = gone && (v == p.gone || v == "missing")
	}
	detail := "probes " + strings.Join(got, ", ")
	switch {
	case applied:
		return "applied", detail
	case gone:
		return "absent", detail
	}
	var want []string
	for _, p := range r.probes {
		want = append(want, p.want)
	}
	return "partly applied", detail + "; applied would be " + strings.Join(want, ", ")
}

// checkUndone checks that each downgrade of the trial ran once: the
// revisions between start and target once in a downgrade trial, none
// otherwise, unless retort's advice ran other moves.
func (s *fiTrialState) checkUndone(ctx context.Context) string {
	for _, r := range s.ran {
		if r.args[0] == "upgrade" && s.tr.op != "upgrade" || r.args[0] == "downgrade" && s.tr.op != "downgrade" {
			return "" // advice moved the other way: the count is not known
		}
	}
	rows, err := s.cat.rows(ctx, "SELECT rev, COUNT(*) FROM undone GROUP BY rev ORDER BY rev")
	if err != nil {
		return err.Error()
	}
	var want []string
	if s.tr.op == "downgrade" {
		for k := s.tr.target + 1; k <= s.tr.start; k++ {
			want = append(want, fiID(k)+"|1")
		}
	}
	if !slices.Equal(rows, want) {
		return fmt.Sprintf("downgrades ran %v times, want %v", rows, want)
	}
	return ""
}

// fiSession is one of retort's server sessions.
type fiSession struct {
	id     int64
	active bool
	query  string
}

// sessions returns the server sessions behind the proxy's connections.
func (s *fiTrialState) sessions(px *faultproxy.Proxy) ([]fiSession, error) {
	ports := map[string]bool{}
	for _, c := range px.Conns() {
		if i := strings.LastIndexByte(c.ServerSide, ':'); i >= 0 {
			ports[c.ServerSide[i+1:]] = true
		}
	}
	ctx := context.Background()
	var q string
	if s.e.d == dialect.MySQL {
		q = "SELECT id, command = 'Query' AND COALESCE(info, '') NOT LIKE '%GET_LOCK%', " +
			"SUBSTRING_INDEX(host, ':', -1), COALESCE(info, '') FROM information_schema.processlist"
	} else {
		q = "SELECT pid, state = 'active', COALESCE(client_port, 0)::text, COALESCE(query, '') FROM pg_stat_activity " +
			"WHERE datname = current_database()"
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []fiSession
	for rows.Next() {
		var ss fiSession
		var port string
		if err := rows.Scan(&ss.id, &ss.active, &port, &ss.query); err != nil {
			return nil, err
		}
		if ports[port] {
			out = append(out, ss)
		}
	}
	return out, rows.Err()
}

// serverKill ends retort's busiest session, or its statement, from a
// connection of the harness's own; with aim, only a session running a
// statement holding aim. "" when there was none to end.
func (s *fiTrialState) serverKill(px *faultproxy.Proxy, aim string) string {
	ss, err := s.sessions(px)
	if err != nil || len(ss) == 0 {
		return ""
	}
	victim := ss[0]
	if aim != "" {
		victim.id = 0
	}
	for _, x := range ss {
		if x.active && strings.Contains(strings.ToLower(x.query), strings.ToLower(aim)) {
			victim = x
			break
		}
	}
	if victim.id == 0 {
		return ""
	}
	var stmt string
	switch s.tr.kind {
	case fiKill:
		stmt = fmt.Sprintf("KILL %d", victim.id)
	case fiKillQuery:
		stmt = fmt.Sprintf("KILL QUERY %d", victim.id)
	case fiTerminate:
		stmt = fmt.Sprintf("SELECT pg_terminate_backend(%d)", victim.id)
	case fiCancel:
		stmt = fmt.Sprintf("SELECT pg_cancel_backend(%d)", victim.id)
	}
	if _, err := s.db.ExecContext(context.Background(), stmt); err != nil {
		return ""
	}
	what := "idle"
	if victim.active {
		what = "running " + sqlExcerpt(victim.query, 60)
	}
	return fmt.Sprintf("server: %s, the session was %s", stmt, what)
}

// waitSessionsGone waits until the server has ended every session of the
// proxy's (closed) connections: a statement it was running may still
// finish after the cut.
func (s *fiTrialState) waitSessionsGone(t *testing.T, px *faultproxy.Proxy) {
	deadline := time.Now().Add(s.e.timeout)
	for {
		ss, err := s.sessions(px)
		if err != nil {
			t.Fatal(err)
		}
		if len(ss) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("retort's server sessions outlive their closed connections by %v: %+v", s.e.timeout, ss)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
