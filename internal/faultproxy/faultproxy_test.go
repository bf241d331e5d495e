package faultproxy

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"testing"
	"time"
)

// echoServer echoes every connection and keeps what each one received.
type echoServer struct {
	ln net.Listener
	mu sync.Mutex
	// got holds the bytes each connection received, in accept order.
	got []*bytes.Buffer
}

func newEchoServer(t *testing.T) *echoServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &echoServer{ln: ln}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			buf := &bytes.Buffer{}
			s.got = append(s.got, buf)
			s.mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				b := make([]byte, 1024)
				for {
					n, err := c.Read(b)
					s.mu.Lock()
					buf.Write(b[:n])
					s.mu.Unlock()
					if n > 0 {
						c.Write(b[:n])
					}
					if err != nil {
						return
					}
				}
			}()
		}
	}()
	return s
}

// received returns what the i-th (0-based) connection received so far.
func (s *echoServer) received(i int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i >= len(s.got) {
		return ""
	}
	return s.got[i].String()
}

func (s *echoServer) accepted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.got)
}

func newProxy(t *testing.T, s *echoServer) *Proxy {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	p, err := New(ctx, s.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close(); cancel() })
	return p
}

func dial(t *testing.T, p *Proxy) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(30 * time.Second))
	return c
}

func send(t *testing.T, c net.Conn, s string) {
	t.Helper()
	if _, err := c.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
}

func readN(t *testing.T, c net.Conn, n int) string {
	t.Helper()
	b := make([]byte, n)
	if _, err := io.ReadFull(c, b); err != nil {
		t.Fatalf("read %d bytes: %v", n, err)
	}
	return string(b)
}

// waitFor polls cond until it holds; the test's deadline bounds it.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("still waiting for %s", what)
		}
	}
}

// readEnd reads until the connection ends and returns what came first.
func readEnd(t *testing.T, c net.Conn) string {
	t.Helper()
	b, err := io.ReadAll(c)
	if err != nil && !isReset(err) {
		t.Fatalf("want the connection to end, got %v", err)
	}
	return string(b)
}

func isReset(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && !op.Timeout()
}

func TestPassCounts(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	c := dial(t, p)
	send(t, c, "hello")
	if got := readN(t, c, 5); got != "hello" {
		t.Fatalf("echo %q", got)
	}
	send(t, c, "world!")
	readN(t, c, 6)
	waitFor(t, "the counts", func() bool { return p.Bytes(Up) == 11 && p.Bytes(Down) == 11 })
	cs := p.Conns()
	if len(cs) != 1 || cs[0].N != 1 || !cs[0].Open || cs[0].Up != 11 || cs[0].Down != 11 || cs[0].ServerSide == "" {
		t.Fatalf("conns %+v", cs)
	}
	if ev := p.Fired(); len(ev) != 0 {
		t.Fatalf("fired %v", ev)
	}
}

func TestCutAfterBytes(t *testing.T) {
	for _, tc := range []struct {
		name         string
		dir          Dir
		at           int64
		server, echo string
	}{
		{"up", Up, 7, "abcdefg", "abcdefg"},
		{"up at 0", Up, 0, "", ""},
		{"down", Down, 3, "abcdefghij", "abc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newEchoServer(t)
			p := newProxy(t, s)
			p.Arm(Fault{Action: Cut, Dir: tc.dir, At: tc.at})
			c := dial(t, p)
			send(t, c, "abcdefghij")
			got := readEnd(t, c)
			// Up: the echo of the bytes that got through may or may not
			// beat the cut back.
			if tc.dir == Down && got != tc.echo || !bytes.HasPrefix([]byte(tc.echo), []byte(got)) {
				t.Errorf("client got %q, want %q", got, tc.echo)
			}
			waitFor(t, "the cut to reach the server", func() bool { return !p.Conns()[0].Open })
			if tc.dir == Up {
				// The proxy closed its side after the bytes before the
				// cut: the server gets those and never more.
				waitFor(t, "the bytes before the cut", func() bool { return s.received(0) == tc.server })
				if r := s.received(0); r != tc.server {
					t.Errorf("server got %q, want %q", r, tc.server)
				}
			}
			ev := p.Fired()
			if len(ev) != 1 || ev[0].Action != Cut || (tc.dir == Up && ev[0].Up != tc.at) || (tc.dir == Down && ev[0].Down != tc.at) {
				t.Errorf("fired %v", ev)
			}
		})
	}
}

func TestCutAfterDelay(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	c := dial(t, p)
	send(t, c, "x")
	readN(t, c, 1)
	p.Arm(Fault{Action: Cut, Delay: 20 * time.Millisecond})
	if got := readEnd(t, c); got != "" {
		t.Fatalf("got %q after the cut", got)
	}
	if ev := p.Fired(); len(ev) != 1 || ev[0].Conn != 1 || ev[0].Up != 1 {
		t.Fatalf("fired %v", ev)
	}
}

func TestPerConnection(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	p.Arm(Fault{Action: Cut, Conn: 2, Dir: Up, At: 2})
	c1 := dial(t, p)
	send(t, c1, "first")
	readN(t, c1, 5)
	c2 := dial(t, p)
	send(t, c2, "second")
	readEnd(t, c2)
	send(t, c1, "again")
	if got := readN(t, c1, 5); got != "again" {
		t.Fatalf("connection 1 after the cut of 2: %q", got)
	}
	waitFor(t, "connection 2 to close", func() bool { return !p.Conns()[1].Open })
	waitFor(t, "the bytes before the cut", func() bool { return s.received(1) == "se" })
	if r := s.received(1); r != "se" {
		t.Fatalf("server got %q on connection 2", r)
	}
}

func TestStallUntilRelease(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	c := dial(t, p)
	send(t, c, "ab")
	readN(t, c, 2)
	p.Arm(Fault{Action: Stall, Dir: Up, At: 3})
	send(t, c, "cdef")
	waitFor(t, "the stall", func() bool { return len(p.Fired()) == 1 })
	// The pump is parked before writing "def": the server has "abc" only.
	waitFor(t, "the byte before the stall", func() bool { return s.received(0) == "abc" })
	p.Release()
	if got := readN(t, c, 4); got != "cdef" {
		t.Fatalf("after release: %q", got)
	}
	if r := s.received(0); r != "abcdef" {
		t.Fatalf("server got %q", r)
	}
}

func TestStallFor(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	p.Arm(Fault{Action: Stall, Dir: Down, At: 0, For: 30 * time.Millisecond})
	c := dial(t, p)
	send(t, c, "hello")
	if got := readN(t, c, 5); got != "hello" {
		t.Fatalf("after the stall: %q", got)
	}
	if ev := p.Fired(); len(ev) != 1 || ev[0].Action != Stall {
		t.Fatalf("fired %v", ev)
	}
}

func TestDropReply(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	p.Arm(Fault{Action: Drop, Match: "COMMIT", Nth: 2})
	c := dial(t, p)
	for _, m := range []string{"commit", "ping"} {
		send(t, c, m)
		if got := readN(t, c, len(m)); got != m {
			t.Fatalf("echo %q", got)
		}
	}
	send(t, c, "Commit")
	send(t, c, "more")
	// The server gets everything; the client gets nothing back once the
	// proxy has read it all from the server.
	waitFor(t, "the server to get all", func() bool { return s.received(0) == "commitpingCommitmore" })
	waitFor(t, "the replies to be read", func() bool { return p.Bytes(Down) == 20 })
	c.SetReadDeadline(time.Now())
	if n, err := c.Read(make([]byte, 10)); n != 0 || !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("client read %d bytes (%v) after the drop", n, err)
	}
	if !p.Conns()[0].Open {
		t.Fatal("drop closed the connection")
	}
}

func TestDropThenCut(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	p.Arm(Fault{Action: Drop, Match: "commit", For: 10 * time.Millisecond})
	c := dial(t, p)
	send(t, c, "commit")
	if got := readEnd(t, c); got != "" {
		t.Fatalf("client got %q", got)
	}
	if r := s.received(0); r != "commit" {
		t.Fatalf("server got %q", r)
	}
}

func TestCutBeforeMatch(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	p.Arm(Fault{Action: Cut, Match: "insert"})
	c := dial(t, p)
	send(t, c, "select")
	readN(t, c, 6)
	send(t, c, "INSERT")
	readEnd(t, c)
	waitFor(t, "the cut to reach the server", func() bool { return !p.Conns()[0].Open })
	if r := s.received(0); r != "select" {
		t.Fatalf("server got %q", r)
	}
}

func TestRefuse(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	p.Refuse(true)
	// The reset may come before the dial returns, or at the first read.
	if c, err := net.Dial("tcp", p.Addr()); err == nil {
		c.SetDeadline(time.Now().Add(30 * time.Second))
		c.Write([]byte("x"))
		if got := readEnd(t, c); got != "" {
			t.Fatalf("refused connection got %q", got)
		}
		c.Close()
	}
	p.Refuse(false)
	c := dial(t, p)
	send(t, c, "y")
	readN(t, c, 1)
	if n := s.accepted(); n != 1 {
		t.Fatalf("server accepted %d connections, want 1", n)
	}
}

func TestCloseEndsEverything(t *testing.T) {
	s := newEchoServer(t)
	p := newProxy(t, s)
	p.Arm(Fault{Action: Stall, Dir: Up})
	c := dial(t, p)
	send(t, c, "stuck")
	waitFor(t, "the stall", func() bool { return len(p.Fired()) == 1 })
	p.Close() // returns only once every pump has ended
	readEnd(t, c)
	if _, err := net.Dial("tcp", p.Addr()); err == nil {
		t.Fatal("a closed proxy accepted a connection")
	}
}
