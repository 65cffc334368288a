"""The best constant settings of gradient descent and momentum on a quadratic surface (Goh 2017).

On f(p) = 1/2 (p - p*)^T A (p - p*) + f* with Hessian eigenvalues 0 < lam_min <= lam_max and
condition number kappa = lam_max / lam_min (Goh 2017, "Why Momentum Really Works", Distill):

* gradient descent p <- p - alpha grad f converges for 0 < alpha < 2/lam_max; the best
  step alpha = 2/(lam_min + lam_max) shrinks the error by (kappa - 1)/(kappa + 1) per step;
* momentum (heavy ball, torch's SGD with momentum: b <- beta b + grad f, p <- p - alpha b)
  is best at alpha* = (2/(sqrt(lam_min) + sqrt(lam_max)))^2 and
  beta* = ((sqrt(kappa) - 1)/(sqrt(kappa) + 1))^2, with rate (sqrt(kappa) - 1)/(sqrt(kappa) + 1);
  at that optimum the iteration matrix has a double eigenvalue, so the error decays like
  (1 + c t) rate^t rather than rate^t.

For kappa = 100 the rates are 0.9802 and 0.8182: about sqrt(kappa) = 10 times fewer steps
asymptotically. The landscape panel offers these settings in one click for any surface
whose Hessian is constant and positive definite (the ravine at any rotation, Booth, a
typed quadratic formula).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from gradsim.engine.errors import ConfigError
from gradsim.landscapes.surfaces import Surface

RELATIVE_TOLERANCE = 1e-9  # Hessian entries equal to this: the surface is quadratic


@dataclass(frozen=True)
class QuadraticOptimum:
    """Goh's optimal constant settings for one quadratic (see the module docstring)."""

    lam_min: float
    lam_max: float

    @property
    def kappa(self) -> float:
        return self.lam_max / self.lam_min

    @property
    def gd_lr(self) -> float:
        """2 / (lam_min + lam_max): the best step of plain gradient descent."""
        return 2.0 / (self.lam_min + self.lam_max)

    @property
    def gd_rate(self) -> float:
        """(kappa - 1)/(kappa + 1): the error factor per step at :attr:`gd_lr`."""
        return (self.kappa - 1.0) / (self.kappa + 1.0)

    @property
    def gd_lr_limit(self) -> float:
        """2 / lam_max: gradient descent diverges for larger steps."""
        return 2.0 / self.lam_max

    @property
    def momentum_lr(self) -> float:
        """alpha* = (2 / (sqrt(lam_min) + sqrt(lam_max)))^2."""
        return (2.0 / (math.sqrt(self.lam_min) + math.sqrt(self.lam_max))) ** 2

    @property
    def momentum(self) -> float:
        """beta* = ((sqrt(kappa) - 1)/(sqrt(kappa) + 1))^2."""
        return self.momentum_rate**2

    @property
    def momentum_rate(self) -> float:
        """(sqrt(kappa) - 1)/(sqrt(kappa) + 1): the error factor per step at the optimum."""
        root = math.sqrt(self.kappa)
        return (root - 1.0) / (root + 1.0)

    def optimizer_specs(self) -> dict[str, dict[str, Any]]:
        """Engine optimizer specs: ``{"sgd": {...}, "momentum": {...}}``."""
        return {
            "sgd": {"kind": "sgd", "lr": self.gd_lr},
            "momentum": {"kind": "momentum", "lr": self.momentum_lr, "momentum": self.momentum},
        }


def optimal_quadratic_settings(surface: Surface) -> QuadraticOptimum:
    """Goh's settings for ``surface``; ConfigError unless its Hessian is constant and positive definite.

    The Hessian is compared at the centre and the corners of the surface's view, so any
    surface works, including a typed formula.
    """
    xmin, xmax, ymin, ymax = surface.view
    xs = np.array([0.5 * (xmin + xmax), xmin, xmin, xmax, xmax])
    ys = np.array([0.5 * (ymin + ymax), ymin, ymax, ymin, ymax])
    with np.errstate(all="ignore"):
        hessians = np.asarray(surface.hessian(xs, ys), dtype=np.float64)
    first = hessians[0]
    scale = max(float(np.max(np.abs(first))), 1e-300)
    if not np.all(np.isfinite(hessians)) or np.max(np.abs(hessians - first)) > RELATIVE_TOLERANCE * scale:
        raise ConfigError(
            "surface", "not_quadratic", "{name} is not a quadratic: its Hessian changes", name=surface.name
        )
    eigenvalues = np.linalg.eigvalsh(0.5 * (first + first.T))
    lam_min, lam_max = float(eigenvalues[0]), float(eigenvalues[-1])
    if not lam_min > 0:
        raise ConfigError(
            "surface",
            "not_convex",
            "{name} has no minimum: its smallest curvature is {value:g}",
            name=surface.name,
            value=lam_min,
        )
    return QuadraticOptimum(lam_min, lam_max)
