#!/usr/bin/env bash
# Screenshots of every main view, in English and Chinese, light and dark, for the README
# gallery (docs/gallery/). Needs Xvfb, xdotool and imagemagick's `import`:
#   apt-get install xvfb xdotool; apt-get install --no-install-recommends imagemagick
# Usage: scripts/gallery.sh [BINARY] [DISPLAY_NUMBER]
set -euo pipefail
BIN=${1:-target/release/delegation-planner}
NUM=${2:-115}
OUT=docs/gallery
mkdir -p "$OUT"
HOME_DIR=$(mktemp -d)
Xvfb ":$NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT
sleep 1
export DISPLAY=":$NUM"
# A fresh home: the first launch opens the sample, in English and the light theme.
HOME="$HOME_DIR" "$BIN" >/dev/null 2>&1 &
APP=$!
sleep 6
WIN=$(xdotool search --sync --name Delegation | head -1)
xdotool windowfocus --sync "$WIN"
key() { xdotool key --window "$WIN" "$@"; sleep 0.8; }
# Runs a command from the palette: the query, then the n-th match (1 = the first).
palette() {
    key ctrl+shift+p
    xdotool type --delay 40 "$1"
    sleep 0.5
    for _ in $(seq 2 "${2:-1}"); do key Down; done
    key Return
}
shoot() { sleep 1; import -window root "$OUT/$1.png"; }
views=(project meetings people organisations commitments)
for lang in en zh; do
    for theme in light dark; do
        [ "$theme" = dark ] && palette "dark theme" || palette "light theme"
        # "language" matches English, then 中文 (typing Chinese is beyond xdotool here).
        [ "$lang" = zh ] && palette "language" 2 || palette "language" 1
        for i in 1 2 3 4 5; do
            key "ctrl+$i"
            shoot "${views[$((i - 1))]}-$lang-$theme"
        done
    done
done
kill "$APP" 2>/dev/null || true
ls -la "$OUT"
