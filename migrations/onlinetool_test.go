package migrations

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

const toolHead = "-- M\n-- Revision ID: a1\n-- Revises:\n"

func TestParseOnlineTool(t *testing.T) {
	src := toolHead + "-- +retort Upgrade\nSELECT 1;\n-- +retort OnlineTool\nALTER TABLE `t` MODIFY `n` bigint;\nSELECT 2;\n" +
		"-- +retort Downgrade\n-- +retort OnlineTool\n-- a comment between\nALTER TABLE t MODIFY n int, ALGORITHM=COPY;\n"
	rev, err := ParseFile("f.sql", []byte(src), dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{1}, rev.UpgradeOnlineTool); diff != "" {
		t.Errorf("UpgradeOnlineTool (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{0}, rev.DowngradeOnlineTool); diff != "" {
		t.Errorf("DowngradeOnlineTool (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		name, src string
		d         dialect.Name
		want      string
	}{
		{"not an ALTER", toolHead + "-- +retort Upgrade\n-- +retort OnlineTool\nUPDATE t SET n = 1;\n-- +retort Downgrade\n", dialect.MySQL,
			`f.sql:6: the statement marked for the online tool is not an ALTER TABLE (it follows "-- +retort OnlineTool" at line 5)`},
		{"nothing follows", toolHead + "-- +retort Upgrade\n-- +retort OnlineTool\n-- +retort Downgrade\n", dialect.MySQL,
			`f.sql:5: "-- +retort OnlineTool" is not followed by a statement in its section`},
		{"at the end", toolHead + "-- +retort Upgrade\n-- +retort Downgrade\n-- +retort OnlineTool\n", dialect.MySQL,
			`f.sql:6: "-- +retort OnlineTool" is not followed by a statement in its section`},
		{"outside a section", toolHead + "-- +retort OnlineTool\n", dialect.MySQL,
			`f.sql:4: "-- +retort OnlineTool" outside a section`},
		{"PostgreSQL", toolHead + "-- +retort Upgrade\n-- +retort OnlineTool\nALTER TABLE t ADD c int;\n-- +retort Downgrade\n", dialect.Postgres,
			`f.sql:5: "-- +retort OnlineTool" is for MySQL and MariaDB (it runs an ALTER TABLE through pt-online-schema-change)`},
		{"table rename", toolHead + "-- +retort Upgrade\n-- +retort OnlineTool\nALTER TABLE t RENAME TO u;\n-- +retort Downgrade\n", dialect.MySQL,
			`f.sql:6: the ALTER TABLE marked for the online tool renames the table, which pt-online-schema-change cannot do (it follows "-- +retort OnlineTool" at line 5)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseFile("f.sql", []byte(tc.src), tc.d)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestRevCacheKeepsOnlineTool(t *testing.T) {
	rev, err := ParseFile("versions/a1.sql", []byte(toolHead+"-- +retort Upgrade\nSELECT 1;\n-- +retort OnlineTool\nALTER TABLE t MODIFY n bigint;\n-- +retort Downgrade\n-- +retort OnlineTool\nALTER TABLE t MODIFY n int;\n"), dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	var e encoder
	e.revision(rev, headerPos{id: 2, revises: 3})
	d := decoder{buf: e.buf}
	var got Revision
	p := pools{strs: make([]string, 8), stmts: make([]Statement, 8)}
	d.revision(&got, &p, false)
	if d.bad {
		t.Fatal("decoder: bad record")
	}
	if diff := cmp.Diff([]int{1}, got.UpgradeOnlineTool); diff != "" {
		t.Errorf("UpgradeOnlineTool (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{0}, got.DowngradeOnlineTool); diff != "" {
		t.Errorf("DowngradeOnlineTool (-want +got):\n%s", diff)
	}
}

func TestPlanTool(t *testing.T) {
	facts := func() *tableFacts {
		return &tableFacts{mariadb: true, keyed: true,
			fks:    map[string]bool{"fk_a": true, "_fk_b": true, "fk_gone": true},
			checks: map[string]string{"chk_n": "`n` >= 0", "chk_gone": "`n` < 9"}}
	}
	a, err := parseAlter("ALTER TABLE `db`.`t` MODIFY COLUMN `n` bigint /* a, b */, DROP FOREIGN KEY `fk_gone`, DROP CONSTRAINT chk_gone, " +
		"DROP FOREIGN KEY fk_a, ADD CONSTRAINT `fk_a` FOREIGN KEY (`x`) REFERENCES `u` (`id`), ADD CONSTRAINT fk_new FOREIGN KEY (y) REFERENCES u (id), ALGORITHM=COPY, LOCK = SHARED")
	if err != nil {
		t.Fatal(err)
	}
	if a.schema != "db" || a.table != "t" {
		t.Errorf("table %q.%q, want db.t", a.schema, a.table)
	}
	p, err := planTool(a, "db", facts())
	if err != nil {
		t.Fatal(err)
	}
	want := "MODIFY COLUMN `n` bigint, DROP FOREIGN KEY `_fk_gone`, DROP CONSTRAINT `_chk_gone`, " +
		"DROP FOREIGN KEY `_fk_a`, ADD CONSTRAINT `__fk_a` FOREIGN KEY (`x`) REFERENCES `u` (`id`), ADD CONSTRAINT fk_new FOREIGN KEY (y) REFERENCES u (id), " +
		"DROP CONSTRAINT `_chk_n`, ADD CONSTRAINT `chk_n` CHECK (`n` >= 0)"
	if diff := cmp.Diff(want, p.alter); diff != "" {
		t.Errorf("alter (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{"__fk_a": "fk_a", "__fk_b": "_fk_b"}, p.renameFKs); diff != "" {
		t.Errorf("renames (-want +got):\n%s", diff)
	}
	if got := ptoscName("__x"); got != "x" {
		t.Errorf("ptoscName(__x) = %q", got)
	}
	if got := ptoscName(strings.Repeat("a", 64)); got != "_"+strings.Repeat("a", 63) {
		t.Errorf("ptoscName of 64 characters = %q", got)
	}

	for _, tc := range []struct {
		name  string
		facts func(f *tableFacts)
		want  string
	}{
		{"referenced", func(f *tableFacts) { f.referenced = []string{"c", "other.d"} }, "is referenced by the foreign keys of c, other.d"},
		{"no key", func(f *tableFacts) { f.keyed = false }, "has no primary key or unique key"},
		{"MySQL checks", func(f *tableFacts) { f.mariadb = false }, "has checks, which pt-online-schema-change renames"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := facts()
			tc.facts(f)
			_, err := planTool(a, "db", f)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrOnlineTool) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func TestOfflineOnlineTool(t *testing.T) {
	rev, err := ParseFile("versions/a1.sql", []byte(toolHead+"-- +retort Upgrade\n-- +retort OnlineTool\nALTER TABLE `t` MODIFY `n` bigint, ALGORITHM=COPY;\n-- +retort Downgrade\n"), dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteOffline(&buf, []Step{{Rev: rev, Up: true, InsertHeads: []string{"a1"}}}, rtOpts(dialect.MySQL)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"--   pt-online-schema-change --alter 'MODIFY `n` bigint' --execute t=t\n",
		"ALTER TABLE `t` MODIFY `n` bigint, ALGORITHM=COPY;\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("offline SQL lacks %q:\n%s", want, buf.String())
		}
	}
}

// toolDB is a MariaDB database for the online tool's tests, with the
// tool installed, and a user with a password that only it knows.
type toolDB struct {
	db       *sql.DB
	name     string // the database
	dsn      string // the user's DSN
	password string
}

func newToolDB(t *testing.T) *toolDB {
	t.Helper()
	if _, err := exec.LookPath(ToolPTOSC); err != nil {
		if os.Getenv("RETORT_TEST_REQUIRE_DB") == "1" {
			t.Fatalf("%s is not installed (scripts/services.sh installs percona-toolkit)", ToolPTOSC)
		}
		t.Skipf("%s is not installed (apt-get install percona-toolkit)", ToolPTOSC)
	}
	tdb := testdb.New(t, dialect.MySQL)
	ctx := context.Background()
	name := tdb.URL.Database
	user := strings.Replace(name, "retort_t_", "retort_u", 1)
	if len(user) > 32 {
		user = user[:32]
	}
	password := `p"a,s\s w#x'y`
	for _, q := range []string{
		fmt.Sprintf("CREATE USER '%s'@'127.0.0.1' IDENTIFIED BY '%s'", user, strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(password)),
		fmt.Sprintf("GRANT ALL ON `%s`.* TO '%s'@'127.0.0.1'", name, user),
		// What the tool asks the server about replicas (MariaDB's names).
		fmt.Sprintf("GRANT PROCESS, REPLICATION SLAVE, REPLICATION CLIENT, REPLICATION MASTER ADMIN ON *.* TO '%s'@'127.0.0.1'", user),
	} {
		if _, err := tdb.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		tdb.ExecContext(context.Background(), fmt.Sprintf("DROP USER IF EXISTS '%s'@'127.0.0.1'", user))
	})
	dsn := fmt.Sprintf("%s:%s@tcp(127.0.0.1:3306)/%s", user, password, name)
	db, err := sql.Open("mysql", dsn+"?multiStatements=false")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.PingContext(ctx); err != nil {
		t.Fatalf("the tool's user cannot log in: %v", err)
	}
	return &toolDB{db: tdb.DB, name: name, dsn: dsn, password: password}
}

func (d *toolDB) exec(t *testing.T, qs ...string) {
	t.Helper()
	for _, q := range qs {
		if _, err := d.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func (d *toolDB) createTable(t *testing.T, name string) string {
	t.Helper()
	var n, ddl string
	if err := d.db.QueryRow("SHOW CREATE TABLE "+dialect.MySQL.QuoteIdent(name)).Scan(&n, &ddl); err != nil {
		t.Fatal(err)
	}
	// The counter moves with the copy.
	if i := strings.Index(ddl, " AUTO_INCREMENT="); i >= 0 {
		j := strings.IndexByte(ddl[i+1:], ' ')
		if j < 0 {
			j = len(ddl) - i - 1
		}
		ddl = ddl[:i] + ddl[i+1+j:]
	}
	return ddl
}

func (d *toolDB) tables(t *testing.T) []string {
	t.Helper()
	rows, err := d.db.Query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	return out
}

func (d *toolDB) count(t *testing.T, q string) int {
	t.Helper()
	var n int
	if err := d.db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// toolRev is a revision whose sections run one ALTER each through the
// tool.
func toolRev(t *testing.T, id, parent, up, down string) *Revision {
	t.Helper()
	src := fmt.Sprintf("-- %s\n-- Revision ID: %s\n-- Revises: %s\n\n-- +retort Upgrade\n-- +retort OnlineTool\n%s;\n\n-- +retort Downgrade\n-- +retort OnlineTool\n%s;\n", id, id, parent, up, down)
	rev, err := ParseFile("versions/"+id+".sql", []byte(src), dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	return rev
}

func TestOnlineToolRuns(t *testing.T) {
	d := newToolDB(t)
	d.exec(t,
		"CREATE TABLE p (id bigint PRIMARY KEY)",
		"INSERT INTO p VALUES (1), (2)",
		"CREATE TABLE c (id bigint AUTO_INCREMENT PRIMARY KEY, pid bigint NOT NULL, n int NOT NULL, "+
			"CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE, CONSTRAINT chk_c_n CHECK (n >= 0))",
		"INSERT INTO c (pid, n) SELECT 1 + seq % 2, seq FROM seq_1_to_3000",
	)
	before := d.createTable(t, "c")
	widen := toolRev(t, "a1", "",
		"ALTER TABLE `c` MODIFY COLUMN `n` bigint NOT NULL, ALGORITHM=COPY",
		"ALTER TABLE `c` MODIFY COLUMN `n` int NOT NULL")
	narrow := toolRev(t, "b2", "a1",
		"ALTER TABLE `c` MODIFY COLUMN `n` tinyint NOT NULL",
		"ALTER TABLE `c` MODIFY COLUMN `n` bigint NOT NULL")
	revs := []*Revision{widen, narrow}
	g, err := NewGraph(revs)
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	opts := rtOpts(dialect.MySQL)
	opts.Log = &log
	opts.OnlineTool = &OnlineTool{Name: ToolPTOSC, DSN: d.dsn}
	r := NewRunner(d.db, opts)
	ctx := context.Background()
	up := func(target string) error {
		return r.Run(ctx, revs, func(cur []string) ([]Step, error) { return g.PlanUpgrade(cur, target) })
	}
	down := func(target string) error {
		return r.Run(ctx, revs, func(cur []string) ([]Step, error) { return g.PlanDowngrade(cur, target) })
	}

	// Applied and reverted through the tool: the type changes, the rows
	// stay, the foreign key and the check keep their names.
	if err := up("a1"); err != nil {
		t.Fatalf("upgrade: %v\n%s", err, log.String())
	}
	want := strings.Replace(before, "`n` int(11) NOT NULL", "`n` bigint(20) NOT NULL", 1)
	if diff := cmp.Diff(want, d.createTable(t, "c")); diff != "" {
		t.Errorf("after the upgrade (-want +got):\n%s", diff)
	}
	if n := d.count(t, "SELECT COUNT(*) FROM c"); n != 3000 {
		t.Errorf("%d rows after the upgrade, want 3000", n)
	}
	for _, want := range []string{"  pt-online-schema-change: Successfully altered `" + d.name + "`.`c`.", "named the foreign keys of"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the progress lacks %q:\n%s", want, log.String())
		}
	}
	if strings.Contains(log.String(), d.password) || strings.Contains(log.String(), `s\s w#x`) {
		t.Errorf("the progress shows the password:\n%s", log.String())
	}
	if diff := cmp.Diff([]string{"a1"}, rtHeads(t, r)); diff != "" {
		t.Errorf("heads (-want +got):\n%s", diff)
	}
	if err := down("base"); err != nil {
		t.Fatalf("downgrade: %v\n%s", err, log.String())
	}
	if diff := cmp.Diff(before, d.createTable(t, "c")); diff != "" {
		t.Errorf("after the downgrade (-want +got):\n%s", diff)
	}
	// Twice more, so that the names go round the tool's cycle (fk,
	// _fk, __fk).
	for range 2 {
		if err := up("a1"); err != nil {
			t.Fatalf("upgrade: %v", err)
		}
		if err := down("base"); err != nil {
			t.Fatalf("downgrade: %v", err)
		}
	}
	if diff := cmp.Diff(before, d.createTable(t, "c")); diff != "" {
		t.Errorf("after three rounds (-want +got):\n%s", diff)
	}

	// Foreign keys and checks dropped and added by the statement itself,
	// one foreign key changed under the same name.
	keys := toolRev(t, "k1", "",
		"ALTER TABLE `c` DROP FOREIGN KEY `fk_c_p`, DROP CONSTRAINT `chk_c_n`, ADD CONSTRAINT `chk_c_pid` CHECK (`pid` > 0)",
		"ALTER TABLE `c` DROP CONSTRAINT `chk_c_pid`, ADD CONSTRAINT `fk_c_p` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE CASCADE, ADD CONSTRAINT `chk_c_n` CHECK (`n` >= 0)")
	same := toolRev(t, "k2", "",
		"ALTER TABLE `c` DROP FOREIGN KEY `fk_c_p`, ADD CONSTRAINT `fk_c_p` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE RESTRICT",
		"ALTER TABLE `c` DROP FOREIGN KEY `fk_c_p`, ADD CONSTRAINT `fk_c_p` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE CASCADE")
	// Each on its own version table: k2 runs on the table k1's
	// downgrade restored.
	kopts := opts
	kopts.VersionTable = "retort_version_keys"
	krevs := []*Revision{keys, same}
	kg, err := NewGraph(krevs)
	if err != nil {
		t.Fatal(err)
	}
	krun := func(plan func(cur []string) ([]Step, error)) {
		t.Helper()
		if err := NewRunner(d.db, kopts).Run(ctx, krevs, plan); err != nil {
			t.Fatalf("%v\n%s", err, log.String())
		}
	}
	krun(func(cur []string) ([]Step, error) { return kg.PlanUpgrade(cur, "k1") })
	got := d.createTable(t, "c")
	if strings.Contains(got, "FOREIGN KEY") || strings.Contains(got, "chk_c_n") || !strings.Contains(got, "CONSTRAINT `chk_c_pid` CHECK (`pid` > 0)") {
		t.Errorf("after k1:\n%s", got)
	}
	krun(func(cur []string) ([]Step, error) { return kg.PlanDowngrade(cur, "base") })
	if diff := cmp.Diff(before, d.createTable(t, "c")); diff != "" {
		t.Errorf("after k1's downgrade (-want +got):\n%s", diff)
	}
	kopts.VersionTable = "retort_version_same"
	krun(func(cur []string) ([]Step, error) { return kg.PlanUpgrade(cur, "k2") })
	if got, want := d.createTable(t, "c"), strings.Replace(before, "REFERENCES `p` (`id`) ON DELETE CASCADE", "REFERENCES `p` (`id`)", 1); got != want {
		t.Errorf("after k2 (-want +got):\n%s", cmp.Diff(want, got))
	}
	krun(func(cur []string) ([]Step, error) { return kg.PlanDowngrade(cur, "base") })
	if diff := cmp.Diff(before, d.createTable(t, "c")); diff != "" {
		t.Errorf("after k2's downgrade (-want +got):\n%s", diff)
	}

	// A run the tool fails (values out of tinyint's range): the table
	// is as it was, with no trigger and no copy left, and the revision is
	// not recorded.
	if err := up("a1"); err != nil {
		t.Fatal(err)
	}
	mid := d.createTable(t, "c")
	log.Reset()
	err = up("b2")
	var se *StatementError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "pt-online-schema-change exited with status") || !strings.Contains(err.Error(), "Out of range value") {
		t.Fatalf("got %v, want the tool's failure", err)
	}
	if diff := cmp.Diff(mid, d.createTable(t, "c")); diff != "" {
		t.Errorf("after the failed run (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"c", "p", "retort_version", "retort_version_keys", "retort_version_keys_log", "retort_version_log", "retort_version_same", "retort_version_same_log"}, d.tables(t), cmpIgnoreLock()); diff != "" {
		t.Errorf("tables after the failed run (-want +got):\n%s", diff)
	}
	if n := d.count(t, "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"); n != 0 {
		t.Errorf("%d triggers left", n)
	}
	if n := d.count(t, "SELECT COUNT(*) FROM c"); n != 3000 {
		t.Errorf("%d rows after the failed run, want 3000", n)
	}
	if diff := cmp.Diff([]string{"a1"}, rtHeads(t, r)); diff != "" {
		t.Errorf("heads after the failed run (-want +got):\n%s", diff)
	}
}

// cmpIgnoreLock leaves out the lock table, which only SQLite has.
func cmpIgnoreLock() cmp.Option {
	return cmp.Transformer("noLock", func(s []string) []string {
		var out []string
		for _, x := range s {
			if x != "retort_version_lock" {
				out = append(out, x)
			}
		}
		return out
	})
}

func TestOnlineToolRefuses(t *testing.T) {
	d := newToolDB(t)
	d.exec(t,
		"CREATE TABLE p (id bigint PRIMARY KEY, n int)",
		"CREATE TABLE c (id bigint PRIMARY KEY, pid bigint, CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id))",
		"CREATE TABLE k (n int)",
	)
	ctx := context.Background()
	for i, tc := range []struct {
		name, table string
		tool        *OnlineTool
		want        string
	}{
		{"referenced", "p", &OnlineTool{Name: ToolPTOSC, DSN: d.dsn}, "table `" + d.name + "`.`p` is referenced by the foreign keys of c"},
		{"no key", "k", &OnlineTool{Name: ToolPTOSC, DSN: d.dsn}, "table `" + d.name + "`.`k` has no primary key or unique key"},
		{"not installed", "c", &OnlineTool{Name: ToolPTOSC, Path: filepath.Join(t.TempDir(), "pt-online-schema-change"), DSN: d.dsn},
			"pt-online-schema-change is not installed"},
		{"not configured", "c", nil, "is marked \"-- +retort OnlineTool\" but [migrations] online_tool is not set"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain := rtRev("a1", "plain", nil, []string{fmt.Sprintf("CREATE TABLE marks_%d (rev varchar(10))", i)}, []string{fmt.Sprintf("DROP TABLE marks_%d", i)})
			rev := toolRev(t, "b2", "a1", "ALTER TABLE `"+tc.table+"` MODIFY COLUMN `n` bigint", "ALTER TABLE `"+tc.table+"` MODIFY COLUMN `n` int")
			revs := []*Revision{plain, rev}
			g, err := NewGraph(revs)
			if err != nil {
				t.Fatal(err)
			}
			opts := rtOpts(dialect.MySQL)
			opts.VersionTable = fmt.Sprintf("retort_version_%d", i)
			opts.OnlineTool = tc.tool
			r := NewRunner(d.db, opts)
			before := d.createTable(t, tc.table)
			err = r.Run(ctx, revs, func(cur []string) ([]Step, error) { return g.PlanUpgrade(cur, "heads") })
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrOnlineTool) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if tc.name == "not installed" && !strings.Contains(err.Error(), "apt-get install percona-toolkit") {
				t.Errorf("the error does not say how to install the tool: %v", err)
			}
			if diff := cmp.Diff(before, d.createTable(t, tc.table)); diff != "" {
				t.Errorf("the table changed (-want +got):\n%s", diff)
			}
			// The tool's statement is the second revision's: a refusal
			// before the run leaves even the first unapplied.
			refusedFirst := tc.name == "not installed" || tc.name == "not configured"
			if got := rtHeads(t, r); refusedFirst && len(got) != 0 || !refusedFirst && !cmp.Equal(got, []string{"a1"}) {
				t.Errorf("heads %v", got)
			}
		})
	}
}

// signalWriter is a progress log that closes seen when a line holds
// want.
type signalWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want string
	seen chan struct{}
	once sync.Once
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if bytes.Contains(p, []byte(w.want)) {
		w.once.Do(func() { close(w.seen) })
	}
	return w.buf.Write(p)
}

func (w *signalWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestOnlineToolInterrupted: a second Ctrl-C (Abort) while the tool
// copies interrupts it; the tool then leaves its triggers and its copy,
// and the runner drops them: the table is as it was.
func TestOnlineToolInterrupted(t *testing.T) {
	d := newToolDB(t)
	d.exec(t,
		"CREATE TABLE c (id bigint AUTO_INCREMENT PRIMARY KEY, n int NOT NULL, s varchar(64) NOT NULL)",
		"INSERT INTO c (n, s) SELECT seq, concat('row ', seq) FROM seq_1_to_300000",
	)
	before := d.createTable(t, "c")
	rev := toolRev(t, "a1", "", "ALTER TABLE `c` MODIFY COLUMN `n` bigint NOT NULL", "ALTER TABLE `c` MODIFY COLUMN `n` int NOT NULL")
	revs := []*Revision{rev}
	g, err := NewGraph(revs)
	if err != nil {
		t.Fatal(err)
	}
	log := &signalWriter{want: "Copying approximately", seen: make(chan struct{})}
	abort := make(chan struct{})
	go func() {
		<-log.seen
		close(abort)
	}()
	opts := rtOpts(dialect.MySQL)
	opts.Log = log
	opts.Abort = abort
	opts.OnlineTool = &OnlineTool{Name: ToolPTOSC, DSN: d.dsn}
	r := NewRunner(d.db, opts)
	err = r.Run(context.Background(), revs, func(cur []string) ([]Step, error) { return g.PlanUpgrade(cur, "a1") })
	if err == nil {
		select {
		case <-abort:
			t.Fatalf("the interrupted run succeeded:\n%s", log.String())
		default:
			t.Skip("the tool finished its copy before the progress line was read")
		}
	}
	if !strings.Contains(err.Error(), "pt-online-schema-change exited with status") {
		t.Fatalf("got %v\n%s", err, log.String())
	}
	if diff := cmp.Diff(before, d.createTable(t, "c")); diff != "" {
		t.Errorf("the table changed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"c", "retort_version", "retort_version_log"}, d.tables(t), cmpIgnoreLock()); diff != "" {
		t.Errorf("tables after the interrupted run (-want +got):\n%s\n%s", diff, log.String())
	}
	if n := d.count(t, "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"); n != 0 {
		t.Errorf("%d triggers left:\n%s", n, log.String())
	}
	if !strings.Contains(log.String(), "Not dropping triggers because the tool was interrupted") || !strings.Contains(log.String(), "dropped what it left: 3 triggers, table") {
		t.Errorf("the progress does not say that the tool left its triggers and that retort dropped them:\n%s", log.String())
	}
}
