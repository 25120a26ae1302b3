#!/usr/bin/env bash
# Regenerates docs/compare/: runs `flowtrace compare` on every dev task in ../shared/data/tasks/dev
# and copies its table (compare.md, compare.csv) and bar charts into docs/compare/.
# Usage: scripts/compare-dev.sh [compare options...], e.g. --methods kltrace,dis --points 100.
# Predictions and the working table stay in runs/compare-dev/ (not committed); rerunning with
# --resume keeps the results already there and runs only the missing ones.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tasks="${FLOWTRACE_DEV_TASKS:-$here/../shared/data/tasks/dev}"
[ -d "$tasks" ] || { echo "no dev tasks at $tasks" >&2; exit 2; }
work="$here/runs/compare-dev"
"$here/flowtrace" compare --tasks "$tasks"/*/ --out "$work" "$@"
mkdir -p "$here/docs/compare"
cp "$work"/compare.md "$work"/compare.csv "$work"/chart-*.png "$here/docs/compare/"
echo "docs/compare/ updated" >&2
