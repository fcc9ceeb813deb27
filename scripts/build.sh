#!/usr/bin/env bash
# Builds the one-folder executable into dist/jemput with PyInstaller.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh dev
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
du -sh dist/jemput
