"""The teaching surfaces: each shows one reason why training is hard.

Saddles (Dauphin et al. 2014), cliffs (Pascanu et al. 2013), ravines (Goh 2017),
plateaus. Built on :class:`gradsim.landscapes.surface_base.Surface`; listed by name in
:mod:`gradsim.landscapes.surfaces`.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

from gradsim.landscapes.surface_base import ParamSpec, Surface, roots_1d, rotation_matrix


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
