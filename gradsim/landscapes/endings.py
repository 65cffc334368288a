"""How a run on an analytic surface ended: converged, stuck, stalled on a saddle, or still moving.

A run that did not reach a listed minimum is not necessarily "still moving": gradient
descent started on the ridge of ``5x² − y²`` slides into the saddle and sits there with a
value of 1e-179 (Dauphin et al. 2014). :func:`ending` tells these apart at the run's last
position p, Qt-free:

* it *stopped* when the gradient there is ≈ 0 and so was its last step: ‖∇f(p)‖ ≤ ``rtol``
  times the surface's steepness (the largest gradient norm on a grid over its view) and the
  last step ≤ ``rtol`` times the view's diagonal; otherwise it is ``"moving"``;
* a stopped run is classified by the Hessian's eigenvalues λ₁ ≤ λ₂ at p (second-derivative
  test, relative to the largest curvature on the same grid): λ₁ > 0 a minimum (``"minimum"``,
  or ``"local_minimum"`` when its value is above the lowest listed minimum's), λ₂ < 0
  ``"maximum"``, λ₁ < 0 < λ₂ ``"saddle"``;
* when the test is inconclusive (a zero eigenvalue: the monkey saddle, a plateau) p is
  compared with the surface's listed critical points (within 1% of the view's diagonal); a
  listed one gives its kind, otherwise the run stalled on a flat spot (``"flat"``).

Runs that reached a listed minimum are ``"converged"``; a run stopped early keeps its stop
reason (``"diverged"``, ``"left_bounds"``).
"""

from __future__ import annotations

import math

import numpy as np

from gradsim.landscapes.surfaces import Surface

#: Every ending, in the order the race table's legend explains them.
ENDINGS = (
    "converged",
    "minimum",
    "local_minimum",
    "saddle",
    "maximum",
    "flat",
    "moving",
    "diverged",
    "left_bounds",
)
#: The endings where the gradient vanished at a point that is not a minimum.
STALLED = frozenset({"saddle", "maximum", "flat"})
GRID = 41  # points per side of the grid that measures a surface's steepness and curvature
RTOL = 1e-6


def surface_scales(surface: Surface) -> tuple[float, float]:
    """(largest gradient norm, largest |Hessian eigenvalue|) on a grid over the surface's view."""
    xmin, xmax, ymin, ymax = surface.view
    xs, ys = np.meshgrid(np.linspace(xmin, xmax, GRID), np.linspace(ymin, ymax, GRID))
    with np.errstate(all="ignore"):
        gx, gy = surface.gradient(xs, ys)
        norms = np.hypot(gx, gy)
        hessians = surface.hessian(xs, ys).reshape(-1, 2, 2)
        hessians = hessians[np.all(np.isfinite(hessians), axis=(1, 2))]
        curvature = np.abs(np.linalg.eigvalsh(hessians)).max() if len(hessians) else 0.0
    finite = norms[np.isfinite(norms)]
    return (float(finite.max()) if finite.size else 0.0), float(curvature)


def ending(
    trajectory,
    surface: Surface,
    reached_minimum: int | None = None,
    eps: float = 1e-6,
    rtol: float = RTOL,
) -> str:
    """The ending of ``trajectory`` (a :class:`~gradsim.landscapes.trajectories.Trajectory`) on
    ``surface``; ``reached_minimum`` is its summary's (see the module docstring)."""
    if trajectory.stop_reason != "completed":
        return trajectory.stop_reason
    if reached_minimum is not None:
        return "converged"
    x, y = trajectory.final_position
    if not (math.isfinite(x) and math.isfinite(y)):
        return "moving"
    steepness, curvature = surface_scales(surface)
    xmin, xmax, ymin, ymax = surface.view
    diagonal = math.hypot(xmax - xmin, ymax - ymin)
    with np.errstate(all="ignore"):
        gx, gy = surface.gradient(x, y)
        gradient = float(np.hypot(gx, gy))
    steps = trajectory.steps_taken
    last_step = float(np.hypot(*trajectory.updates[steps - 1])) if steps else 0.0
    if not (gradient <= rtol * max(steepness, 1e-300) and last_step <= rtol * diagonal):
        return "moving"
    with np.errstate(all="ignore"):
        low, high = np.linalg.eigvalsh(surface.hessian(x, y))
    tolerance = rtol * max(curvature, abs(low), abs(high), 1e-300)
    if low > tolerance:
        return _minimum_kind(surface, float(surface.value(x, y)), eps)
    if high < -tolerance:
        return "maximum"
    if low < -tolerance and high > tolerance:
        return "saddle"
    for point in surface.critical_points():  # a degenerate point: what the surface lists there
        if math.hypot(point.x - x, point.y - y) <= 0.01 * diagonal:
            return _minimum_kind(surface, point.value, eps) if point.kind == "minimum" else point.kind
    return "flat"


def _minimum_kind(surface: Surface, value: float, eps: float) -> str:
    listed = [p.value for p in surface.critical_points() if p.kind == "minimum"]
    return "local_minimum" if listed and value > min(listed) + eps else "minimum"
