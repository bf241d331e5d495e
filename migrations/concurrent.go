package migrations

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"

	"github.com/retortdb/retort/internal/dialect"
)

// PostgreSQL's CREATE INDEX CONCURRENTLY cannot run in a transaction, and
// when it fails or is interrupted it leaves the index behind, INVALID: it
// slows every write and is never used, and running the statement again
// fails with "already exists". The runner reads pg_index.indisvalid to
// know what such a statement left: a valid index means it completed, an
// invalid one is dropped (concurrently) and the statement runs again.

var concurrentIndex = regexp.MustCompile(`(?is)^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s+ON\s`)

// concurrentIndexName returns the name, as written (quoted or not), of
// the index a CREATE INDEX CONCURRENTLY statement builds.
func concurrentIndexName(d dialect.Name, sql string) (string, bool) {
	if d != dialect.Postgres {
		return "", false
	}
	m := concurrentIndex.FindStringSubmatch(sql)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// indexState says whether the index named (as written in SQL) exists on
// the session's search path, and whether it is valid.
func indexState(ctx context.Context, db execer, name string) (exists, valid bool, err error) {
	var v *bool
	err = db.QueryRowContext(ctx, `SELECT (SELECT i.indisvalid FROM pg_catalog.pg_index i WHERE i.indexrelid = to_regclass($1))`, name).Scan(&v)
	if err != nil || v == nil {
		return false, false, err
	}
	return true, *v, nil
}

// dropInvalidIndex drops the index named when it exists and is invalid:
// what a CREATE INDEX CONCURRENTLY that failed or was cut off leaves.
func dropInvalidIndex(ctx context.Context, db execer, name string) error {
	exists, valid, err := indexState(ctx, db, name)
	if err != nil || !exists || valid {
		return err
	}
	if _, err := db.ExecContext(ctx, "DROP INDEX CONCURRENTLY IF EXISTS "+name); err != nil {
		return fmt.Errorf("migrations: drop the invalid index %s left by an earlier CREATE INDEX CONCURRENTLY: %w", name, err)
	}
	return nil
}

// settleInterrupted resolves, before a run plans, a statement the last
// run left "may or may not have completed" when the catalog can tell: a
// CREATE INDEX CONCURRENTLY whose index is valid completed, and one whose
// index is missing or invalid did not (the invalid index is dropped). The
// log row is updated to say so, and the run resumes without --force.
func (r *Runner) settleInterrupted(s *session, last *logEntry, revs []*Revision) error {
	p := partialOf(last)
	if p == nil || !p.Interrupted || r.vt.d != dialect.Postgres {
		return nil
	}
	var rev *Revision
	for _, x := range revs {
		if x.ID == p.Revision {
			rev = x
		}
	}
	if rev == nil || rev.Checksum != p.Checksum {
		return nil
	}
	stmts := rev.Upgrade
	if !p.Up {
		stmts = rev.Downgrade
	}
	i := p.StatementsRun
	if i >= len(stmts) || ranHash(stmts[:i]) != last.RanHash {
		return nil
	}
	name, ok := concurrentIndexName(r.vt.d, stmts[i].SQL)
	if !ok {
		return nil
	}
	exists, valid, err := indexState(s.bctx, s.conn, name)
	if err != nil {
		return err
	}
	if exists && !valid {
		if err := dropInvalidIndex(s.bctx, s.conn, name); err != nil {
			return err
		}
	}
	last.Running, last.FailedLine = 0, 0
	if exists && valid {
		h := sha256.New()
		for _, stmt := range stmts[:i+1] {
			hashStatement(h, stmt)
		}
		last.StatementsRun, last.RanHash = i+1, hex.EncodeToString(h.Sum(nil))
	}
	return r.vt.updateLog(s.bctx, s.conn, last)
}
