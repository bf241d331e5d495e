// Package dburl turns the database URLs users write in retort.toml (and the
// SQLAlchemy-style URLs of an existing fenix.conf) into a dialect, a Go
// database/sql driver name and its DSN, and redacts passwords for messages.
package dburl

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
)

// URL is a parsed database URL.
type URL struct {
	Dialect dialect.Name
	// Driver is the database/sql driver name; DSN is what it is opened with.
	Driver string
	DSN    string
	// Database is the database (MySQL, PostgreSQL) or file path (SQLite).
	Database string

	u *url.URL // nil for SQLite
	// params are the MySQL driver's parameters translated from u's query.
	params url.Values
}

// ErrEmpty is returned by Parse for an empty URL.
var ErrEmpty error = emptyError{}

type emptyError struct{}

func (emptyError) Error() string { return "dburl: no database url configured" }

// BadInput reports that the error is about the user's config.
func (emptyError) BadInput() bool { return true }

// ErrUnreachable is returned (wrapped) by Open when no connection to the
// server could be made: refused, timed out, an unknown host. A server that
// answers and refuses (a wrong password, an unknown database) is not it.
var ErrUnreachable = errors.New("the database server cannot be reached")

// Parse parses a database URL in retort's own form. Relative SQLite paths
// are resolved against baseDir (the folder of the config file) when
// baseDir is not empty.
func Parse(raw, baseDir string) (*URL, error) { return parse(raw, baseDir, false) }

// ParseSQLAlchemy parses a URL written for SQLAlchemy (the connection of
// an oslo.config file): sqlite:///rel.db is relative and sqlite:////abs.db
// absolute, as SQLAlchemy reads them. A scheme with a driver
// (mysql+pymysql://) is read that way by Parse too.
func ParseSQLAlchemy(raw, baseDir string) (*URL, error) { return parse(raw, baseDir, true) }

func parse(raw, baseDir string, sqlalchemy bool) (*URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, ErrEmpty
	}
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return nil, fmt.Errorf("dburl: %q is not a url (want mysql://, postgres:// or sqlite://)", Redact(raw))
	}
	base, driverSuffix, _ := strings.Cut(strings.ToLower(scheme), "+")
	d, err := dialect.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("dburl: unknown scheme %q in %q (want mysql://, postgres:// or sqlite://)", scheme, Redact(raw))
	}
	if d == dialect.SQLite {
		return parseSQLite(rest, sqlalchemy || driverSuffix != "", baseDir)
	}
	u, err := url.Parse("db://" + rest)
	if err != nil {
		return nil, fmt.Errorf("dburl: %s: %v", Redact(raw), redactErr(err, raw))
	}
	out := &URL{Dialect: d, Database: strings.TrimPrefix(u.Path, "/"), u: u}
	if d == dialect.MySQL {
		if out.params, err = mysqlParams(u.Query(), u.Hostname()); err != nil {
			return nil, err
		}
		out.Driver = "mysql"
		out.DSN = mysqlDSN(u, out.params)
	} else {
		if err := checkPostgresParams(u.Query()); err != nil {
			return nil, err
		}
		out.Driver = "pgx"
		out.DSN = pgDSN(u)
	}
	return out, nil
}

// parseSQLite handles sqlite://path. With SQLAlchemy's rule (an
// SQLAlchemy URL, or a scheme with a driver: sqlite+pysqlite:///rel.db,
// sqlite+pysqlite:////abs.db) the first slash after the authority only
// separates; with plain sqlite:// the path is taken as written
// (sqlite://app.db is relative, sqlite:///tmp/app.db absolute, and
// sqlite:////tmp/app.db, SQLAlchemy's absolute form, the same file).
func parseSQLite(rest string, sqlalchemy bool, baseDir string) (*URL, error) {
	path, query, _ := strings.Cut(rest, "?")
	if sqlalchemy {
		path = strings.TrimPrefix(path, "/")
	}
	if strings.HasPrefix(path, "//") {
		path = "/" + strings.TrimLeft(path, "/")
	}
	if path == "" {
		return nil, errors.New("dburl: sqlite url has no file path (want sqlite://app.db)")
	}
	memory := path == ":memory:"
	if !memory && !filepath.IsAbs(path) && baseDir != "" {
		path = filepath.Join(baseDir, path)
	}
	params := url.Values{}
	if query != "" {
		q, err := url.ParseQuery(query)
		if err != nil {
			return nil, fmt.Errorf("dburl: sqlite url query: %v", err)
		}
		params = q
	}
	params.Add("_pragma", "foreign_keys(1)")
	params.Add("_pragma", "busy_timeout(10000)")
	dsn := "file:" + path
	if memory {
		dsn = "file::memory:"
	}
	return &URL{
		Dialect:  dialect.SQLite,
		Driver:   "sqlite",
		DSN:      dsn + "?" + params.Encode(),
		Database: path,
	}, nil
}

func mysqlDSN(u *url.URL, params url.Values) string {
	var b strings.Builder
	if u.User != nil {
		b.WriteString(u.User.Username())
		if p, ok := u.User.Password(); ok {
			b.WriteString(":" + p)
		}
		b.WriteString("@")
	}
	q := u.Query()
	if sock := cmp.Or(q.Get("unix_socket"), q.Get("socket")); sock != "" {
		b.WriteString("unix(" + sock + ")")
	} else {
		host := u.Host
		if host == "" {
			host = "127.0.0.1"
		}
		if u.Port() == "" {
			host = net.JoinHostPort(strings.Trim(host, "[]"), "3306")
		}
		b.WriteString("tcp(" + host + ")")
	}
	b.WriteString("/" + strings.TrimPrefix(u.Path, "/"))
	b.WriteString("?" + params.Encode())
	return b.String()
}

func pgDSN(u *url.URL) string {
	c := *u
	c.Scheme = "postgres"
	if c.Host == "" {
		c.Host = "127.0.0.1"
	}
	if q := c.Query(); q.Has("keepalives") || q.Has("keepalives_idle") || q.Has("keepalives_interval") || q.Has("keepalives_count") {
		for _, k := range []string{"keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count"} {
			q.Del(k)
		}
		c.RawQuery = q.Encode()
	}
	return c.String()
}

// WithDatabase returns a copy of u that names another database on the same
// server. It is not defined for SQLite.
func (u *URL) WithDatabase(name string) *URL {
	if u.u == nil {
		panic("dburl: WithDatabase on a sqlite url")
	}
	c := *u.u
	c.Path = "/" + name
	out := &URL{Dialect: u.Dialect, Driver: u.Driver, Database: name, u: &c, params: u.params}
	if u.Dialect == dialect.MySQL {
		out.DSN = mysqlDSN(&c, u.params)
	} else {
		out.DSN = pgDSN(&c)
	}
	return out
}

// String returns the URL with its password redacted.
func (u *URL) String() string {
	if u.u == nil {
		return "sqlite://" + u.Database
	}
	c := *u.u
	c.Scheme = string(u.Dialect)
	return Redact(c.String())
}

// Display names the database for people: scheme, user, host and database,
// without the password or any query parameter.
func (u *URL) Display() string {
	if u.u == nil {
		return "sqlite://" + u.Database
	}
	c := url.URL{Scheme: string(u.Dialect), Host: u.u.Host, Path: u.u.Path}
	if u.u.User != nil {
		c.User = url.User(u.u.User.Username())
	}
	return c.String()
}

// DefaultConnectTimeout bounds the set-up of each connection a *sql.DB
// from Open makes (TCP, TLS and the server's handshake) when the URL sets
// none (PostgreSQL's connect_timeout, MySQL's timeout): a
// server that takes the connection and then says nothing ends the command
// with ErrUnreachable instead of hanging it.
const DefaultConnectTimeout = 20 * time.Second

// Open opens the database and checks that it answers. Every connection
// it makes is set up within the URL's connect timeout, or
// DefaultConnectTimeout.
func (u *URL) Open(ctx context.Context) (*sql.DB, error) {
	db, err := sql.Open(u.Driver, u.DSN)
	if err != nil {
		return nil, fmt.Errorf("dburl: open %s: %v", u, redactErr(err, u.DSN))
	}
	if dc, ok := db.Driver().(driver.DriverContext); ok && u.Dialect != dialect.SQLite {
		c, err := dc.OpenConnector(u.DSN)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("dburl: open %s: %v", u, redactErr(err, u.DSN))
		}
		db.Close()
		db = sql.OpenDB(timedConnector{Connector: c, timeout: cmp.Or(u.connectTimeout(), DefaultConnectTimeout)})
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		var ne net.Error
		if errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("dburl: connect to %s: %w: %v", u, ErrUnreachable, redactErr(err, u.DSN))
		}
		return nil, fmt.Errorf("dburl: connect to %s: %v", u, redactErr(err, u.DSN))
	}
	return db, nil
}

// connectTimeout is the connect timeout the URL sets, or zero.
func (u *URL) connectTimeout() time.Duration {
	if u.Dialect == dialect.MySQL {
		d, _ := time.ParseDuration(u.params.Get("timeout"))
		return d
	}
	if u.u == nil {
		return 0
	}
	n, _ := strconv.Atoi(u.u.Query().Get("connect_timeout"))
	return time.Duration(n) * time.Second
}

// timedConnector sets up each connection within timeout.
type timedConnector struct {
	driver.Connector
	timeout time.Duration
}

func (c timedConnector) Connect(ctx context.Context) (driver.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	return c.Connector.Connect(ctx)
}

// Redact replaces the password of a URL-shaped string with "xxxxx". Strings
// that do not parse are returned with anything between "://user:" and "@"
// masked.
func Redact(s string) string {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return s
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return s
	}
	userinfo := rest[:at]
	if slash := strings.IndexAny(userinfo, "/?"); slash >= 0 {
		return s // the @ belongs to the path or query
	}
	user, _, hasPass := strings.Cut(userinfo, ":")
	if !hasPass {
		return s
	}
	return scheme + "://" + user + ":xxxxx@" + rest[at+1:]
}

// redactErr removes any password contained in raw from err's text.
func redactErr(err error, raw string) string {
	msg := err.Error()
	for _, p := range passwords(raw) {
		if p != "" {
			msg = strings.ReplaceAll(msg, p, "xxxxx")
		}
	}
	return msg
}

func passwords(raw string) []string {
	var out []string
	if _, rest, ok := strings.Cut(raw, "://"); ok {
		raw = rest
	}
	if at := strings.LastIndex(raw, "@"); at >= 0 {
		if _, p, ok := strings.Cut(raw[:at], ":"); ok {
			out = append(out, p)
			if dec, err := url.PathUnescape(p); err == nil && dec != p {
				out = append(out, dec)
			}
		}
	}
	return out
}

// Secret returns the URL as written, password included, in retort's own
// scheme. It is for handing the URL on (to a child process in tests, say),
// never for printing.
func (u *URL) Secret() string {
	if u.u == nil {
		return "sqlite://" + u.Database
	}
	c := *u.u
	c.Scheme = string(u.Dialect)
	return c.String()
}
