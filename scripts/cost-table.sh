#!/usr/bin/env bash
# Regenerates docs/cost/: accuracy against model cost (pass-equivalents per point-step) for the
# paper recipe, the default, and the faster settings.
#   dev/    every dev task in ../shared/data/tasks/dev, TAP-Vid "first" protocol
#   clips/  generated clips (16 frames, up to 10, 20 and 40 px per frame), the streaming job's
#           "anchored" protocol
# Each is a `flowtrace compare` table with --reference kltrace (the default recipe): the last
# column says whether a setting stays within 1 point of its <δavg on every task.
# Usage: scripts/cost-table.sh [dev|clips|all] [--points N] (default all, 50 points per dev task).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
part="${1:-all}"; [ $# -gt 0 ] && shift
points=50
if [ "${1:-}" = "--points" ]; then points="$2"; shift 2; fi
# On the dev tasks (two frames, "first" protocol) no point has a motion prior, so the efficient
# preset's prior radius plays no part there; on the clips its variants without a prior show what
# the prior adds.
methods="${FLOWTRACE_COST_METHODS:-kltrace:paper,kltrace,kltrace:fast,kltrace:efficient,kltrace:efficient+full-frame-map-size=64,kltrace:efficient+masks=3}"
clip_methods="${FLOWTRACE_COST_CLIP_METHODS:-kltrace:paper,kltrace,kltrace:fast,kltrace:efficient,kltrace:efficient+motion-prior=24,kltrace:efficient+motion-prior=0,kltrace:efficient+motion-prior=0+full-frame-map-size=64,kltrace:efficient+motion-prior=0+masks=3}"
work="$here/runs/cost"
mkdir -p "$here/docs/cost"

if [ "$part" = dev ] || [ "$part" = all ]; then
  tasks="${FLOWTRACE_DEV_TASKS:-$here/../shared/data/tasks/dev}"
  [ -d "$tasks" ] || { echo "no dev tasks at $tasks" >&2; exit 2; }
  "$here/flowtrace" compare --tasks "$tasks"/*/ --methods "$methods" --points "$points" \
    --protocol first --reference kltrace --resume --out "$work/dev"
  cp "$work/dev/compare.md" "$here/docs/cost/dev.md"
  cp "$work/dev/compare.csv" "$here/docs/cost/dev.csv"
fi

if [ "$part" = clips ] || [ "$part" = all ]; then
  clips=()
  for speed in 10 20 40; do
    dir="$work/clips/tasks/speed-$speed"
    if [ ! -f "$dir/gt.csv" ]; then
      "$here/flowtrace" make-clip --width 320 --height 240 --frames 16 --layers 3 \
        --max-speed "$speed" --points 8 --seed "$speed" --out "$dir" >&2
    fi
    clips+=("$dir")
  done
  "$here/flowtrace" compare --tasks "${clips[@]}" --methods "$clip_methods" \
    --protocol anchored --reference kltrace --resume --out "$work/clips"
  cp "$work/clips/compare.md" "$here/docs/cost/clips.md"
  cp "$work/clips/compare.csv" "$here/docs/cost/clips.csv"
fi
echo "docs/cost/ updated" >&2
