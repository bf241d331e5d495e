#!/usr/bin/env bash
# Makes sure the MariaDB and PostgreSQL servers the tests talk to are
# installed, running and answering, then prints the environment the tests
# need as `export` lines (eval "$(scripts/services.sh)").
# Everything it says goes to stderr; only the exports go to stdout.
set -euo pipefail

log() { echo "services: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

MYSQL_URL=${RETORT_TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306/test}
POSTGRES_URL=${RETORT_TEST_POSTGRES_URL:-postgres://root@127.0.0.1:5432/test?sslmode=disable}

apt_updated=
need_pkg() { # need_pkg COMMAND PACKAGE...
	command -v "$1" >/dev/null 2>&1 && return 0
	[ -x "$1" ] && return 0
	shift
	log "installing $*"
	if [ -z "$apt_updated" ]; then as_root apt-get update -qq >&2; apt_updated=1; fi
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >&2
}

mysql_up() { mysqladmin -h127.0.0.1 -uroot --connect-timeout=2 ping >/dev/null 2>&1; }
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -t 2 >/dev/null 2>&1; }

# MariaDB
if ! mysql_up; then
	need_pkg /usr/sbin/mariadbd mariadb-server mariadb-client
	as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
	log "starting MariaDB"
	as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >&2 || true
	for _ in $(seq 1 60); do mysql_up && break; sleep 1; done
fi
mysql_up || { log "MariaDB at 127.0.0.1:3306 does not answer"; exit 1; }
mysql -h127.0.0.1 -uroot -e 'CREATE DATABASE IF NOT EXISTS test' >&2 2>/dev/null || true

# PostgreSQL
started_pg=
if ! pg_up; then
	started_pg=1
	need_pkg pg_ctlcluster postgresql postgresql-client
	log "starting PostgreSQL"
	as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start >&2 || true
	for _ in $(seq 1 60); do pg_up && break; sleep 1; done
fi
pg_up || { log "PostgreSQL at 127.0.0.1:5432 does not answer"; exit 1; }
if ! psql -h 127.0.0.1 -U root -d test -c 'select 1' >/dev/null 2>&1; then
	# A fresh Debian cluster knows only the postgres role; make the root
	# superuser and the test database the tests expect (trust on loopback).
	log "creating PostgreSQL role root and database test"
	as_root su postgres -c "psql -q -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='root') THEN CREATE ROLE root SUPERUSER LOGIN; END IF; END\\\$\\\$\"" >&2 || true
	as_root su postgres -c "createdb -O root test" >&2 2>/dev/null || true
	hba=$(as_root su postgres -c "psql -tAc 'show hba_file'")
	if ! as_root grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
		as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
		as_root su postgres -c "psql -q -c 'select pg_reload_conf()'" >&2
	fi
fi
psql -h 127.0.0.1 -U root -d test -c 'select 1' >/dev/null 2>&1 || { log "PostgreSQL: cannot log in as root to database test"; exit 1; }
# The suites run many schemas side by side, and dropping a scratch schema
# locks every object in it in one transaction: the default lock table (64
# per connection) can run out ("out of shared memory"). Raise it, which
# needs a restart: only of a server this script started, or when the
# machine is CI's (.ci/run sets RETORT_SERVICES_MAY_RESTART=1); a
# developer's running server is left alone, with a note.
locks=$(psql -h 127.0.0.1 -U root -d test -Atc 'show max_locks_per_transaction')
if [ "$locks" -lt 1024 ] && [ -z "$started_pg" ] && [ "${RETORT_SERVICES_MAY_RESTART:-0}" != 1 ]; then
	log "PostgreSQL max_locks_per_transaction is $locks; if a test fails with \"out of shared memory\", raise it to 1024 (ALTER SYSTEM SET max_locks_per_transaction = 1024, then restart the server) or run with RETORT_SERVICES_MAY_RESTART=1"
elif [ "$locks" -lt 1024 ]; then
	log "raising PostgreSQL max_locks_per_transaction from $locks to 1024 (restarts the server)"
	psql -h 127.0.0.1 -U root -d test -qc 'ALTER SYSTEM SET max_locks_per_transaction = 1024' >&2
	as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main restart >&2
	for _ in $(seq 1 60); do pg_up && break; sleep 1; done
	pg_up || { log "PostgreSQL does not answer after the restart"; exit 1; }
fi

# Alembic, for the differential test (internal/cli TestAlembicDifferential):
# Debian's python3-alembic under Debian's own python3, whatever python3 is
# first on PATH.
if ! /usr/bin/python3 -c 'import alembic' >/dev/null 2>&1; then
	log "installing python3-alembic"
	if [ -z "$apt_updated" ]; then as_root apt-get update -qq >&2; apt_updated=1; fi
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-alembic >&2
fi
/usr/bin/python3 -c 'import alembic' >/dev/null 2>&1 || { log "python3-alembic did not install"; exit 1; }

# Percona Toolkit's pt-online-schema-change, the [migrations] online_tool
# the tests and the load test run (Debian's percona-toolkit).
if ! command -v pt-online-schema-change >/dev/null 2>&1; then
	log "installing percona-toolkit"
	if [ -z "$apt_updated" ]; then as_root apt-get update -qq >&2; apt_updated=1; fi
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq percona-toolkit >&2
fi
command -v pt-online-schema-change >/dev/null 2>&1 || { log "percona-toolkit did not install"; exit 1; }

echo "export RETORT_TEST_MYSQL_URL='$MYSQL_URL'"
echo "export RETORT_TEST_POSTGRES_URL='$POSTGRES_URL'"
echo "export RETORT_TEST_REQUIRE_DB=1"
echo "export RETORT_TEST_ALEMBIC_PYTHON=/usr/bin/python3"
