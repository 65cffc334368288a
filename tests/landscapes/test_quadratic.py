"""Goh's optimal gradient-descent and momentum settings on quadratic surfaces (Goh 2017)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gradsim.engine.errors import ConfigError
from gradsim.landscapes.quadratic import optimal_quadratic_settings
from gradsim.landscapes.surfaces import make_surface
from gradsim.landscapes.trajectories import run_trajectory


def test_ravine_kappa_100_numbers_of_the_design_notes():
    optimum = optimal_quadratic_settings(make_surface("ravine", kappa=100))
    assert (optimum.lam_min, optimum.lam_max, optimum.kappa) == (1.0, 100.0, 100.0)
    assert optimum.gd_lr == pytest.approx(2 / 101)
    assert optimum.gd_rate == pytest.approx(0.9802, abs=1e-4)
    assert optimum.gd_lr_limit == pytest.approx(0.02)
    assert optimum.momentum_lr == pytest.approx((2 / 11) ** 2)
    assert optimum.momentum == pytest.approx((9 / 11) ** 2)
    assert optimum.momentum_rate == pytest.approx(0.8182, abs=1e-4)
    specs = optimum.optimizer_specs()
    assert specs["sgd"] == {"kind": "sgd", "lr": optimum.gd_lr}
    assert specs["momentum"] == {"kind": "momentum", "lr": optimum.momentum_lr, "momentum": optimum.momentum}


@pytest.mark.parametrize("rotation", [0.0, 30.0, 45.0, -70.0])
@pytest.mark.parametrize("kappa", [1.0, 10.0, 1000.0])
def test_any_rotation_and_scale(rotation, kappa):
    optimum = optimal_quadratic_settings(make_surface("ravine", kappa=kappa, lam_min=0.5, rotation=rotation))
    assert optimum.lam_min == pytest.approx(0.5, rel=1e-9)
    assert optimum.kappa == pytest.approx(kappa, rel=1e-9)


def test_other_quadratics_booth_and_a_typed_formula():
    booth = optimal_quadratic_settings(make_surface("booth"))
    assert (booth.lam_min, booth.lam_max) == pytest.approx((2.0, 18.0))
    formula = optimal_quadratic_settings(make_surface("formula", formula="3*x**2 + x*y + y**2"))
    assert (formula.lam_min, formula.lam_max) == pytest.approx(np.linalg.eigvalsh([[6, 1], [1, 2]]))


@pytest.mark.parametrize(
    ("name", "params", "code"),
    [
        ("rosenbrock", {}, "not_quadratic"),
        ("cliff", {}, "not_quadratic"),
        ("saddle", {}, "not_convex"),
        ("formula", {"formula": "x**2 - y**2"}, "not_convex"),
        ("formula", {"formula": "x**2"}, "not_convex"),
    ],
)
def test_non_quadratic_or_non_convex_surfaces_are_refused(name, params, code):
    with pytest.raises(ConfigError) as caught:
        optimal_quadratic_settings(make_surface(name, **params))
    assert caught.value.code == code and str(caught.value).startswith("surface: ")


def _error_ratios(trajectory) -> np.ndarray:
    errors = np.hypot(trajectory.positions[:, 0], trajectory.positions[:, 1])
    return errors[1:] / errors[:-1]


def test_gradient_descent_contracts_at_the_predicted_rate():
    """At alpha = 2/(lam_min + lam_max) both eigen-directions shrink by exactly (kappa-1)/(kappa+1)."""
    surface = make_surface("ravine", kappa=100)
    optimum = optimal_quadratic_settings(surface)
    path = run_trajectory(surface, optimum.optimizer_specs()["sgd"], (-2.0, 0.3), 200)
    assert _error_ratios(path)[:200] == pytest.approx(optimum.gd_rate, rel=1e-9)


def test_momentum_converges_at_its_rate_and_beats_nearby_settings():
    """Asymptotically the error shrinks like (1 + ct) rho^t, rho = (sqrt(kappa)-1)/(sqrt(kappa)+1)."""
    surface = make_surface("ravine", kappa=100)
    optimum = optimal_quadratic_settings(surface)
    spec = optimum.optimizer_specs()["momentum"]
    path = run_trajectory(surface, spec, (-2.0, 0.3), 150)
    errors = np.hypot(path.positions[:, 0], path.positions[:, 1])
    t1, t2 = 60, 120
    rate = (errors[t2] / errors[t1]) ** (1 / (t2 - t1)) / ((1 + t2) / (1 + t1)) ** (1 / (t2 - t1))
    assert rate == pytest.approx(optimum.momentum_rate, rel=0.02)

    def final_error(lr_factor: float, beta: float) -> float:
        trial = {**spec, "lr": spec["lr"] * lr_factor, "momentum": beta}
        end = run_trajectory(surface, trial, (-2.0, 0.3), 150).positions[-1]
        return math.hypot(*end) if np.all(np.isfinite(end)) else math.inf

    best = final_error(1.0, optimum.momentum)
    for lr_factor, beta in [(0.8, optimum.momentum), (1.0, 0.5), (1.0, 0.8), (0.9, 0.75)]:
        assert final_error(lr_factor, beta) > best
