# Shared by scripts/build-windows.sh and scripts/check-windows.sh (sourced, from the repository root): the Debian
# packages, the cache, and Wine prefixes with the two test-only stub DLLs (packaging/windows/wine-stubs/).

WIN_BUILD=build/windows
WIN_CACHE="${JEMPUT_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jemput-bola/windows}"
# wine64 runs the Windows Python and PyInstaller (64-bit only: no i386 architecture needed), nsis makes the
# installer natively, mingw builds the stubs, xvfb gives the windows platform a screen; poppler-utils reads the
# receipt back (packaging/windows/check_receipt.py).
WIN_DEBIAN_PKGS=(wine64 wine nsis gcc-mingw-w64-x86-64 xvfb xauth poppler-utils fonts-dejavu-core)

export WINEDEBUG=-all
# No Mono or Gecko download prompts (nothing here uses .NET or the HTML engine), and no wine menu entries.
export WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe="
export WINEARCH=win64

win_debian_packages() {
  local need=() p
  for p in "${WIN_DEBIAN_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
  done
  [ "${#need[@]}" -eq 0 ] && return 0
  echo "Installing Debian packages: ${need[*]}"
  local sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" \
    >/dev/null
}

# The stubs stand in for DLLs that Windows 10 has and Wine 8 lacks. They go into a prefix's system32 only: the
# build refuses a program folder that contains them (they would shadow the real ones on Windows).
WIN_STUBS=(icuuc bcryptprimitives)
win_build_stubs() {
  mkdir -p "$WIN_BUILD/stubs"
  local name
  for name in "${WIN_STUBS[@]}"; do
    local src="packaging/windows/wine-stubs/$name.c" out="$WIN_BUILD/stubs/$name.dll"
    if [ ! -f "$out" ] || [ "$src" -nt "$out" ]; then
      x86_64-w64-mingw32-gcc -O2 -shared -s -o "$out" "$src" -lbcrypt
    fi
  done
}

# win_prefix DIR [fresh]: a 64-bit Wine prefix in DIR with the stubs; "fresh" removes any old one first.
win_prefix() {
  local dir="$1"
  [ "${2:-}" = fresh ] && rm -rf "$dir"
  export WINEPREFIX="$PWD/$dir"
  if [ ! -f "$dir/system.reg" ]; then
    wineboot -i >/dev/null 2>&1
    wineserver -w
  fi
  local name
  for name in "${WIN_STUBS[@]}"; do
    cp "$WIN_BUILD/stubs/$name.dll" "$dir/drive_c/windows/system32/"
  done
}

# win_run LOG PROGRAM ARGS...: runs a Windows program, its output into LOG; returns its exit code. Python under Wine
# dies at start-up when its stdout or stderr is a regular file, so the output goes through a pipe.
win_run() {
  local log="$1"
  shift
  set +e
  wine "$@" 2>&1 | cat > "$log"
  local rc="${PIPESTATUS[0]}"
  set -e
  return "$rc"
}

win_version() {
  python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])'
}

# win_installer VERSION OUTFILE: wraps the program folder PyInstaller made into the installer.
win_installer() {
  local version="$1" out="$2"
  mkdir -p "$(dirname "$out")"
  makensis -V2 -DVERSION="$version" -DAPPDIR="$PWD/$WIN_BUILD/dist/jemput" -DOUTFILE="$PWD/$out" \
    "${@:3}" packaging/windows/installer.nsi
}

win_seconds() { echo $(( $(date +%s) - $1 )); }
