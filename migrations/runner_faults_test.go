package migrations

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// pwUser is the user the fault tests create, with a real password, so that
// a leak of the password in any output can be seen.
const pwUser = "retort_pw_test"

// withPassword creates pwUser with a fresh password and all rights on db,
// drops the user when t ends, and returns db's URL for it and the password.
func withPassword(t *testing.T, d dialect.Name, db *testdb.DB) (string, string) {
	t.Helper()
	ctx := context.Background()
	var b [12]byte
	rand.Read(b[:])
	pw := "Pw" + hex.EncodeToString(b[:])
	admin := testdb.Server(t, d)
	adb, err := admin.Open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer adb.Close()
	var stmts, drops []string
	switch d {
	case dialect.MySQL:
		drops = []string{"DROP USER IF EXISTS '" + pwUser + "'@'%'"}
		stmts = append(drops,
			fmt.Sprintf("CREATE USER '%s'@'%%' IDENTIFIED BY '%s'", pwUser, pw),
			fmt.Sprintf("GRANT ALL ON %s.* TO '%s'@'%%'", d.QuoteIdent(db.URL.Database), pwUser))
	case dialect.Postgres:
		drops = []string{"DROP ROLE IF EXISTS " + pwUser}
		stmts = []string{
			"DROP ROLE IF EXISTS " + pwUser,
			fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD '%s'", pwUser, pw),
			fmt.Sprintf("ALTER DATABASE %s OWNER TO %s", d.QuoteIdent(db.URL.Database), pwUser),
		}
	}
	for _, s := range stmts {
		if _, err := adb.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", strings.ReplaceAll(s, pw, "xxxxx"), err)
		}
	}
	t.Cleanup(func() {
		adb, err := admin.Open(ctx)
		if err != nil {
			t.Error(err)
			return
		}
		defer adb.Close()
		if d == dialect.Postgres {
			// The test database goes later: give what the user owns in it,
			// and the database, back first.
			if _, err := db.ExecContext(ctx, "REASSIGN OWNED BY "+pwUser+" TO CURRENT_USER"); err != nil {
				t.Error(err)
			}
		}
		for _, s := range drops {
			if _, err := adb.ExecContext(ctx, s); err != nil {
				t.Errorf("%s: %v", s, err)
			}
		}
	})
	u, err := url.Parse(db.URL.Secret())
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(pwUser, pw)
	return u.String(), pw
}

// TestConnectionFaults runs retort against a wrong password, an
// unreachable server, a session killed mid-migration and a statement
// timeout: each is a clear error, the record stays consistent (current
// says where the database is, the next upgrade finishes), and no output of
// any of them holds the password.
func TestConnectionFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode")
	}
	bin := buildRetort(t)
	var all bytes.Buffer
	var secrets []string
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			good, pw := withPassword(t, d, db)
			secrets = append(secrets, pw, "wrong"+pw)
			replace := func(from, to string) string {
				out := strings.Replace(good, from, to, 1)
				if out == good {
					t.Fatalf("cannot make a faulty URL from %s", from)
				}
				return out
			}
			project := func(u string) *procProject {
				p := newProcProject(t, bin, u)
				t.Cleanup(func() { all.Write(p.out.Bytes()) })
				return p
			}
			var sleep, timeout, slowTimed, killer string
			switch d {
			case dialect.MySQL:
				sleep = "DO SLEEP(30)"
				timeout = "SET SESSION max_statement_time = 0.2"
				// SLEEP and BENCHMARK cut short return without an error.
				slowTimed = "SELECT COUNT(*) FROM seq_1_to_1000000000 a, seq_1_to_10 b"
				killer = "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '" + pwUser + "' AND INFO LIKE 'DO SLEEP(30)%'"
			case dialect.Postgres:
				sleep = "SELECT pg_sleep(30)"
				timeout = "SET statement_timeout = '200ms'"
				slowTimed = "SELECT pg_sleep(5)"
				killer = "SELECT pid FROM pg_stat_activity WHERE usename = '" + pwUser + "' AND query LIKE 'SELECT pg_sleep(30)%'"
			}

			t.Run("wrong password", func(t *testing.T) {
				u := replace(":"+pw+"@", ":wrong"+pw+"@")
				if c, err := sql.Open(db.URL.Driver, mustDSN(t, u)); err == nil {
					err = c.PingContext(ctx)
					c.Close()
					if err == nil {
						// A trust rule lets any password in: a role that does
						// not exist still fails.
						u = strings.Replace(u, pwUser+":", "retort_pw_nobody:", 1)
					}
				}
				p := project(u)
				raceHistory(p, d, 2, nil)
				for _, cmd := range [][]string{{"upgrade", "head"}, {"current"}, {"verify"}} {
					_, errOut, code := p.run(cmd...)
					if code != 1 || !strings.Contains(errOut, "connect to") ||
						!(strings.Contains(errOut, "Access denied") || strings.Contains(errOut, "password authentication failed") ||
							strings.Contains(errOut, "does not exist")) {
						t.Errorf("retort %s: exit %d:\n%s", cmd[0], code, errOut)
					}
				}
			})

			t.Run("unreachable", func(t *testing.T) {
				host := db.URL.Secret()
				hp := host[strings.Index(host, "@")+1:]
				hp = hp[:strings.Index(hp, "/")]
				p := project(replace("@"+hp+"/", "@127.0.0.1:1/"))
				raceHistory(p, d, 2, nil)
				_, errOut, code := p.run("upgrade", "head")
				// Exit 3: an outage, which CI tells from drift (1).
				if code != 3 || !strings.Contains(errOut, "connect to") || !strings.Contains(errOut, "refused") {
					t.Errorf("upgrade against a closed port: exit %d:\n%s", code, errOut)
				}
			})

			t.Run("session killed", func(t *testing.T) {
				p := project(good)
				ids := raceHistory(p, d, 3, nil)
				p.writeRev(ids[1], ids[0], "slow", nil,
					[]string{fmt.Sprintf("INSERT INTO marks (rev) VALUES ('%s')", ids[1]), sleep})
				cctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
				defer cancel()
				cmd, o, e := p.command(cctx, "upgrade", "head")
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				var id int64
				for {
					err := db.QueryRowContext(ctx, killer).Scan(&id)
					if err == nil {
						break
					}
					if err != sql.ErrNoRows {
						t.Fatal(err)
					}
					time.Sleep(10 * time.Millisecond)
				}
				kill := fmt.Sprintf("KILL %d", id)
				if d == dialect.Postgres {
					kill = fmt.Sprintf("SELECT pg_terminate_backend(%d)", id)
				}
				if _, err := db.ExecContext(ctx, kill); err != nil {
					t.Fatal(err)
				}
				killedAt := time.Now()
				err := cmd.Wait()
				t.Logf("the process ended %v after the kill", time.Since(killedAt).Round(time.Millisecond))
				p.record([]string{"upgrade", "head"}, o, e)
				if code := exitCodeOf(t, err); code != 1 || !strings.Contains(e.String(), ids[1]) {
					t.Fatalf("upgrade whose session was killed: exit %d:\n%s", code, e)
				}
				t.Logf("session killed: %s", strings.TrimSpace(e.String()))
				out, _, code := p.run("current")
				if d == dialect.MySQL {
					// Recorded as interrupted; a DO has no effect that a
					// second run repeats, so current says to run it again.
					if code != 1 || !strings.Contains(out, ids[1]+" partially applied (upgrade): 1 of 2 statements ran, statement 2") ||
						!strings.Contains(out, "did not complete: `retort upgrade "+ids[1]+"` runs it again") {
						t.Fatalf("current after the kill: exit %d: %s", code, out)
					}
				} else if code != 0 || strings.TrimSpace(out) != ids[0] || rtMarks(t, db.DB, ids[1]) != 0 {
					t.Fatalf("current after the kill: exit %d: %s", code, out)
				}
				// A shorter sleep: the upgrade resumes at it (MySQL) or
				// reruns the revision.
				p.writeRev(ids[1], ids[0], "slow", nil,
					[]string{fmt.Sprintf("INSERT INTO marks (rev) VALUES ('%s')", ids[1]), procSlow(d)})
				if out, errOut, code := p.run("upgrade", "head"); code != 0 {
					t.Fatalf("upgrade after the kill: exit %d: %s%s", code, out, errOut)
				}
				for _, id := range ids {
					if n := rtMarks(t, db.DB, id); n != 1 {
						t.Errorf("revision %s ran %d times", id, n)
					}
				}
			})

			t.Run("statement timeout", func(t *testing.T) {
				// The same database, another version table and history.
				p := project(good)
				toml := "[migrations]\ndir = \"migrations\"\nversion_table = \"timeout_version\"\n"
				if err := os.WriteFile(filepath.Join(p.dir, "retort.toml"), []byte(toml), 0o644); err != nil {
					t.Fatal(err)
				}
				mark := func(id string) string { return fmt.Sprintf("INSERT INTO marks_t (rev) VALUES ('%s')", id) }
				ids := []string{"dead00000001", "dead00000002", "dead00000003"}
				p.writeRev(ids[0], "", "first", nil, []string{"CREATE TABLE marks_t (rev varchar(64) NOT NULL)", mark(ids[0])})
				p.writeRev(ids[1], ids[0], "timeout", nil, []string{mark(ids[1]), timeout, slowTimed})
				p.writeRev(ids[2], ids[1], "last", nil, []string{mark(ids[2])})
				marks := func(id string) int {
					return rtCount(t, db.DB, fmt.Sprintf("SELECT COUNT(*) FROM marks_t WHERE rev = '%s'", id))
				}
				_, errOut, code := p.run("upgrade", "head")
				if code != 1 || !strings.Contains(errOut, ids[1]+", statement 3") ||
					!(strings.Contains(errOut, "max_statement_time") || strings.Contains(errOut, "statement timeout")) {
					t.Fatalf("upgrade with a statement timeout: exit %d:\n%s", code, errOut)
				}
				t.Logf("statement timeout: %s", strings.TrimSpace(errOut))
				out, _, code := p.run("current")
				if d == dialect.MySQL {
					if code != 1 || !strings.Contains(out, ids[1]+" partially applied (upgrade): 2 of 3 statements ran, statement 3") {
						t.Fatalf("current after the timeout: exit %d: %s", code, out)
					}
				} else if code != 0 || strings.TrimSpace(out) != ids[0] || marks(ids[1]) != 0 {
					t.Fatalf("current after the timeout: exit %d: %s", code, out)
				}
				// Fixed (a quick statement), the upgrade resumes or reruns.
				p.writeRev(ids[1], ids[0], "timeout", nil, []string{mark(ids[1]), timeout, procSlow(d)})
				if out, errOut, code := p.run("upgrade", "head"); code != 0 {
					t.Fatalf("upgrade after the fix: exit %d: %s%s", code, out, errOut)
				}
				for _, id := range ids {
					if n := marks(id); n != 1 {
						t.Errorf("revision %s ran %d times", id, n)
					}
				}
			})
		})
	}
	// Every output of every case above, and of the other process tests in
	// this run are checked by their own tests; here: none holds a password.
	if len(secrets) == 0 && !t.Failed() {
		// testdb skipped every dialect (no server, and none required).
		t.Skip("no database server: every dialect skipped")
	}
	if all.Len() == 0 && !t.Failed() {
		t.Fatal("no output collected")
	}
	for _, s := range secrets {
		if strings.Contains(all.String(), s) {
			t.Errorf("a password was printed:\n%s", all.String())
		}
	}
	t.Logf("%d bytes of output from the failing commands hold no password", all.Len())
}

// mustDSN returns the driver DSN of a retort URL.
func mustDSN(t *testing.T, u string) string {
	t.Helper()
	p, err := dburl.Parse(u, "")
	if err != nil {
		t.Fatal(err)
	}
	return p.DSN
}
