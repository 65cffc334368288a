"""Analytic 2-D loss surfaces for the landscape lab, by name: ``make_surface("saddle", a=5)``.

The registry of every built-in surface and the lab's public names. A :class:`Surface` is
one function f(x, y) with fixed, validated parameters, analytic gradients and Hessian and
its known critical points (:mod:`gradsim.landscapes.surface_base`). The surfaces here each
show one reason why training is hard: saddles (Dauphin et al. 2014), cliffs (Pascanu et
al. 2013), ravines (Goh 2017), plateaus (:mod:`gradsim.landscapes.teaching_surfaces`). The
classic optimization test functions live in :mod:`gradsim.landscapes.classic_surfaces`;
a user's typed formula in :mod:`gradsim.landscapes.formula`.

The registry is a module of its own so that the base does not import its subclasses
(they import the base): the import graph has no cycle.

Grids follow the contourpy/matplotlib convention: ``Z[i, j] = f(xs[j], ys[i])``.
"""

from __future__ import annotations

from typing import Any

from gradsim.engine.errors import ConfigError
from gradsim.landscapes.classic_surfaces import CLASSIC_SURFACES
from gradsim.landscapes.formula import FormulaSurface
from gradsim.landscapes.surface_base import (
    KINDS,
    ArrayLike,
    CriticalPoint,
    ParamSpec,
    Point,
    Surface,
    Triple,
    View,
    check_view,
    roots_1d,
    rotation_matrix,
    validate_params,
)
from gradsim.landscapes.teaching_surfaces import (
    TEACHING_SURFACES,
    BoundedSaddle,
    Cliff,
    MonkeySaddle,
    Plateau,
    Ravine,
    Saddle,
)

__all__ = [
    "CLASSIC_SURFACES",
    "KINDS",
    "TEACHING_SURFACES",
    "ArrayLike",
    "BoundedSaddle",
    "Cliff",
    "CriticalPoint",
    "FormulaSurface",
    "MonkeySaddle",
    "ParamSpec",
    "Plateau",
    "Point",
    "Ravine",
    "Saddle",
    "Surface",
    "Triple",
    "View",
    "check_view",
    "make_surface",
    "roots_1d",
    "rotation_matrix",
    "surface_info",
    "surface_names",
    "validate_params",
]


def _registry() -> dict[str, type[Surface]]:
    return {cls.name: cls for cls in TEACHING_SURFACES + CLASSIC_SURFACES}


def surface_names() -> tuple[str, ...]:
    """The built-in surfaces, teaching ones first (``formula`` is not listed)."""
    return tuple(_registry())


def _surface_class(name: str) -> type[Surface]:
    registry = _registry()
    if name == "formula":
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
