#!/usr/bin/env bash
# Runs every test headless (Qt offscreen), then builds the one-folder executable and runs its self-test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh dev
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
if [ "$#" -eq 0 ]; then
  scripts/build.sh
  QT_QPA_PLATFORM=offscreen dist/jemput/jemput --self-test
fi
