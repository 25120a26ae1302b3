#!/usr/bin/env bash
# Live latency of the streaming pipeline: `flowtrace demo` in live mode for 1, 4 and 16 cameras at
# a fixed frame rate, each camera sending --frames frames of 128x128 with --queries points, tracked
# with --preset (default efficient). Past saturation, live mode skips superseded pairs and pairs
# that waited longer than --live-max-lag for their turn, and counts the skips. Writes
# the demo's per-camera lines and its "all cameras" line for each run to docs/live-latency.txt.
# Usage: scripts/live-latency.sh [cameras...]   (default: 1 4 16)
# Environment: FPS (default 1), FRAMES (12), QUERIES (4), LAG (3 s), PRESET (efficient).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cams=("$@"); [ ${#cams[@]} -gt 0 ] || cams=(1 4 16)
fps="${FPS:-1}"; frames="${FRAMES:-12}"; queries="${QUERIES:-4}"; lag="${LAG:-3}"
preset="${PRESET:-efficient}"
out="$here/docs/live-latency.txt"
{
  echo "# scripts/live-latency.sh on $(uname -m), $(nproc) cores, $(date -u +%Y-%m-%d):"
  echo "# demo --fps $fps --frames $frames --queries $queries --live-max-lag $lag --preset $preset"
} > "$out.tmp"
for n in "${cams[@]}"; do
  echo "## $n camera(s)" >> "$out.tmp"
  rm -rf "$here/runs/live-latency/$n"
  "$here/flowtrace" demo --cameras "$n" --fps "$fps" --frames "$frames" --queries "$queries" \
    --live-max-lag "$lag" --preset "$preset" --out "$here/runs/live-latency/$n" --timeout 600 \
    | grep -E '^(cam-|all cameras)' >> "$out.tmp"
done
mv "$out.tmp" "$out"
cat "$out"
