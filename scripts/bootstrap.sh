#!/usr/bin/env bash
# Sets up everything the project needs on a fresh Debian 12 machine, and does nothing when it is already there:
# Debian packages (installed only when missing), a virtual environment in .venv and the project inside it.
# Usage: scripts/bootstrap.sh [app|dev]   (dev adds test, build and screenshot tools)
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-app}"

# Qt offscreen/xcb runtime, fonts (without them Qt draws blank text), venv support; libpulse0 because Qt Multimedia
# (the camera) will not load without it.
app_pkgs=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 fontconfig-config libdbus-1-3 fonts-dejavu-core
          libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1
          libxcb-render-util0 libxcb-image0 libxcb-randr0 libpulse0)
# postgresql: the server tests run against it as well as SQLite (scripts/test.sh starts a throwaway cluster).
dev_pkgs=(xvfb xauth binutils poppler-utils postgresql)

need=()
want=("${app_pkgs[@]}")
[ "$profile" = dev ] && want+=("${dev_pkgs[@]}")
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
  done
fi
py=python3
if ! "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  need+=(python3-venv)
fi
if [ "${#need[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
# Reinstall only when the dependency list or the profile changed.
stamp=".venv/.bootstrap-$profile"
sum=$(sha256sum pyproject.toml | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
  # The base install has no Qt (the server does without it, see pyproject.toml): the app needs "desktop".
  extra="[desktop]"
  [ "$profile" = dev ] && extra="[desktop,dev,server]"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${extra}"
  echo "$sum" > "$stamp"
fi
