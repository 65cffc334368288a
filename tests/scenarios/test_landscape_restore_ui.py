"""The landscape scenarios are states the landscape panel restores, and race as the panel races.

The scenario package checks landscape states without Qt; this test hands every shipped
landscape scenario (and each variant) to the real ``LandscapePanel.restore`` and compares
what the panel then holds, and checks that the Qt-free racer specs equal the panel's own.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GRADSIM_NO_OPENGL"] = "1"

import pytest  # noqa: E402

from gradsim.scenarios.catalogue import list_scenarios  # noqa: E402
from gradsim.scenarios.landscape_state import OVERLAYS, SCALE_MODES  # noqa: E402
from gradsim.scenarios.race_run import ROW_DEFAULTS, race_bound, racer_spec, surface_of  # noqa: E402
from gradsim.ui.landscape import analytic as landscape_analytic  # noqa: E402
from gradsim.ui.landscape import surface_view as landscape_surface_view  # noqa: E402
from gradsim.ui.landscape.panel import STATE_VERSION, LandscapePanel  # noqa: E402
from gradsim.ui.landscape.race import OptimizerSettings  # noqa: E402

pytestmark = [pytest.mark.ui, pytest.mark.timeout(120)]

LANDSCAPES = [s for s in list_scenarios() if s.kind == "landscape"]
CASES = [(s, v) for s in LANDSCAPES for v in s.variant_names()]


@pytest.fixture(scope="module")
def panel(qapp):
    widget = LandscapePanel()
    widget.resize(1200, 800)
    yield widget
    widget.shutdown()
    widget.deleteLater()


def test_constants_mirror_the_panel():
    assert STATE_VERSION == 1
    assert OVERLAYS == landscape_surface_view.OVERLAYS
    assert SCALE_MODES == landscape_surface_view.SCALE_MODES
    assert tuple(ROW_DEFAULTS) == tuple(OptimizerSettings.__dataclass_fields__)
    assert OptimizerSettings().to_json() == ROW_DEFAULTS


@pytest.mark.parametrize(("scenario", "variant"), CASES, ids=[f"{s.name}-{v}" for s, v in CASES])
def test_panel_restores_the_scenario_state(panel, scenario, variant):
    state = scenario.landscape(variant)
    analytic = state["analytic"]
    panel.restore(state)
    restored = panel.state()["analytic"]
    assert restored["surface"] == analytic["surface"]
    assert restored["params"] == pytest.approx(analytic["params"])
    assert restored["start"] == pytest.approx(analytic["start"])
    assert restored["steps"] == analytic["steps"] == scenario.steps
    assert restored["noise"] == pytest.approx(analytic["noise"])
    assert sorted(restored["overlays"]) == sorted(analytic["overlays"])
    if "view" in analytic:  # the plot keeps its aspect ratio: the requested view fits inside
        (x0, x1, y0, y1), (a0, a1, b0, b1) = restored["view"], analytic["view"]
        slack = 0.05 * max(a1 - a0, b1 - b0)
        assert x0 <= a0 + slack and x1 >= a1 - slack and y0 <= b0 + slack and y1 >= b1 - slack
    rows = [OptimizerSettings.from_json(row) for row in analytic["optimizers"]]
    assert restored["optimizers"] == [row.to_json() for row in rows]
    for row, settings in zip(analytic["optimizers"], rows, strict=True):
        assert racer_spec(row) == (settings.spec(), settings.clipping())
    assert race_bound(surface_of(analytic)) == landscape_analytic.race_bound(panel.analytic.surface)
