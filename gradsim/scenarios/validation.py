"""Field-by-field checks of a scenario document (the format is in docs/scenarios.md).

Every check raises :class:`~gradsim.scenarios.errors.FieldError` naming the field, e.g.
``texts.watch.ru: is missing``; unknown keys are refused everywhere, so a typo never
passes silently. The states themselves (the network config, the landscape state) are
checked by the engine's validators in :mod:`gradsim.scenarios.catalogue`.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gradsim.engine.config import validate_config
from gradsim.engine.errors import ConfigError
from gradsim.scenarios.checks import CHECKS
from gradsim.scenarios.errors import FieldError
from gradsim.scenarios.landscape_state import validate_landscape_state
from gradsim.scenarios.values import check_int_in, is_int, is_number  # noqa: F401 (used here and re-exported)

LANGUAGES = ("en", "zh_CN", "ru")
TEXT_FIELDS = ("title", "explanation", "formula", "watch", "try_next")
KINDS = ("network", "landscape")
#: The panel keys of gradsim/ui/shell/panel_specs.py (a test parses that file and compares).
PANEL_KEYS = (
    "banner",
    "controls",
    "builder",
    "diagram",
    "gradient_flow",
    "loss",
    "decision",
    "histograms",
    "weights",
    "activation_lab",
    "landscape",
)
TOP_KEYS = (
    "format",
    "version",
    "name",
    "number",
    "kind",
    "texts",
    "base_label",
    "config",
    "landscape",
    "variants",
    "view",
    "steps",
    "effect",
)
REQUIRED = ("format", "version", "name", "number", "kind", "texts", "view", "steps", "effect")
EFFECT_KEYS = ("check", "params", "quick_steps", "expect")
CONDITION_KEYS = ("of", "ratio", "quantity", "min", "max", "near", "rel")
MAX_STEPS = 1_000_000
MAX_NUMBER = 999
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")  # variant names
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # scenario names


@dataclass(frozen=True)
class Condition:
    """One claim: a quantity of a subject (or the ratio of two subjects') within bounds."""

    quantity: str
    subjects: tuple[str, ...]  # one subject, or (numerator, denominator) for a ratio
    low: float | None = None
    high: float | None = None
    near: float | None = None
    rel: float = 0.0

    @property
    def is_ratio(self) -> bool:
        return len(self.subjects) == 2

    def label(self) -> str:
        if self.is_ratio:
            return f"{self.quantity}[{self.subjects[0]}] / {self.quantity}[{self.subjects[1]}]"
        return f"{self.quantity}[{self.subjects[0]}]"

    def wanted(self) -> str:
        """The bounds in words: ``<= 0.01``, ``in [6.5, 7.7]``, ``= 0.1351 (rel 1e-09)``."""
        if self.near is not None:
            return f"= {self.near:.6g} (rel {self.rel:g})"
        if self.low is not None and self.high is not None:
            return f"in [{self.low:g}, {self.high:g}]"
        return f">= {self.low:g}" if self.low is not None else f"<= {self.high:g}"

    def holds(self, value: float) -> bool:
        """NaN never holds; inf holds against a lower bound only."""
        if math.isnan(value):
            return False
        if self.near is not None:
            return abs(value - self.near) <= self.rel * abs(self.near)
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"ratio": list(self.subjects)} if self.is_ratio else {"of": self.subjects[0]}
        result["quantity"] = self.quantity
        for key, value in (("min", self.low), ("max", self.high), ("near", self.near)):
            if value is not None:
                result[key] = value
        if self.near is not None:
            result["rel"] = self.rel
        return result


@dataclass(frozen=True)
class Effect:
    """The check to run, its settings, and the conditions that must hold."""

    check: str
    params: dict[str, float]
    expect: tuple[Condition, ...]
    quick_steps: int | None = None

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"check": self.check}
        if self.params:
            result["params"] = dict(self.params)
        if self.quick_steps is not None:
            result["quick_steps"] = self.quick_steps
        result["expect"] = [c.to_json() for c in self.expect]
        return result


def validate_document(raw: Any, format_name: str, version: int) -> dict[str, Any]:
    """The document with ``effect`` built; raises FieldError at the first bad field."""
    check_header(raw, TOP_KEYS, REQUIRED, format_name, version, "scenario")
    kind = raw["kind"]
    if kind not in KINDS:
        raise FieldError(
            "kind", "bad_kind", "choose one of {allowed}, got {value!r}", allowed=", ".join(KINDS), value=kind
        )
    state_key, other = ("config", "landscape") if kind == "network" else ("landscape", "config")
    if state_key not in raw:
        raise FieldError(state_key, "missing", "is required for a {kind} scenario", kind=kind)
    if other in raw:
        raise FieldError(other, "wrong_kind", "does not belong in a {kind} scenario", kind=kind)
    check_object(raw[state_key], state_key)
    check_texts(raw["texts"], "texts", TEXT_FIELDS)
    _variants(raw.get("variants", []))
    _base_label(raw)
    check_view(raw["view"], kind)
    check_int_in(raw["steps"], "steps", 1, MAX_STEPS)
    document = dict(raw)
    document["effect"] = _effect(raw["effect"], kind, raw["steps"])
    return document


def check_header(
    raw: Any,
    keys: tuple[str, ...],
    required: tuple[str, ...],
    format_name: str,
    version: int,
    what: str,
) -> int:
    """The parts every gradsim data file shares: an object with only ``keys``, its
    ``format`` and ``version`` (a newer one is refused with the version it needs), the
    ``required`` keys, the ``name`` slug and the gallery ``number``. Returns the version."""
    check_object(raw, what)
    check_known(raw, keys, "")
    if raw.get("format") != format_name:
        raise FieldError(
            "format",
            "bad_format",
            "must be {expected!r}, got {value!r}",
            expected=format_name,
            value=raw.get("format"),
        )
    found = raw.get("version")
    if not is_int(found) or found < 1:
        raise FieldError("version", "bad_version", "must be a positive integer, got {value!r}", value=found)
    if found > version:
        raise FieldError(
            "version",
            "newer_version",
            "the file needs {what} format {value}; this gradsim reads up to {version}",
            what=what,
            value=found,
            version=version,
        )
    for key in required:
        if key not in raw:
            raise FieldError(key, "missing", "is required")
    if not isinstance(raw["name"], str) or not _SLUG.match(raw["name"]):
        raise FieldError(
            "name", "bad_name", "must be lowercase letters, digits and '-', got {value!r}", value=raw["name"]
        )
    check_int_in(raw["number"], "number", 1, MAX_NUMBER)
    return found


def check_changes(raw: Any, where: str) -> None:
    """A non-empty object of dotted paths (a variant's or a lesson's ``changes``)."""
    check_object(raw, where)
    if not raw:
        raise FieldError(where, "empty", "must change something")
    for path in raw:
        if not path or any(not part for part in path.split(".")):
            raise FieldError(where, "bad_path", "{value!r} is not a dotted path", value=path)


def check_state(kind: str, state: Any, where: str) -> dict[str, Any] | None:
    """A network config the engine accepts (returned, normalized) or a landscape panel state
    the panel restores (None is returned); errors name ``where`` and the inner field."""
    if kind == "landscape":
        validate_landscape_state(state, where)
        return None
    try:
        return validate_config(state)
    except ConfigError as error:
        field_name = error.params.get("field", "")
        reason = error.message.split(": ", 1)[-1]
        raise FieldError(f"{where}.{field_name}", error.code, "{reason}", reason=reason) from None


def apply_changes(state: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``state`` with dotted-path ``changes`` applied (``network.activation``,
    ``analytic.optimizers.0.lr``); missing objects on the way are created, list
    entries are addressed by index. ``state`` itself is changed and returned."""
    for path, value in changes.items():
        target: Any = state
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target.setdefault(part, {})
        if isinstance(target, list):
            target[int(last)] = copy.deepcopy(value)
        else:
            target[last] = copy.deepcopy(value)
    return state


# ----------------------------------------------------------------------------- parts
def check_texts(raw: Any, where: str, fields: tuple[str, ...]) -> None:
    check_object(raw, where)
    check_known(raw, fields, where)
    for name in fields:
        if name not in raw:
            raise FieldError(
                f"{where}.{name}", "missing", "is required (in {languages})", languages=", ".join(LANGUAGES)
            )
        check_languages(raw[name], f"{where}.{name}")


def check_languages(raw: Any, where: str) -> None:
    check_object(raw, where)
    check_known(raw, LANGUAGES, where)
    for language in LANGUAGES:
        text = raw.get(language)
        if not isinstance(text, str) or not text.strip():
            raise FieldError(
                f"{where}.{language}", "missing_text", "must be a non-empty text, got {value!r}", value=text
            )


def _variants(raw: Any) -> None:
    if not isinstance(raw, list):
        raise FieldError("variants", "not_a_list", "must be a list, got {value!r}", value=raw)
    names = {"base"}
    for i, variant in enumerate(raw):
        where = f"variants[{i}]"
        check_object(variant, where)
        check_known(variant, ("name", "label", "changes"), where)
        for key in ("name", "label", "changes"):
            if key not in variant:
                raise FieldError(f"{where}.{key}", "missing", "is required")
        name = variant["name"]
        if not isinstance(name, str) or not _NAME.match(name) or "/" in name:
            raise FieldError(
                f"{where}.name",
                "bad_name",
                "must be lowercase letters, digits, '.', '-' or '_', got {value!r}",
                value=name,
            )
        if name in names:
            raise FieldError(
                f"{where}.name", "duplicate", "{value!r} is used twice ('base' is the base state)", value=name
            )
        names.add(name)
        check_languages(variant["label"], f"{where}.label")
        changes = variant["changes"]
        check_object(changes, f"{where}.changes")
        if not changes:
            raise FieldError(f"{where}.changes", "empty", "a variant must change something")
        check_changes(changes, f"{where}.changes")


def _base_label(raw: Mapping[str, Any]) -> None:
    if raw.get("variants") and "base_label" not in raw:
        raise FieldError(
            "base_label", "missing", "is required when there are variants (the base state's name)"
        )
    if "base_label" in raw:
        check_languages(raw["base_label"], "base_label")


def check_view(raw: Any, kind: str, where: str = "view") -> None:
    """A non-empty list of distinct panel names; a landscape state must show ``landscape``."""
    if not isinstance(raw, list) or not raw:
        raise FieldError(
            where, "bad_view", "must be a non-empty list of panel names, got {value!r}", value=raw
        )
    for i, name in enumerate(raw):
        check_panel(name, f"{where}[{i}]")
    if len(set(raw)) != len(raw):
        raise FieldError(where, "duplicate_panel", "names a panel twice: {value!r}", value=raw)
    if kind == "landscape" and "landscape" not in raw:
        raise FieldError(where, "no_landscape", "a landscape scenario must show the 'landscape' panel")


def check_panel(name: Any, where: str) -> None:
    if name not in PANEL_KEYS:
        raise FieldError(
            where,
            "unknown_panel",
            "unknown panel {value!r}; choose from {allowed}",
            value=name,
            allowed=", ".join(PANEL_KEYS),
        )


def _effect(raw: Any, kind: str, steps: int) -> Effect:
    check_object(raw, "effect")
    check_known(raw, EFFECT_KEYS, "effect")
    for key in ("check", "expect"):
        if key not in raw:
            raise FieldError(f"effect.{key}", "missing", "is required")
    check = CHECKS.get(raw["check"])
    if check is None:
        raise FieldError(
            "effect.check",
            "unknown_check",
            "unknown check {value!r}; choose one of {allowed}",
            value=raw["check"],
            allowed=", ".join(CHECKS),
        )
    if check.kind != kind:
        raise FieldError(
            "effect.check",
            "wrong_kind",
            "{value!r} checks {check_kind} scenarios, not {kind} ones",
            value=check.name,
            check_kind=check.kind,
            kind=kind,
        )
    params = parse_params(raw.get("params", {}), "effect.params", check.params)
    quick = raw.get("quick_steps")
    if quick is not None:
        check_int_in(quick, "effect.quick_steps", 1, steps)
    expect = raw["expect"]
    if not isinstance(expect, list) or not expect:
        raise FieldError("effect.expect", "empty", "must be a non-empty list of conditions")
    conditions = tuple(
        parse_condition(c, f"effect.expect[{i}]", check.quantities) for i, c in enumerate(expect)
    )
    return Effect(check.name, params, conditions, quick)


def parse_params(raw: Any, where: str, defaults: Mapping[str, float]) -> dict[str, float]:
    """A check's settings (``tol``, ``escape_distance``): ``defaults`` with ``raw``'s numbers."""
    params = dict(defaults)
    check_object(raw, where)
    check_known(raw, tuple(defaults), where)
    for key, value in raw.items():
        if not is_number(value) or value < 0:
            raise FieldError(
                f"{where}.{key}", "bad_number", "must be a number >= 0, got {value!r}", value=value
            )
        params[key] = float(value)
    return params


def parse_condition(raw: Any, where: str, quantities: Mapping[str, str]) -> Condition:
    check_object(raw, where)
    check_known(raw, CONDITION_KEYS, where)
    if ("of" in raw) == ("ratio" in raw):
        raise FieldError(where, "subject", "give either 'of' (one subject) or 'ratio' (two subjects)")
    if "of" in raw:
        subjects = (raw["of"],)
    else:
        subjects = raw["ratio"]
        if not isinstance(subjects, list) or len(subjects) != 2:
            raise FieldError(
                f"{where}.ratio",
                "bad_ratio",
                "must be [numerator, denominator], got {value!r}",
                value=subjects,
            )
        subjects = tuple(subjects)
    if not all(isinstance(s, str) for s in subjects):
        raise FieldError(where, "bad_subject", "subjects are names, got {value!r}", value=list(subjects))
    quantity = raw.get("quantity")
    if quantity not in quantities:
        raise FieldError(
            f"{where}.quantity",
            "unknown_quantity",
            "unknown quantity {value!r}; choose one of {allowed}",
            value=quantity,
            allowed=", ".join(quantities),
        )
    bounds = {key: raw[key] for key in ("min", "max", "near", "rel") if key in raw}
    for key, value in bounds.items():
        if not is_number(value):
            raise FieldError(
                f"{where}.{key}", "bad_number", "must be a finite number, got {value!r}", value=value
            )
    if "near" in bounds and ("min" in bounds or "max" in bounds):
        raise FieldError(where, "bad_bounds", "give 'near' (with 'rel') or 'min'/'max', not both")
    if "near" not in bounds and "min" not in bounds and "max" not in bounds:
        raise FieldError(where, "no_bounds", "give 'min', 'max' or 'near'")
    if "rel" in bounds and ("near" not in bounds or bounds["rel"] < 0):
        raise FieldError(f"{where}.rel", "bad_rel", "belongs to 'near' and must be >= 0")
    if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
        raise FieldError(
            where, "bad_bounds", "min {low} is above max {high}", low=bounds["min"], high=bounds["max"]
        )
    return Condition(
        quantity,
        subjects,
        low=_float_or_none(bounds.get("min")),
        high=_float_or_none(bounds.get("max")),
        near=_float_or_none(bounds.get("near")),
        rel=float(bounds.get("rel", 0.0)),
    )


# ----------------------------------------------------------------------------- helpers
def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def check_object(value: Any, where: str) -> None:
    if not isinstance(value, Mapping):
        raise FieldError(where, "not_an_object", "must be an object, got {value!r}", value=value)


def check_known(value: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in value:
        if key not in allowed:
            name = f"{where}.{key}" if where else str(key)
            raise FieldError(
                name, "unknown_key", "unknown key; allowed: {allowed}", allowed=", ".join(allowed)
            )


