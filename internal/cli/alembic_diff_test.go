package cli

// The differential test against Alembic (issue 16): random revision graphs
// (branches, merges, Depends On, branch labels, ids sharing prefixes),
// written both as an Alembic script directory and as retort files, run
// through both tools on the same SQLite database. It compares heads,
// branch points, history, which revisions each upgrade, downgrade and
// --sql target runs, `current` after each step of an online walk, and
// which commands fail. Differences README lists as deliberate are
// counted apart, never as failures.
//
// Alembic is Debian's python3-alembic (scripts/services.sh installs it);
// RETORT_TEST_ALEMBIC_PYTHON names another interpreter. Without it the
// test skips, or fails under RETORT_TEST_REQUIRE_DB=1 as CI runs it.
// RETORT_ALEMBIC_GRAPHS sets the number of graphs (default 200),
// RETORT_ALEMBIC_SEED the first seed.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// alembic is a running driver.py: one request per line, one answer.
type alembic struct {
	cmd *exec.Cmd
	in  *bufio.Writer
	out *bufio.Scanner
}

type alembicReply struct {
	Out  string   `json:"out"`
	Err  *string  `json:"err"`
	Warn []string `json:"warn"`
}

func startAlembic(t *testing.T) *alembic {
	python := os.Getenv("RETORT_TEST_ALEMBIC_PYTHON")
	if python == "" {
		python = "/usr/bin/python3"
	}
	if out, err := exec.Command(python, "-c", "import alembic, sys; sys.stdout.write(alembic.__version__)").CombinedOutput(); err != nil {
		msg := fmt.Sprintf("alembic differential test: %s cannot import alembic (%v: %s); install Debian's python3-alembic (scripts/services.sh does)", python, err, bytes.TrimSpace(out))
		if os.Getenv("RETORT_TEST_REQUIRE_DB") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	} else {
		t.Logf("Alembic %s (%s)", out, python)
	}
	driver, err := filepath.Abs(filepath.Join("testdata", "alembic", "driver.py"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, driver)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Wait() })
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	return &alembic{cmd: cmd, in: bufio.NewWriter(stdin), out: sc}
}

func (al *alembic) run(t *testing.T, dir, url, name string, args []any, kw map[string]any) alembicReply {
	req, _ := json.Marshal(map[string]any{"dir": dir, "url": url, "cmd": name, "args": args, "kw": kw})
	al.in.Write(append(req, '\n'))
	if err := al.in.Flush(); err != nil {
		t.Fatalf("alembic driver: %v", err)
	}
	if !al.out.Scan() {
		t.Fatalf("alembic driver ended: %v", al.out.Err())
	}
	var r alembicReply
	if err := json.Unmarshal(al.out.Bytes(), &r); err != nil {
		t.Fatalf("alembic driver: %v: %s", err, al.out.Bytes())
	}
	return r
}

// genRev is one generated revision.
type genRev struct {
	id                    string
	parents, deps, labels []string
}

// genGraph makes a random history: roots, branches, merges of two heads,
// Depends On links to earlier revisions, labels, and ids that share
// their first characters.
func genGraph(r *rand.Rand) []genRev {
	n := 2 + r.Intn(8)
	prefixes := []string{"a1b2", "a1b3", "c0ff"}
	used := map[string]bool{}
	newID := func() string {
		for {
			var id string
			if r.Intn(2) == 0 {
				id = prefixes[r.Intn(len(prefixes))]
			}
			for len(id) < 12 {
				id += strconv.FormatInt(int64(r.Intn(16)), 16)
			}
			if !used[id] {
				used[id] = true
				return id
			}
		}
	}
	var revs []genRev
	for i := 0; i < n; i++ {
		rev := genRev{id: newID()}
		heads := genHeads(revs)
		switch k := r.Float64(); {
		case i == 0 || k < 0.15:
		case k < 0.3 && len(heads) >= 2:
			r.Shuffle(len(heads), func(a, b int) { heads[a], heads[b] = heads[b], heads[a] })
			rev.parents = heads[:2]
		case k < 0.7 && len(heads) > 0:
			rev.parents = []string{heads[r.Intn(len(heads))]}
		default:
			rev.parents = []string{revs[r.Intn(len(revs))].id}
		}
		if i > 0 && r.Float64() < 0.25 {
			d := revs[r.Intn(len(revs))].id
			if !slices.Contains(rev.parents, d) {
				rev.deps = []string{d}
			}
		}
		if r.Float64() < 0.25 {
			rev.labels = []string{"lab" + strconv.Itoa(i)}
		}
		revs = append(revs, rev)
	}
	return revs
}

// genHeads returns the revisions no revision revises.
func genHeads(revs []genRev) []string {
	revised := map[string]bool{}
	for _, r := range revs {
		for _, p := range r.parents {
			revised[p] = true
		}
	}
	var out []string
	for _, r := range revs {
		if !revised[r.id] {
			out = append(out, r.id)
		}
	}
	return out
}

func pyTuple(ids []string) string {
	switch len(ids) {
	case 0:
		return "None"
	case 1:
		return fmt.Sprintf("%q", ids[0])
	}
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return "(" + strings.Join(q, ", ") + ")"
}

// writeProjects writes revs as an Alembic script directory and a retort
// project in dir, with one SQLite database for both.
func writeProjects(t *testing.T, dir string, revs []genRev) (alembicDir, retortConfig, dbPath string) {
	alembicDir = filepath.Join(dir, "alembic")
	dbPath = filepath.Join(dir, "app.db")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(alembicDir, "versions"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755))
	for _, name := range []string{"env.py", "script.py.mako"} {
		data, err := os.ReadFile(filepath.Join("testdata", "alembic", name))
		must(err)
		must(os.WriteFile(filepath.Join(alembicDir, name), data, 0o644))
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, r := range revs {
		sql := func(tool, dir string) string {
			return fmt.Sprintf("INSERT INTO ran (tool, rev, dir) VALUES ('%s', '%s', '%s')", tool, r.id, dir)
		}
		py := fmt.Sprintf(`"""m%[1]s"""
from alembic import op

revision = %[2]q
down_revision = %[3]s
branch_labels = %[4]s
depends_on = %[5]s


def upgrade():
    op.execute(%[6]q)


def downgrade():
    op.execute(%[7]q)
`, r.id, r.id, pyTuple(r.parents), pyTuple(r.labels), pyTuple(r.deps), sql("alembic", "up"), sql("alembic", "down"))
		// File names in creation order, which is also the Create Date order.
		must(os.WriteFile(filepath.Join(alembicDir, "versions", fmt.Sprintf("%02d_%s.py", i, r.id)), []byte(py), 0o644))
		var hdr strings.Builder
		fmt.Fprintf(&hdr, "-- m%s\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: %s\n",
			r.id, r.id, strings.Join(r.parents, ", "), base.Add(time.Duration(i)*time.Minute).Format(time.RFC3339))
		if len(r.deps) > 0 {
			fmt.Fprintf(&hdr, "-- Depends On: %s\n", strings.Join(r.deps, ", "))
		}
		if len(r.labels) > 0 {
			fmt.Fprintf(&hdr, "-- Branch Labels: %s\n", strings.Join(r.labels, ", "))
		}
		fmt.Fprintf(&hdr, "\n-- +retort Upgrade\n%s;\n\n-- +retort Downgrade\n%s;\n", sql("retort", "up"), sql("retort", "down"))
		must(os.WriteFile(filepath.Join(dir, "migrations", "versions", r.id+".sql"), []byte(hdr.String()), 0o644))
	}
	retortConfig = filepath.Join(dir, "retort.toml")
	must(os.WriteFile(retortConfig, []byte(fmt.Sprintf("[database]\nurl = %q\ncache_dir = \"off\"\n\n[migrations]\ndir = \"migrations\"\n", "sqlite://"+dbPath)), 0o644))
	must(sqlExec(dir, "sqlite://"+dbPath, "CREATE TABLE ran (tool text NOT NULL, rev text NOT NULL, dir text NOT NULL)"))
	return alembicDir, retortConfig, dbPath
}

// retortRun runs retort in-process.
func retortRun(config string, args ...string) (string, bool) {
	var out, errOut bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }, now: time.Now}
	code := a.run(context.Background(), append([]string{"-c", config}, args...))
	return out.String() + errOut.String(), code == 0
}

var (
	entryID = regexp.MustCompile(`^([0-9a-f]{12})((?: \([^)]*\))*)`)
	ranRow  = regexp.MustCompile(`VALUES \('(?:alembic|retort)', '([0-9a-f]{12})', '(up|down)'\)`)
)

// entries reads the revision lines of heads, branches, history, current:
// id -> its marks and labels, sorted, in output order.
func entries(out string, withLabels bool) []string {
	var got []string
	for _, line := range strings.Split(out, "\n") {
		if line == "" || line[0] == ' ' {
			continue
		}
		if _, after, ok := strings.Cut(line, " -> "); ok {
			line = after
		}
		m := entryID.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var marks []string
		for _, mk := range strings.Split(strings.Trim(m[2], " "), " (") {
			mk = strings.Trim(mk, "() ")
			if strings.HasPrefix(mk, "lab") {
				// Labels, in Alembic's set order: sorted here. `current`
				// shows none in Alembic; retort's shows them too.
				if !withLabels {
					continue
				}
				ls := strings.Split(mk, ", ")
				slices.Sort(ls)
				mk = "labels " + strings.Join(ls, ",")
			}
			if mk != "" && mk != "current" {
				marks = append(marks, mk)
			}
		}
		slices.Sort(marks)
		got = append(got, m[1]+" "+strings.Join(marks, ","))
	}
	return got
}

func dropTreeMarks(es []string) []string {
	out := make([]string, len(es))
	for i, e := range es {
		id, marks, _ := strings.Cut(e, " ")
		var keep []string
		for _, m := range strings.Split(marks, ",") {
			if m != "branchpoint" && m != "mergepoint" {
				keep = append(keep, m)
			}
		}
		out[i] = id + " " + strings.Join(keep, ",")
	}
	return out
}

func ranOf(sql string) []string {
	var out []string
	for _, m := range ranRow.FindAllStringSubmatch(sql, -1) {
		out = append(out, m[1]+":"+m[2])
	}
	return out
}

// verdict compares two ordered results: "" when equal, "order" when they
// hold the same items in another order (README: retort orders unrelated
// revisions by Create Date, Alembic by its own walk), else "differ".
func verdict(al, rt []string) string {
	if slices.Equal(al, rt) {
		return ""
	}
	a, r := slices.Clone(al), slices.Clone(rt)
	slices.Sort(a)
	slices.Sort(r)
	if slices.Equal(a, r) {
		return "order"
	}
	return "differ"
}

type diffStats struct {
	graphs, comparisons, orderOnly, deliberate, disagreements int
	examples                                                  []string
}

func (s *diffStats) compare(t *testing.T, seed int64, what string, alErr bool, al []string, rtErr bool, rt []string, detail string) bool {
	s.comparisons++
	if alErr && !rtErr && (strings.Contains(detail, "alembic: AssertionError") || strings.Contains(detail, "alembic: KeyError")) {
		// README: Alembic 1.8 stops on an internal assertion (history
		// from a revision only Depends On reaches, say); retort answers.
		s.deliberate++
		return false
	}
	if alErr && !rtErr && len(rt) == 0 && strings.Contains(detail, "is not a valid downgrade target from current head(s)") {
		// README: a downgrade to a revision applied only because another
		// depends on it has nothing to revert; Alembic calls that an
		// error, retort does nothing.
		s.deliberate++
		return true
	}
	if alErr && !rtErr && (strings.Contains(detail, "overlaps with other requested revisions") || strings.Contains(detail, "Ambiguous upgrade from multiple current revisions")) {
		// README: Alembic's version table can hold a revision and one
		// it depends on, or its descendant, which its next upgrade +N
		// or upgrade refuses; retort's holds only the heads of the
		// applied set.
		s.deliberate++
		return false
	}
	v := ""
	switch {
	case alErr != rtErr:
		v = "differ"
	case alErr:
	default:
		v = verdict(al, rt)
	}
	switch v {
	case "":
		return true
	case "order":
		s.orderOnly++
		return true
	}
	s.disagreements++
	msg := fmt.Sprintf("seed %d: %s: alembic (failed %v) %v, retort (failed %v) %v%s", seed, what, alErr, al, rtErr, rt, detail)
	if len(s.examples) < 20 {
		s.examples = append(s.examples, msg)
	}
	return false
}

func TestAlembicDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("the Alembic differential test is not short")
	}
	al := startAlembic(t)
	graphs := 200
	if v, err := strconv.Atoi(os.Getenv("RETORT_ALEMBIC_GRAPHS")); err == nil && v > 0 {
		graphs = v
	}
	first := int64(1)
	if v, err := strconv.ParseInt(os.Getenv("RETORT_ALEMBIC_SEED"), 10, 64); err == nil {
		first = v
	}
	stats := &diffStats{}
	start := time.Now()
	for seed := first; seed < first+int64(graphs); seed++ {
		diffOneGraph(t, al, seed, stats)
	}
	t.Logf("%d graphs, %d comparisons, %d differ only in the order of unrelated revisions, %d deliberate differences, %d disagreements, %.1fs",
		stats.graphs, stats.comparisons, stats.orderOnly, stats.deliberate, stats.disagreements, time.Since(start).Seconds())
	for _, e := range stats.examples {
		t.Error(e)
	}
}

func diffOneGraph(t *testing.T, al *alembic, seed int64, stats *diffStats) {
	r := rand.New(rand.NewSource(seed))
	revs := genGraph(r)
	dir := t.TempDir()
	adir, config, db := writeProjects(t, dir, revs)
	url := "sqlite:///" + db
	stats.graphs++
	describe := func() string {
		var b strings.Builder
		for _, rv := range revs {
			fmt.Fprintf(&b, "\n    %s revises %v depends %v labels %v", rv.id, rv.parents, rv.deps, rv.labels)
		}
		return b.String()
	}

	// The shape.
	for _, c := range []struct {
		name string
		kw   map[string]any
		args []string
	}{
		{"heads", nil, []string{"heads"}},
		{"heads", map[string]any{"resolve_dependencies": true}, []string{"heads", "--resolve-dependencies"}},
		{"branches", nil, []string{"branches"}},
		{"history", nil, []string{"history"}},
	} {
		a := al.run(t, adir, url, c.name, nil, c.kw)
		out, ok := retortRun(config, c.args...)
		ae, re := entries(a.Out, true), entries(out, true)
		if c.name == "heads" {
			// Alembic's heads prints no branchpoint/mergepoint marks;
			// retort's does (README).
			ae, re = dropTreeMarks(ae), dropTreeMarks(re)
		}
		if c.name != "history" {
			slices.Sort(ae)
			slices.Sort(re)
		}
		stats.compare(t, seed, strings.Join(c.args, " "), a.Err != nil, ae, !ok, re, describe())
	}

	var labels []string
	for _, rv := range revs {
		labels = append(labels, rv.labels...)
	}
	// Identifiers to try: ids, 4-character prefixes (often shared),
	// heads, labels' heads, bases, relative forms.
	var targets []string
	for _, rv := range revs {
		targets = append(targets, rv.id, rv.id[:4])
	}
	targets = append(targets, "heads", "head")
	for _, l := range labels {
		targets = append(targets, l+"@head", l+"@base")
	}

	// History ranges.
	var ranges []string
	for _, l := range labels {
		ranges = append(ranges, l+"@base:"+l+"@head", l+"@base:heads")
	}
	for _, rv := range revs {
		ranges = append(ranges, rv.id+":", ":"+rv.id)
	}
	for _, rng := range ranges {
		a := al.run(t, adir, url, "history", nil, map[string]any{"rev_range": rng})
		out, ok := retortRun(config, "history", "-r", rng)
		stats.compare(t, seed, "history -r "+rng, a.Err != nil, entries(a.Out, true), !ok, entries(out, true), errs(a, out)+describe())
	}

	// Offline: what each target runs from base, and back down from it.
	for _, tg := range targets {
		a := al.run(t, adir, url, "upgrade", []any{"base:" + tg}, map[string]any{"sql": true})
		out, ok := retortRun(config, "upgrade", "base:"+tg, "--sql")
		stats.compare(t, seed, "upgrade base:"+tg+" --sql", a.Err != nil, ranOf(a.Out), !ok, ranOf(out), errs(a, out)+describe())
	}
	for _, rv := range revs {
		for _, down := range []string{"base", "-1"} {
			rng := rv.id + ":" + down
			a := al.run(t, adir, url, "downgrade", []any{rng}, map[string]any{"sql": true})
			out, ok := retortRun(config, "downgrade", rng, "--sql")
			stats.compare(t, seed, "downgrade "+rng+" --sql", a.Err != nil, ranOf(a.Out), !ok, ranOf(out), errs(a, out)+describe())
		}
	}

	// Online: a random walk, both tools on the same database, each with
	// its own version table; after each step, what ran and current.
	seen := map[string]int{}
	ran := func(tool string) []string {
		q, err := sqlQuery(dir, "sqlite://"+db, "SELECT rev || ':' || dir FROM ran WHERE tool = '"+tool+"' ORDER BY rowid")
		if err != nil {
			t.Fatal(err)
		}
		rows := strings.Fields(q)
		out := rows[seen[tool]:]
		seen[tool] = len(rows)
		return out
	}
	var history []string
	for step := 0; step < 12; step++ {
		cmd, arg := walkStep(r, revs, labels)
		history = append(history, cmd+" "+arg)
		var a alembicReply
		var out string
		var ok bool
		switch cmd {
		case "stamp":
			a = al.run(t, adir, url, "stamp", []any{arg}, nil)
			out, ok = retortRun(config, "stamp", arg)
		default:
			a = al.run(t, adir, url, cmd, []any{arg}, nil)
			out, ok = retortRun(config, cmd, arg)
		}
		if cmd == "downgrade" && slices.ContainsFunc(a.Warn, func(w string) bool { return strings.Contains(w, "from multiple heads is ambiguous") }) {
			// README: retort refuses -N from several heads, where
			// Alembic picks one of them; the two databases part here.
			stats.deliberate++
			return
		}
		what := fmt.Sprintf("online %s (walk: %s)", cmd+" "+arg, strings.Join(history, "; "))
		detail := errs(a, out) + describe() + "\n    alembic said: " + strings.TrimSpace(a.Out) + "\n    retort said: " + strings.TrimSpace(out)
		if !stats.compare(t, seed, what, a.Err != nil, ran("alembic"), !ok, ran("retort"), detail) {
			return
		}
		ca := al.run(t, adir, url, "current", nil, nil)
		cout, cok := retortRun(config, "current")
		ace, rce := entries(ca.Out, false), entries(cout, false)
		slices.Sort(ace)
		slices.Sort(rce)
		if cmd == "stamp" && arg == "heads" && verdict(ace, rce) != "" && subset(ace, rce) {
			// README: Alembic 1.8's stamp of several heads, one of them
			// already recorded, replaces every row by the first; retort
			// records the heads it was asked for.
			stats.deliberate++
			return
		}
		if !stats.compare(t, seed, "current after "+what, ca.Err != nil, ace, !cok, rce, detail) {
			return
		}
	}
}

// subset reports whether every entry of a is in b.
func subset(a, b []string) bool {
	for _, e := range a {
		if !slices.Contains(b, e) {
			return false
		}
	}
	return true
}

// errs says why each side failed, if it did.
func errs(a alembicReply, out string) string {
	var b strings.Builder
	if a.Err != nil {
		fmt.Fprintf(&b, "\n    alembic: %s", *a.Err)
	}
	if i := strings.Index(out, "retort: "); i >= 0 {
		fmt.Fprintf(&b, "\n    %s", strings.TrimSpace(out[i:]))
	}
	return b.String()
}

// walkStep picks the next command of the online walk.
func walkStep(r *rand.Rand, revs []genRev, labels []string) (cmd, arg string) {
	id := func() string {
		rv := revs[r.Intn(len(revs))]
		if r.Intn(3) == 0 {
			return rv.id[:4]
		}
		return rv.id
	}
	label := func(suffix string) string {
		if len(labels) == 0 {
			return "heads"
		}
		return labels[r.Intn(len(labels))] + suffix
	}
	switch r.Intn(14) {
	case 0, 1:
		return "upgrade", "heads"
	case 2:
		return "upgrade", "+1"
	case 3:
		return "upgrade", id()
	case 4:
		return "upgrade", label("@head")
	case 5:
		return "upgrade", label("@+1")
	case 6, 7:
		return "downgrade", "-1"
	case 8:
		return "downgrade", id()
	case 9:
		return "downgrade", label("@base")
	case 10:
		return "downgrade", label("@-1")
	case 11:
		return "downgrade", "base"
	case 12:
		return "stamp", id()
	}
	return "stamp", "heads"
}
