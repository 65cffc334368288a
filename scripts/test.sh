#!/usr/bin/env bash
# The test command of the README: makes .venv and installs gradsim with its test extras
# when needed (scripts/ensure_venv.sh), checks lint and the import contracts, and runs every test offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# BLAS thread teams thrash on small matrices (measured 30x slower on 2 busy cores).
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
source scripts/ensure_venv.sh
ensure_venv "[test]"
.venv/bin/ruff check gradsim tests benchmarks
.venv/bin/lint-imports  # the layer contracts in pyproject.toml ([tool.importlinter])
# One pytest worker per core (pytest-xdist; GRADSIM_TEST_WORKERS=0 runs in this process):
# on CI's two cores this halves the suite's time. Every test has its own settings, folders and
# temporary files (tests/ui/conftest.py), so workers share nothing.
.venv/bin/python -m pytest -q -p no:cacheprovider -n "${GRADSIM_TEST_WORKERS:-auto}" "$@"
