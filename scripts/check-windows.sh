#!/usr/bin/env bash
# Checks the Windows installer that scripts/build-windows.sh made, under Wine, in a fresh prefix:
#   1. a silent install (/S) puts the program, its shortcuts and its uninstall entry in place (the files are looked
#      at: an installer's exit code alone proves nothing);
#   2. the installed jemput --self-test passes (database, record, window, fonts, receipt PDF), and the receipt it drew
#      reads back outside the app: its text (pdftotext) and its QR code (zxing-cpp);
#   3. the installed app starts on the windows platform under Xvfb and makes its data folder where platformdirs says
#      (%LOCALAPPDATA%\JemputBola\jemput-bola);
#   4. an upgrade: a newer installer (the same program, a higher version number) installed over it keeps the data
#      folder, and the newer app migrates the database there with the usual backup and keeps its record;
#   5. the silent uninstaller removes the program and its shortcuts and leaves the data folder.
# Usage: scripts/check-windows.sh [--screenshots DIR]   (also saves what the officer first sees, under Xvfb, as PNGs:
#        DIR/windows-first-account.png on the new laptop, DIR/windows-login.png once it has an account)
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/windows/wine.sh

shots=""
if [ "${1:-}" = --screenshots ]; then
  shots="$(realpath -m "$2")"
  mkdir -p "$shots"
  WIN_DEBIAN_PKGS+=(imagemagick x11-utils)
fi
win_debian_packages
started=$(date +%s)
version=$(win_version)
setup="dist/windows/JemputBola-Setup-$version.exe"
[ -f "$setup" ] || { echo "no $setup: run scripts/build-windows.sh first" >&2; exit 1; }
out="$WIN_BUILD/check"
rm -rf "$out"
mkdir -p "$out"

fail() {
  echo "WINDOWS CHECK FAILED: $*" >&2
  exit 1
}

win_build_stubs
win_prefix "$WIN_BUILD/wine-check" fresh
drive_c="$WINEPREFIX/drive_c"
app_dir="$drive_c/Program Files/Jemput Bola"
app_win='C:\Program Files\Jemput Bola'
start_menu="$drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Jemput Bola.lnk"
desktop="$drive_c/users/Public/Desktop/Jemput Bola.lnk"
uninstall_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\JemputBola'
local_appdata=$(winepath -u "$(wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')")
data_dir="$local_appdata/JemputBola/jemput-bola"
echo "Fresh Wine prefix ready ($(win_seconds "$started") s)"

installed_version() {
  wine reg query "$uninstall_key" /v DisplayVersion 2>/dev/null | tr -d '\r' | awk '/DisplayVersion/ {print $3}'
}

install() {  # install SETUP VERSION
  local t rc=0
  t=$(date +%s)
  win_run "$out/install-$2.log" "$1" /S || rc=$?
  wineserver -w
  [ "$rc" -eq 0 ] || fail "the installer $1 exited with $rc"
  local want
  for want in jemput.exe jemput-console.exe uninstall.exe _internal/NOTICE _internal/app/translations/shell_id.qm \
              _internal/app/reference/data/regions.sqlite _internal/db/migrations/env.py \
              "_internal/PySide6/plugins/platforms/qwindows.dll"; do
    [ -f "$app_dir/$want" ] || fail "installed without $want (in $app_dir)"
  done
  head_migration=$(ls db/migrations/versions | grep -E '^[0-9]{4}_.*\.py$' | sort | tail -n 1)
  [ -f "$app_dir/_internal/db/migrations/versions/$head_migration" ] || fail "installed without migration $head_migration"
  [ -f "$start_menu" ] || fail "no Start-menu shortcut ($start_menu)"
  [ -f "$desktop" ] || fail "no desktop shortcut ($desktop)"
  [ "$(installed_version)" = "$2" ] || fail "the uninstall entry says version '$(installed_version)', not $2"
  echo "Installed $2 silently in $(win_seconds "$t") s: $(du -sh "$app_dir" | cut -f1) in $app_win, shortcuts, uninstall entry"
}

# run_app LOG: starts the installed app on the windows platform under Xvfb; it opens its data folder (migrating
# it), shows the login window and leaves (JEMPUT_STARTUP_PROBE, as bench/startup.py uses it).
run_app() {
  local rc=0
  set +e
  JEMPUT_STARTUP_PROBE=1 xvfb-run -a -s "-screen 0 1366x768x24" wine "$app_win\\jemput-console.exe" 2>&1 \
    | cat > "$1"
  rc="${PIPESTATUS[0]}"
  set -e
  wineserver -k 2>/dev/null || true
  [ "$rc" -eq 0 ] && grep -q FIRST_WINDOW "$1" || { cat "$1" >&2; fail "the installed app did not start ($rc)"; }
}

# 1. Install.
install "$setup" "$version"

# 2. The self-test, offscreen. Wine does not pass QT_* variables to Windows programs, and offscreen Qt on Windows
# finds no fonts unless told where they are: a batch file sets QT_QPA_FONTDIR inside the Windows process.
receipt="$out/receipt"
cat > "$drive_c/selftest.bat" <<EOF
@echo off
set QT_QPA_FONTDIR=$(winepath -w /usr/share/fonts/truetype/dejavu)
"$app_win\\jemput-console.exe" --self-test --self-test-output "$(winepath -w "$PWD/$receipt")"
exit /b %ERRORLEVEL%
EOF
sed -i 's/$/\r/' "$drive_c/selftest.bat"
t=$(date +%s)
rc=0
win_run "$out/selftest.log" cmd /c 'C:\selftest.bat' || rc=$?
cat "$out/selftest.log"
[ "$rc" -eq 0 ] && grep -q "^Self-test OK:" "$out/selftest.log" || fail "the installed self-test failed ($rc)"
echo "Self-test under Wine: $(win_seconds "$t") s"
[ ! -e "$data_dir" ] || fail "the self-test touched the officer's data folder $data_dir"
QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/windows/check_receipt.py "$receipt" || fail "the receipt does not read back"

# 3. The real app, once, on the windows platform: its data folder is made in the user's folder.
t=$(date +%s)
run_app "$out/first-run.log"
[ -f "$data_dir/jemput.sqlite" ] || fail "the app made no database in $data_dir"
echo "The installed app started (login window shown) in $(win_seconds "$t") s and made $(winepath -w "$data_dir")\\jemput.sqlite"

# shoot NAME: the installed app's first window on a 1366x768 screen, for a person to look at (--screenshots).
shoot() {
  [ -n "$shots" ] || return 0
  xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    wine "$1\\jemput.exe" >/dev/null 2>&1 &
    for _ in $(seq 60); do xwininfo -root -tree | grep -q "Jemput Bola" && break; sleep 1; done
    sleep 3
    import -window root "$2"' _ "$app_win" "$shots/windows-$1.png"
  wineserver -k 2>/dev/null || true
  echo "Screenshot: $shots/windows-$1.png"
}
shoot first-account

# 4. Upgrade: the data folder as the release before the newest migration left it, then a newer installer over it.
.venv/bin/python packaging/windows/upgrade_data.py old "$data_dir"
newer=$(python3 -c 'import sys; v = sys.argv[1].split("."); v[-1] = str(int(v[-1]) + 1); print(".".join(v))' "$version")
t=$(date +%s)
scripts/build-windows.sh --repackage "$newer" "$out/JemputBola-Setup-$newer.exe" -DQUICK
echo "Newer installer ($newer) made in $(win_seconds "$t") s"
install "$out/JemputBola-Setup-$newer.exe" "$newer"
run_app "$out/upgraded-run.log"
.venv/bin/python packaging/windows/upgrade_data.py verify "$data_dir" || fail "the upgrade lost or did not migrate the data"
shoot login

# 5. Uninstall. NSIS's uninstaller copies itself away and returns at once: wait for every process of the prefix.
rc=0
win_run "$out/uninstall.log" "$app_win\\uninstall.exe" /S || rc=$?
wineserver -w
[ "$rc" -eq 0 ] || fail "the uninstaller exited with $rc"
[ ! -e "$app_dir/jemput.exe" ] && [ ! -e "$app_dir/_internal" ] || fail "the uninstaller left the program in $app_dir"
[ ! -e "$start_menu" ] && [ ! -e "$desktop" ] || fail "the uninstaller left a shortcut"
[ -z "$(installed_version)" ] || fail "the uninstaller left the uninstall entry"
[ -f "$data_dir/jemput.sqlite" ] || fail "the uninstaller removed the officer's data folder"
echo "Uninstalled silently; the data folder stays: $(ls "$data_dir" | tr '\n' ' ')"
echo "Windows check passed in $(win_seconds "$started") s"
