#!/usr/bin/env bash
# Runs every fuzz target of the module for a fixed budget each (default 10s).
set -euo pipefail
budget=${1:-10s}
cd "$(dirname "$0")/.."
found=0
while IFS= read -r line; do
	file=${line%%:*}
	name=$(sed -E 's/^func (Fuzz[A-Za-z0-9_]*).*/\1/' <<<"${line#*:}")
	pkg=./$(dirname "$file")
	found=$((found + 1))
	echo "fuzz: $pkg $name ($budget)"
	if ! go test -run '^$' -fuzz "^${name}\$" -fuzztime "$budget" "$pkg" >/tmp/retort-fuzz.$$ 2>&1; then
		# Go's fuzzer sometimes ends a time-boxed run with "context deadline
		# exceeded" and no failing input (a worker busy when time is up, on
		# a loaded machine): that is not a finding, so run the target once
		# more. A real failure writes its input and fails again.
		if grep -q 'context deadline exceeded' /tmp/retort-fuzz.$$ && ! grep -q 'Failing input written' /tmp/retort-fuzz.$$; then
			echo "fuzz: $pkg $name ended with \"context deadline exceeded\" and no failing input; once more"
			go test -run '^$' -fuzz "^${name}\$" -fuzztime "$budget" "$pkg" >/tmp/retort-fuzz.$$ 2>&1 || { cat /tmp/retort-fuzz.$$; rm -f /tmp/retort-fuzz.$$; exit 1; }
		else
			cat /tmp/retort-fuzz.$$
			rm -f /tmp/retort-fuzz.$$
			exit 1
		fi
	fi
done < <(git grep -n -E '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' -- '*_test.go' | sed -E 's/^([^:]*):[0-9]+:/\1:/')
rm -f /tmp/retort-fuzz.$$
echo "fuzz: $found targets, $budget each, no failure"
