#!/bin/sh
# The kill and concurrency harnesses, longer than in `make test`:
# RETORT_STRESS_KILLS kill points per dialect (default 500) and
# RETORT_STRESS_RACES rounds of 20 racing processes (default 10).
# RETORT_STRESS_SEED replays a run's kill points (its seed is logged).
# `make stress` starts the servers and sets RETORT_TEST_*_URL first.
set -eu
cd "$(dirname "$0")/.."
export RETORT_STRESS_KILLS="${RETORT_STRESS_KILLS:-500}"
export RETORT_STRESS_RACES="${RETORT_STRESS_RACES:-10}"
exec ${GO:-go} test -count=1 -timeout 4h -v -run 'TestCrashKill|TestRaceProcesses|TestLockHolderKilled' ./migrations
