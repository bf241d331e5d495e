package dburl

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// A server that takes the connection and never answers the handshake:
// Open gives up after the URL's connect timeout with ErrUnreachable,
// instead of waiting for ever.
func TestOpenSilentServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns := make(chan net.Conn, 16)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns <- c // read nothing, say nothing
		}
	}()
	defer func() {
		ln.Close()
		for {
			select {
			case c := <-conns:
				c.Close()
			default:
				return
			}
		}
	}()
	addr := ln.Addr().String()
	for _, raw := range []string{
		"postgres://u@" + addr + "/db?sslmode=disable&connect_timeout=1",
		"mysql://u@" + addr + "/db?timeout=1s",
	} {
		u, err := Parse(raw, "")
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		db, err := u.Open(context.Background())
		if err == nil {
			db.Close()
			t.Fatalf("%s: Open succeeded against a silent server", raw)
		}
		if !errors.Is(err, ErrUnreachable) {
			t.Errorf("%s: Open = %v, want ErrUnreachable", raw, err)
		}
		if took := time.Since(start); took > 15*time.Second {
			t.Errorf("%s: Open took %s with a 1 s connect timeout", raw, took)
		}
	}
}
