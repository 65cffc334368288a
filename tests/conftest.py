"""Shared test configuration.

Hypothesis profiles: "ci" (fixed examples, no per-example deadline, loaded when
the CI environment variable is set), "dev" (random examples, no deadline) and
"deep" (10,000 random examples per property, for hunting rare failures before a
release: ``HYPOTHESIS_PROFILE=deep bash scripts/test.sh tests/session/test_fuzz.py``).
HYPOTHESIS_PROFILE=name picks one explicitly.
"""

import os

# Before numpy loads: single-threaded BLAS (thread teams thrash on gradsim's small matrices).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", deadline=None, derandomize=True, max_examples=150, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.register_profile("deep", deadline=None, max_examples=10_000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True)
def _slow_only_when_selected(request: pytest.FixtureRequest) -> None:
    """Tests marked ``slow`` (multi-seed scenario and lesson checks, the script-vs-CLI speed
    ratio) run only when asked for: ``pytest -m slow tests/scenarios tests/engine``. A plain
    run keeps one fixed-seed check per scenario and stays within CI's time."""
    marker_expression = request.config.getoption("markexpr", "") or ""
    selected = "slow" in marker_expression and "not slow" not in marker_expression
    if request.node.get_closest_marker("slow") and not selected:
        pytest.skip("slow test: run with -m slow")
