"""How a run ended: a run sitting on a saddle with a value of 1e-180 stalled, it is not
"still moving"; the second-derivative test decides, the listed critical points when it cannot."""

from __future__ import annotations

import pytest

from gradsim.landscapes.endings import ENDINGS, STALLED, ending, surface_scales
from gradsim.landscapes.formula import make_formula_surface
from gradsim.landscapes.surfaces import make_surface
from gradsim.landscapes.trajectories import race, run_trajectory, summarize

SGD = {"kind": "sgd", "lr": 0.05}


def _ending(name, start, steps, spec=SGD, **params):
    surface = make_surface(name, **params)
    run = run_trajectory(surface, spec, start, steps)
    summary = summarize(run, surface)
    assert summary.ending == ending(run, surface, summary.reached_minimum)
    return summary


def test_gradient_descent_on_the_ridge_stalls_at_the_saddle():
    """5x² − y² from (1, 0): x halves every step, y stays 0; after 300 steps f ≈ 1e-180."""
    summary = _ending("saddle", (1.0, 0.0), 300)
    assert summary.final_value < 1e-170 and summary.steps_to_converge is None
    assert summary.ending == "saddle" and "saddle" in STALLED


@pytest.mark.parametrize(
    "spec", [SGD, {"kind": "momentum", "lr": 0.01, "momentum": 0.9}, {"kind": "adam", "lr": 0.05}]
)
def test_every_optimizer_stalls_between_the_two_valleys(spec):
    """The bounded saddle of scenario saddle-noise-escape, started on its ridge y = 0."""
    assert _ending("bounded-saddle", (1.5, 0.0), 400, spec, a=1.0).ending == "saddle"


def test_an_offset_start_escapes_the_saddle_and_is_still_moving():
    assert _ending("saddle", (1.0, 1e-8), 150).ending == "moving"


def test_a_listed_minimum_reached_is_converged_and_a_crawl_is_still_moving():
    assert _ending("plateau", (1.2, 1.0), 300).ending == "converged"
    assert _ending("plateau", (3.0, 1.0), 300).ending == "moving"  # creeping across the plain


def test_a_minimum_above_the_lowest_listed_one_is_local():
    summary = _ending("rastrigin", (4.5, 3.5), 300, {"kind": "adam", "lr": 0.05})
    assert summary.ending == "local_minimum" and summary.final_value > 1.0


def test_a_degenerate_point_takes_the_kind_the_surface_lists():
    """The monkey saddle's Hessian is zero at the origin: the test is inconclusive there."""
    summary = _ending("monkey-saddle", (0.3, 0.0), 300, {"kind": "momentum", "lr": 0.01, "momentum": 0.9})
    assert summary.ending == "saddle"


def test_a_flat_spot_no_surface_lists_is_flat():
    """x⁴ + y⁴ − x³ at the origin: gradient and Hessian 0, an inflection along x, not a minimum."""
    surface = make_formula_surface("x**4 + y**4 - x**3", view=(-2.0, 2.0, -2.0, 2.0))
    assert not any(abs(p.x) + abs(p.y) < 1e-3 for p in surface.critical_points())
    stopped = run_trajectory(surface, {"kind": "sgd", "lr": 0.05}, (0.0, 0.0), 10)
    assert ending(stopped, surface) == "flat"


def test_diverged_runs_keep_their_stop_reason():
    surface = make_surface("ravine")
    run = race(surface, [{"kind": "sgd", "lr": 0.05}], (-2.0, 0.3), 300, bound=1e4)[0]
    assert summarize(run, surface).ending == run.stop_reason in ENDINGS
    assert run.stop_reason in ("diverged", "left_bounds")


def test_surface_scales_are_the_largest_slope_and_curvature_in_view():
    steepness, curvature = surface_scales(make_surface("saddle"))
    assert steepness == pytest.approx((15.0**2 + 3.0**2) ** 0.5)  # at the corner (1.5, 1.5)
    assert curvature == pytest.approx(10.0)
