#!/usr/bin/env bash
# Times `retort history`, `retort heads` and `retort upgrade head --sql` on
# generated projects of 1,000 and 10,000 revision files (SQLite URL, no
# database file: the commands read only the files) and prints median, min
# and max wall time per command and size.
#
#   scripts/bench-revisions.sh [RUNS]        (default 20 runs, 3 warm-ups)
#   RETORT_BIN=/path/to/retort scripts/bench-revisions.sh
#
# Uses hyperfine when installed, else a timing loop of its own. The
# projects are written by migrations/internal/revgen (seeded: the same
# files on every run) into a temporary folder that is removed at the end,
# and so is the revision cache (XDG_CACHE_HOME points into it). The
# figures are those of the cache in use: files are cached once they are
# two seconds old, so the script waits that long before the warm-up runs.
set -euo pipefail
runs=${1:-20}
cd "$(dirname "$0")/.."
root=$(pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/retort-bench-revisions.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=$tmp/cache

# RETORT_BIN times another build of retort (e.g. an older one to compare).
bin=${RETORT_BIN:-}
if [ -z "$bin" ]; then
	go build -o bin/retort ./cmd/retort
	bin=$root/bin/retort
fi
go build -o "$tmp/revgen" ./migrations/internal/revgen/cmd/revgen

# ms prints the seconds in $1 as milliseconds with one decimal.
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }

# measure CMD... prints "median min max cpu" in seconds, cpu being the mean
# user+system time (hyperfine only; "-" otherwise), which a busy machine
# inflates less than wall time.
measure() {
	if command -v hyperfine >/dev/null; then
		hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/h.json" "$*" >/dev/null 2>&1
		awk -F'[:,]' '/"median"/ { med = $2 } /"min"/ { min = $2 } /"max"/ { max = $2 } /"user"/ { u = $2 } /"system"/ { s = $2 } END { print med, min, max, u + s }' "$tmp/h.json"
		return
	fi
	local i t0 t1
	for i in 1 2 3; do "$@" >/dev/null; done
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s%N)
		"$@" >/dev/null
		t1=$(date +%s%N)
		echo $((t1 - t0))
	done | sort -n | awk '{ v[NR] = $1 / 1e9 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR], "-" }'
}

printf '%-28s %10s %11s %11s %11s %11s\n' command revisions median min max cpu
for n in 1000 10000; do
	"$tmp/revgen" -n "$n" -dir "$tmp/p$n"
	files=$(find "$tmp/p$n/migrations/versions" -name '*.sql' | wc -l)
	sleep 2.1
	cd "$tmp/p$n"
	for cmd in "history" "heads" "upgrade head --sql"; do
		# shellcheck disable=SC2086 # cmd is split into its words on purpose
		read -r med min max cpu < <(measure "$bin" $cmd)
		[ "$cpu" = - ] || cpu=$(ms "$cpu")
		printf '%-28s %10s %11s %11s %11s %11s\n' "retort $cmd" "$files" "$(ms "$med")" "$(ms "$min")" "$(ms "$max")" "$cpu"
	done
	cd "$root"
done
echo "($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ), $(command -v hyperfine >/dev/null && echo hyperfine || echo shell loop), $runs runs each)"
