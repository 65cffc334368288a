#!/usr/bin/env bash
# The launch command of the README: makes .venv and installs gradsim when needed, starts the app.
# On an X display, gradsim checks the X libraries Qt needs and names the Debian packages missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure_venv.sh
ensure_venv ""
exec .venv/bin/gradsim "$@"
