"""The landscape panel's "Optimal settings for this quadratic" (issue 13, scenario 11): one click
races gradient descent at 2/(λmin + λmax) against momentum at Goh's α* and β* (Adam kept), on
any quadratic surface; elsewhere the button is disabled and says why."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GRADSIM_NO_OPENGL"] = "1"

import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from gradsim.scenarios.race_run import measure_race  # noqa: E402
from gradsim.ui.landscape.panel import LandscapePanel  # noqa: E402
from gradsim.ui.landscape.race import OptimizerSettings  # noqa: E402

pytestmark = [pytest.mark.ui, pytest.mark.timeout(120)]

TOL = 1e-8
STEPS = 2000  # gradient descent needs 461 steps at κ = 100 and 1843 at κ = 400


@pytest.fixture
def panel(qtbot):
    widget = LandscapePanel()
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def _choose(panel, surface: str, params: dict | None = None) -> None:
    analytic = panel.analytic
    analytic.form.set_surface_name(surface, params)
    assert analytic.apply_surface(reset_start=True)


def _steps_to_tol(values: np.ndarray, f_min: float) -> float:
    """First step with f − f* ≤ 1e−8 (f0 − f*), as the scenario checks count it."""
    below = values - f_min <= TOL * (values[0] - f_min)
    return float(np.argmax(below)) if below.any() else math.inf


@pytest.mark.parametrize(
    ("params", "ratio_range"),
    [
        ({"kappa": 100.0, "lam_min": 1.0, "rotation": 0.0}, (6.5, 7.7)),  # the measurement
        ({"kappa": 400.0, "lam_min": 0.5, "rotation": 30.0}, (10.0, 20.0)),  # √κ = 20 asymptotically
    ],
)
def test_one_click_sets_goh_optimal_racers_and_momentum_wins(qtbot, panel, params, ratio_range):
    analytic = panel.analytic
    _choose(panel, "ravine", params)
    adam = OptimizerSettings(kind="adam", lr=0.1, beta1=0.8, colour=5)
    analytic.set_optimizer_settings([OptimizerSettings(kind="rmsprop", lr=0.3, colour=0), adam])
    button = analytic.optimizers.optimal_button
    assert button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    kappa, lam_min = params["kappa"], params["lam_min"]
    lam_max = kappa * lam_min
    rows = analytic.optimizers.settings()
    assert [row.kind for row in rows] == ["sgd", "momentum", "adam"]
    sgd, momentum, kept = rows
    assert sgd.lr == pytest.approx(2 / (lam_min + lam_max), rel=1e-9) and sgd.momentum == 0
    assert momentum.lr == pytest.approx((2 / (math.sqrt(lam_min) + math.sqrt(lam_max))) ** 2, rel=1e-9)
    root = math.sqrt(kappa)
    assert momentum.momentum == pytest.approx(((root - 1) / (root + 1)) ** 2, rel=1e-9)
    assert kept == adam, "the race's own Adam stays for comparison"
    assert sgd.clip == momentum.clip == 0
    table = analytic.optimizers.table
    assert table.rowCount() == 3
    assert table.cellWidget(0, 2).value() == pytest.approx(sgd.lr, rel=1e-6)
    assert table.cellWidget(1, 2).value() == pytest.approx(momentum.lr, rel=1e-6)
    assert table.cellWidget(1, 3).value() == pytest.approx(momentum.momentum, abs=1e-3)
    assert table.cellWidget(1, 3).text() == f"{momentum.momentum:.3f}"

    analytic.steps_spin.setValue(STEPS)
    analytic.recompute(background=False)
    computation = analytic.computation
    assert computation is not None and computation.request.settings == tuple(rows)
    f_min = 0.0  # the ravine's minimum
    sgd_steps, momentum_steps = (_steps_to_tol(t.values, f_min) for t in computation.trajectories[:2])
    assert math.isfinite(sgd_steps) and math.isfinite(momentum_steps)
    low, high = ratio_range
    assert low <= sgd_steps / momentum_steps <= high
    measured = measure_race(panel.state()["analytic"], STEPS, tol=TOL)  # the scenario checks' count
    assert (measured["0"]["steps_to_tol"], measured["1"]["steps_to_tol"]) == (sgd_steps, momentum_steps)


def test_the_ravine_scenario_is_one_click_away(qtbot, panel):
    """κ = 100 from the ravine's defaults: the racers the shipped scenario 11 holds."""
    from gradsim.scenarios.catalogue import find_scenario

    _choose(panel, "ravine", {"kappa": 100.0})
    panel.analytic.optimizers.apply_optimal()
    shipped = find_scenario("ravine-momentum").landscape()["analytic"]["optimizers"]
    mine = panel.analytic.optimizers.settings()
    for row, theirs in zip(mine[:2], shipped[:2], strict=True):
        assert row.kind == theirs["kind"]
        assert row.lr == pytest.approx(theirs["lr"], rel=1e-12)
        assert row.momentum == pytest.approx(theirs["momentum"], abs=1e-15)


@pytest.mark.parametrize(
    ("surface", "params"),
    [("booth", None), ("formula", {"formula": "3*x**2 + x*y + y**2"}), ("ravine", {"rotation": 45.0})],
)
def test_offered_on_every_quadratic(panel, surface, params):
    _choose(panel, surface, params)
    table = panel.analytic.optimizers
    assert table.optimal_button.isEnabled()
    assert "λmin" in table.optimal_button.toolTip()
    table.apply_optimal()
    assert [row.kind for row in table.settings()] == ["sgd", "momentum", "adam"]


@pytest.mark.parametrize(
    ("surface", "params", "reason"),
    [
        ("rosenbrock", None, "not a quadratic"),
        ("cliff", None, "not a quadratic"),
        ("saddle", None, "has no minimum"),
        ("formula", {"formula": "x**2 - y**2"}, "has no minimum"),
    ],
)
def test_disabled_elsewhere_with_the_reason(panel, surface, params, reason):
    _choose(panel, surface, params)
    table = panel.analytic.optimizers
    before = table.settings()
    assert not table.optimal_button.isEnabled()
    assert reason in table.optimal_button.toolTip()
    table.apply_optimal()  # a script calling it anyway changes nothing
    assert table.settings() == before
    _choose(panel, "ravine")
    assert table.optimal_button.isEnabled(), "back on a quadratic, the button is offered again"
