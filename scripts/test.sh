#!/usr/bin/env bash
# The test command of the README: makes .venv if needed, installs gradsim with its
# test extras, checks lint and the import contracts, and runs every test offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# BLAS thread teams thrash on small matrices (measured 30x slower on 2 busy cores).
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
.venv/bin/ruff check gradsim tests benchmarks
.venv/bin/lint-imports  # the layer contracts in pyproject.toml ([tool.importlinter])
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
