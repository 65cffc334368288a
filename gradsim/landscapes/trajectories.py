"""Optimizer trajectories on analytic surfaces: single runs, races, and their summaries.

A 2-D point is moved by the engine's own optimizers (:mod:`gradsim.engine.optimizers`):
the point is the parameter list ``[np.array([x, y])]`` and ``Optimizer.step`` updates
it in place, so what a student sees on a surface is exactly what trains the networks.
There is no second set of update rules here.

One step t = 1..N of a run, from position p_{t-1}:

1. g = grad f(p_{t-1})                      (the surface's analytic gradient)
2. g = g + noise_std * z_t                  (optional; z_t ~ N(0, I), see below)
3. g = clip(g)                              (optional; :mod:`gradsim.engine.clipping`)
4. p_t = optimizer.step([g], lr=schedule.lr_at(t - 1, lr))

Gradient noise plays stochastic gradient descent: Gaussian noise is added to the
*gradient* (not to the position). The noise of the whole run is drawn up front as
``np.random.default_rng(seed).standard_normal((steps, 2)) * noise_std``; in a race every
run gets the same noise sequence (common random numbers), so differences between the
runs come from the optimizers alone, and ``race(...)[i]`` equals ``run_trajectory`` of
the same spec.

Divergence never raises. A run stops at the first position p_t where the position, the
value f(p_t) or the gradient at p_t is NaN or infinite (``stop_reason = "diverged"``) or,
when ``bound`` is given, where max(|x|, |y|) > bound (``"left_bounds"``). p_t itself is
recorded (it shows where the run blew up); everything after it is NaN.

Speed: a race moves all its points in lockstep. The points are rows of one (k, 2)
array, so the surface's gradient is evaluated once per step for every run; values,
gradient norms and the stopping checks are computed afterwards in vectorized passes
(a stopped run keeps stepping harmlessly until the whole block is checked, which is
cheaper than a check per step). The remaining per-step cost is the optimizer's
``step`` and the state recording, per run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from gradsim.engine.clipping import clip_by_norm, clip_by_value, validate_clipping
from gradsim.engine.errors import ConfigError
from gradsim.engine.optimizers import build_optimizer, check_int, check_number
from gradsim.engine.schedules import build_schedule
from gradsim.landscapes.endings import ending
from gradsim.landscapes.surfaces import Surface

STOP_REASONS = ("completed", "diverged", "left_bounds")
MAX_STEPS = 1_000_000
MAX_RUNS = 16
MAX_RECORDS = 2_000_000  # steps x runs: the records take ~100 bytes per step and run
_CHECK_EVERY = 256  # steps between checks whether every run of a race has stopped


@dataclass(frozen=True, eq=False)
class Trajectory:
    """One run of one optimizer from one start (arrays are read-only).

    Per position t = 0..N (N = the ``steps`` asked for; rows after a stop are NaN):

    * ``positions`` (N+1, 2): p_t; ``positions[0]`` is the start.
    * ``values`` (N+1,): f(p_t).
    * ``grad_norms`` (N+1,): ||grad f(p_t)|| of the surface itself (before noise and
      clipping): the landscape's steepness where the point is.
    * ``state``: the optimizer's buffers for display (``display_state`` names, e.g.
      ``velocity``, ``exp_avg``, ``exp_avg_sq``, ``sum``, ``square_avg``), each (N+1, 2):
      row 0 the initial state, row t the state after step t. Empty for plain SGD.

    Per step t = 1..N, stored at index t - 1 (rows after a stop: NaN / False):

    * ``updates`` (N, 2): p_t - p_{t-1}, the effective step per coordinate.
    * ``learning_rates`` (N,): the learning rate the schedule gave the step.
    * ``clipped`` (N,): whether clipping changed the gradient.

    ``steps_taken`` updates were applied (N for a completed run); ``diverged_at`` is the
    step at which the run stopped early (= ``steps_taken``), for either stop reason,
    and None for a completed run.
    """

    optimizer: dict[str, Any]  # the full optimizer settings (hyperparameters())
    start: tuple[float, float]
    positions: np.ndarray
    values: np.ndarray
    grad_norms: np.ndarray
    updates: np.ndarray
    learning_rates: np.ndarray
    clipped: np.ndarray
    state: dict[str, np.ndarray]
    steps_taken: int
    stop_reason: str
    diverged_at: int | None

    @property
    def label(self) -> str:
        """A short name for legends, e.g. ``adam lr=0.01``."""
        return f"{self.optimizer['kind']} lr={self.optimizer['lr']:g}"

    @property
    def final_position(self) -> tuple[float, float]:
        x, y = self.positions[self.steps_taken]
        return float(x), float(y)


@dataclass(frozen=True)
class RunSummary:
    """What a run achieved (see :func:`summarize`)."""

    steps_to_converge: int | None
    final_value: float
    path_length: float
    reached_minimum: int | None  # index into the surface's minima (see :func:`minima`)
    diverged_at: int | None
    stop_reason: str
    #: how the run ended (:mod:`gradsim.landscapes.endings`): "converged", "saddle", "moving", ...
    ending: str = "moving"


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------


def _check_start(start: Any) -> tuple[float, float]:
    if isinstance(start, str | bytes) or not isinstance(start, Sequence | np.ndarray) or len(start) != 2:
        raise ConfigError(
            "start", "not_a_point", "must be a pair of numbers (x, y), got {value!r}", value=start
        )
    return check_number("start[0]", start[0]), check_number("start[1]", start[1])


def _per_run(value: Any, count: int, field: str) -> list[Any]:
    """One setting for every run, or a list/tuple with one per run."""
    if isinstance(value, list | tuple):
        if len(value) != count:
            raise ConfigError(
                field,
                "wrong_count",
                "needs one entry per optimizer ({count}), got {value}",
                count=count,
                value=len(value),
            )
        return list(value)
    return [value] * count


# --------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------


def run_trajectory(
    surface: Surface,
    optimizer_spec: Mapping[str, Any],
    start: Sequence[float],
    steps: int,
    clipping: Mapping[str, Any] | None = None,
    schedule: Mapping[str, Any] | None = None,
    noise_std: float = 0.0,
    seed: int = 0,
    bound: float | None = None,
) -> Trajectory:
    """Run one optimizer (``{"kind": "adam", "lr": 0.01, ...}``) for ``steps`` steps.

    ``clipping`` is a clipping spec (``{"kind": "norm", "max": 1.0}``), ``schedule`` a
    learning-rate schedule spec, ``noise_std`` the std of the Gaussian noise added to
    the gradient (seeded by ``seed``), ``bound`` stops the run when |x| or |y| exceeds it.
    Bad settings raise ConfigError; divergence does not raise (see the module docstring).
    """
    return race(surface, [optimizer_spec], start, steps, clipping, schedule, noise_std, seed, bound)[0]


def race(
    surface: Surface,
    specs: Sequence[Mapping[str, Any]],
    start: Sequence[float],
    steps: int,
    clipping: Mapping[str, Any] | None | Sequence[Mapping[str, Any] | None] = None,
    schedule: Mapping[str, Any] | None | Sequence[Mapping[str, Any] | None] = None,
    noise_std: float = 0.0,
    seed: int = 0,
    bound: float | None = None,
) -> list[Trajectory]:
    """Several optimizers from the same start, aligned step by step.

    Every returned trajectory has arrays of the same length (a run that stopped early is
    padded with NaN). ``clipping`` and ``schedule`` are either one spec for every run or
    a list with one spec (or None) per run, e.g. to race clipped against unclipped SGD.
    The gradient noise is the same sequence for every run.
    """
    if not isinstance(surface, Surface):
        raise TypeError(f"surface must be a Surface, got {type(surface).__name__}")
    if isinstance(specs, Mapping) or not isinstance(specs, Sequence) or not specs:
        raise ConfigError("race.optimizers", "empty", "needs a non-empty list of optimizer specs")
    if len(specs) > MAX_RUNS:
        raise ConfigError(
            "race.optimizers",
            "too_many",
            "at most {limit} optimizers, got {value}",
            limit=MAX_RUNS,
            value=len(specs),
        )
    x0, y0 = _check_start(start)
    steps = check_int("steps", steps, low=0)
    if steps > MAX_STEPS:
        raise ConfigError("steps", "too_many", "at most {limit}, got {value}", limit=MAX_STEPS, value=steps)
    noise_std = check_number("noise_std", noise_std, low=0.0)
    seed = check_int("seed", seed, low=0)
    if bound is not None:
        bound = check_number("bound", bound, low=0.0, low_open=True)
    k = len(specs)
    if steps * k > MAX_RECORDS:
        raise ConfigError(
            "steps",
            "too_many",
            "steps x optimizers must be at most {limit}, got {value}",
            limit=MAX_RECORDS,
            value=steps * k,
        )
    clip_specs = [validate_clipping(c) for c in _per_run(clipping, k, "clipping")]
    schedules = [build_schedule(s) for s in _per_run(schedule, k, "schedule")]

    # Racers that share an optimizer configuration (kind and every setting but the learning
    # rate) are rows of one block, stepped by one optimizer with a learning rate per row.
    settings = [build_optimizer(spec, [np.zeros(2)]).hyperparameters() for spec in specs]
    groups = _groups(settings)
    order = [i for members in groups for i in members]  # racer of each row
    row_of = {racer: row for row, racer in enumerate(order)}
    points = np.empty((k, 2))
    points[:] = (x0, y0)

    # Learning rates of every step, precomputed (schedules are pure functions of the step).
    lr_table = np.empty((k, steps))
    plain = []
    for i, (spec, sched) in enumerate(zip(settings, schedules, strict=True)):
        plain.append(type(sched).kind == "constant" and sched.warmup_steps == 0)
        lr_table[i] = spec["lr"] if plain[i] else [float(sched.lr_at(t, spec["lr"])) for t in range(steps)]
    blocks = [
        _Block(members, row_of[members[0]], points, settings, lr_table, plain, steps) for members in groups
    ]

    positions = np.empty((steps + 1, k, 2))
    grads = np.empty((steps + 1, k, 2))
    clipped = np.zeros((steps, k), dtype=bool)
    noise = np.random.default_rng(seed).standard_normal((steps, 2)) * noise_std if noise_std > 0 else None

    work = np.empty((k, 2))  # the gradients handed to the optimizers (noisy, clipped), by row
    for block in blocks:
        block.bind(work)
    clippers = [(row_of[i], _clipper(kind, limit)) for i, (kind, limit) in enumerate(clip_specs)]
    clippers = [(row, clip, [work[row]]) for row, clip in clippers if clip is not None]
    alive = list(range(k))  # rows (racers) not known to have stopped
    running = list(blocks)  # blocks with a row alive
    positions[0] = points
    last = steps
    checked = 0  # rows of positions/grads already checked by the periodic stop test
    # The surface's analytic gradient without the public method's wrapper (input conversion,
    # broadcast shapes, its own errstate): the rows are float64 already, overflow is ignored
    # here, and a constant term broadcasts on assignment. The wrapper was ~60% of the fixed
    # cost of a step (measured on the ravine).
    analytic_gradient = surface._gradient
    xs, ys = points[:, 0], points[:, 1]  # views: they follow the points
    with np.errstate(all="ignore"):
        gx, gy = surface.gradient(xs, ys)
        grads[0, :, 0], grads[0, :, 1] = gx, gy
        for t in range(steps):
            np.copyto(work, grads[t])
            if noise is not None:
                work += noise[t]
            for row, clip, gradient in clippers:
                clipped[t, row] = clip(gradient)
            for block in running:
                block.step(t)
            positions[t + 1] = points
            gx, gy = analytic_gradient(xs, ys)
            grads[t + 1, :, 0], grads[t + 1, :, 1] = gx, gy
            if (t + 1) % _CHECK_EVERY == 0:
                window = slice(checked, t + 2)
                alive = [r for r in alive if not _stopped(positions[window, r], grads[window, r], bound)]
                checked = t + 2
                if not alive:
                    last = t + 1
                    break
                running = [block for block in running if any(r in block.rows for r in alive)]
        values = surface.value(positions[: last + 1, :, 0], positions[: last + 1, :, 1])
    states = {i: block.state_of(i) for block in blocks for i in block.members}
    return [
        _finish(
            settings[i],
            (x0, y0),
            positions[:, row_of[i]],
            values[:, row_of[i]],
            grads[:, row_of[i]],
            clipped[:, row_of[i]],
            lr_table[i],
            states[i],
            last,
            bound,
        )
        for i in range(k)
    ]


def _groups(settings: list[dict[str, Any]]) -> list[list[int]]:
    """Racers (indices) grouped by optimizer configuration, all settings but ``lr``."""
    groups: dict[str, list[int]] = {}
    for index, spec in enumerate(settings):
        key = repr(sorted((name, value) for name, value in spec.items() if name != "lr"))
        groups.setdefault(key, []).append(index)
    return list(groups.values())


class _Block:
    """Racers sharing an optimizer configuration: rows ``first..first+m`` of the points,
    moved by one engine optimizer with one learning rate per row, their display state
    recorded every step as one array."""

    def __init__(
        self,
        members: list[int],
        first: int,
        points: np.ndarray,
        settings: list[dict[str, Any]],
        lr_table: np.ndarray,
        plain: list[bool],
        steps: int,
    ) -> None:
        self.members = members
        self.rows = range(first, first + len(members))
        self.points = points[first : first + len(members)]
        self.optimizer = build_optimizer(settings[members[0]], [self.points])
        self.apply = self.optimizer.apply
        rates = lr_table[members]  # (m, steps)
        if all(plain[i] for i in members):
            # one python float (the optimizer caches its constants) or a column of rates
            self.rates: Any = float(rates[0, 0]) if len(members) == 1 else rates[:, :1].copy()
            self.per_step = False
        else:
            self.rates = [float(r) for r in rates[0]] if len(members) == 1 else list(rates.T[:, :, None])
            self.per_step = True
        if steps == 0:
            self.per_step = False
        shown = self.optimizer.state_buffers(0)
        self.record = {name: np.empty((steps + 1, *view.shape)) for name, view in shown.items()}
        self.recorders = [(self.record[name], view) for name, view in shown.items()]
        for record, view in self.recorders:
            record[0] = view
        self.gradient: list[np.ndarray] = []

    def bind(self, work: np.ndarray) -> None:
        """Hand the optimizer the rows of ``work`` (the same array every step)."""
        self.gradient = [work[self.rows.start : self.rows.stop]]

    def step(self, t: int) -> None:
        self.apply(self.gradient, self.rates[t] if self.per_step else self.rates)
        for record, view in self.recorders:
            record[t + 1] = view

    def state_of(self, racer: int) -> dict[str, np.ndarray]:
        """One racer's recorded display state, (steps + 1, 2) per name."""
        row = self.members.index(racer)
        return {name: record[:, row].copy() for name, record in self.record.items()}


def _clipper(kind: str, limit: float | None):
    """A function clipping a one-array gradient list in place, returning whether it fired."""
    if kind == "norm":
        return lambda g: clip_by_norm(g, limit).fired
    if kind == "value":
        return lambda g: clip_by_value(g, limit).fired
    return None


def _stopped(positions: np.ndarray, grads: np.ndarray, bound: float | None) -> bool:
    return _first_stop(positions, grads, bound) is not None


def _first_stop(
    positions: np.ndarray, grads: np.ndarray, bound: float | None, values: np.ndarray | None = None
) -> tuple[int, str] | None:
    """The first index t where the run must stop, with the reason, or None."""
    bad = ~(np.isfinite(positions).all(axis=1) & np.isfinite(grads).all(axis=1))
    if values is not None:
        bad |= ~np.isfinite(values)
    outside = np.zeros(len(positions), dtype=bool) if bound is None else np.abs(positions).max(axis=1) > bound
    stop = bad | outside
    if not stop.any():
        return None
    t = int(np.argmax(stop))
    return t, "diverged" if bad[t] else "left_bounds"


def _finish(
    spec: dict[str, Any],
    start: tuple[float, float],
    positions: np.ndarray,
    values: np.ndarray,
    grads: np.ndarray,
    clipped: np.ndarray,
    rates: np.ndarray,
    state: dict[str, np.ndarray],
    last: int,
    bound: float | None,
) -> Trajectory:
    """Cut one run at its first stop, pad with NaN, freeze."""
    steps = len(positions) - 1
    # The loop ends early (last < steps) only when every run has stopped, so found is set then.
    found = _first_stop(positions[: last + 1], grads[: last + 1], bound, values)
    taken, reason = (steps, "completed") if found is None else found
    positions = positions.copy()
    full_values = np.full(steps + 1, np.nan)
    full_values[: taken + 1] = values[: taken + 1]
    norms = np.hypot(grads[:, 0], grads[:, 1])
    positions[taken + 1 :] = np.nan
    norms[taken + 1 :] = np.nan
    rates = rates.copy()
    rates[taken:] = np.nan
    clipped = clipped.copy()
    clipped[taken:] = False
    state = dict(state)
    for array in state.values():
        array[taken + 1 :] = np.nan
    updates = np.diff(positions, axis=0)
    arrays = [positions, full_values, norms, updates, rates, clipped, *state.values()]
    for array in arrays:
        array.flags.writeable = False
    return Trajectory(
        optimizer=spec,
        start=start,
        positions=positions,
        values=full_values,
        grad_norms=norms,
        updates=updates,
        learning_rates=rates,
        clipped=clipped,
        state=state,
        steps_taken=taken,
        stop_reason=reason,
        diverged_at=None if reason == "completed" else taken,
    )


# --------------------------------------------------------------------------------------
# Summaries
# --------------------------------------------------------------------------------------


def minima(surface: Surface) -> list:
    """The surface's listed minima, in ``critical_points()`` order (what
    ``RunSummary.reached_minimum`` indexes)."""
    return [p for p in surface.critical_points() if p.kind == "minimum"]


def summarize(
    trajectory: Trajectory, surface: Surface, eps: float = 1e-6, position_tol: float | None = None
) -> RunSummary:
    """Steps to a minimum, final value, path length, which minimum was reached.

    A position p_t is *at* minimum m when |f(p_t) - f(m)| <= eps and ||p_t - m|| <=
    ``position_tol`` (default: 1% of the diagonal of the surface's view; the position test
    tells apart minima of equal value, such as Himmelblau's four). ``steps_to_converge`` is
    the first t where the run is at some listed minimum (None if never), and
    ``reached_minimum`` the index of that minimum in :func:`minima` (so both describe the
    same event; a noisy run may wander off again, ``final_value`` shows where it ended).
    ``path_length`` sums ||p_t - p_{t-1}|| over the steps taken; ``final_value`` is
    f(p_{steps_taken}) (possibly inf or NaN for a diverged run). ``ending`` says how the run
    ended (:func:`gradsim.landscapes.endings.ending`): a run that reached no listed minimum
    may be stuck in a local minimum, stalled on a saddle, or still moving.
    """
    eps = check_number("eps", eps, low=0.0)
    if position_tol is None:
        xmin, xmax, ymin, ymax = surface.view
        position_tol = 0.01 * math.hypot(xmax - xmin, ymax - ymin)
    position_tol = check_number("position_tol", position_tol, low=0.0)
    n = trajectory.steps_taken + 1
    pos, vals = trajectory.positions[:n], trajectory.values[:n]
    first_hit: int | None = None
    which: int | None = None
    with np.errstate(invalid="ignore"):
        for index, m in enumerate(minima(surface)):
            near = (np.abs(vals - m.value) <= eps) & (
                np.hypot(pos[:, 0] - m.x, pos[:, 1] - m.y) <= position_tol
            )
            if near.any():
                t = int(np.argmax(near))
                if first_hit is None or t < first_hit:
                    first_hit, which = t, index
    steps = np.hypot(trajectory.updates[: n - 1, 0], trajectory.updates[: n - 1, 1])
    path = float(np.sum(steps[np.isfinite(steps)]))
    return RunSummary(
        steps_to_converge=first_hit,
        final_value=float(vals[-1]),
        path_length=path,
        reached_minimum=which,
        diverged_at=trajectory.diverged_at,
        stop_reason=trajectory.stop_reason,
        ending=ending(trajectory, surface, which, eps),
    )


__all__ = [
    "STOP_REASONS",
    "RunSummary",
    "Trajectory",
    "minima",
    "race",
    "run_trajectory",
    "summarize",
]
