package dburl

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect"
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
