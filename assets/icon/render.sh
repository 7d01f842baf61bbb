#!/usr/bin/env bash
# Renders the app icon's PNG sizes and the Windows .ico from the SVG drawings beside this
# script. The outputs are committed (the build and the packages use them as they are), so
# run this only after changing a drawing.
#
# Needs Debian's `librsvg2-bin` (rsvg-convert) and `icoutils` (icotool).
set -euo pipefail
cd "$(dirname "$0")"

mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
  # 16 px has its own drawing on the pixel grid; every other size scales the main one.
  src=delegation-planner.svg
  if [ "$size" = 16 ]; then src=delegation-planner-16.svg; fi
  rsvg-convert --width "$size" --height "$size" "$src" --output "png/delegation-planner-$size.png"
done

# Windows: every size Explorer and the task bar ask for; 256 px is stored as PNG (-r).
icotool --create --output delegation-planner.ico \
  png/delegation-planner-16.png png/delegation-planner-24.png png/delegation-planner-32.png \
  png/delegation-planner-48.png png/delegation-planner-64.png png/delegation-planner-128.png \
  --raw=png/delegation-planner-256.png
ls -l png delegation-planner.ico
