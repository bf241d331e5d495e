package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/benchgen"
)

// Alembic 1.8 (Debian's python3-alembic, with python3-pymysql and
// python3-psycopg2) runs its no-op autogenerate on the same database in
// the same run, so that each retort row can be set beside it as a ratio:
// the machine's speed drifts too much for figures taken at other times to
// compare.

// python is the interpreter Debian's Alembic is installed for.
const python = "/usr/bin/python3"

// alembicMissing returns why Alembic cannot run for d here, or "".
func alembicMissing(ctx context.Context, d dialect.Name) string {
	driver := map[dialect.Name]string{dialect.MySQL: "pymysql", dialect.Postgres: "psycopg2"}[d]
	if driver == "" {
		return "not run on " + string(d)
	}
	out, err := exec.CommandContext(ctx, python, "-c", "import alembic, "+driver+"; print(alembic.__version__)").CombinedOutput()
	if err != nil {
		return fmt.Sprintf("Alembic not available (%s -c 'import alembic, %s': %v; apt-get install python3-alembic python3-%s)",
			python, driver, firstLines(strings.TrimSpace(string(out)), 1), driver)
	}
	return ""
}

// sqlalchemyURL is u as SQLAlchemy spells it, with the drivers above.
func sqlalchemyURL(u *dburl.URL) (string, error) {
	p, err := url.Parse(u.Secret())
	if err != nil {
		return "", err
	}
	switch u.Dialect {
	case dialect.MySQL:
		p.Scheme = "mysql+pymysql"
	case dialect.Postgres:
		p.Scheme = "postgresql+psycopg2"
	default:
		return "", fmt.Errorf("no Alembic run on %s", u.Dialect)
	}
	return p.String(), nil
}

// writeAlembic writes an Alembic project whose models are the benchmark's
// base schema (benchgen.SQLAlchemy) and whose database is u, and returns
// its folder.
func writeAlembic(dir string, u *dburl.URL, opts benchgen.Options) (string, error) {
	su, err := sqlalchemyURL(u)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Join(dir, "alembic", "versions"), 0o755); err != nil {
		return "", err
	}
	files := map[string]string{
		"alembic.ini":            "[alembic]\nscript_location = alembic\nsqlalchemy.url = " + strings.ReplaceAll(su, "%", "%%") + "\n",
		"models.py":              string(benchgen.SQLAlchemy(opts)),
		"alembic/env.py":         alembicEnv,
		"alembic/script.py.mako": alembicScript,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

const alembicEnv = `import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from alembic import context
from sqlalchemy import create_engine
from models import metadata

engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
`

const alembicScript = `"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
"""
from alembic import op
import sqlalchemy as sa

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
`

// writeRevision puts the DDL of the base schema in one revision file of
// the project in dir, for check --from-migrations.
func writeRevision(dir string, stmts []string) error {
	var b strings.Builder
	b.WriteString("-- the benchmark's schema\n--\n-- Revision ID: b0000000000a\n-- Revises:\n-- Create Date: 2026-01-01 00:00:00\n\n-- +retort Upgrade\n")
	for _, s := range stmts {
		b.WriteString(s)
		b.WriteString(";\n")
	}
	b.WriteString("-- +retort Downgrade\n")
	return os.WriteFile(filepath.Join(dir, "migrations", "versions", "b0000000000a_schema.sql"), []byte(b.String()), 0o644)
}
