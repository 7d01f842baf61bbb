#!/usr/bin/env bash
# Time to first frame of the app (on a project FILE, default: the embedded sample) and of
# a bare eframe window, both release builds, under Xvfb; prints the medians and the ratio.
#   scripts/first-frame.sh [FILE] [RUNS]
# Needs: apt-get install -y --no-install-recommends xvfb
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-}"
runs="${2:-9}"
cargo build --release --quiet --bin delegation-planner --example bare_window
target="${CARGO_TARGET_DIR:-target}"
display=":97"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
config="$(mktemp -d)"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
  for _ in $(seq "$runs"); do
    DISPLAY="$display" XDG_CONFIG_HOME="$config" XDG_DATA_HOME="$config" \
      DELEGATION_PLANNER_FIRST_FRAME=1 "$@" 2>/dev/null | sed -n 's/^first frame after \([0-9.]*\) ms$/\1/p'
  done | median
}
bare=$(measure "$target/release/examples/bare_window")
if [ -n "$file" ]; then
  app=$(measure "$target/release/delegation-planner" "$file")
else
  app=$(measure "$target/release/delegation-planner")
fi
rm -rf "$config"
echo "bare eframe window: ${bare} ms (median of $runs)"
echo "Delegation Planner${file:+ on $file}: ${app} ms (median of $runs)"
awk -v a="$app" -v b="$bare" 'BEGIN { printf "ratio: %.2fx (goal <= 1.5x)\n", a / b }'
