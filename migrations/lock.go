package migrations

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
)

// DefaultLockTimeout is how long Run and Stamp wait for the migration lock
// when RunnerOptions.LockTimeout is zero.
const DefaultLockTimeout = time.Minute

// lockPoll is how often a waiting process retries the lock.
const lockPoll = 100 * time.Millisecond

// lockReportEvery is how often a run waiting for the lock says so again.
const lockReportEvery = 5 * time.Second

// sqliteLease is how long a SQLite lock row stays valid without renewal:
// a killed holder blocks others for at most this long.
const sqliteLease = 15 * time.Second

// A locker holds the one migration lock of a database for the whole run,
// on the dedicated connection the run uses.
type locker interface {
	// tryLock takes the lock if it is free.
	tryLock(ctx context.Context) (bool, error)
	// holder describes who holds the lock, "" when unknown.
	holder(ctx context.Context) string
	// renew extends a lease inside tx (nil: on the connection); it fails
	// with ErrLockLost when the lock is no longer ours.
	renew(ctx context.Context, tx execer) error
	unlock(ctx context.Context) error
	name() string
}

var (
	_ locker = (*mysqlLock)(nil)
	_ locker = (*pgLock)(nil)
	_ locker = (*sqliteLock)(nil)
)

// newLocker returns the locker for the run's connection.
func newLocker(ctx context.Context, conn *sql.Conn, vt versionTable) (locker, error) {
	switch vt.d {
	case dialect.MySQL:
		var db sql.NullString
		if err := conn.QueryRowContext(ctx, "SELECT DATABASE()").Scan(&db); err != nil {
			return nil, fmt.Errorf("migrations: lock: %w", err)
		}
		// GET_LOCK names are at most 64 characters and server-wide.
		sum := sha256.Sum256([]byte(db.String + "\x00" + vt.name))
		return &mysqlLock{conn: conn, lockName: "retort." + hex.EncodeToString(sum[:16])}, nil
	case dialect.Postgres:
		var db, schema string
		if err := conn.QueryRowContext(ctx, "SELECT current_database(), COALESCE(current_schema(), '')").Scan(&db, &schema); err != nil {
			return nil, fmt.Errorf("migrations: lock: %w", err)
		}
		sum := sha256.Sum256([]byte("retort\x00" + db + "\x00" + schema + "\x00" + vt.name))
		return &pgLock{conn: conn, key: int64(binary.BigEndian.Uint64(sum[:8]))}, nil
	}
	host, _ := os.Hostname()
	var tok [8]byte
	rand.Read(tok[:])
	return &sqliteLock{
		conn:  conn,
		vt:    vt,
		token: hex.EncodeToString(tok[:]),
		who:   fmt.Sprintf("pid %d on %s", os.Getpid(), host),
		lease: sqliteLease,
	}, nil
}

// acquire waits for the lock up to timeout (zero: DefaultLockTimeout,
// negative: try once).
func acquire(ctx context.Context, l locker, timeout time.Duration) error {
	return acquireWithin(ctx, l, timeout, func() (context.Context, context.CancelFunc) { return ctx, func() {} }, nil)
}

// lockWait is told, as soon as the lock is found taken and then every few
// seconds while the wait goes on, who holds it ("" when the database does
// not tell) and how long the run has waited.
type lockWait struct {
	every  time.Duration // zero: lockReportEvery
	report func(name, holder string, waited, timeout time.Duration)
}

// acquireWithin is acquire with each attempt's context made by attempt
// (a server that stops answering must not hold the wait forever); wait,
// when not nil, hears about the wait while it lasts.
func acquireWithin(ctx context.Context, l locker, timeout time.Duration, attempt func() (context.Context, context.CancelFunc), wait *lockWait) error {
	if timeout == 0 {
		timeout = DefaultLockTimeout
	}
	start := time.Now()
	deadline := start.Add(timeout)
	var nextReport time.Time
	for {
		actx, cancel := attempt()
		ok, err := l.tryLock(actx)
		cancel()
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if !time.Now().Before(deadline) {
			return &LockError{Name: l.name(), Holder: l.holder(ctx)}
		}
		if now := time.Now(); wait != nil && !now.Before(nextReport) {
			actx, cancel := attempt()
			holder := l.holder(actx)
			cancel()
			wait.report(l.name(), holder, now.Sub(start), timeout)
			every := wait.every
			if every <= 0 {
				every = lockReportEvery
			}
			nextReport = now.Add(every)
		}
		t := time.NewTimer(min(lockPoll, time.Until(deadline)))
		select {
		case <-ctx.Done():
			t.Stop()
			hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if h := l.holder(hctx); h != "" {
				return fmt.Errorf("migrations: waiting for the migration lock %s, held by %s: %w", l.name(), h, ctx.Err())
			}
			return fmt.Errorf("migrations: waiting for the migration lock %s: %w", l.name(), ctx.Err())
		case <-t.C:
		}
	}
}

// mysqlLock is a GET_LOCK session lock: it dies with the session.
type mysqlLock struct {
	conn     *sql.Conn
	lockName string
}

func (l *mysqlLock) name() string { return fmt.Sprintf("%q", l.lockName) }

func (l *mysqlLock) tryLock(ctx context.Context) (bool, error) {
	var got sql.NullInt64
	if err := l.conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, 0)", l.lockName).Scan(&got); err != nil {
		return false, fmt.Errorf("migrations: lock: %w", err)
	}
	return got.Valid && got.Int64 == 1, nil
}

func (l *mysqlLock) holder(ctx context.Context) string {
	var id sql.NullInt64
	if err := l.conn.QueryRowContext(ctx, "SELECT IS_USED_LOCK(?)", l.lockName).Scan(&id); err != nil || !id.Valid {
		return ""
	}
	var user, host, cmd string
	var db, info sql.NullString
	var secs sql.NullInt64
	err := l.conn.QueryRowContext(ctx,
		"SELECT USER, HOST, DB, COMMAND, TIME, INFO FROM information_schema.PROCESSLIST WHERE ID = ?", id.Int64).
		Scan(&user, &host, &db, &cmd, &secs, &info)
	if err != nil {
		return fmt.Sprintf("connection %d", id.Int64)
	}
	doing := strings.ToLower(cmd)
	switch {
	case doing == "sleep":
		doing = "idle"
	case info.String != "":
		doing = "running " + statementGist(info.String)
	}
	return fmt.Sprintf("connection %d (user %s from %s, %s for %ds)", id.Int64, user, host, doing, secs.Int64)
}

// statementGist is the start of a statement, on one line, for a message.
func statementGist(sql string) string {
	s := strings.Join(strings.Fields(sql), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return fmt.Sprintf("%q", s)
}

func (l *mysqlLock) renew(context.Context, execer) error { return nil }

func (l *mysqlLock) unlock(ctx context.Context) error {
	if _, err := l.conn.ExecContext(ctx, "DO RELEASE_LOCK(?)", l.lockName); err != nil {
		return fmt.Errorf("migrations: unlock: %w", err)
	}
	return nil
}

// pgLock is a session advisory lock: it dies with the session.
type pgLock struct {
	conn *sql.Conn
	key  int64
}

func (l *pgLock) name() string { return fmt.Sprintf("(advisory key %d)", l.key) }

func (l *pgLock) tryLock(ctx context.Context) (bool, error) {
	var got bool
	if err := l.conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", l.key).Scan(&got); err != nil {
		return false, fmt.Errorf("migrations: lock: %w", err)
	}
	return got, nil
}

func (l *pgLock) holder(ctx context.Context) string {
	// A bigint advisory key is stored as classid (high half), objid (low
	// half) and objsubid 1.
	u := uint64(l.key)
	var pid int64
	var app, client, state, query sql.NullString
	var since, queryStart sql.NullTime
	err := l.conn.QueryRowContext(ctx, `SELECT l.pid, a.application_name, host(a.client_addr), a.state, a.backend_start, a.query, a.query_start
FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
  AND l.classid::bigint = $1 AND l.objid::bigint = $2
  AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())`,
		int64(u>>32), int64(u&0xffffffff)).Scan(&pid, &app, &client, &state, &since, &query, &queryStart)
	if err != nil {
		return ""
	}
	s := fmt.Sprintf("pid %d", pid)
	var parts []string
	if app.String != "" {
		parts = append(parts, fmt.Sprintf("application %q", app.String))
	}
	if client.String != "" {
		parts = append(parts, "client "+client.String)
	} else {
		parts = append(parts, "local client")
	}
	switch {
	case state.String == "active" && query.String != "" && queryStart.Valid:
		parts = append(parts, fmt.Sprintf("running %s since %s", statementGist(query.String), queryStart.Time.UTC().Format(time.TimeOnly)))
	case state.String != "":
		parts = append(parts, state.String)
	}
	if since.Valid {
		parts = append(parts, "connected since "+since.Time.UTC().Format(time.RFC3339))
	}
	return s + " (" + strings.Join(parts, ", ") + ")"
}

func (l *pgLock) renew(context.Context, execer) error { return nil }

func (l *pgLock) unlock(ctx context.Context) error {
	if _, err := l.conn.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", l.key); err != nil {
		return fmt.Errorf("migrations: unlock: %w", err)
	}
	return nil
}

// sqliteLock is a row in <version_table>_lock with a lease: a holder that
// is killed blocks others only until its lease runs out, or not at all when
// it ran on the same host (its process is seen to be gone). The runner renews
// the lease before each revision and inside each revision's transaction,
// whose write lock keeps others from taking the row meanwhile.
type sqliteLock struct {
	conn  *sql.Conn
	vt    versionTable
	token string
	who   string // this process, as other processes see it
	lease time.Duration
	// created is set once the lock table exists.
	created bool
}

func (l *sqliteLock) name() string { return fmt.Sprintf("(table %s)", l.vt.lock) }

func (l *sqliteLock) tryLock(ctx context.Context) (bool, error) {
	q := l.vt.q
	if !l.created {
		_, err := l.conn.ExecContext(ctx, fmt.Sprintf(
			"CREATE TABLE IF NOT EXISTS %s (%s INTEGER PRIMARY KEY, %s text NOT NULL, %s text NOT NULL, %s text NOT NULL, %s integer NOT NULL)",
			q(l.vt.lock), q("id"), q("token"), q("holder"), q("acquired_at"), q("expires_at")))
		if err != nil {
			if isBusy(err) {
				return false, nil
			}
			return false, fmt.Errorf("migrations: create lock table: %w", err)
		}
		l.created = true
	}
	now := time.Now()
	res, err := l.conn.ExecContext(ctx, fmt.Sprintf(
		"INSERT INTO %[1]s (%[2]s, %[3]s, %[4]s, %[5]s, %[6]s) VALUES (1, ?, ?, ?, ?) "+
			"ON CONFLICT (%[2]s) DO UPDATE SET %[3]s = excluded.%[3]s, %[4]s = excluded.%[4]s, "+
			"%[5]s = excluded.%[5]s, %[6]s = excluded.%[6]s WHERE %[1]s.%[6]s < ?",
		q(l.vt.lock), q("id"), q("token"), q("holder"), q("acquired_at"), q("expires_at")),
		l.token, l.who, now.UTC().Format(time.RFC3339), now.Add(l.lease).UnixMilli(), now.UnixMilli())
	if err != nil {
		if isBusy(err) {
			return false, nil // another process is writing: retry
		}
		return false, fmt.Errorf("migrations: lock: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("migrations: lock: %w", err)
	}
	if n == 1 {
		return true, nil
	}
	return l.takeDead(ctx, now)
}

// takeDead takes the lock row over, before its lease ends, from a holder
// that ran on this host and whose process is gone (killed): the lease only
// matters for holders elsewhere, whose liveness cannot be checked.
func (l *sqliteLock) takeDead(ctx context.Context, now time.Time) (bool, error) {
	q := l.vt.q
	var token, holder string
	err := l.conn.QueryRowContext(ctx, fmt.Sprintf("SELECT %s, %s FROM %s WHERE %s = 1",
		q("token"), q("holder"), q(l.vt.lock), q("id"))).Scan(&token, &holder)
	if err != nil {
		// Gone meanwhile, or busy: the next try sees.
		return false, nil
	}
	var pid int
	var host string
	if _, err := fmt.Sscanf(holder, "pid %d on %s", &pid, &host); err != nil {
		return false, nil
	}
	if me, _ := os.Hostname(); host != me || pid == os.Getpid() || processAlive(pid) {
		return false, nil
	}
	res, err := l.conn.ExecContext(ctx, fmt.Sprintf(
		"UPDATE %s SET %s = ?, %s = ?, %s = ?, %s = ? WHERE %s = 1 AND %s = ?",
		q(l.vt.lock), q("token"), q("holder"), q("acquired_at"), q("expires_at"), q("id"), q("token")),
		l.token, l.who, now.UTC().Format(time.RFC3339), now.Add(l.lease).UnixMilli(), token)
	if err != nil {
		if isBusy(err) {
			return false, nil
		}
		return false, fmt.Errorf("migrations: lock: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("migrations: lock: %w", err)
	}
	return n == 1, nil
}

func (l *sqliteLock) holder(ctx context.Context) string {
	q := l.vt.q
	var holder, since string
	var expires int64
	err := l.conn.QueryRowContext(ctx, fmt.Sprintf("SELECT %s, %s, %s FROM %s WHERE %s = 1",
		q("holder"), q("acquired_at"), q("expires_at"), q(l.vt.lock), q("id"))).Scan(&holder, &since, &expires)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s (since %s, lease until %s)", holder, since,
		time.UnixMilli(expires).UTC().Format(time.RFC3339))
}

func (l *sqliteLock) renew(ctx context.Context, tx execer) error {
	if tx == nil {
		tx = l.conn
	}
	q := l.vt.q
	res, err := tx.ExecContext(ctx, fmt.Sprintf("UPDATE %s SET %s = ? WHERE %s = 1 AND %s = ?",
		q(l.vt.lock), q("expires_at"), q("id"), q("token")), time.Now().Add(l.lease).UnixMilli(), l.token)
	if err != nil {
		return fmt.Errorf("migrations: renew lock: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n != 1 {
		return fmt.Errorf("%w: the lease of %s ran out and another process took it", ErrLockLost, l.vt.lock)
	}
	return nil
}

func (l *sqliteLock) unlock(ctx context.Context) error {
	q := l.vt.q
	_, err := l.conn.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE %s = 1 AND %s = ?",
		q(l.vt.lock), q("id"), q("token")), l.token)
	if err != nil {
		return fmt.Errorf("migrations: unlock: %w", err)
	}
	return nil
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "SQLITE_BUSY") || strings.Contains(s, "database is locked")
}
