package migrations

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// raceHistory writes n revisions, each inserting its mark and running a
// slow statement, and returns their ids.
func raceHistory(p *procProject, d dialect.Name, n int, first []string) []string {
	var ids []string
	parent := ""
	for k := 1; k <= n; k++ {
		id := fmt.Sprintf("beef%08d", k)
		var up []string
		if k == 1 {
			up = append(up, first...)
			up = append(up, "CREATE TABLE marks (rev varchar(64) NOT NULL)")
		}
		up = append(up, fmt.Sprintf("INSERT INTO marks (rev) VALUES ('%s')", id), procSlow(d))
		p.writeRev(id, parent, "race "+id, nil, up)
		ids = append(ids, id)
		parent = id
	}
	return ids
}

// TestRaceProcesses starts 20 `retort upgrade head` processes at once
// against one database: every revision runs exactly once, and every
// process ends well (the others wait for the lock, then find nothing to
// do). RETORT_STRESS_RACES sets the rounds per dialect (default 1).
func TestRaceProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the process race in -short mode")
	}
	rounds := 1
	if v := os.Getenv("RETORT_STRESS_RACES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("RETORT_STRESS_RACES=%q: want a positive number", v)
		}
		rounds = n
	}
	const procs, revs = 20, 6
	bin := buildRetort(t)
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			for round := 1; round <= rounds; round++ {
				db := testdb.New(t, d)
				p := newProcProject(t, bin, db.URL.Secret())
				ids := raceHistory(p, d, revs, nil)
				var wg sync.WaitGroup
				outs := make([]string, procs)
				codes := make([]int, procs)
				start := make(chan struct{})
				for i := range procs {
					wg.Add(1)
					go func() {
						defer wg.Done()
						ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
						defer cancel()
						cmd, o, e := p.command(ctx, "upgrade", "head")
						<-start
						err := cmd.Run()
						outs[i] = o.String() + e.String()
						codes[i] = -1
						if err == nil {
							codes[i] = 0
						} else if ee, ok := err.(interface{ ExitCode() int }); ok {
							codes[i] = ee.ExitCode()
						}
					}()
				}
				close(start)
				wg.Wait()
				ran := 0
				for i := range procs {
					if codes[i] != 0 {
						t.Fatalf("round %d: process %d exited %d:\n%s", round, i, codes[i], outs[i])
					}
					ran += strings.Count(outs[i], "Running upgrade")
				}
				if ran != revs {
					t.Errorf("round %d: %d revisions ran in all, want %d:\n%s", round, ran, revs, strings.Join(outs, "\n---\n"))
				}
				for _, id := range ids {
					if n := rtMarks(t, db.DB, id); n != 1 {
						t.Errorf("round %d: revision %s ran %d times", round, id, n)
					}
				}
				out, _, code := p.run("current")
				if code != 0 || strings.TrimSpace(out) != ids[len(ids)-1]+" (head)" {
					t.Errorf("round %d: current: exit %d: %s", round, code, out)
				}
			}
			t.Logf("%s: %d rounds of %d processes, each revision ran once", d, rounds, procs)
		})
	}
}

// TestLockHolderKilled kills the process holding the migration lock while
// its first revision runs: the lock does not outlive it (MySQL and
// PostgreSQL session locks die with the session; SQLite's lock row is
// taken over at once because its holder on this host is gone), and the
// next upgrade finishes the history.
func TestLockHolderKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode")
	}
	bin := buildRetort(t)
	for _, d := range testdb.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			p := newProcProject(t, bin, db.URL.Secret())
			// A first statement that runs long enough to be killed in it.
			var slow string
			switch d {
			case dialect.MySQL:
				slow = "DO SLEEP(1)"
			case dialect.Postgres:
				slow = "SELECT pg_sleep(1)"
			default:
				slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c"
			}
			ids := raceHistory(p, d, 3, []string{slow})
			conn, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			l, err := newLocker(ctx, conn, newVersionTable(d, ""))
			if err != nil {
				t.Fatal(err)
			}
			cctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
			defer cancel()
			cmd, o, e := p.command(cctx, "upgrade", "head")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var holder string
			for holder == "" {
				holder = l.holder(ctx)
				if holder == "" {
					time.Sleep(5 * time.Millisecond)
				}
			}
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			p.record([]string{"upgrade", "head"}, o, e)
			t.Logf("killed the holder: %s", holder)
			if d == dialect.SQLite {
				// Taken at once, without waiting out the lease.
				ok, err := l.tryLock(ctx)
				if err != nil || !ok {
					t.Fatalf("the lock of a killed holder on this host was not taken over: %v (holder %s)", err, l.holder(ctx))
				}
				if err := l.unlock(ctx); err != nil {
					t.Fatal(err)
				}
			}
			out, errOut, code := p.run("upgrade", "head")
			if code != 0 && d == dialect.MySQL && strings.Contains(errOut, "--force to retry it") {
				// The kill landed inside the slow first statement, whose
				// DDL-free SLEEP left no effect: the message says to retry
				// it with --force, which is what a user would do.
				t.Logf("the kill landed inside statement 1; following the message: %s", strings.TrimSpace(errOut))
				out, errOut, code = p.run("upgrade", "head", "--force")
			}
			if code != 0 {
				t.Fatalf("upgrade after the kill: exit %d\n%s%s", code, out, errOut)
			}
			for _, id := range ids {
				if n := rtMarks(t, db.DB, id); n != 1 {
					t.Errorf("revision %s ran %d times", id, n)
				}
			}
		})
	}
}

// TestSQLiteLockTakeDead: a lock row is taken before its lease ends only
// from a holder on this host whose process is gone.
func TestSQLiteLockTakeDead(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.SQLite)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatalf("no true command: %v", err)
	}
	host, _ := os.Hostname()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	vt := newVersionTable(dialect.SQLite, "")
	for _, c := range []struct {
		holder string
		take   bool
	}{
		{fmt.Sprintf("pid 1 on %s", host), false},                          // alive
		{fmt.Sprintf("pid %d on other-%s", dead.Process.Pid, host), false}, // elsewhere: only the lease
		{fmt.Sprintf("pid %d on %s", dead.Process.Pid, host), true},        // gone
		{"someone", false}, // unknown
	} {
		l, err := newLocker(ctx, conn, vt)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := l.tryLock(ctx); err != nil || !ok {
			t.Fatalf("tryLock on a free lock: %v, %v", ok, err)
		}
		if _, err := conn.ExecContext(ctx, `UPDATE "retort_version_lock" SET "token" = 'x', "holder" = ? WHERE "id" = 1`, c.holder); err != nil {
			t.Fatal(err)
		}
		l2, _ := newLocker(ctx, conn, vt)
		ok, err := l2.tryLock(ctx)
		if err != nil || ok != c.take {
			t.Errorf("holder %q: tryLock = %v, %v; want %v", c.holder, ok, err, c.take)
		}
		if _, err := conn.ExecContext(ctx, `DELETE FROM "retort_version_lock"`); err != nil {
			t.Fatal(err)
		}
	}
}
