"""The race table says how each run ended (stalled at a saddle, not "still moving"), and a
start point outside the plotted window widens the window instead of starting off screen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GRADSIM_NO_OPENGL"] = "1"

from dataclasses import replace  # noqa: E402

import pytest  # noqa: E402

from gradsim.scenarios.catalogue import find_scenario  # noqa: E402
from gradsim.ui.landscape.panel import LandscapePanel, configure_race  # noqa: E402

pytestmark = [pytest.mark.ui, pytest.mark.timeout(60)]


@pytest.fixture
def panel(qtbot):
    widget = LandscapePanel()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def _outcome(panel, row: int) -> str:
    return panel.analytic.results.item(row, 5).text()


def _inside(view, x: float, y: float) -> bool:
    xmin, xmax, ymin, ymax = view.visible_view()
    return xmin < x < xmax and ymin < y < ymax


def test_a_run_on_the_ridge_is_reported_stalled_at_the_saddle(panel, qtbot):
    """Scenario saddle-noise-escape: SGD from (1.5, 0) ends on the saddle with f ≈ 1e-37."""
    panel.restore(find_scenario("saddle-noise-escape").landscape())
    analytic = panel.analytic
    qtbot.waitUntil(lambda: analytic.computation is not None and analytic.computation.request.steps == 400)
    summary = analytic.computation.summaries[0]
    assert abs(summary.final_value) < 1e-30 and summary.steps_to_converge is None
    assert _outcome(panel, 0) == "stalled at a saddle point: gradient ≈ 0, not a minimum"
    assert "still moving" not in _outcome(panel, 0)
    assert "Stalled:" in analytic.results.toolTip()


def test_a_run_that_escapes_is_still_moving_and_one_that_arrives_converged(panel):
    configure_race(panel, "saddle", ["sgd"], 150)
    table = panel.analytic.optimizers
    table.set_settings([replace(table.settings()[0], lr=0.05)])
    panel.analytic.view.pick_start(1.0, 1e-8)  # |y| grows ×1.1 a step: 0.016 at step 150
    panel.analytic.recompute(background=False)
    assert _outcome(panel, 0) == "still moving after 150 steps"
    configure_race(panel, "ravine", ["momentum"], 300)
    assert _outcome(panel, 0) == "converged"


def test_a_restored_start_outside_the_window_widens_it(panel):
    state = find_scenario("saddle-noise-escape").landscape()
    state["analytic"]["start"] = [6.0, -5.0]  # the bounded saddle's window is [-2, 2]²
    panel.restore(state)
    view = panel.analytic.view
    assert view.start() == pytest.approx((6.0, -5.0))
    assert _inside(view, 6.0, -5.0)
    xmin, xmax, ymin, ymax = view.visible_view()
    assert xmin <= -2.0 and ymax >= 2.0  # the saddle and the valleys stay in view


def test_a_restored_window_that_leaves_the_start_out_is_widened(panel):
    state = find_scenario("adaptive-steps-valley").landscape()
    state["analytic"]["view"] = [-4.0, 2.0, -3.0, 3.0]  # leaves out the start (-20, 0.3)
    panel.restore(state)
    assert _inside(panel.analytic.view, -20.0, 0.3)


def test_new_surface_parameters_that_shrink_the_window_keep_the_start_in_view(panel):
    configure_race(panel, "plateau", ["sgd"], 50)
    analytic = panel.analytic
    analytic.view.pick_start(3.0, 1.0)
    analytic.form._spins["width"].setValue(0.1)  # the window shrinks to [-0.4, 0.4]²
    assert analytic.surface.params["width"] == 0.1
    assert analytic.view.start() == pytest.approx((3.0, 1.0))
    assert _inside(analytic.view, 3.0, 1.0)


def test_a_start_inside_the_window_changes_nothing(panel):
    configure_race(panel, "ravine", ["sgd"], 50)
    view = panel.analytic.view
    before = view.visible_view()
    view.pick_start(1.0, 1.0)
    assert view.visible_view() == before and not view.reveal(1.0, 1.0)
