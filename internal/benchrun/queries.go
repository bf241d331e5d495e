package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbserver"
)

// queryCounter reads a server counter of the queries issued, from outside
// the measured process. read returns -1 where nothing is measurable.
type queryCounter interface {
	read(ctx context.Context) (int64, error)
	close()
}

func newQueryCounter(ctx context.Context, d dialect.Name, target *database) (queryCounter, error) {
	if d == dialect.SQLite {
		return noCounter{}, nil
	}
	// The probe talks to the admin database, so that on PostgreSQL its
	// own transactions are not counted in the benchmark database's.
	admin, err := dburl.Parse(os.Getenv(dbserver.EnvVar(d)), "")
	if err != nil {
		return nil, err
	}
	db, err := admin.Open(ctx)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if d == dialect.MySQL {
		c := &mysqlCounter{db: db}
		// The probe's own cost: the delta between two back-to-back reads.
		c.own = 1 << 62
		for i := 0; i < 3; i++ {
			a, err := c.raw(ctx)
			if err != nil {
				db.Close()
				return nil, err
			}
			b, err := c.raw(ctx)
			if err != nil {
				db.Close()
				return nil, err
			}
			c.own = min(c.own, b-a)
		}
		return c, nil
	}
	return &pgCounter{db: db, name: target.url.Database}, nil
}

type noCounter struct{}

func (noCounter) read(context.Context) (int64, error) { return -1, nil }
func (noCounter) close()                              {}

// mysqlCounter reads the server-wide Questions status: every statement
// any client sends, so other clients of the server add noise.
type mysqlCounter struct {
	db    *sql.DB
	own   int64 // what one read adds
	reads int64
}

func (c *mysqlCounter) raw(ctx context.Context) (int64, error) {
	var name string
	var v int64
	if err := c.db.QueryRowContext(ctx, "SHOW GLOBAL STATUS LIKE 'Questions'").Scan(&name, &v); err != nil {
		return 0, fmt.Errorf("read Questions: %w", err)
	}
	return v, nil
}

// read subtracts the probe's own questions cumulatively, so that the
// difference of two reads counts only the others'.
func (c *mysqlCounter) read(ctx context.Context) (int64, error) {
	v, err := c.raw(ctx)
	if err != nil {
		return 0, err
	}
	c.reads++
	return v - c.reads*c.own, nil
}

func (c *mysqlCounter) close() { c.db.Close() }

// pgCounter reads xact_commit of the benchmark database. The statistics of
// a backend reach the shared counters when it goes idle (at most once a
// second) or exits; read waits until the counter stops moving.
type pgCounter struct {
	db   *sql.DB
	name string
}

func (c *pgCounter) raw(ctx context.Context) (int64, error) {
	if _, err := c.db.ExecContext(ctx, "SELECT pg_stat_clear_snapshot()"); err != nil {
		return 0, err
	}
	var v int64
	err := c.db.QueryRowContext(ctx, "SELECT coalesce(xact_commit, 0) FROM pg_stat_database WHERE datname = $1", c.name).Scan(&v)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read xact_commit: %w", err)
	}
	return v, nil
}

func (c *pgCounter) read(ctx context.Context) (int64, error) {
	prev, err := c.raw(ctx)
	if err != nil {
		return 0, err
	}
	stable := 0
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		time.Sleep(250 * time.Millisecond)
		v, err := c.raw(ctx)
		if err != nil {
			return 0, err
		}
		if v == prev {
			stable++
			if stable == 2 {
				return v, nil
			}
			continue
		}
		prev, stable = v, 0
	}
	return prev, nil
}

func (c *pgCounter) close() { c.db.Close() }
