#!/usr/bin/env bash
# Starts the desktop app with its embedded SQLite database in the user's data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh app
exec .venv/bin/jemput "$@"
