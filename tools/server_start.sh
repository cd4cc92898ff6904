#!/usr/bin/env bash
# Whole-process start-up of the review server: from launching `bin/advies serve` on the shipped
# batch until the first page (/aanmelden) answers 200, N runs (default 5), each in a fresh process
# with a fresh database; prints each run, the median and the load average.
# Usage: tools/server_start.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/bin/advies" --version >/dev/null 2>&1 || true   # builds the jar first when the sources changed
times=()
for i in $(seq 1 "$runs"); do
  port=$((18080 + i))
  start=$(date +%s%N)
  "$here/bin/advies" serve "$here/fixtures/2022-2023" --db "$work/review-$i.db" --port "$port" >"$work/out-$i" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/aanmelden" 2>/dev/null | grep -q 200; do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$work/out-$i" >&2; exit 1; fi
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: $ms ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median of $runs: ${sorted[$((runs / 2))]} ms; load average $(cut -d' ' -f1-3 /proc/loadavg)"
