"""Run a landscape scenario's race headless, as the landscape panel would, and measure each racer.

The scenario stores the analytic-surface state the landscape panel saves and restores
(``LandscapePanel.state()["analytic"]``: surface, params, start, steps, noise, seed and one
row per racer with ``kind``, ``lr``, ``momentum``, ``beta1``, ``beta2``, ``eps``, ``clip``).
:func:`racer_spec` turns a row into the engine optimizer spec and clipping exactly as the
panel's ``OptimizerSettings.spec()``/``clipping()`` do (a UI test keeps the two equal), and
:func:`measure_race` runs :func:`gradsim.landscapes.trajectories.race` with the panel's
bound, then measures every racer (:data:`RACE_QUANTITIES`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from gradsim.landscapes.surfaces import Surface, make_surface
from gradsim.landscapes.trajectories import Trajectory, race

MOMENTUM_KINDS = frozenset({"sgd", "momentum", "nesterov", "rmsprop"})
BETA_KINDS = frozenset({"adam", "adamw"})
EPS_KINDS = frozenset({"adagrad", "rmsprop", "adam", "adamw"})
ROW_DEFAULTS: dict[str, Any] = {
    "kind": "sgd",
    "lr": 0.01,
    "momentum": 0.0,
    "beta1": 0.9,
    "beta2": 0.999,
    "eps": 1e-8,
    "clip": 0.0,
    "colour": 0,
}
STEP_WINDOW = 0.1  # early/late step sizes: the mean over the first/last 10% of the steps

#: Quantity -> what it measures, per racer (docs/scenarios.md lists the same).
RACE_QUANTITIES: dict[str, str] = {
    "steps_to_tol": "first step t with f(p_t) - f_min <= tol * (f(p_0) - f_min) (inf if never)",
    "final_value": "f at the last position",
    "final_gap": "f - f_min at the last position (f_min: the surface's lowest listed minimum)",
    "final_grad_norm": "gradient norm of the surface at the last position",
    "max_step": "longest single step ||p_t - p_(t-1)||",
    "first_step": "length of the first step",
    "early_step": "mean step length over the first 10% of the steps",
    "late_step": "mean step length over the last 10% of the steps",
    "step_shrink": "early_step / late_step",
    "escape_step": "first step at escape_distance from the saddle along its downhill direction "
    "(inf if never)",
    "diverged_at": "step at which the run diverged or left the bounds (inf if it completed)",
    "clipped_steps": "number of steps where clipping changed the gradient",
}


def racer_spec(row: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """(optimizer spec, clipping spec or None) of one racer row, as the landscape panel builds them."""
    settings = {**ROW_DEFAULTS, **row}
    kind = settings["kind"]
    spec: dict[str, Any] = {"kind": kind, "lr": settings["lr"]}
    if kind in MOMENTUM_KINDS:
        spec["momentum"] = settings["momentum"]
    if kind in BETA_KINDS:
        spec["betas"] = [settings["beta1"], settings["beta2"]]
    if kind in EPS_KINDS:
        spec["eps"] = settings["eps"]
    clip = settings["clip"]
    return spec, ({"kind": "norm", "max": clip} if clip > 0 else None)


def race_bound(surface: Surface) -> float:
    """The panel's bound: runs farther than 1000 views from the origin stop ("diverged")."""
    xmin, xmax, ymin, ymax = surface.view
    return 1000.0 * max(abs(xmin), abs(xmax), abs(ymin), abs(ymax), xmax - xmin, ymax - ymin)


def surface_of(state: Mapping[str, Any]) -> Surface:
    return make_surface(str(state.get("surface", "ravine")), **dict(state.get("params", {})))


def run_race(
    state: Mapping[str, Any], steps: int, seed: int | None = None
) -> tuple[Surface, list[Trajectory]]:
    """The race of an analytic-surface state (``seed`` overrides the state's noise seed)."""
    surface = surface_of(state)
    specs = [racer_spec(row) for row in state["optimizers"]]
    trajectories = race(
        surface,
        [spec for spec, _ in specs],
        tuple(state["start"]),
        steps,
        clipping=[clip for _, clip in specs],
        noise_std=float(state.get("noise", 0.0)),
        seed=int(state.get("seed", 0) if seed is None else seed),
        bound=race_bound(surface),
    )
    return surface, trajectories


def measure_race(
    state: Mapping[str, Any],
    steps: int,
    seed: int | None = None,
    tol: float = 1e-8,
    escape_distance: float = 1.0,
) -> dict[str, dict[str, float]]:
    """Every quantity of :data:`RACE_QUANTITIES` for each racer, keyed by its index ("0", "1", ...)."""
    surface, trajectories = run_race(state, steps, seed)
    f_min = _lowest_minimum(surface)
    saddle = _saddle_direction(surface)
    return {
        str(i): _measure(t, surface, f_min, saddle, tol, escape_distance) for i, t in enumerate(trajectories)
    }


def _measure(
    trajectory: Trajectory,
    surface: Surface,
    f_min: float,
    saddle: tuple[np.ndarray, np.ndarray] | None,
    tol: float,
    escape_distance: float,
) -> dict[str, float]:
    n = trajectory.steps_taken
    positions, values = trajectory.positions[: n + 1], trajectory.values[: n + 1]
    lengths = np.hypot(trajectory.updates[:n, 0], trajectory.updates[:n, 1])
    window = max(1, int(round(STEP_WINDOW * n)))
    early = float(np.mean(lengths[:window])) if n else math.nan
    late = float(np.mean(lengths[-window:])) if n else math.nan
    gx, gy = surface.gradient(*positions[-1])
    return {
        "steps_to_tol": _first(values - f_min <= tol * (values[0] - f_min))
        if math.isfinite(f_min)
        else math.nan,
        "final_value": float(values[-1]),
        "final_gap": float(values[-1] - f_min),
        "final_grad_norm": float(math.hypot(float(gx), float(gy))),
        "max_step": float(np.max(lengths)) if n else math.nan,
        "first_step": float(lengths[0]) if n else math.nan,
        "early_step": early,
        "late_step": late,
        "step_shrink": early / late if late > 0 else math.inf,
        "escape_step": _escape(positions, saddle, escape_distance),
        "diverged_at": float(trajectory.diverged_at) if trajectory.diverged_at is not None else math.inf,
        "clipped_steps": float(np.sum(trajectory.clipped[:n])),
    }


def _first(mask: np.ndarray) -> float:
    return float(np.argmax(mask)) if mask.any() else math.inf


def _lowest_minimum(surface: Surface) -> float:
    values = [p.value for p in surface.critical_points() if p.kind == "minimum"]
    return min(values) if values else math.nan


def _saddle_direction(surface: Surface) -> tuple[np.ndarray, np.ndarray] | None:
    """(the first listed saddle, the Hessian's eigenvector of negative curvature there)."""
    for point in surface.critical_points():
        if point.kind == "saddle":
            eigenvalues, vectors = np.linalg.eigh(surface.hessian(point.x, point.y))
            return np.array([point.x, point.y]), vectors[:, int(np.argmin(eigenvalues))]
    return None


def _escape(positions: np.ndarray, saddle: tuple[np.ndarray, np.ndarray] | None, distance: float) -> float:
    """First t where the path is ``distance`` from the saddle along its downhill eigenvector."""
    if saddle is None:
        return math.nan
    centre, direction = saddle
    along = np.abs((positions - centre) @ direction)
    return _first(along >= distance)
