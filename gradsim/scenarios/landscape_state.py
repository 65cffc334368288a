"""Validate a scenario's landscape state: what the landscape panel's ``restore`` accepts.

The panel saves ``{"version": 1, "tab": 0, "analytic": {...}, "network": {...}}``
(:meth:`LandscapePanel.state`); a scenario stores the same dict with the analytic tab only:
surface and parameters, start, race length, gradient noise and seed, animation speed,
overlays, scale, view, playback index and one row per racer (``kind``, ``lr``,
``momentum``, ``beta1``, ``beta2``, ``eps``, ``clip`` for clipping by norm, 0 = off,
``colour``). Every field is checked here without Qt, with the engine's own validators
(the surface is built, every racer's optimizer is built), so a file that passes is one
the panel restores; a UI test restores every shipped scenario to make sure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from gradsim.engine.errors import ConfigError
from gradsim.engine.optimizers import OPTIMIZER_KINDS, build_optimizer
from gradsim.landscapes.surfaces import check_view, make_surface
from gradsim.landscapes.trajectories import MAX_RUNS, MAX_STEPS
from gradsim.scenarios.errors import FieldError
from gradsim.scenarios.race_run import ROW_DEFAULTS, racer_spec
from gradsim.scenarios.values import check_int_in, is_int, is_number

STATE_VERSION = 1  # LandscapePanel.STATE_VERSION
STATE_KEYS = ("version", "tab", "analytic")
ANALYTIC_KEYS = (
    "surface",
    "params",
    "view",
    "scale",
    "start",
    "steps",
    "noise",
    "seed",
    "speed",
    "overlays",
    "optimizers",
    "index",
)
REQUIRED_ANALYTIC = ("surface", "start", "steps", "optimizers")
SCALE_MODES = ("auto", "log", "linear")  # gradsim.ui.landscape.surface_view.SCALE_MODES
OVERLAYS = ("gradient", "velocity", "step", "clipping")  # gradsim.ui.landscape.surface_view.OVERLAYS
MAX_NOISE = 100.0  # the panel's noise spin box range
MAX_SEED = 2**31 - 1
SERIES_COLOURS = 8  # Okabe-Ito


def validate_landscape_state(state: Any, where: str = "landscape") -> None:
    """Raise FieldError naming the first bad field of a landscape panel state."""
    _object(state, where)
    _known_keys(state, STATE_KEYS, where)
    version = state.get("version", STATE_VERSION)
    if not is_int(version) or not 1 <= version <= STATE_VERSION:
        raise FieldError(
            f"{where}.version",
            "bad_version",
            "must be 1 (this app's landscape state), got {value!r}",
            value=version,
        )
    if "tab" in state and state["tab"] != 0:
        raise FieldError(
            f"{where}.tab",
            "bad_tab",
            "must be 0 (the analytic surface tab), got {value!r}",
            value=state["tab"],
        )
    if "analytic" not in state:
        raise FieldError(f"{where}.analytic", "missing", "is required")
    validate_analytic(state["analytic"], f"{where}.analytic")


def validate_analytic(analytic: Any, where: str) -> None:
    _object(analytic, where)
    _known_keys(analytic, ANALYTIC_KEYS, where)
    for key in REQUIRED_ANALYTIC:
        if key not in analytic:
            raise FieldError(f"{where}.{key}", "missing", "is required")
    params = analytic.get("params", {})
    _object(params, f"{where}.params")
    try:
        make_surface(analytic["surface"], **params)
    except ConfigError as error:
        raise FieldError(f"{where}.surface", error.code, "{reason}", reason=str(error)) from None
    except TypeError as error:
        raise FieldError(f"{where}.params", "bad_params", "{reason}", reason=str(error)) from None
    _point(analytic["start"], f"{where}.start")
    check_int_in(analytic["steps"], f"{where}.steps", 1, MAX_STEPS)
    _number_in(analytic.get("noise", 0.0), f"{where}.noise", 0.0, MAX_NOISE)
    check_int_in(analytic.get("seed", 0), f"{where}.seed", 0, MAX_SEED)
    check_int_in(analytic.get("speed", 30), f"{where}.speed", 1, 5000)
    check_int_in(analytic.get("index", 0), f"{where}.index", 0, 1 << 62)
    if analytic.get("scale", "auto") not in SCALE_MODES:
        raise FieldError(
            f"{where}.scale",
            "bad_scale",
            "choose one of {allowed}, got {value!r}",
            allowed=", ".join(SCALE_MODES),
            value=analytic.get("scale"),
        )
    overlays = analytic.get("overlays", ["clipping"])
    if not isinstance(overlays, list) or any(o not in OVERLAYS for o in overlays):
        raise FieldError(
            f"{where}.overlays",
            "bad_overlays",
            "must be a list of {allowed}, got {value!r}",
            allowed=", ".join(OVERLAYS),
            value=overlays,
        )
    if "view" in analytic:
        try:
            check_view(analytic["view"], f"{where}.view")
        except ConfigError as error:
            raise FieldError(f"{where}.view", error.code, "{reason}", reason=str(error)) from None
    rows = analytic["optimizers"]
    if not isinstance(rows, list) or not 1 <= len(rows) <= MAX_RUNS:
        raise FieldError(
            f"{where}.optimizers", "bad_racers", "must be a list of 1 to {limit} racers", limit=MAX_RUNS
        )
    for i, row in enumerate(rows):
        validate_racer(row, f"{where}.optimizers[{i}]")


def validate_racer(row: Any, where: str) -> None:
    """One racer row as ``OptimizerSettings.from_json`` reads it, checked by the engine's optimizer."""
    _object(row, where)
    _known_keys(row, tuple(ROW_DEFAULTS), where)
    kind = row.get("kind", "sgd")
    if kind not in OPTIMIZER_KINDS:
        raise FieldError(
            f"{where}.kind",
            "unknown_optimizer",
            "unknown optimizer {value!r}; choose one of {allowed}",
            value=kind,
            allowed=", ".join(OPTIMIZER_KINDS),
        )
    for key in ("lr", "momentum", "beta1", "beta2", "eps", "clip"):
        if key in row:
            _number_in(row[key], f"{where}.{key}", 0.0, math.inf)
    check_int_in(row.get("colour", 0), f"{where}.colour", 0, SERIES_COLOURS - 1)
    spec, _ = racer_spec(row)
    try:
        build_optimizer(spec, [])
    except ConfigError as error:
        raise FieldError(where, error.code, "{reason}", reason=str(error)) from None


# ----------------------------------------------------------------------------- helpers
def _object(value: Any, where: str) -> None:
    if not isinstance(value, Mapping):
        raise FieldError(where, "not_an_object", "must be an object, got {value!r}", value=value)


def _known_keys(value: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in value:
        if key not in allowed:
            raise FieldError(
                f"{where}.{key}",
                "unknown_key",
                "unknown setting; allowed: {allowed}",
                allowed=", ".join(allowed),
            )




def _number_in(value: Any, where: str, low: float, high: float) -> None:
    if not is_number(value) or not low <= value <= high:
        raise FieldError(
            where,
            "out_of_range",
            "must be a number from {low:g} to {high:g}, got {value!r}",
            low=low,
            high=high,
            value=value,
        )


def _point(value: Any, where: str) -> None:
    if not isinstance(value, list) or len(value) != 2 or not all(is_number(v) for v in value):
        raise FieldError(
            where, "bad_point", "must be [x, y] with two finite numbers, got {value!r}", value=value
        )
