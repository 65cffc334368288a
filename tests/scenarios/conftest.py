"""The multi-seed scenario checks are marked ``slow`` and run only when asked for.

``pytest -m slow tests/scenarios`` runs them (docs/scenarios.md); a plain ``pytest`` run
skips them, so the default run keeps one fixed-seed check per scenario.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _slow_only_when_selected(request: pytest.FixtureRequest) -> None:
    marker_expression = request.config.getoption("markexpr", "") or ""
    selected = "slow" in marker_expression and "not slow" not in marker_expression
    if request.node.get_closest_marker("slow") and not selected:
        pytest.skip("multi-seed scenario check: run with -m slow")
