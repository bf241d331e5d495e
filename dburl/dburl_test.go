package dburl

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, base          string
		dialect           dialect.Name
		driver, dsnPrefix string
		database          string
	}{
		{"sqlite://app.db", "/proj", dialect.SQLite, "sqlite", "file:/proj/app.db?", "/proj/app.db"},
		{"sqlite:///tmp/x.db", "/proj", dialect.SQLite, "sqlite", "file:/tmp/x.db?", "/tmp/x.db"},
		{"sqlite+pysqlite:///rel.db", "/proj", dialect.SQLite, "sqlite", "file:/proj/rel.db?", "/proj/rel.db"},
		{"sqlite://:memory:", "", dialect.SQLite, "sqlite", "file::memory:?", ":memory:"},
		{"mysql://root@127.0.0.1:3306/test", "", dialect.MySQL, "mysql", "root@tcp(127.0.0.1:3306)/test?", "test"},
		{"mysql+pymysql://u:p%40ss@db/app?charset=utf8", "", dialect.MySQL, "mysql", "u:p@ss@tcp(db:3306)/app?", "app"},
		{"mariadb://u@h:3307/d?unix_socket=/run/mysqld.sock", "", dialect.MySQL, "mysql", "u@unix(/run/mysqld.sock)/d?", "d"},
		{"postgres://root@127.0.0.1:5432/test?sslmode=disable", "", dialect.Postgres, "pgx", "postgres://root@127.0.0.1:5432/test?sslmode=disable", "test"},
		{"postgresql+psycopg2://u:pw@h/db", "", dialect.Postgres, "pgx", "postgres://u:pw@h/db", "db"},
	}
	for _, tt := range tests {
		u, err := Parse(tt.in, tt.base)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if u.Dialect != tt.dialect || u.Driver != tt.driver || !strings.HasPrefix(u.DSN, tt.dsnPrefix) || u.Database != tt.database {
			t.Errorf("Parse(%q) = %s %s %q %q; want %s %s %q... %q", tt.in, u.Dialect, u.Driver, u.DSN, u.Database, tt.dialect, tt.driver, tt.dsnPrefix, tt.database)
		}
	}
	for _, bad := range []string{"", "app.db", "oracle://x/y", "sqlite://"} {
		if _, err := Parse(bad, ""); err == nil {
			t.Errorf("Parse(%q): want error", bad)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"mysql://root:hunter2@h/db":     "mysql://root:xxxxx@h/db",
		"postgres://u@h/db":             "postgres://u@h/db",
		"sqlite://a@b.db":               "sqlite://a@b.db",
		"postgres://u:p@ss:w@h:5432/db": "postgres://u:xxxxx@h:5432/db",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
	u, _ := Parse("mysql://root:hunter2@127.0.0.1:1/db", "")
	if strings.Contains(u.String(), "hunter2") {
		t.Errorf("String() = %s", u)
	}
}

// A connection failure names the server but never the password.
func TestOpenErrorHidesPassword(t *testing.T) {
	for _, raw := range []string{"mysql://root:hunter2@127.0.0.1:1/db", "postgres://root:hunter2@127.0.0.1:1/db?connect_timeout=2"} {
		u, err := Parse(raw, "")
		if err != nil {
			t.Fatal(err)
		}
		_, err = u.Open(context.Background())
		if err == nil {
			t.Fatalf("%s: want a connection error", u)
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("error leaks the password: %v", err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"sqlite://app.db", "mysql://u:p@h:1/d?x=y", "postgresql+psycopg2://u:pw@h/db", "sqlite+pysqlite:////abs.db"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := Parse(s, "/base")
		if err != nil {
			return
		}
		_ = u.String()
		if u.Dialect != dialect.SQLite {
			_ = u.WithDatabase("retort_x")
		}
	})
}

func TestSQLAlchemySQLite(t *testing.T) {
	for _, tt := range []struct {
		in         string
		sqlalchemy bool
		want       string
	}{
		{"sqlite:///fenix.db", true, "/etc/fenix/fenix.db"},
		{"sqlite:////var/lib/fenix/fenix.db", true, "/var/lib/fenix/fenix.db"},
		{"sqlite:///fenix.db", false, "/fenix.db"},
		{"sqlite:////var/lib/fenix/fenix.db", false, "/var/lib/fenix/fenix.db"},
		{"sqlite://fenix.db", false, "/etc/fenix/fenix.db"},
		{"sqlite+pysqlite:///fenix.db", false, "/etc/fenix/fenix.db"},
	} {
		parse := Parse
		if tt.sqlalchemy {
			parse = ParseSQLAlchemy
		}
		u, err := parse(tt.in, "/etc/fenix")
		if err != nil {
			t.Errorf("%q (SQLAlchemy %v): %v", tt.in, tt.sqlalchemy, err)
			continue
		}
		if u.Database != tt.want || !strings.HasPrefix(u.DSN, "file:"+tt.want+"?") {
			t.Errorf("%q (SQLAlchemy %v): file %q, DSN %q; want %q", tt.in, tt.sqlalchemy, u.Database, u.DSN, tt.want)
		}
	}
}

func TestParams(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"mysql+pymysql://u@h/d?connect_timeout=5&read_timeout=30&write_timeout=2.5&charset=utf8mb4",
			"u@tcp(h:3306)/d?charset=utf8mb4&parseTime=true&readTimeout=30s&timeout=5s&writeTimeout=2.5s"},
		{"mysql://u@h/d?timeout=1s&parseTime=false&use_unicode=1&binary_prefix=true", "u@tcp(h:3306)/d?parseTime=false&timeout=1s"},
		{"mysql://u@h/d?ssl_disabled=true", "u@tcp(h:3306)/d?parseTime=true&tls=false"},
		{"postgresql+psycopg2://u@h/d?sslmode=disable&connect_timeout=5&keepalives=1&keepalives_idle=30&application_name=fenix",
			"postgres://u@h/d?application_name=fenix&connect_timeout=5&sslmode=disable"},
	} {
		u, err := Parse(tt.in, "")
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if u.DSN != tt.want {
			t.Errorf("Parse(%q).DSN = %q, want %q", tt.in, u.DSN, tt.want)
		}
	}
	for in, want := range map[string]string{
		"mysql://u@h/d?sql_mode=ANSI":                 `unknown parameter "sql_mode"`,
		"mysql://u@h/d?connect_timeout=soon":          `connect_timeout="soon": want a number of seconds`,
		"mysql://u@h/d?read_default_file=~/.my.cnf":   "does not read MySQL option files",
		"mysql://u@h/d?ssl_ca=/no/such/ca.pem":        "ssl_ca: open /no/such/ca.pem",
		"mysql://u@h/d?ssl_cert=/x.pem":               "ssl_cert and ssl_key go together",
		"mysql://u@h/d?ssl_mode=REQUIRED":             `unknown parameter "ssl_mode"`,
		"mysql://u@h/d?tls=true&ssl_disabled=1":       "both tls and ssl_*",
		"postgres://u@h/d?gssencmode=disable":         `"gssencmode" of the PostgreSQL url is not supported`,
		"mysql://u@h/d?ssl_verify_cert=maybe&ssl_ca=": `ssl_verify_cert="maybe": want true or false`,
	} {
		_, err := Parse(in, "")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want an error with %q", in, err, want)
		}
	}
}
