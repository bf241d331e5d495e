#!/usr/bin/env bash
# The quick start on the embedded SQLite default, no server needed: a fresh
# project folder next to the example models, its first revision written by
# autogenerate, applied, and the history and current revision shown.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
retort="$root/bin/retort"
work="$root/demo/work"
rm -rf "$work"
mkdir -p "$work"
cd "$work"

run() { printf '\n$ retort %s\n' "$*"; "$retort" "$@"; }

run init
# The example models live next to this folder.
sed -i 's#packages = \["./models"\]#packages = ["../models"]#' retort.toml
run schema
run revision -m "create shop tables" --autogenerate
run upgrade head
run history
run current
run check
printf '\nThe demo project is in %s (retort.toml, migrations/, app.db).\n' "${work#$root/}"
