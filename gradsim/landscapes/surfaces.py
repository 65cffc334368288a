"""Analytic 2-D loss surfaces for the landscape lab: the registry and the teaching surfaces.

A :class:`Surface` is one function f(x, y) with fixed, validated parameters. It gives
vectorized values and analytic gradients (a whole 400x400 grid in one numpy call,
no Python loop per point), the analytic Hessian, and its known critical points
(minima, saddles, maxima) refined to full double precision, so the app can mark
them and the tests can check them.

The surfaces here each show one reason why training is hard: saddles (Dauphin et
al. 2014), cliffs (Pascanu et al. 2013), ravines (Goh 2017), plateaus. The classic
optimization test functions live in :mod:`gradsim.landscapes.classic_surfaces`;
a user's typed formula in :mod:`gradsim.landscapes.formula`.

Grids follow the contourpy/matplotlib convention: ``Z[i, j] = f(xs[j], ys[i])``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from numbers import Real
from typing import Any, ClassVar

import numpy as np
from scipy.optimize import brentq
from scipy.special import expit

from gradsim.engine.errors import ConfigError

ArrayLike = Any  # float, numpy scalar or array: anything np.asarray accepts
View = tuple[float, float, float, float]
Point = tuple[float, float]
Triple = tuple[np.ndarray, np.ndarray, np.ndarray]

KINDS = ("minimum", "saddle", "maximum")


@dataclass(frozen=True)
class CriticalPoint:
    """A point where the gradient vanishes, with its Hessian eigenvalues (ascending)."""

    x: float
    y: float
    value: float
    kind: str  # "minimum" | "saddle" | "maximum"
    hessian_eigenvalues: tuple[float, float]


@dataclass(frozen=True)
class ParamSpec:
    """A number parameter: its default and the interval it must lie in."""

    default: float
    low: float = -math.inf
    high: float = math.inf
    low_open: bool = False  # True: ``low`` itself is excluded
    help: str = ""

    def contains(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        return above and value <= self.high

    def interval(self) -> str:
        """The allowed interval in math notation, e.g. ``(0, 1000]``."""
        left = "(" if self.low_open or self.low == -math.inf else "["
        right = ")" if self.high == math.inf else "]"
        return f"{left}{_short(self.low)}, {_short(self.high)}{right}"


def _short(number: float) -> str:
    if math.isinf(number):
        return "inf" if number > 0 else "-inf"
    return f"{number:g}"


def _as_float(x: ArrayLike) -> np.ndarray:
    return np.asarray(x, dtype=np.float64)


def _fit(result: Any, shape: tuple[int, ...]) -> np.ndarray:
    """Give ``result`` the broadcast shape of the inputs (constant terms may lack it)."""
    if np.shape(result) == shape:
        return result
    return np.broadcast_to(np.asarray(result, dtype=np.float64), shape).copy()


class Surface:
    """One surface f(x, y) with fixed parameters (see the module docstring).

    Subclasses set the class attributes and implement ``_value``, ``_gradient``
    and ``_hessian`` on float64 arrays that broadcast together; the public
    methods convert inputs, give every result the broadcast shape, and silence
    overflow, which is legitimate far outside the view (the result is then inf).
    """

    name: str = ""
    title: str = ""
    description: str = ""  # two sentences: what it teaches
    reference: str = ""
    param_specs: ClassVar[Mapping[str, ParamSpec]] = {}
    default_view: ClassVar[View] = (-3.0, 3.0, -3.0, 3.0)
    default_starts: ClassVar[tuple[Point, ...]] = ((1.5, 1.5),)
    bounded_below: ClassVar[bool] = True

    def __init__(self, **params: Any) -> None:
        self._params = validate_params(self.name, self.param_specs, params)
        for key, value in self._params.items():
            setattr(self, "_" + key, value)
        self._setup()
        self.view: View = self._make_view()
        self.starts: tuple[Point, ...] = self._make_starts()
        found = self._find_critical_points()
        self._critical = tuple(sorted(found, key=lambda p: KINDS.index(p.kind)))

    # -- what subclasses provide -------------------------------------------------------
    def _setup(self) -> None:
        """Derive constants from the validated parameters (``self._<name>``)."""

    def _make_view(self) -> View:
        return self.default_view

    def _make_starts(self) -> tuple[Point, ...]:
        return self.default_starts

    def _find_critical_points(self) -> list[CriticalPoint]:
        return []

    def _value(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _gradient(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def _hessian(self, x: np.ndarray, y: np.ndarray) -> Triple:
        """Return (f_xx, f_xy, f_yy)."""
        raise NotImplementedError

    # -- public API ----------------------------------------------------------------------
    @classmethod
    def default_params(cls) -> dict[str, Any]:
        """The parameters a surface gets when none are given."""
        return {key: spec.default for key, spec in cls.param_specs.items()}

    @property
    def params(self) -> dict[str, Any]:
        """The validated parameters (a copy)."""
        return dict(self._params)

    def value(self, x: ArrayLike, y: ArrayLike) -> np.ndarray:
        """f(x, y), vectorized over any broadcastable x and y."""
        x, y = _as_float(x), _as_float(y)
        with np.errstate(over="ignore"):
            return _fit(self._value(x, y), np.broadcast_shapes(x.shape, y.shape))

    def gradient(self, x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        """(df/dx, df/dy), analytic, vectorized like :meth:`value`."""
        x, y = _as_float(x), _as_float(y)
        shape = np.broadcast_shapes(x.shape, y.shape)
        with np.errstate(over="ignore"):
            gx, gy = self._gradient(x, y)
            return _fit(gx, shape), _fit(gy, shape)

    def hessian(self, x: ArrayLike, y: ArrayLike) -> np.ndarray:
        """The 2x2 Hessian [[f_xx, f_xy], [f_xy, f_yy]]; for arrays, shape (..., 2, 2)."""
        x, y = _as_float(x), _as_float(y)
        shape = np.broadcast_shapes(x.shape, y.shape)
        with np.errstate(over="ignore"):
            hxx, hxy, hyy = (_fit(h, shape) for h in self._hessian(x, y))
        return np.stack([np.stack([hxx, hxy], -1), np.stack([hxy, hyy], -1)], -2)

    def critical_points(self) -> tuple[CriticalPoint, ...]:
        """The known minima, saddles and maxima (refined; computed once per surface)."""
        return self._critical

    def minimum_value_hint(self) -> float | None:
        """The lowest known value (for "loss - min" plots); None if unbounded below."""
        values = [p.value for p in self._critical if p.kind == "minimum"]
        if not self.bounded_below or not values:
            return None
        return min(values)

    def grid(self, nx: int, ny: int, view: View | None = None) -> Triple:
        """Sample the surface: ``xs`` (nx,), ``ys`` (ny,), ``Z`` (ny, nx), Z[i, j] = f(xs[j], ys[i])."""
        xmin, xmax, ymin, ymax = check_view(view if view is not None else self.view)
        for field, count in (("grid.nx", nx), ("grid.ny", ny)):
            if isinstance(count, bool) or not isinstance(count, int) or count < 2:
                raise ConfigError(
                    field, "bad_grid_size", "must be an integer >= 2, got {value!r}", value=count
                )
        xs = np.linspace(xmin, xmax, nx)
        ys = np.linspace(ymin, ymax, ny)
        return xs, ys, self.value(xs[np.newaxis, :], ys[:, np.newaxis])

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._params.items())
        return f"{type(self).__name__}({self.name!r}{', ' if args else ''}{args})"

    # -- helpers for subclasses ----------------------------------------------------------
    def _point(
        self,
        x: float,
        y: float,
        kind: str | None = None,
        eigenvalues: tuple[float, float] | None = None,
    ) -> CriticalPoint:
        """A CriticalPoint at (x, y); kind from the Hessian's signs unless given."""
        if eigenvalues is None:
            low, high = np.linalg.eigvalsh(self.hessian(x, y))
            eigenvalues = (float(low) + 0.0, float(high) + 0.0)  # + 0.0: no -0.0
        kind = kind or _kind_of(eigenvalues)
        return CriticalPoint(float(x), float(y), float(self.value(x, y)), kind, eigenvalues)


def _kind_of(eigenvalues: tuple[float, float]) -> str:
    low, high = eigenvalues
    if low > 0:
        return "minimum"
    if high < 0:
        return "maximum"
    if low < 0 < high:
        return "saddle"
    raise ValueError(f"degenerate critical point {eigenvalues}: give its kind explicitly")


def check_view(view: Any, field: str = "surface.view") -> View:
    """Validate (xmin, xmax, ymin, ymax): four finite numbers with xmin < xmax, ymin < ymax."""
    try:
        numbers = tuple(float(v) for v in view)
    except (TypeError, ValueError):
        numbers = ()
    ok = len(numbers) == 4 and all(math.isfinite(v) for v in numbers)
    if not ok or numbers[0] >= numbers[1] or numbers[2] >= numbers[3]:
        raise ConfigError(
            field,
            "bad_view",
            "must be four finite numbers xmin < xmax, ymin < ymax, got {value!r}",
            value=view,
        )
    return numbers  # type: ignore[return-value]


def validate_params(
    surface: str, specs: Mapping[str, ParamSpec], params: Mapping[str, Any]
) -> dict[str, float]:
    """Fill defaults and check every parameter; ConfigError names the bad one."""
    for key in params:
        if key not in specs:
            raise ConfigError(
                f"surface.{key}",
                "unknown_key",
                "unknown parameter for {surface}; allowed: {allowed}",
                surface=surface,
                allowed=", ".join(specs) or "none",
            )
    result = {}
    for key, spec in specs.items():
        value = params.get(key, spec.default)
        if isinstance(value, bool) or not isinstance(value, Real) or not _finite(value):
            raise ConfigError(
                f"surface.{key}",
                "not_a_number",
                "must be a finite number, got {value!r}",
                value=value,
            )
        if not spec.contains(float(value)):
            raise ConfigError(
                f"surface.{key}",
                "out_of_range",
                "must be in {interval}, got {value!r}",
                interval=spec.interval(),
                value=value,
            )
        result[key] = float(value)
    return result


def _finite(value: Real) -> bool:
    try:
        return math.isfinite(float(value))
    except OverflowError:  # an int beyond float range
        return False


def rotation_matrix(degrees: float) -> np.ndarray:
    """R such that (u, v) = R @ (x, y) rotates the coordinates by ``degrees``."""
    t = math.radians(degrees)
    return np.array([[math.cos(t), math.sin(t)], [-math.sin(t), math.cos(t)]])


def roots_1d(g: Callable[[np.ndarray], np.ndarray], samples: np.ndarray) -> list[float]:
    """All sign changes of g on the sorted ``samples``, each refined by Brent's method."""
    values = g(samples)
    roots = [float(s) for s, v in zip(samples, values, strict=True) if v == 0.0]
    change = np.nonzero(np.sign(values[:-1]) * np.sign(values[1:]) < 0)[0]
    for i in change:
        a, b = float(samples[i]), float(samples[i + 1])
        roots.append(brentq(lambda t: float(g(np.array(t))), a, b, xtol=1e-300, rtol=8.9e-16))
    return sorted(roots)


# ======================================================================================
# The teaching surfaces
# ======================================================================================


class Saddle(Surface):
    """f = a x^2 - b y^2: a saddle at the origin, eigenvalues 2a and -2b.

    With a = 5, b = 1 and gradient descent at learning rate lr, y grows by (1 + 2 lr)
    per step, so escaping to |y| >= 1 from y0 takes about ln(1/y0)/ln(1 + 2 lr) steps
    (lr 0.05: y0 = 1e-2, 1e-4, 1e-8 -> ~49, 97, 194) and y0 = 0 never escapes.
    The default a = 5 matches those numbers (DESIGN.md section 5). Unbounded below.
    Reference: Dauphin et al. 2014, "Identifying and attacking the saddle point
    problem in high-dimensional non-convex optimization".
    """

    name = "saddle"
    title = "Saddle point"
    description = (
        "A point where the gradient vanishes but the surface curves up along x and down "
        "along y. Plain gradient descent started on the ridge line y = 0 never leaves it, "
        "and a tiny offset escapes only after many steps."
    )
    reference = "Dauphin et al. 2014"
    param_specs = {
        "a": ParamSpec(5.0, 0.0, 1e3, low_open=True, help="curvature along x (upward)"),
        "b": ParamSpec(1.0, 0.0, 1e3, low_open=True, help="curvature along y (downward)"),
    }
    default_view = (-1.5, 1.5, -1.5, 1.5)
    default_starts = ((1.0, 1e-2), (1.0, 0.0), (1.0, 1e-8))
    bounded_below = False

    def _value(self, x, y):
        return self._a * x * x - self._b * y * y

    def _gradient(self, x, y):
        return 2.0 * self._a * x, -2.0 * self._b * y

    def _hessian(self, x, y):
        return np.full_like(x, 2.0 * self._a), np.zeros_like(x), np.full_like(y, -2.0 * self._b)

    def _find_critical_points(self):
        return [self._point(0.0, 0.0)]


class BoundedSaddle(Surface):
    """f = a x^2 + y^4/4 - y^2/2: a saddle at the origin between minima at (0, +-1).

    Gradient: (2a x, y^3 - y); Hessian diag(2a, 3y^2 - 1), so the origin (value 0) has
    eigenvalues (-1, 2a) and the minima (value -1/4) have (2, 2a). It is the saddle of
    :class:`Saddle` with the y direction folded back up (a double well in y), so a run
    that escapes the saddle ends in a minimum. Reference: Goodfellow, Bengio, Courville,
    Deep Learning (2016) section 8.2.3; Dauphin et al. 2014.
    """

    name = "bounded-saddle"
    title = "Saddle between two valleys"
    description = (
        "A saddle at the origin with a valley on each side, at (0, -1) and (0, 1). It shows "
        "how long an optimizer lingers near a saddle before it falls into one of the minima."
    )
    reference = "Goodfellow et al. 2016, section 8.2.3"
    param_specs = {"a": ParamSpec(1.0, 0.0, 1e3, low_open=True, help="curvature along x")}
    default_view = (-2.0, 2.0, -2.0, 2.0)
    default_starts = ((1.5, 1e-3), (1.5, 0.0), (-1.5, -0.5))

    def _value(self, x, y):
        y2 = y * y
        return self._a * x * x + 0.25 * y2 * y2 - 0.5 * y2

    def _gradient(self, x, y):
        return 2.0 * self._a * x, y * y * y - y

    def _hessian(self, x, y):
        return np.full_like(x, 2.0 * self._a), np.zeros_like(x), 3.0 * y * y - 1.0

    def _find_critical_points(self):
        return [self._point(0.0, -1.0), self._point(0.0, 1.0), self._point(0.0, 0.0)]


class MonkeySaddle(Surface):
    """f = x^3 - 3 x y^2: a degenerate saddle (zero Hessian) at the origin, three valleys.

    Gradient: (3x^2 - 3y^2, -6xy); Hessian [[6x, -6y], [-6y, -6x]], zero at the origin,
    so second-order tests (and Newton's method) see nothing there. Unbounded below.
    Reference: the monkey saddle, e.g. Weisstein, MathWorld "Monkey Saddle".
    """

    name = "monkey-saddle"
    title = "Monkey saddle"
    description = (
        "A flat point with three ways down and three ways up, where even the curvature is "
        "zero. Gradients near it are tiny in every direction, so optimizers creep before "
        "they pick a valley."
    )
    reference = "Weisstein, MathWorld: Monkey Saddle"
    default_view = (-1.5, 1.5, -1.5, 1.5)
    default_starts = ((0.5, 0.1), (0.3, 0.0), (1.0, 0.8))
    bounded_below = False

    def _value(self, x, y):
        return x * x * x - 3.0 * x * y * y

    def _gradient(self, x, y):
        return 3.0 * (x * x - y * y), -6.0 * x * y

    def _hessian(self, x, y):
        return 6.0 * x, -6.0 * y, -6.0 * x

    def _find_critical_points(self):
        return [self._point(0.0, 0.0, kind="saddle")]


class Cliff(Surface):
    """f = (x^2 + y^2)/2 + H sigmoid(k (x - x0)): a bowl cut by a wall of height H at x0.

    The wall's slope is H k sigmoid'(.), at most H k/4 at x = x0 (sigmoid' <= 1/4), so an
    unclipped gradient step that lands on the wall jumps about lr H k / 4 back (defaults
    H = 10, k = 20, x0 = -1: slope 50, a jump of 0.5 at lr 0.01 and 5 at lr 0.1); the
    default start is on the wall, so the first step shows that jump. Coming from the
    left, descent slides toward the bowl's centre and runs into the wall; the lowest
    point sits at its foot, where the slope of the bowl balances the wall's. The foot is
    sharply curved (f_xx ~ 26 by default), so for lr > 2/f_xx ~ 0.08 descent cannot
    settle there and keeps bouncing off the wall.
    Critical points lie on y = 0 where x + H k sigmoid'(k (x - x0)) = 0 (found by
    bracketing and Brent's method): the foot minimum and, for a tall enough wall, a
    saddle on its rim and a minimum on the upper terrace near the origin.
    Reference: Pascanu, Mikolov, Bengio 2013, "On the difficulty of training recurrent
    neural networks", fig. 6; Goodfellow, Bengio, Courville, Deep Learning fig. 8.3.
    """

    name = "cliff"
    title = "Cliff"
    description = (
        "A gentle valley that ends in a near-vertical wall, like the exploding-gradient cliffs "
        "of recurrent networks. One step onto the wall catapults an unclipped optimizer far "
        "away; gradient clipping keeps the step short."
    )
    reference = "Pascanu et al. 2013; Goodfellow et al. 2016, fig. 8.3"
    param_specs = {
        "height": ParamSpec(10.0, 0.0, 1e3, low_open=True, help="wall height H"),
        "steepness": ParamSpec(20.0, 0.0, 1e3, low_open=True, help="wall steepness k"),
        "position": ParamSpec(-1.0, -10.0, 10.0, help="wall position x0"),
    }

    def _make_view(self):
        # Room on the left for a jump of 5 (lr 0.1 at the default slope of 50).
        left, right = min(self._position, 0.0) - 5.5, max(self._position, 0.0) + 3.5
        half = 0.5 * (right - left)
        return (left, right, -half, half)

    def _make_starts(self):
        x0 = self._position
        # On the wall (the steepest point), down in the valley, up on the terrace.
        return ((x0, 1.0), (self.view[0] + 1.5, 2.0), (max(x0, 0.0) + 2.0, 1.0))

    def max_wall_slope(self) -> float:
        """H k / 4: the steepest slope of the wall, at x = x0."""
        return self._height * self._steepness / 4.0

    def _wall(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """sigmoid(z) and sigmoid'(z) at z = k (x - x0), without overflow."""
        z = self._steepness * (x - self._position)
        return expit(z), expit(z) * expit(-z)

    def _value(self, x, y):
        return 0.5 * (x * x + y * y) + self._height * self._wall(x)[0]

    def _gradient(self, x, y):
        return x + self._height * self._steepness * self._wall(x)[1], 1.0 * y

    def _hessian(self, x, y):
        s, ds = self._wall(x)
        hxx = 1.0 + self._height * self._steepness**2 * ds * (1.0 - 2.0 * s)
        return hxx, np.zeros_like(x), np.ones_like(y)

    def _find_critical_points(self):
        k, x0 = self._steepness, self._position
        # Roots satisfy x = -H k sigmoid' (so x <= 0); the wall term is negligible beyond
        # 40/k from x0, so sample densely there and coarsely elsewhere.
        near = np.linspace(x0 - 40.0 / k, x0 + 40.0 / k, 8001)
        span = max(abs(x0) + 40.0 / k, self.max_wall_slope()) + 1.0
        samples = np.unique(np.concatenate([near, np.linspace(-span, span, 4001)]))
        roots = roots_1d(lambda x: self._gradient(x, 0.0 * x)[0], samples)
        return [self._point(r, 0.0) for r in roots if self._hessian(np.array(r), 0.0)[0] != 0]


class Ravine(Surface):
    """f = (lam_min u^2 + kappa lam_min v^2)/2 with (u, v) = R(theta) (x, y).

    A quadratic with Hessian A = R^T diag(lam_min, kappa lam_min) R: condition number
    kappa for any rotation theta, minimum 0 at the origin. Gradient descent converges
    only for lr < 2/lambda_max, at best (lr = 2/(lambda_min + lambda_max)) with rate
    (kappa - 1)/(kappa + 1); momentum improves it to (sqrt(kappa) - 1)/(sqrt(kappa) + 1).
    A rotation makes the ravine diagonal, which hurts per-coordinate methods (Adam,
    RMSprop) but not plain gradient descent. Reference: Goh 2017, "Why Momentum
    Really Works", Distill.
    """

    name = "ravine"
    title = "Ravine (ill-conditioned bowl)"
    description = (
        "A long narrow valley whose walls are kappa times steeper than its floor. Gradient "
        "descent zig-zags across it and crawls along it; momentum fixes both."
    )
    reference = "Goh 2017 (Distill)"
    param_specs = {
        "kappa": ParamSpec(50.0, 1.0, 1e6, help="condition number lambda_max/lambda_min"),
        "lam_min": ParamSpec(1.0, 0.0, 1e6, low_open=True, help="curvature along the floor"),
        "rotation": ParamSpec(0.0, -360.0, 360.0, help="angle of the floor, degrees"),
    }
    default_view = (-2.5, 2.5, -2.5, 2.5)

    def _setup(self):
        rot = rotation_matrix(self._rotation)
        self._A = rot.T @ np.diag([self._lam_min, self._kappa * self._lam_min]) @ rot
        self._axx, self._axy, self._ayy = self._A[0, 0], self._A[0, 1], self._A[1, 1]

    def _make_starts(self):
        rot = rotation_matrix(self._rotation)
        return tuple(tuple(float(c) for c in rot.T @ uv) for uv in ((-2.0, 0.3), (-2.0, 0.0)))

    def _value(self, x, y):
        return 0.5 * (self._axx * x * x + self._ayy * y * y) + self._axy * x * y

    def _gradient(self, x, y):
        return self._axx * x + self._axy * y, self._axy * x + self._ayy * y

    def _hessian(self, x, y):
        shape = np.broadcast_shapes(x.shape, y.shape)
        return tuple(np.full(shape, a) for a in (self._axx, self._axy, self._ayy))

    def _find_critical_points(self):
        return [self._point(0.0, 0.0, eigenvalues=(self._lam_min, self._kappa * self._lam_min))]


class Plateau(Surface):
    """f = D (1 - exp(-(x^2 + y^2)/s^2)): a round basin in an almost flat plain.

    The gradient 2 D r/s^2 exp(-r^2/s^2) is largest (sqrt(2/e) D/s) at r = s/sqrt(2) and
    falls off like a Gaussian: at r = 3s it is 6 D e^-9/s ~ 7e-4 D/s. Plain gradient
    descent creeps across the plain for thousands of steps; Adam and RMSprop divide by
    the gradient's size and cross it at full speed. Minimum 0 at the origin, Hessian
    2D/s^2 I there. Reference: Goodfellow, Bengio, Courville, Deep Learning (2016)
    section 8.2.3 (plateaus and flat regions); Dauphin et al. 2014.
    """

    name = "plateau"
    title = "Plateau"
    description = (
        "A basin surrounded by a nearly flat plain where the gradient almost vanishes. "
        "Plain gradient descent crawls across it, while adaptive methods such as Adam stride."
    )
    reference = "Goodfellow et al. 2016, section 8.2.3"
    param_specs = {
        "width": ParamSpec(1.0, 0.0, 1e3, low_open=True, help="basin radius s"),
        "depth": ParamSpec(1.0, 0.0, 1e6, low_open=True, help="height D of the plain"),
    }

    def _make_view(self):
        r = 4.0 * self._width
        return (-r, r, -r, r)

    def _make_starts(self):
        s = self._width
        return ((2.4 * s, 0.6 * s), (3.0 * s, 1.0 * s), (1.2 * s, 1.0 * s))

    def _bump(self, x, y):
        return np.exp(-(x * x + y * y) / self._width**2)

    def _value(self, x, y):
        return self._depth * (1.0 - self._bump(x, y))

    def _gradient(self, x, y):
        c = 2.0 * self._depth / self._width**2 * self._bump(x, y)
        return c * x, c * y

    def _hessian(self, x, y):
        s2 = self._width**2
        c = 2.0 * self._depth / s2 * self._bump(x, y)
        return c * (1.0 - 2.0 * x * x / s2), -2.0 * c * x * y / s2, c * (1.0 - 2.0 * y * y / s2)

    def _find_critical_points(self):
        return [self._point(0.0, 0.0)]


TEACHING_SURFACES: tuple[type[Surface], ...] = (
    Saddle,
    BoundedSaddle,
    MonkeySaddle,
    Cliff,
    Ravine,
    Plateau,
)


# ======================================================================================
# Registry
# ======================================================================================


def _registry() -> dict[str, type[Surface]]:
    # Imported here: classic_surfaces builds on this module's Surface.
    from gradsim.landscapes.classic_surfaces import CLASSIC_SURFACES

    return {cls.name: cls for cls in TEACHING_SURFACES + CLASSIC_SURFACES}


def surface_names() -> tuple[str, ...]:
    """The built-in surfaces, teaching ones first (``formula`` is not listed)."""
    return tuple(_registry())


def _surface_class(name: str) -> type[Surface]:
    registry = _registry()
    if name == "formula":
        from gradsim.landscapes.formula import FormulaSurface

        return FormulaSurface
    if not isinstance(name, str) or name not in registry:
        raise ConfigError(
            "surface.name",
            "unknown_surface",
            "unknown surface {value!r}; choose one of {allowed}",
            value=name,
            allowed=", ".join([*registry, "formula"]),
        )
    return registry[name]


def surface_info(name: str) -> tuple[str, str, dict[str, Any]]:
    """(title, description, default parameters) for ``gradsim surfaces`` and the UI."""
    cls = _surface_class(name)
    return cls.title, cls.description, cls.default_params()


def make_surface(name: str, /, **params: Any) -> Surface:
    """Build a surface by name; parameters are validated (ConfigError names the bad one).

    ``make_surface("formula", formula="x**2 + y**2", view=(...))`` builds a user formula.
    """
    return _surface_class(name)(**params)
