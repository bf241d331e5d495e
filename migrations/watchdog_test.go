package migrations

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// replyDropper is a TCP proxy on 127.0.0.1 that, once dropAll is called,
// keeps forwarding what the clients of the connections open then send but
// swallows the server's replies to them: the connection stays open and the
// client waits for an answer that never comes. Later connections work.
type replyDropper struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []*atomic.Bool
}

func (p *replyDropper) dropAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, d := range p.conns {
		d.Store(true)
	}
}

func newReplyDropper(t *testing.T, target string) *replyDropper {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &replyDropper{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			drop := new(atomic.Bool)
			p.mu.Lock()
			p.conns = append(p.conns, drop)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() {
				buf := make([]byte, 32<<10)
				for {
					n, err := s.Read(buf)
					if n > 0 && !drop.Load() {
						c.Write(buf[:n])
					}
					if err != nil {
						c.Close()
						return
					}
				}
			}()
		}
	}()
	return p
}

// A reply lost on the way (the server finished the statement, the client
// never hears of it) used to hang retort until it was killed. The watchdog
// sees the session idle on the server, ends the run with a StalledError,
// and ends the session, whose lock is then free for the next run.
func TestRunnerStalledReply(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.MySQL, dialect.Postgres}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		raw, err := url.Parse(db.URL.Secret())
		if err != nil {
			t.Fatal(err)
		}
		p := newReplyDropper(t, raw.Host)
		raw.Host = p.ln.Addr().String()
		pu, err := dburl.Parse(raw.String(), "")
		if err != nil {
			t.Fatal(err)
		}
		pdb, err := pu.Open(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer pdb.Close()
		sleep := "DO SLEEP(1)"
		if d == dialect.Postgres {
			sleep = "SELECT pg_sleep(1)"
		}
		rev := rtRev("s1", "slow", nil, []string{"CREATE TABLE s1 (id integer PRIMARY KEY)", sleep, "CREATE TABLE s2 (id integer PRIMARY KEY)"}, nil)
		rev.UpgradeNoTx = true
		rev.Checksum = rtChecksum(rev)
		o := rtOpts(d)
		o.stallCheck = 200 * time.Millisecond
		r := NewRunner(pdb, o)
		r.beforeExec = func(_ *Revision, _ bool, i int) {
			if i == 2 {
				p.dropAll() // the reply to the sleep is lost
			}
		}
		start := time.Now()
		err = r.Run(ctx, []*Revision{rev}, rtPlanner(nil, []Step{{Rev: rev, Up: true, InsertHeads: []string{"s1"}}}))
		if !errors.Is(err, ErrStalled) {
			t.Fatalf("Run = %v after %s, want ErrStalled", err, time.Since(start))
		}
		t.Logf("stopped after %s: %v", time.Since(start).Round(time.Millisecond), err)
		// The session that held the lock is gone: a run on a healthy
		// connection takes the lock at once and says where things are.
		o2 := rtOpts(d)
		o2.LockTimeout = 5 * time.Second
		st, err := NewRunner(db.DB, o2).State(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Partial == nil || st.Partial.Holder != "" {
			t.Fatalf("state after the stall: %+v (partial %+v)", st, st.Partial)
		}
	})
}
