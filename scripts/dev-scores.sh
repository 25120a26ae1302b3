#!/usr/bin/env bash
# Tracks and scores every dev task in ../shared/data/tasks/dev with the given track options and
# prints one Markdown table row per task. Usage: scripts/dev-scores.sh [track options...]
# Predictions and logs go to runs/dev-<label>/ (not committed).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tasks="${FLOWTRACE_DEV_TASKS:-$here/../shared/data/tasks/dev}"
[ -d "$tasks" ] || { echo "no dev tasks at $tasks" >&2; exit 2; }
label="${FLOWTRACE_RUN_LABEL:-default}"
out="$here/runs/dev-$label"
mkdir -p "$out"
echo "| task | AD | <δavg | OA | AJ | EPE | points | s | ms/point |"
echo "|---|---|---|---|---|---|---|---|---|"
for task in "$tasks"/*/; do
  name=$(basename "$task")
  start=$(date +%s.%N)
  "$here/flowtrace" track --frames "$task/frames" --queries "$task/queries.csv" \
    --out "$out/$name.csv" "$@" > "$out/$name.log" 2>&1
  end=$(date +%s.%N)
  json=$("$here/flowtrace" eval --task "$task" --pred "$out/$name.csv" --json)
  python3 - "$name" "$json" "$start" "$end" <<'PY'
import json, sys
name, data, start, end = sys.argv[1], json.loads(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
secs = end - start
print(f"| {name} | {data['AD']:.2f} | {data['deltaAvg']:.1f} | {data['OA']:.1f} | {data['AJ']:.1f} "
      f"| {data['EPE']:.2f} | {data['points']} | {secs:.0f} | {1000 * secs / max(data['points'], 1):.0f} |")
PY
done
