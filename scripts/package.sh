#!/usr/bin/env bash
# Builds every package of Delegation Planner from a checkout into dist/ (git-ignored):
#
#   dist/delegation-planner_VERSION-1_amd64.deb                  Debian 12+ / Ubuntu
#   dist/delegation-planner-VERSION-windows-x86_64.zip           Windows, unzip and run
#   dist/delegation-planner-VERSION-windows-x86_64-setup.exe     Windows installer (NSIS)
#
# Installs what it needs when missing (apt packages with sudo unless root, the Rust
# Windows target, cargo-deb), validates the desktop entry and AppStream metadata, then
# builds both release binaries. On 2 cores, from a warm dependency cache: see README.
#
#   scripts/package.sh            everything
#   scripts/package.sh deb        only the Debian package
#   scripts/package.sh windows    only the Windows zip and installer
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
case "$what" in
  all | deb | windows) ;;
  *) echo "usage: scripts/package.sh [all|deb|windows]" >&2; exit 2 ;;
esac

win_target=x86_64-pc-windows-gnu
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
target_dir="${CARGO_TARGET_DIR:-target}"
dist=dist
mkdir -p "$dist"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# apt_need COMMAND PACKAGE…: installs the packages when COMMAND is missing.
apt_updated=
apt_need() {
  local command="$1"
  shift
  command -v "$command" >/dev/null 2>&1 && return 0
  echo "== installing $* (for $command)"
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

timed() {
  local label="$1" start=$SECONDS
  shift
  "$@"
  echo "== $label: $((SECONDS - start)) s"
}

build_deb() {
  apt_need desktop-file-validate desktop-file-utils
  apt_need appstreamcli appstream
  apt_need dpkg-deb dpkg
  if ! cargo deb --version >/dev/null 2>&1; then
    echo "== installing cargo-deb"
    cargo install cargo-deb --locked
  fi
  echo "== validating the desktop entry and the AppStream metadata"
  desktop-file-validate packaging/linux/delegation-planner.desktop
  # --no-net: the screenshot and homepage URLs are placeholders until the project has a
  # public home (see the comment in the metainfo file).
  appstreamcli validate --no-net packaging/linux/*.metainfo.xml
  # cargo-deb runs `cargo build --release` itself.
  timed "cargo deb" cargo deb --locked --output "$dist/"
}

build_windows() {
  apt_need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
  apt_need makensis nsis
  apt_need zip zip
  if ! rustup target list --installed | grep -qx "$win_target"; then
    rustup target add "$win_target"
  fi
  timed "cargo build --release --target $win_target" \
    cargo build --release --locked --target "$win_target"

  local exe="$target_dir/$win_target/release/delegation-planner.exe"
  local name="delegation-planner-$version-windows-x86_64"
  local stage="$dist/.stage/$name"
  rm -rf "$dist/.stage"
  mkdir -p "$stage/licences" "$stage/examples"
  cp "$exe" "$stage/"
  cp assets/icon/delegation-planner.ico "$stage/"
  # Notepad reads UTF-8 fine; CRLF keeps older editors happy.
  sed 's/$/\r/' packaging/windows/README.txt >"$stage/README.txt"
  cp assets/icon/LICENSE.md "$stage/licences/icon.md"
  cp assets/fonts/LICENSE-OFL.txt assets/fonts/LICENSE-DejaVu.txt "$stage/licences/"
  cp saves/ccaa-afnor-paris-2024.ron saves/eud-cqc-beijing-2024.ron "$stage/examples/"

  local zip="$dist/$name.zip"
  rm -f "$zip"
  (cd "$dist/.stage" && zip -q -r -X "../$name.zip" "$name")

  local setup="$dist/$name-setup.exe"
  makensis -V2 -DVERSION="$version" -DSTAGE="$(cd "$stage" && pwd)" \
    -DOUTFILE="$(cd "$dist" && pwd)/$name-setup.exe" packaging/windows/installer.nsi
  rm -rf "$dist/.stage"

  echo "== the .exe: subsystem and resources"
  x86_64-w64-mingw32-objdump -p "$exe" | grep -E '^Subsystem' || true
  x86_64-w64-mingw32-objdump -h "$exe" | grep -E '\.rsrc' || true
}

if [ "$what" = all ] || [ "$what" = deb ]; then build_deb; fi
if [ "$what" = all ] || [ "$what" = windows ]; then build_windows; fi

echo "== dist/"
ls -l "$dist" | grep -v '^total'
