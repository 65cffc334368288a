#!/usr/bin/env bash
# The launch command of the README: makes .venv if needed, installs gradsim, starts the app.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
exec .venv/bin/gradsim "$@"
