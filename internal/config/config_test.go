package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadDefaultsAndPaths(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, FileName, "[database]\nurl = \"sqlite://app.db\"\n")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Migrations.Dir != "migrations" || c.Migrations.VersionTable != "retort_version" {
		t.Errorf("defaults: %+v", c.Migrations)
	}
	if diff := cmp.Diff([]string{"./models"}, c.Models.Packages); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
	if got, want := c.MigrationsDir(), filepath.Join(dir, "migrations"); got != want {
		t.Errorf("MigrationsDir = %s, want %s", got, want)
	}
	u, err := c.URL("", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if u.Dialect != dialect.SQLite || u.Database != filepath.Join(dir, "app.db") {
		t.Errorf("url = %+v", u)
	}
}

func TestURLPrecedence(t *testing.T) {
	c, err := Parse("retort.toml", []byte("[database]\nurl = \"sqlite://file.db\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	env := func(k string) string {
		if k == EnvURL {
			return "postgres://u@h/db"
		}
		return ""
	}
	if u, _ := c.URL("mysql://root@127.0.0.1/x", env); u.Dialect != dialect.MySQL {
		t.Errorf("flag should win, got %s", u.Dialect)
	}
	if u, _ := c.URL("", env); u.Dialect != dialect.Postgres {
		t.Errorf("env should beat the file, got %s", u.Dialect)
	}
	if u, _ := c.URL("", nil); u.Dialect != dialect.SQLite {
		t.Errorf("file last, got %s", u.Dialect)
	}
}

func TestFenixConf(t *testing.T) {
	conf := `[DEFAULT]
host = 0.0.0.0
# a comment

[database]
connection = mysql+pymysql://fenix:s3cret@db.example:3306/fenix?charset=utf8

[keystone_authtoken]
auth_type = password
`
	c, err := Parse("fenix.conf", []byte(conf))
	if err != nil {
		t.Fatal(err)
	}
	u, err := c.URL("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Dialect != dialect.MySQL || u.Database != "fenix" {
		t.Errorf("url = %+v", u)
	}
	if strings.Contains(u.String(), "s3cret") {
		t.Errorf("String() leaks the password: %s", u)
	}
	if !strings.Contains(u.DSN, "tcp(db.example:3306)/fenix") {
		t.Errorf("DSN = %s", u.DSN)
	}
}

// TestFenixConfOslo: an oslo.config file's URL is SQLAlchemy's (sqlite:///x
// relative to the file's folder, sqlite:////x absolute), "$$" is a "$", and
// oslo's substitutions are refused with the line.
func TestFenixConfOslo(t *testing.T) {
	for conf, want := range map[string]string{
		"[database]\nconnection = sqlite:///fenix.db\n":                "/etc/fenix/fenix.db",
		"[database]\nconnection = sqlite:////var/lib/fenix/fenix.db\n": "/var/lib/fenix/fenix.db",
		"[database]\nconnection = sqlite:////var/lib/fenix/a$$b.db\n":  "/var/lib/fenix/a$b.db",
	} {
		c, err := Parse("/etc/fenix/fenix.conf", []byte(conf))
		if err != nil {
			t.Fatal(err)
		}
		c.Dir = "/etc/fenix"
		u, err := c.URL("", nil)
		if err != nil {
			t.Fatal(err)
		}
		if u.Database != want {
			t.Errorf("%q: file %s, want %s", conf, u.Database, want)
		}
	}
	conf := "[DEFAULT]\nstate_path = /var/lib/fenix\n\n[database]\nconnection = sqlite:///$state_path/fenix.db\n"
	_, err := Parse("fenix.conf", []byte(conf))
	if err == nil || err.Error() != "fenix.conf:5: connection uses oslo.config substitution $state_path, which retort does not do: write the value out (a literal $ is written $$)" {
		t.Errorf("substitution: %v", err)
	}
	if _, err := Parse("fenix.conf", []byte("[DEFAULT]\nx = ${y}\n[database]\nconnection = sqlite:///a.db\n")); err != nil {
		t.Errorf("a substitution outside retort's sections: %v", err)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"syntax", "[database]\nurl = \"unterminated\n", "retort.toml:2: "},
		{"unknown key", "[models]\npackage = [\"./m\"]\n", "retort.toml:2: unknown key models.package"},
		{"both", "[database]\nurl = \"sqlite://a.db\"\nconnection = \"sqlite://b.db\"\n", "retort.toml:3: both url and connection"},
		{"foreign_keys type", "[models]\nforeign_keys = \"no\"\n", "retort.toml:2: models.foreign_keys must be a boolean (true or false), not a string"},
		{"foreign_keys list", "[models]\n\nforeign_keys = [false]\n", "retort.toml:3: models.foreign_keys must be a boolean (true or false), not a list"},
		{"default_string_size type", "[models]\ndefault_string_size = \"191\"\n", "retort.toml:2: models.default_string_size must be an integer, not a string"},
		{"default_string_size fraction", "[models]\ndefault_string_size = 1.5\n", "retort.toml:2: models.default_string_size must be an integer, not a number with a fraction"},
		{"default_string_size negative", "[models]\npackages = [\"./m\"]\ndefault_string_size = -1\n", "retort.toml:3: default_string_size must be"},
		{"datetime_precision range", "[models]\ndatetime_precision = 7\n", "retort.toml:2: datetime_precision must be 0 to 6"},
		{"ignore_relationships type", "[models]\nignore_relationships = 1\n", "retort.toml:2: models.ignore_relationships must be a boolean (true or false), not an integer"},
		{"disable_datetime_precision type", "[models]\ndisable_datetime_precision = \"yes\"\n", "retort.toml:2: models.disable_datetime_precision must be a boolean"},
		{"singular_table type", "[models]\nsingular_table = 1\n", "retort.toml:2: models.singular_table must be a boolean (true or false), not an integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("retort.toml", []byte(tt.body))
			var ce *Error
			if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestModelSettings(t *testing.T) {
	c, err := Parse("retort.toml", []byte("[models]\nforeign_keys = false\nignore_relationships = true\n"+
		"default_string_size = 191\ndatetime_precision = 0\ndisable_datetime_precision = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := c.Models
	if m.ForeignKeys == nil || *m.ForeignKeys || !m.IgnoreRelationships || m.DefaultStringSize != 191 ||
		m.DatetimePrecision == nil || *m.DatetimePrecision != 0 || !m.DisableDatetimePrecision {
		t.Errorf("models = %+v", m)
	}
	c, err = Parse("retort.toml", []byte("[models]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Models; m.ForeignKeys != nil || m.IgnoreRelationships || m.DefaultStringSize != 0 || m.DatetimePrecision != nil || m.DisableDatetimePrecision {
		t.Errorf("unset keys are not GORM's defaults: %+v", m)
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, FileName, "")
	sub := filepath.Join(dir, "a", "b")
	os.MkdirAll(sub, 0o755)
	got, err := Find(sub)
	if err != nil || got != filepath.Join(dir, FileName) {
		t.Fatalf("Find = %q, %v", got, err)
	}
	if _, err := Find(t.TempDir()); !errors.Is(err, ErrNotFound) && err == nil {
		t.Fatalf("Find in empty: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("[database]\nurl = \"sqlite://app.db\"\n"))
	f.Add([]byte("[database]\nconnection = mysql+pymysql://u:p@h/db\n"))
	f.Add([]byte("[models]\npackages = [\"./a\", \"./b\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("retort.toml", data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("multi-line error: %q", err)
			}
			return
		}
		if c.Migrations.Dir == "" || c.Migrations.VersionTable == "" {
			t.Errorf("defaults not applied: %+v", c)
		}
	})
}

func TestDurations(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "retort.toml")
	write := func(s string) *Config {
		t.Helper()
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := write("[migrations]\nlock_timeout = \"90s\"\nstall_timeout = \"2m\"\n")
	if lock, stall := c.Durations(); lock != 90*time.Second || stall != 2*time.Minute {
		t.Errorf("Durations = %v, %v", lock, stall)
	}
	if err := os.WriteFile(path, []byte("[migrations]\ndir = \"m\"\nstall_timeout = \"soon\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "retort.toml:3: migrations.stall_timeout: \"soon\" is not a duration") {
		t.Errorf("bad duration: %v", err)
	}
}

// TestOnlineKeys: [migrations] online, statement_lock_timeout and
// lock_retries, with their defaults and their errors.
func TestOnlineKeys(t *testing.T) {
	parse := func(text string) (*Config, error) { return Parse("retort.toml", []byte(text)) }
	c, err := parse("[migrations]\ndir = \"m\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if !c.Online() || c.StatementLockTimeout() != DefaultStatementLockTimeout || c.Migrations.LockRetries != 0 {
		t.Errorf("defaults: online %v, statement_lock_timeout %v, lock_retries %d", c.Online(), c.StatementLockTimeout(), c.Migrations.LockRetries)
	}
	c, err = parse("[migrations]\nonline = false\nstatement_lock_timeout = \"750ms\"\nlock_retries = 3\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.Online() || c.StatementLockTimeout() != 750*time.Millisecond || c.Migrations.LockRetries != 3 {
		t.Errorf("set: online %v, statement_lock_timeout %v, lock_retries %d", c.Online(), c.StatementLockTimeout(), c.Migrations.LockRetries)
	}
	if c, err = parse("[migrations]\nstatement_lock_timeout = \"0\"\n"); err != nil || c.StatementLockTimeout() != 0 {
		t.Errorf("statement_lock_timeout = \"0\": %v, %v", c.StatementLockTimeout(), err)
	}
	for text, want := range map[string]string{
		"[migrations]\nstatement_lock_timeout = \"soon\"\n": "retort.toml:2: migrations.statement_lock_timeout: \"soon\" is not a duration",
		"[migrations]\nstatement_lock_timeout = \"5us\"\n":  "retort.toml:2: migrations.statement_lock_timeout: \"5us\" is below a millisecond",
		"[migrations]\n\nlock_retries = -1\n":               "retort.toml:3: migrations.lock_retries: -1 is negative",
	} {
		if _, err := parse(text); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

// TestOnlineTool: [migrations] online_tool takes pt-online-schema-change
// only, and only for MySQL/MariaDB, with the line in its errors.
func TestOnlineTool(t *testing.T) {
	parse := func(text string) (*Config, error) { return Parse("retort.toml", []byte(text)) }
	c, err := parse("[migrations]\ndir = \"m\"\nonline_tool = \"pt-online-schema-change\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.Migrations.OnlineTool != OnlineToolPTOSC || c.CheckOnlineTool(dialect.MySQL) != nil {
		t.Errorf("online_tool %q, CheckOnlineTool(mysql) %v", c.Migrations.OnlineTool, c.CheckOnlineTool(dialect.MySQL))
	}
	want := `retort.toml:3: migrations.online_tool: pt-online-schema-change is for MySQL and MariaDB, and the database is postgres`
	if err := c.CheckOnlineTool(dialect.Postgres); err == nil || err.Error() != want {
		t.Errorf("CheckOnlineTool(postgres) = %v, want %s", err, want)
	}
	if c, err = parse("[migrations]\ndir = \"m\"\n"); err != nil || c.CheckOnlineTool(dialect.SQLite) != nil {
		t.Errorf("unset: %v", err)
	}
	_, err = parse("[migrations]\n\nonline_tool = \"gh-ost\"\n")
	want = `retort.toml:3: migrations.online_tool: "gh-ost" is not a tool retort runs (want "pt-online-schema-change")`
	if err == nil || err.Error() != want {
		t.Errorf("gh-ost: %v, want %s", err, want)
	}
}
