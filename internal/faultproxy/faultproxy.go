// Package faultproxy is a TCP proxy for fault-injection tests. It listens
// on 127.0.0.1 and forwards every connection to one server address; a test
// arms a Fault that cuts a connection after some bytes or some time, stalls
// it, or swallows the server's replies while the client's bytes still go
// through, and it can refuse new connections. It counts the bytes in each
// direction, proxy-wide and per connection, so that a test can pick random
// cut points inside a run it measured once.
//
// Bytes are handled in the chunks one read returns; no more than one chunk
// per direction is held at a time. The proxy stops when its context ends
// or Close is called, and then closes every connection.
package faultproxy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

// Dir is a direction of traffic.
type Dir int

const (
	// Up is client to server.
	Up Dir = iota
	// Down is server to client.
	Down
)

func (d Dir) String() string {
	if d == Up {
		return "up"
	}
	return "down"
}

// Action is what a fault does to a connection once it fires.
type Action int

const (
	// Pass forwards everything; a fault with Pass only records that its
	// trigger was reached.
	Pass Action = iota
	// Cut closes both sides of the connection.
	Cut
	// Stall stops forwarding in both directions and keeps both sockets
	// open, for Fault.For or, when For is 0, until Release or Close.
	Stall
	// Drop swallows every server-to-client byte from then on while the
	// client's bytes still reach the server; after Fault.For (when not 0)
	// the connection is cut.
	Drop
)

func (a Action) String() string {
	switch a {
	case Cut:
		return "cut"
	case Stall:
		return "stall"
	case Drop:
		return "drop"
	}
	return "pass"
}

// Fault is one fault, armed with Proxy.Arm. It fires once, at the first of
// its triggers that is set, in this order:
//
//   - Match: a client-to-server chunk holding Match (ASCII case ignored),
//     the Nth such chunk (Nth 0 is 1). Cut and Stall fire before the chunk
//     is forwarded; Drop after it, so the server gets the request and its
//     reply is lost.
//   - Delay: this long after Arm, on every connection open then.
//   - At: when the bytes counted in direction Dir pass At; exactly At bytes
//     are forwarded first. At 0 fires on the first byte.
type Fault struct {
	Action Action
	// Conn limits the fault to the Conn-th connection the proxy accepted
	// (1-based), whose own byte counts then apply; 0 means any connection,
	// with the proxy-wide counts.
	Conn  int
	Dir   Dir
	At    int64
	Match string
	Nth   int
	Delay time.Duration
	// For: see Stall and Drop.
	For time.Duration
}

// Event records a fault firing.
type Event struct {
	Conn   int
	Action Action
	// Up and Down are the connection's byte counts when it fired.
	Up, Down int64
}

func (e Event) String() string {
	return fmt.Sprintf("%s on connection %d after %d bytes up, %d down", e.Action, e.Conn, e.Up, e.Down)
}

// ConnInfo describes one proxied connection.
type ConnInfo struct {
	N int // 1-based, in accept order
	// ServerSide is the local address of the proxy's socket to the server:
	// the client address the server sees for this connection.
	ServerSide string
	Open       bool
	Up, Down   int64
}

// Proxy is a running proxy.
type Proxy struct {
	target string
	ln     net.Listener
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex
	closed bool
	conns  []*conn
	bytes  [2]int64
	fault  *Fault
	seen   int // chunks that held fault.Match so far
	timer  *time.Timer
	refuse bool
	fired  []Event
}

type conn struct {
	n              int
	client, server net.Conn
	bytes          [2]int64
	dropping       bool
	stalled        bool
	release        chan struct{}
	done           chan struct{}
	closed         bool
}

// New starts a proxy on 127.0.0.1 forwarding to target (host:port). It
// stops when ctx ends or Close is called.
func New(ctx context.Context, target string) (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultproxy: listen: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	p := &Proxy{target: target, ln: ln, cancel: cancel}
	p.wg.Add(2)
	go func() {
		defer p.wg.Done()
		<-ctx.Done()
		p.shutdown()
	}()
	go p.accept(ctx)
	return p, nil
}

// Addr is the address clients connect to.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Close stops the proxy, closes every connection and waits for its
// goroutines to end.
func (p *Proxy) Close() error {
	p.cancel()
	p.wg.Wait()
	return nil
}

func (p *Proxy) shutdown() {
	p.ln.Close()
	p.mu.Lock()
	p.closed = true
	if p.timer != nil {
		p.timer.Stop()
	}
	conns := append([]*conn(nil), p.conns...)
	p.mu.Unlock()
	for _, c := range conns {
		p.closeConn(c)
	}
}

func (p *Proxy) accept(ctx context.Context) {
	defer p.wg.Done()
	for {
		cl, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		refuse := p.refuse || p.closed
		p.mu.Unlock()
		if refuse {
			// A reset, as a refused connection gives.
			if tc, ok := cl.(*net.TCPConn); ok {
				tc.SetLinger(0)
			}
			cl.Close()
			continue
		}
		var d net.Dialer
		dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		sv, err := d.DialContext(dctx, "tcp", p.target)
		cancel()
		if err != nil {
			cl.Close()
			continue
		}
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			cl.Close()
			sv.Close()
			return
		}
		c := &conn{n: len(p.conns) + 1, client: cl, server: sv, done: make(chan struct{})}
		p.conns = append(p.conns, c)
		p.wg.Add(2)
		p.mu.Unlock()
		go p.pump(c, Up, cl, sv)
		go p.pump(c, Down, sv, cl)
	}
}

// Arm sets the fault, replacing one that has not fired yet.
func (p *Proxy) Arm(f Fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
	if f.Nth < 1 {
		f.Nth = 1
	}
	p.fault, p.seen = &f, 0
	if f.Match == "" && f.Delay > 0 {
		armed := p.fault
		p.timer = time.AfterFunc(f.Delay, func() { p.fireDelay(armed) })
	}
}

// Refuse makes the proxy reset new connections (on) or accept them again.
func (p *Proxy) Refuse(on bool) {
	p.mu.Lock()
	p.refuse = on
	p.mu.Unlock()
}

// Release ends every stall.
func (p *Proxy) Release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.unstall()
	}
}

// Bytes returns the bytes read from the source side in direction d over
// all connections.
func (p *Proxy) Bytes(d Dir) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.bytes[d]
}

// Fired returns the events of the faults that fired so far.
func (p *Proxy) Fired() []Event {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Event(nil), p.fired...)
}

// Conns describes every connection accepted so far.
func (p *Proxy) Conns() []ConnInfo {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]ConnInfo, len(p.conns))
	for i, c := range p.conns {
		out[i] = ConnInfo{N: c.n, ServerSide: c.server.LocalAddr().String(), Open: !c.closed, Up: c.bytes[Up], Down: c.bytes[Down]}
	}
	return out
}

// CloseConns closes every open connection; the proxy goes on accepting.
func (p *Proxy) CloseConns() {
	p.mu.Lock()
	conns := append([]*conn(nil), p.conns...)
	p.mu.Unlock()
	for _, c := range conns {
		p.closeConn(c)
	}
}

func (p *Proxy) closeConn(c *conn) {
	p.mu.Lock()
	if c.closed {
		p.mu.Unlock()
		return
	}
	c.closed = true
	close(c.done)
	p.mu.Unlock()
	c.client.Close()
	c.server.Close()
}

func (c *conn) unstall() {
	if c.stalled {
		c.stalled = false
		close(c.release)
	}
}

// fireDelay fires a Delay fault on every connection open now.
func (p *Proxy) fireDelay(f *Fault) {
	p.mu.Lock()
	if p.fault != f {
		p.mu.Unlock()
		return
	}
	p.fault, p.timer = nil, nil
	var cut []*conn
	for _, c := range p.conns {
		if c.closed || (f.Conn != 0 && c.n != f.Conn) {
			continue
		}
		if p.apply(c, f, Up, 0) {
			cut = append(cut, c)
		}
	}
	p.mu.Unlock()
	for _, c := range cut {
		p.closeConn(c)
	}
}

// apply records f firing on c, where unsent bytes counted in direction d
// have not been forwarded yet, and sets c's state; it reports whether c
// must be cut now. p.mu is held.
func (p *Proxy) apply(c *conn, f *Fault, d Dir, unsent int64) bool {
	ev := Event{Conn: c.n, Action: f.Action, Up: c.bytes[Up], Down: c.bytes[Down]}
	if d == Up {
		ev.Up -= unsent
	} else {
		ev.Down -= unsent
	}
	p.fired = append(p.fired, ev)
	switch f.Action {
	case Cut:
		return true
	case Stall:
		if !c.stalled {
			c.stalled = true
			c.release = make(chan struct{})
			if f.For > 0 {
				time.AfterFunc(f.For, func() {
					p.mu.Lock()
					defer p.mu.Unlock()
					c.unstall()
				})
			}
		}
	case Drop:
		c.dropping = true
		if f.For > 0 {
			time.AfterFunc(f.For, func() { p.closeConn(c) })
		}
	}
	return false
}

// pump copies src to dst in direction d until either side ends.
func (p *Proxy) pump(c *conn, d Dir, src, dst net.Conn) {
	defer p.wg.Done()
	defer p.closeConn(c)
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 && !p.forward(c, d, dst, buf[:n]) {
			return
		}
		if err != nil {
			return
		}
	}
}

// forward handles one chunk read from the source; false ends the pump.
func (p *Proxy) forward(c *conn, d Dir, dst net.Conn, b []byte) bool {
	p.mu.Lock()
	before := [2]int64{p.bytes[Up], c.bytes[Up]}
	if d == Down {
		before = [2]int64{p.bytes[Down], c.bytes[Down]}
	}
	p.bytes[d] += int64(len(b))
	c.bytes[d] += int64(len(b))
	f := p.fault
	if f != nil && f.Conn != 0 && f.Conn != c.n {
		f = nil
	}
	// k bytes go before the fault fires; -1: it does not fire here.
	k := -1
	switch {
	case f == nil:
	case f.Match != "":
		if d == Up && containsFold(b, f.Match) {
			p.seen++
			if p.seen == f.Nth {
				k = 0
				if f.Action == Drop {
					k = len(b)
				}
			}
		}
	case f.Delay > 0:
	case f.Dir == d:
		count := before[0]
		if f.Conn != 0 {
			count = before[1]
		}
		if count+int64(len(b)) > f.At {
			k = int(max(f.At-count, 0))
		}
	}
	fire := k >= 0
	if fire {
		p.fault = nil
	} else {
		k = len(b)
	}
	// A Drop seen in the client's bytes starts before they reach the
	// server, so that no reply to them can slip through.
	early := fire && f.Action == Drop && d == Up
	if early {
		p.apply(c, f, d, int64(len(b)-k))
	}
	p.mu.Unlock()
	if err := p.write(c, d, dst, b[:k]); err != nil {
		return false
	}
	if !fire {
		return true
	}
	cut := false
	if !early {
		p.mu.Lock()
		cut = p.apply(c, f, d, int64(len(b)-k))
		p.mu.Unlock()
	}
	if cut {
		p.closeConn(c)
		return false
	}
	return p.write(c, d, dst, b[k:]) == nil
}

var errClosed = errors.New("faultproxy: connection closed")

// write sends b on unless c stalls (then it waits) or drops this direction.
func (p *Proxy) write(c *conn, d Dir, dst net.Conn, b []byte) error {
	if len(b) == 0 {
		return nil
	}
	for {
		p.mu.Lock()
		if c.closed {
			p.mu.Unlock()
			return errClosed
		}
		if !c.stalled {
			drop := d == Down && c.dropping
			p.mu.Unlock()
			if drop {
				return nil
			}
			_, err := dst.Write(b)
			return err
		}
		release := c.release
		p.mu.Unlock()
		select {
		case <-release:
		case <-c.done:
			return errClosed
		}
	}
}

// containsFold reports whether b holds s, ASCII letters compared without case.
func containsFold(b []byte, s string) bool {
	return bytes.Contains(bytes.ToLower(b), bytes.ToLower([]byte(s)))
}
