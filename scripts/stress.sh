#!/bin/sh
# The kill, concurrency and fault-injection harnesses, longer than in
# `make test`:
# RETORT_STRESS_KILLS kill points per dialect (default 500),
# RETORT_STRESS_RACES rounds of 20 racing processes (default 10) and
# RETORT_STRESS_FAULTS network and server faults per dialect (default 300;
# every fault kind, and the failures known from issue 18 fail the run).
# RETORT_STRESS_SEED replays a run's kill points, RETORT_FAULTS_SEED (with
# RETORT_FAULTS_TRIAL=N for one trial) a run's faults; both are logged.
# The load test of issue 17 (internal/loadtest) runs first, on a table of
# RETORT_LOAD_ROWS rows (default 2,000,000), where it asserts that the
# non-blocking SQL stalls no write for 1 s; RETORT_LOAD_REPORT names a file
# for its markdown table; RETORT_STRESS_LOAD=0 skips it.
# `make stress` starts the servers and sets RETORT_TEST_*_URL first.
set -eu
cd "$(dirname "$0")/.."
if [ "${RETORT_STRESS_LOAD:-1}" != 0 ]; then
	RETORT_LOAD_ROWS="${RETORT_LOAD_ROWS:-2000000}" \
		${GO:-go} test -count=1 -timeout 2h -v -run 'TestLoad$' ./internal/loadtest
fi
export RETORT_STRESS_KILLS="${RETORT_STRESS_KILLS:-500}"
export RETORT_STRESS_RACES="${RETORT_STRESS_RACES:-10}"
export RETORT_STRESS_FAULTS="${RETORT_STRESS_FAULTS:-300}"
exec ${GO:-go} test -count=1 -timeout 6h -v -run 'TestCrashKill|TestRaceProcesses|TestLockHolderKilled|TestFaultInjection' ./migrations
