#!/usr/bin/env bash
# Regenerates the pictures in docs/pictures/ from the Sintel frames in ../shared/data:
# one query's KL maps per zoom and its side-by-side track, a task's tracks as a picture and an
# MP4, and a dense view of every method's flow beside the ground truth.
# Usage: scripts/pictures.sh   (about 5 minutes on 2 cores)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${FLOWTRACE_DATA:-$here/../shared/data}"
[ -d "$data/tasks/dev" ] || { echo "no data at $data" >&2; exit 2; }
ft="$here/flowtrace"
out="$here/docs/pictures"
work="$here/runs/pictures"
mkdir -p "$out" "$work"

# 1. one query, every zoom level
"$ft" picture query --task "$data/tasks/dev/sintel-clean-alley_1" --id 3 --out "$work/query"
cp "$work/query/query-3-overview.png" "$out/query-overview.png"
cp "$work/query/query-3-side-by-side.png" "$out/query-side-by-side.png"

# 2. a task's tracks: the first 60 queries of market_5 (large motion)
task="$data/tasks/dev/sintel-clean-market_5"
head -61 "$task/queries.csv" > "$work/market-queries.csv"
"$ft" track --frames "$task/frames" --queries "$work/market-queries.csv" --out "$work/market-pred.csv"
"$ft" picture task --task "$task" --pred "$work/market-pred.csv" --out "$work/task" \
  --video "$out/tracks.mp4"
cp "$work/task/tracks.png" "$out/tracks.png"

# 3. the dense view of alley_1 (frame 2 -> 3, ground truth from Sintel)
s="$data/sintel"
"$ft" picture dense --frame1 "$s/clean/alley_1/frame_0002.png" \
  --frame2 "$s/clean/alley_1/frame_0003.png" --flow "$s/flow/alley_1/frame_0002.flo" \
  --grid 32 --out "$out/dense.png"
echo "docs/pictures/ updated" >&2
