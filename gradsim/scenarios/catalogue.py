"""Lecture scenarios: find, load and validate the JSON recipes (docs/scenarios.md).

A scenario is a ready state with its story: a network config (or a landscape panel state),
named variants to compare (the base plus dotted-path changes), the panels to bring to the
front, the default number of steps, texts in English, Simplified Chinese and Russian, and
an effect block that makes it a test. Files are data, not code: read, checked field by
field (unknown keys refused, every error one line naming the file and the field), then
built into a frozen :class:`Scenario`. The shipped ones live in
``resources/scenarios`` (:func:`gradsim.shipped.scenarios_dir`); a lecturer's own file loads
the same way.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gradsim.engine.config import validate_config
from gradsim.scenarios.errors import FieldError, ScenarioError, file_error
from gradsim.scenarios.validation import (
    LANGUAGES,
    TEXT_FIELDS,
    Condition,
    Effect,
    apply_changes,
    check_state,
    validate_document,
)
from gradsim.shipped import JsonFileError, read_json_file, scenarios_dir

FORMAT = "gradsim-scenario"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 1_000_000
#: Deepest nesting of a scenario file: a config (at most 32 levels) inside the document, with room.
MAX_DEPTH = 40
BASE = "base"

__all__ = [
    "BASE",
    "FORMAT",
    "FORMAT_VERSION",
    "LANGUAGES",
    "TEXT_FIELDS",
    "Condition",
    "Effect",
    "Scenario",
    "Variant",
    "find_scenario",
    "list_scenarios",
    "load_scenario",
    "parse_scenario",
    "scenarios_dir",
    "to_document",
]


@dataclass(frozen=True)
class Variant:
    """A named comparison: the base state with ``changes`` (dotted paths) applied."""

    name: str
    label: dict[str, str]
    changes: dict[str, Any]


@dataclass(frozen=True)
class Scenario:
    """One validated scenario. Read its states through the methods (they return copies)."""

    name: str
    number: int
    kind: str  # "network" | "landscape"
    texts: dict[str, dict[str, str]]  # field -> language -> text
    base_label: dict[str, str]  # language -> name of the base state ({} without variants)
    variants: tuple[Variant, ...]
    view: tuple[str, ...]
    steps: int
    effect: Effect
    base_state: dict[str, Any] = field(repr=False)  # the config, or the landscape panel state
    path: Path | None = None

    def text(self, name: str, language: str = "en") -> str:
        """A text field in ``language`` (``zh_CN``, ``ru``), English if that language has none."""
        texts = self.texts[name]
        return texts.get(language) or texts["en"]

    def label(self, variant: str = BASE, language: str = "en") -> str:
        """The name of a variant (or of the base state) in ``language``, English as fallback."""
        labels = self.base_label if variant == BASE else self.variant(variant).label
        return labels.get(language) or labels.get("en") or variant

    def variant_names(self) -> tuple[str, ...]:
        return (BASE, *(v.name for v in self.variants))

    def variant(self, name: str) -> Variant:
        for variant in self.variants:
            if variant.name == name:
                return variant
        raise KeyError(name)

    def state(self, variant: str = BASE) -> dict[str, Any]:
        """The raw config (network) or landscape state (landscape) of a variant."""
        state = copy.deepcopy(self.base_state)
        if variant == BASE:
            return state
        return apply_changes(state, self.variant(variant).changes)

    def config(self, variant: str = BASE, seed: int | None = None) -> dict[str, Any]:
        """The validated config of a network variant; ``seed`` replaces ``training.seed``."""
        if self.kind != "network":
            raise ValueError(f"{self.name} is a landscape scenario")
        state = self.state(variant)
        if seed is not None:
            state.setdefault("training", {})["seed"] = seed
        return validate_config(state)

    def landscape(self, variant: str = BASE, seed: int | None = None) -> dict[str, Any]:
        """The landscape panel state of a variant (what ``LandscapePanel.restore`` takes)."""
        if self.kind != "landscape":
            raise ValueError(f"{self.name} is a network scenario")
        state = self.state(variant)
        if seed is not None:
            state["analytic"]["seed"] = seed
        return state

    def subjects(self) -> tuple[str, ...]:
        """What conditions name: variants (network) or ``variant/racer`` (landscape)."""
        if self.kind == "network":
            return self.variant_names()
        return tuple(
            f"{name}/{i}"
            for name in self.variant_names()
            for i in range(len(self.state(name)["analytic"]["optimizers"]))
        )


def list_scenarios(directory: Path | str | None = None) -> list[Scenario]:
    """Every ``*.json`` scenario of a folder (the shipped ones by default), by number."""
    folder = Path(directory) if directory is not None else scenarios_dir()
    scenarios = [load_scenario(path) for path in sorted(folder.glob("*.json"))]
    seen: dict[str, Path | None] = {}
    for scenario in scenarios:
        if scenario.name in seen:
            other = seen[scenario.name].name if seen[scenario.name] else "?"
            raise ScenarioError(
                _label(scenario.path),
                "name",
                "duplicate_name",
                "{value!r} is also the name of {other}",
                value=scenario.name,
                other=other,
            )
        seen[scenario.name] = scenario.path
    return sorted(scenarios, key=lambda s: (s.number, s.name))


def find_scenario(name_or_path: str | Path) -> Scenario:
    """A shipped scenario by name (``sigmoid-deep``) or any scenario file by path."""
    path = Path(name_or_path)
    if not path.exists():
        shipped = scenarios_dir() / f"{name_or_path}.json"
        if shipped.exists():
            path = shipped
        else:
            names = ", ".join(sorted(p.stem for p in scenarios_dir().glob("*.json")))
            raise ScenarioError(
                str(name_or_path),
                "",
                "scenario_not_found",
                "no such file or shipped scenario; shipped: {names}",
                names=names,
            )
    return load_scenario(path)


def load_scenario(path: Path | str) -> Scenario:
    """Read, parse and validate one file (ScenarioError names the file and the field)."""
    path = Path(path)
    label = _label(path)
    try:
        raw = read_json_file(
            path, max_bytes=MAX_FILE_BYTES, max_depth=MAX_DEPTH, parse_constant=_refuse_constant
        )
    except JsonFileError as error:
        raise file_error(ScenarioError, label, error, "scenario") from None
    return parse_scenario(raw, path)


def parse_scenario(raw: Any, path: Path | None = None) -> Scenario:
    """Validate an already-parsed document (a dict) and build the Scenario."""
    label = _label(path)
    try:
        document = validate_document(raw, FORMAT, FORMAT_VERSION)
        variants = tuple(
            Variant(v["name"], dict(v["label"]), dict(v["changes"])) for v in document.get("variants", [])
        )
        base = document["config"] if document["kind"] == "network" else document["landscape"]
        scenario = Scenario(
            name=document["name"],
            number=document["number"],
            kind=document["kind"],
            texts=document["texts"],
            base_label=dict(document.get("base_label", {})),
            variants=variants,
            view=tuple(document["view"]),
            steps=document["steps"],
            effect=document["effect"],
            base_state=copy.deepcopy(base),
            path=path,
        )
        _check_states(scenario)
        _check_subjects(scenario)
    except FieldError as error:
        raise ScenarioError.from_field(label, error) from None
    return scenario


def _check_states(scenario: Scenario) -> None:
    """Every variant's state must be valid: a config the engine accepts, a state the panel restores."""
    for index, name in enumerate(scenario.variant_names()):
        where = f"variants[{index - 1}].changes"
        try:
            state = scenario.state(name)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
            raise FieldError(where, "bad_change", "cannot be applied: {reason}", reason=repr(error)) from None
        try:
            _check_state(scenario, state)
        except FieldError as error:
            if name == BASE:
                raise
            reason = error.template.format(**error.params)
            raise FieldError(
                where, error.code, "make {inner} invalid: {reason}", inner=error.field, reason=reason
            ) from None


def _check_state(scenario: Scenario, state: dict[str, Any]) -> None:
    check_state(scenario.kind, state, "config" if scenario.kind == "network" else "landscape")
    if scenario.kind == "landscape" and state["analytic"]["steps"] != scenario.steps:
        raise FieldError(
            "landscape.analytic.steps",
            "steps_mismatch",
            "the race length {value} must equal the scenario's steps {steps}",
            value=state["analytic"]["steps"],
            steps=scenario.steps,
        )


def _check_subjects(scenario: Scenario) -> None:
    subjects = scenario.subjects()
    for i, condition in enumerate(scenario.effect.expect):
        for subject in condition.subjects:
            if subject not in subjects:
                raise FieldError(
                    f"effect.expect[{i}]",
                    "unknown_subject",
                    "unknown subject {value!r}; choose one of {allowed}",
                    value=subject,
                    allowed=", ".join(subjects),
                )


def _label(path: Path | None) -> str:
    return path.name if path is not None else "<scenario>"


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a scenario may hold")


def to_document(scenario: Scenario) -> dict[str, Any]:
    """The document again (a gallery's 'save a copy'; tests load it back): every field."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "name": scenario.name,
        "number": scenario.number,
        "kind": scenario.kind,
        "texts": copy.deepcopy(scenario.texts),
        **({"base_label": dict(scenario.base_label)} if scenario.base_label else {}),
        ("config" if scenario.kind == "network" else "landscape"): scenario.state(),
        "variants": [
            {"name": v.name, "label": dict(v.label), "changes": copy.deepcopy(v.changes)}
            for v in scenario.variants
        ],
        "view": list(scenario.view),
        "steps": scenario.steps,
        "effect": scenario.effect.to_json(),
    }
    return document
