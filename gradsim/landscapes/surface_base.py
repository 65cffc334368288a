"""The base of the landscape lab's analytic surfaces: :class:`Surface` and what it is made of.

A :class:`Surface` is one function f(x, y) with fixed, validated parameters. It gives
vectorized values and analytic gradients (a whole 400x400 grid in one numpy call,
no Python loop per point), the analytic Hessian, and its known critical points
(minima, saddles, maxima) refined to full double precision, so the app can mark
them and the tests can check them.

The surfaces themselves live beside it: the teaching surfaces in
:mod:`gradsim.landscapes.teaching_surfaces`, the classic optimization test functions in
:mod:`gradsim.landscapes.classic_surfaces`, a user's typed formula in
:mod:`gradsim.landscapes.formula`; :mod:`gradsim.landscapes.surfaces` names them all
(``make_surface``). This module imports none of them.

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
