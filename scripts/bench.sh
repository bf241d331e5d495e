#!/usr/bin/env bash
# `make bench` (issue 5): builds bin/retort, times it end to end on the
# generated benchmark schema of 100, 1,000 and 10,000 tables on MariaDB,
# PostgreSQL and SQLite (internal/benchrun), runs the Go benchmarks and the
# revision-history benchmark (scripts/bench-revisions.sh, when present),
# prints everything and writes it to bench/results.md.
#
#   BENCH_SIZES=100,1000 scripts/bench.sh       narrower sizes
#   BENCH_DIALECTS=postgres scripts/bench.sh    fewer dialects
#   BENCH_BUDGET=13m                            no size is started after it
#   BENCH_GO=0 / BENCH_REVISIONS=0              skip those parts
#   BENCH_GO_FULL=1                             Go benchmarks without -short
#
# Needs the test servers: eval "$(scripts/services.sh)" (the Makefile does it).
# Every database it creates is named retort_bench_<random> and dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/retort-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p bench

# Alembic's side of the comparison talks to the servers through pymysql
# and psycopg2 (Debian's, under Debian's python3, as scripts/services.sh
# installs python3-alembic): install them when missing.
if ! /usr/bin/python3 -c 'import pymysql, psycopg2' >/dev/null 2>&1; then
	echo "bench: installing python3-pymysql python3-psycopg2 for Alembic's runs" >&2
	as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-pymysql python3-psycopg2 >&2 ||
		echo "bench: could not install them; the Alembic rows will say so" >&2
fi

go build -o bin/retort ./cmd/retort
go build -o "$tmp/benchrun" ./internal/benchrun

echo "bench: end to end (progress on stderr)" >&2
"$tmp/benchrun" -bin "$root/bin/retort" >"$tmp/e2e.md"
cat "$tmp/e2e.md"

{
	if [ "${BENCH_GO:-1}" != 0 ]; then
		pkgs=()
		for p in ./internal/inspect ./migrations ./models; do
			if grep -qs '^func Benchmark' "$p"/*_test.go; then pkgs+=("$p"); fi
		done
		echo
		echo "## Go benchmarks"
		echo
		short=-short
		[ "${BENCH_GO_FULL:-0}" != 0 ] && short=
		echo "\`go test -run '^\$' -bench . -benchtime 3x $short ${pkgs[*]}\`${short:+ (-short skips the 1,000-table inspections; BENCH_GO_FULL=1 runs them)}"
		echo
		echo '```'
		echo "bench: go test -bench ${pkgs[*]}" >&2
		go test -run '^$' -bench . -benchtime 3x $short "${pkgs[@]}" 2>&1 |
			grep -E '^(pkg:|Benchmark|ok|FAIL|---)|panic' || true
		echo '```'
	fi
	if [ "${BENCH_REVISIONS:-1}" != 0 ] && [ -x scripts/bench-revisions.sh ]; then
		echo
		echo "## Revision history (scripts/bench-revisions.sh)"
		echo
		echo '```'
		echo "bench: scripts/bench-revisions.sh" >&2
		RETORT_BIN="$root/bin/retort" scripts/bench-revisions.sh 20 2>&1 || echo "scripts/bench-revisions.sh failed (exit $?)"
		echo '```'
	fi
} | tee "$tmp/more.md"

cat "$tmp/e2e.md" "$tmp/more.md" >bench/results.md
echo "bench: written to bench/results.md" >&2
