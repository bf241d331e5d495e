package migrations

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/retortbin"
)

// The process tests run the real retort binary, built once per test run
// into a temporary directory that TestMain removes, in a project directory
// with a retort.toml.

func TestMain(m *testing.M) { retortbin.Main(m) }

// buildRetort builds cmd/retort, once per test run.
func buildRetort(t *testing.T) string { return retortbin.Build(t) }

// procProject is a project directory the binary runs in.
type procProject struct {
	t   *testing.T
	bin string
	dir string
	url string // RETORT_DATABASE_URL, password included
	// out collects everything every process printed, for the password test.
	out *bytes.Buffer
}

func newProcProject(t *testing.T, bin, url string) *procProject {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	toml := "[migrations]\ndir = \"migrations\"\n"
	if err := os.WriteFile(filepath.Join(dir, "retort.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	return &procProject{t: t, bin: bin, dir: dir, url: url, out: &bytes.Buffer{}}
}

// writeRev writes a revision file with the given upgrade statements.
func (p *procProject) writeRev(id, parent, msg string, warnings []string, up []string) {
	p.t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "-- %s\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: 2026-11-25T12:00:00Z\n", msg, id, parent)
	for _, w := range warnings {
		fmt.Fprintf(&b, "-- WARNING: %s\n", w)
	}
	b.WriteString("\n-- +retort Upgrade\n")
	for _, s := range up {
		b.WriteString(s + ";\n")
	}
	b.WriteString("\n-- +retort Downgrade\n")
	if err := os.WriteFile(p.revPath(id), []byte(b.String()), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

func (p *procProject) revPath(id string) string {
	return filepath.Join(p.dir, "migrations", "versions", id+"_rev.sql")
}

// command returns the retort command for args, not started.
func (p *procProject) command(ctx context.Context, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	cmd := exec.CommandContext(ctx, p.bin, args...)
	cmd.Dir = p.dir
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "RETORT_DATABASE_URL=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "RETORT_DATABASE_URL="+p.url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	return cmd, &stdout, &stderr
}

// run runs retort to the end and returns its output and exit code.
func (p *procProject) run(args ...string) (stdout, stderr string, code int) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd, o, e := p.command(ctx, args...)
	err := cmd.Run()
	p.record(args, o, e)
	return o.String(), e.String(), exitCodeOf(p.t, err)
}

func (p *procProject) record(args []string, o, e *bytes.Buffer) {
	fmt.Fprintf(p.out, "$ retort %s\n%s%s", strings.Join(args, " "), o, e)
}

func exitCodeOf(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	t.Fatalf("retort: %v", err)
	return -1
}

// procSlow returns a statement that takes some tens of milliseconds and
// changes nothing, so that kills land during a statement.
func procSlow(d dialect.Name) string {
	switch d {
	case dialect.MySQL:
		return "DO SLEEP(0.04)"
	case dialect.Postgres:
		return "SELECT pg_sleep(0.04)"
	}
	return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 60000) SELECT count(*) FROM c"
}

// catalog answers questions about the schema of a test database.
type catalog struct {
	d  dialect.Name
	db *sql.DB
}

func (c catalog) count(ctx context.Context, q string, args ...any) (int, error) {
	var n int
	err := c.db.QueryRowContext(ctx, q, args...).Scan(&n)
	return n, err
}

func (c catalog) tableExists(ctx context.Context, name string) (bool, error) {
	var q string
	switch c.d {
	case dialect.MySQL:
		q = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?"
	case dialect.Postgres:
		q = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1"
	default:
		q = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
	}
	n, err := c.count(ctx, q, name)
	return n > 0, err
}

func (c catalog) columnExists(ctx context.Context, table, col string) (bool, error) {
	var q string
	switch c.d {
	case dialect.MySQL:
		q = "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?"
	case dialect.Postgres:
		q = "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2"
	default:
		q = "SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?"
	}
	n, err := c.count(ctx, q, table, col)
	return n > 0, err
}

func (c catalog) indexExists(ctx context.Context, name string) (bool, error) {
	var q string
	switch c.d {
	case dialect.MySQL:
		q = "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = ?"
	case dialect.Postgres:
		q = "SELECT COUNT(*) FROM pg_catalog.pg_indexes WHERE schemaname = current_schema() AND indexname = $1"
	default:
		q = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?"
	}
	n, err := c.count(ctx, q, name)
	return n > 0, err
}

// rows returns the rows of a query, each as one line of text.
func (c catalog) rows(ctx context.Context, q string) ([]string, error) {
	rows, err := c.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = v.String
			if !v.Valid {
				parts[i] = "NULL"
			}
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return out, rows.Err()
}
