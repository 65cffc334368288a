"""Classic optimization test functions, with analytic gradients and Hessians.

Formulas and minima follow Jamil & Yang 2013, "A literature survey of benchmark
functions for global optimization problems" (and Surjanovic & Bingham, Virtual
Library of Simulation Experiments). Critical points that are not exact numbers were
found by Newton's method on the analytic gradient (``scipy.optimize.root`` with the
analytic Hessian, seeded on a grid over the view) and are stored to full double
precision; the tests check that the gradient vanishes there.
"""

from __future__ import annotations

import math

import numpy as np

from gradsim.landscapes.surface_base import CriticalPoint, ParamSpec, Surface

_TWO_PI = 2.0 * math.pi


class Rosenbrock(Surface):
    """f = (a - x)^2 + b (y - x^2)^2; minimum 0 at (a, a^2), its only critical point.

    Gradient: (-2(a - x) - 4 b x (y - x^2), 2 b (y - x^2)); Hessian
    [[2 - 4 b y + 12 b x^2, -4 b x], [-4 b x, 2 b]]. Reference: Rosenbrock 1960,
    "An automatic method for finding the greatest or least value of a function".
    """

    name = "rosenbrock"
    title = "Rosenbrock's banana"
    description = (
        "A curved, flat-bottomed valley: finding the valley is easy, following it to the "
        "minimum at (1, 1) is slow. It is the classic test of how optimizers handle curvature "
        "that changes direction."
    )
    reference = "Rosenbrock 1960"
    param_specs = {
        "a": ParamSpec(1.0, -5.0, 5.0, help="the minimum is at (a, a^2)"),
        "b": ParamSpec(100.0, 0.0, 1e4, low_open=True, help="steepness of the valley walls"),
    }
    default_starts = ((-1.2, 1.0), (-1.5, 2.5), (1.5, -0.5))

    def _make_view(self):
        a = self._a
        return (min(-2.0, a - 1.0), max(2.0, a + 1.0), -1.0, max(3.0, a * a + 1.0))

    def _value(self, x, y):
        return (self._a - x) ** 2 + self._b * (y - x * x) ** 2

    def _gradient(self, x, y):
        d = y - x * x
        return -2.0 * (self._a - x) - 4.0 * self._b * x * d, 2.0 * self._b * d

    def _hessian(self, x, y):
        b = self._b
        return 2.0 - 4.0 * b * y + 12.0 * b * x * x, -4.0 * b * x, np.full_like(y, 2.0 * b)

    def _find_critical_points(self):
        return [self._point(self._a, self._a**2)]


class Beale(Surface):
    """f = (1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2.

    Minimum 0 at (3, 0.5); saddles at (0, 1) (value 14.203125) and near
    (0.1005, -2.6445). Written as f = sum r_i^2 with r_i = c_i - x + x y^i, so
    f_x = sum 2 r_i (y^i - 1), f_y = sum 2 r_i i x y^(i-1). Reference: Beale 1958,
    "On an iterative method for finding a local minimum of a function of more than
    one variable"; Jamil & Yang 2013, no. 13.
    """

    name = "beale"
    title = "Beale's function"
    description = (
        "Sharp ridges around a flat region, with the minimum in a narrow valley at (3, 0.5). "
        "Gradients range over many orders of magnitude, which rewards adaptive step sizes."
    )
    reference = "Beale 1958; Jamil & Yang 2013"
    default_view = (-4.5, 4.5, -4.5, 4.5)
    default_starts = ((1.0, 1.5), (-2.0, -2.0), (2.0, 2.5))
    _c = (1.5, 2.25, 2.625)

    def _terms(self, x, y):
        """Per i = 1..3: r, r_x, r_y, r_xy, r_yy (r_xx = 0)."""
        for i, c in enumerate(self._c, start=1):
            yi = y**i
            r = c - x + x * yi
            r_y = i * x * y ** (i - 1)
            r_xy = i * y ** (i - 1)
            r_yy = i * (i - 1) * x * y ** (i - 2) if i > 1 else 0.0 * x
            yield r, yi - 1.0, r_y, r_xy, r_yy

    def _value(self, x, y):
        y2 = y * y
        r1, r2, r3 = 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y2 * y
        return r1 * r1 + r2 * r2 + r3 * r3

    def _gradient(self, x, y):
        terms = list(self._terms(x, y))
        return sum(2 * r * rx for r, rx, *_ in terms), sum(2 * r * ry for r, _, ry, *_ in terms)

    def _hessian(self, x, y):
        hxx = hxy = hyy = 0.0
        for r, rx, ry, rxy, ryy in self._terms(x, y):
            hxx = hxx + 2.0 * rx * rx
            hxy = hxy + 2.0 * (rx * ry + r * rxy)
            hyy = hyy + 2.0 * (ry * ry + r * ryy)
        return hxx, hxy, hyy

    def _find_critical_points(self):
        return [
            self._point(3.0, 0.5),
            self._point(0.0, 1.0),
            self._point(0.10053793732415846, -2.644513585023124),
        ]


class Himmelblau(Surface):
    """f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2: four minima of value 0.

    Minima (3, 2), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126);
    a maximum near (-0.270845, -0.923039) (value 181.617) and four saddles between.
    Gradient (4x P + 2Q, 2P + 4y Q) with P = x^2 + y - 11, Q = x + y^2 - 7.
    Reference: Himmelblau 1972, "Applied Nonlinear Programming".
    """

    name = "himmelblau"
    title = "Himmelblau's function"
    description = (
        "Four equally deep minima separated by saddles and one hill. Where a run ends depends "
        "on where it starts and on the optimizer, so it shows basins of attraction."
    )
    reference = "Himmelblau 1972"
    default_view = (-5.0, 5.0, -5.0, 5.0)
    default_starts = ((0.0, 0.0), (-0.5, -4.0), (-1.0, 0.5))
    _points = (
        (3.0, 2.0),
        (-2.805118086952745, 3.131312518250573),
        (-3.779310253377747, -3.2831859912861696),
        (3.5844283403304917, -1.8481265269644036),
        (-0.2708445906673477, -0.9230385564799815),
        (-3.0730257507643897, -0.08135304428796745),
        (-0.12796134673068005, -1.9537149802445766),
        (0.08667750455539636, 2.884254701174776),
        (3.385154183607021, 0.0738518798377493),
    )

    def _value(self, x, y):
        return (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2

    def _gradient(self, x, y):
        p, q = x * x + y - 11.0, x + y * y - 7.0
        return 4.0 * x * p + 2.0 * q, 2.0 * p + 4.0 * y * q

    def _hessian(self, x, y):
        p, q = x * x + y - 11.0, x + y * y - 7.0
        return 4.0 * p + 8.0 * x * x + 2.0, 4.0 * (x + y), 4.0 * q + 8.0 * y * y + 2.0

    def _find_critical_points(self):
        return [self._point(x, y) for x, y in self._points]


class Booth(Surface):
    """f = (x + 2y - 7)^2 + (2x + y - 5)^2: a tilted quadratic bowl, minimum 0 at (1, 3).

    Constant Hessian [[10, 8], [8, 10]], eigenvalues 2 and 18 (condition number 9).
    Reference: Jamil & Yang 2013, no. 17.
    """

    name = "booth"
    title = "Booth's function"
    description = (
        "A plain quadratic bowl, tilted and nine times steeper across than along. It is the "
        "easy case to compare every optimizer against before the hard ones."
    )
    reference = "Jamil & Yang 2013"
    default_view = (-6.0, 8.0, -4.0, 10.0)
    default_starts = ((-4.0, -2.0), (6.0, 8.0), (-5.0, 9.0))

    def _value(self, x, y):
        return (x + 2.0 * y - 7.0) ** 2 + (2.0 * x + y - 5.0) ** 2

    def _gradient(self, x, y):
        p, q = x + 2.0 * y - 7.0, 2.0 * x + y - 5.0
        return 2.0 * p + 4.0 * q, 4.0 * p + 2.0 * q

    def _hessian(self, x, y):
        shape = np.broadcast_shapes(x.shape, y.shape)
        return np.full(shape, 10.0), np.full(shape, 8.0), np.full(shape, 10.0)

    def _find_critical_points(self):
        return [self._point(1.0, 3.0)]


class Rastrigin(Surface):
    """f = 2A + x^2 + y^2 - A (cos 2 pi x + cos 2 pi y): a bowl covered in egg-box dimples.

    Global minimum 0 at the origin (Hessian (2 + 4 pi^2 A) I) among a lattice of local
    minima near integer points. f_x = 2x + 2 pi A sin 2 pi x. Reference: Rastrigin 1974;
    Muehlenbein et al. 1991.
    """

    name = "rastrigin"
    title = "Rastrigin's function"
    description = (
        "A bowl covered in regularly spaced dimples, each a local minimum. Small steps get "
        "stuck in the nearest dimple; noise, momentum or large steps see the bowl underneath."
    )
    reference = "Rastrigin 1974"
    param_specs = {"a": ParamSpec(10.0, 0.0, 100.0, help="depth A of the dimples")}
    default_view = (-5.12, 5.12, -5.12, 5.12)
    default_starts = ((4.5, 3.5), (2.2, -1.3), (-3.8, 4.2))

    def _value(self, x, y):
        a = self._a
        return 2.0 * a + x * x + y * y - a * (np.cos(_TWO_PI * x) + np.cos(_TWO_PI * y))

    def _gradient(self, x, y):
        c = _TWO_PI * self._a
        return 2.0 * x + c * np.sin(_TWO_PI * x), 2.0 * y + c * np.sin(_TWO_PI * y)

    def _hessian(self, x, y):
        c = _TWO_PI**2 * self._a
        return 2.0 + c * np.cos(_TWO_PI * x), np.zeros_like(x * y), 2.0 + c * np.cos(_TWO_PI * y)

    def _find_critical_points(self):
        return [self._point(0.0, 0.0)]


class Ackley(Surface):
    """f = -a exp(-b sqrt((x^2 + y^2)/2)) - exp((cos cx + cos cy)/2) + a + e.

    Minimum 0 at the origin, where the first term is a cone: f is not differentiable
    there. The gradient uses rho_x = x/(2 rho) with rho = sqrt((x^2 + y^2)/2) and is
    set to 0 at rho = 0 (0 is a subgradient); the Hessian there is +inf on the
    diagonal. Computed as a (-expm1(-b rho)) - e expm1(-(sin^2(cx/2) + sin^2(cy/2)))
    so the value at the origin is exactly 0. Reference: Ackley 1987, "A connectionist
    machine for genetic hillclimbing"; Jamil & Yang 2013, no. 1.
    """

    name = "ackley"
    title = "Ackley's function"
    description = (
        "A nearly flat plain full of ripples around a deep, sharp funnel at the origin. Local "
        "gradients point into the ripples, so a run must see past them to find the funnel."
    )
    reference = "Ackley 1987"
    param_specs = {
        "a": ParamSpec(20.0, 0.0, 1e3, low_open=True, help="depth of the funnel"),
        "b": ParamSpec(0.2, 0.0, 100.0, low_open=True, help="narrowness of the funnel"),
        "c": ParamSpec(_TWO_PI, 0.0, 100.0, help="frequency of the ripples"),
    }
    default_view = (-5.0, 5.0, -5.0, 5.0)
    default_starts = ((3.5, 2.5), (1.2, -0.8), (-4.0, 4.0))

    def _rho(self, x, y):
        """rho, rho_x and rho_y (0 at the origin)."""
        rho = math.sqrt(0.5) * np.hypot(x, y)  # hypot: no underflow for tiny x, y
        two_rho = 2.0 * rho
        safe = np.where(two_rho > 0.0, two_rho, 1.0)
        return rho, np.where(two_rho > 0.0, x / safe, 0.0), np.where(two_rho > 0.0, y / safe, 0.0)

    def _value(self, x, y):
        a, b, c = self._a, self._b, self._c
        rho = math.sqrt(0.5) * np.hypot(x, y)
        waves = np.sin(0.5 * c * x) ** 2 + np.sin(0.5 * c * y) ** 2
        return -a * np.expm1(-b * rho) - math.e * np.expm1(-waves)

    def _gradient(self, x, y):
        a, b, c = self._a, self._b, self._c
        rho, rho_x, rho_y = self._rho(x, y)
        cone = a * b * np.exp(-b * rho)
        ripple = 0.5 * c * np.exp(0.5 * (np.cos(c * x) + np.cos(c * y)))
        return cone * rho_x + ripple * np.sin(c * x), cone * rho_y + ripple * np.sin(c * y)

    def _hessian(self, x, y):
        a, b, c = self._a, self._b, self._c
        rho, rho_x, rho_y = self._rho(x, y)
        g1 = a * b * np.exp(-b * rho)  # d/d rho of a (1 - exp(-b rho))
        g2 = -b * g1
        at_tip = rho == 0.0
        inv = 1.0 / (4.0 * np.where(at_tip, 1.0, rho) ** 3)
        exp_h = np.exp(0.5 * (np.cos(c * x) + np.cos(c * y)))
        h_x, h_y = -0.5 * c * np.sin(c * x), -0.5 * c * np.sin(c * y)
        hxx = g2 * rho_x**2 + g1 * y * y * inv - exp_h * (h_x * h_x - 0.5 * c * c * np.cos(c * x))
        hyy = g2 * rho_y**2 + g1 * x * x * inv - exp_h * (h_y * h_y - 0.5 * c * c * np.cos(c * y))
        hxy = g2 * rho_x * rho_y - g1 * x * y * inv - exp_h * h_x * h_y
        return np.where(at_tip, np.inf, hxx), np.where(at_tip, 0.0, hxy), np.where(at_tip, np.inf, hyy)

    def _find_critical_points(self):
        return [self._point(0.0, 0.0, kind="minimum", eigenvalues=(math.inf, math.inf))]


class SixHumpCamel(Surface):
    """f = (4 - 2.1 x^2 + x^4/3) x^2 + x y + (4 y^2 - 4) y^2.

    Two global minima -1.0316284534898774 at +-(0.0898420131, -0.7126564030), four more
    local minima, two maxima and seven saddles (all fifteen listed). Gradient
    (8x - 8.4x^3 + 2x^5 + y, x - 8y + 16y^3). Reference: Dixon & Szego 1978, "The global
    optimization problem: an introduction"; Jamil & Yang 2013, no. 30.
    """

    name = "six-hump-camel"
    title = "Six-hump camel"
    description = (
        "Six valleys of different depths, two of them the deepest, with saddles and two hills "
        "between. It shows that the minimum a run finds depends on where it starts."
    )
    reference = "Dixon & Szego 1978"
    default_view = (-2.0, 2.0, -1.2, 1.2)
    default_starts = ((-1.5, 1.0), (1.0, 1.0), (-0.5, -1.0))
    _points = (
        (0.08984201310031807, -0.7126564030207396),
        (-0.08984201310031807, 0.7126564030207396),
        (-1.7036067149699812, 0.7960835686726252),
        (1.7036067149699812, -0.7960835686726252),
        (-1.6071047529201974, -0.5686514548841317),
        (1.6071047529201974, 0.5686514548841317),
        (-1.2302298765166526, -0.16233458445899498),
        (1.2302298765166526, 0.16233458445899498),
        (0.0, 0.0),
        (-1.6380679841897785, -0.2286740690443939),
        (1.6380679841897785, 0.2286740690443939),
        (-1.2960702671671092, -0.6050843880386585),
        (1.2960702671671092, 0.6050843880386585),
        (-1.1092053368047865, 0.7682680925095399),
        (1.1092053368047865, -0.7682680925095399),
    )

    def _value(self, x, y):
        x2, y2 = x * x, y * y
        return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (4.0 * y2 - 4.0) * y2

    def _gradient(self, x, y):
        x2 = x * x
        return 8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y, x - 8.0 * y + 16.0 * y * y * y

    def _hessian(self, x, y):
        x2 = x * x
        return 8.0 - 25.2 * x2 + 10.0 * x2 * x2, np.ones_like(x * y), 48.0 * y * y - 8.0

    def _find_critical_points(self):
        return [self._point(x, y) for x, y in self._points]


class GoldsteinPrice(Surface):
    """f = [1 + (x+y+1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)]
         * [30 + (2x-3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)].

    Both factors depend on one combination each: f = A(u) B(s) with u = x + y,
    s = 2x - 3y, A = 1 + (u+1)^2 (3u^2 - 14u + 19), B = 30 + s^2 (3s^2 - 16s + 18).
    A >= 1 and B >= 3, so the gradient vanishes exactly where A'(u) = 0 (u = -1, 1, 2)
    and B'(s) = 0 (s = 0, 1, 3): nine critical points, among them the global minimum 3
    at (0, -1) and local minima 30, 84, 840 at (-0.6, -0.4), (1.8, 0.2), (1.2, 0.8).
    Reference: Goldstein & Price 1971, "On descent from local minima".
    """

    name = "goldstein-price"
    title = "Goldstein-Price function"
    description = (
        "Values from 3 to a million, with four minima in a crossed pattern of valleys. Its "
        "scale punishes fixed step sizes: a step that is safe on the floor explodes on a wall."
    )
    reference = "Goldstein & Price 1971"
    default_view = (-2.0, 2.0, -2.0, 2.0)
    default_starts = ((-1.5, 1.5), (1.0, 1.5), (-0.5, 0.5))

    @staticmethod
    def _factor_a(u):
        """A, A', A'' at u."""
        p, q = u + 1.0, 3.0 * u * u - 14.0 * u + 19.0
        dq = 6.0 * u - 14.0
        return 1.0 + p * p * q, 2.0 * p * q + p * p * dq, 2.0 * q + 4.0 * p * dq + 6.0 * p * p

    @staticmethod
    def _factor_b(s):
        """B, B', B'' at s."""
        t, dt = 3.0 * s * s - 16.0 * s + 18.0, 6.0 * s - 16.0
        return 30.0 + s * s * t, 2.0 * s * t + s * s * dt, 2.0 * t + 4.0 * s * dt + 6.0 * s * s

    def _value(self, x, y):
        u, s = x + y, 2.0 * x - 3.0 * y
        p = u + 1.0
        a = 1.0 + p * p * ((3.0 * u - 14.0) * u + 19.0)
        return a * (30.0 + s * s * ((3.0 * s - 16.0) * s + 18.0))

    def _gradient(self, x, y):
        (a, da, _), (b, db, _) = self._factor_a(x + y), self._factor_b(2.0 * x - 3.0 * y)
        return da * b + 2.0 * a * db, da * b - 3.0 * a * db

    def _hessian(self, x, y):
        (a, da, d2a), (b, db, d2b) = self._factor_a(x + y), self._factor_b(2.0 * x - 3.0 * y)
        hxx = d2a * b + 4.0 * da * db + 4.0 * a * d2b
        hxy = d2a * b - da * db - 6.0 * a * d2b
        hyy = d2a * b - 6.0 * da * db + 9.0 * a * d2b
        return hxx, hxy, hyy

    def _find_critical_points(self) -> list[CriticalPoint]:
        # x + y = u, 2x - 3y = s  =>  x = (3u + s)/5, y = (2u - s)/5
        points = [((3 * u + s) / 5, (2 * u - s) / 5) for u in (-1, 1, 2) for s in (0, 1, 3)]
        return sorted((self._point(x, y) for x, y in points), key=lambda p: p.value)


CLASSIC_SURFACES: tuple[type[Surface], ...] = (
    Rosenbrock,
    Beale,
    Himmelblau,
    Booth,
    Rastrigin,
    Ackley,
    SixHumpCamel,
    GoldsteinPrice,
)
