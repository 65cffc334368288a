"""Lessons: ordered stages a lecturer presents like slides (the format is in docs/lessons.md).

A lesson is a list of stages; a stage is a starting state (a shipped scenario, one of its
variants, or a config or landscape state of its own, optionally changed), a title, a
narrative and what to watch in English, Simplified Chinese and Russian, the panels to bring
to the front, and actions from a closed list (:mod:`~gradsim.scenarios.lesson_actions`).
A stage may also state what its actions show (``expect``, the scenario condition format),
so a lesson is a test as a scenario is (:mod:`~gradsim.scenarios.lesson_run`).

Files are data: read, checked field by field (unknown keys refused, every error one line
naming the file and the field), then built into a frozen :class:`Lesson`. The shipped ones
live in ``resources/lessons`` (:func:`gradsim.shipped.lessons_dir`); a lecturer's own file
loads the same way. A session keeps the lesson being presented and its stage in its ``lecture`` section
(:func:`lecture_section`, :func:`read_lecture_section`).

Format version 2 adds comparison stages: a network stage with ``"compare": {"setting":
"init", "values": ["xavier_normal", "he_normal"]}`` trains 2 to 4 variants of its state in
lockstep (:mod:`gradsim.engine.variants`); its actions are ``train``, ``pause`` and
``front``, and its ``expect`` names the variants by their values. A version 1 file with a
``compare`` is refused with the version it needs.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gradsim.engine.errors import ConfigError
from gradsim.engine.variants import Comparison, parse_comparison, variant_configs
from gradsim.scenarios.catalogue import BASE, Scenario, find_scenario
from gradsim.scenarios.checks import CHECKS
from gradsim.scenarios.errors import FieldError, LessonError, ScenarioError, file_error
from gradsim.scenarios.lesson_actions import Action, Walk, parse_actions
from gradsim.scenarios.validation import (
    Condition,
    apply_changes,
    check_changes,
    check_header,
    check_known,
    check_object,
    check_state,
    check_texts,
    check_view,
    is_int,
    parse_condition,
    parse_params,
)
from gradsim.shipped import JsonFileError, lessons_dir, read_json_file, scenarios_dir

FORMAT = "gradsim-lesson"
FORMAT_VERSION = 2  # 2: comparison stages ("compare")
COMPARE_VERSION = 2
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 48  # a config (at most 32 levels) inside a stage inside the lesson, with room
MAX_STAGES = 100
LESSON_KEYS = ("format", "version", "name", "number", "texts", "stages")
LESSON_TEXTS = ("title", "summary")
STAGE_KEYS = (
    "kind",
    "texts",
    "scenario",
    "variant",
    "config",
    "landscape",
    "changes",
    "view",
    "actions",
    "expect",
    "params",
    "compare",
)
STAGE_TEXTS = ("title", "narrative", "watch")
STAGE_KINDS = ("state",)  # a comparison is a state stage with a "compare" (version 2)
#: What a stage's ``expect`` names: the first and the last network run of the stage (a
#: ``set`` that rebuilds the network starts a new run), or a racer of its first or last race.
RUN_SUBJECTS = ("start", "end")

LECTURE_FORMAT = "gradsim-lecture"
LECTURE_VERSION = 1
LECTURE_KEYS = ("format", "version", "lesson", "stage")

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "Lesson",
    "Stage",
    "StageState",
    "find_lesson",
    "lecture_section",
    "lessons_dir",
    "list_lessons",
    "load_lesson",
    "parse_lesson",
    "read_lecture_section",
    "to_document",
]


@dataclass(frozen=True)
class StageState:
    """What the app needs to set up a stage: the state, the panels, the actions, the texts."""

    index: int
    kind: str  # "network" | "landscape"
    config: dict[str, Any] | None  # the validated config (network)
    landscape: dict[str, Any] | None  # the landscape panel state (landscape)
    raw_state: dict[str, Any]  # the state as written (what ``set`` paths are relative to)
    view: tuple[str, ...]  # the panels to bring to the front, the first in front
    actions: tuple[Action, ...]  # to run in order, each after the previous one has finished
    texts: dict[str, dict[str, str]]  # title, narrative, watch -> language -> text
    scenario: str | None = None  # the shipped scenario it starts from, and its variant
    variant: str | None = None
    compare: Comparison | None = None  # a comparison stage: the variants trained in lockstep


@dataclass(frozen=True)
class Stage:
    """One validated stage. Its starting state is resolved (scenario, variant, changes)."""

    kind: str  # "network" | "landscape"
    texts: dict[str, dict[str, str]]  # field -> language -> text
    view: tuple[str, ...]
    actions: tuple[Action, ...]
    expect: tuple[Condition, ...]
    base_state: dict[str, Any] = field(repr=False)
    scenario: str | None = None
    variant: str | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    own_view: bool = False  # the view was written in the stage (not the scenario's)
    written_state: dict[str, Any] | None = field(default=None, repr=False)  # an own state as written
    races: tuple[int, ...] = ()  # the number of racers of each race its actions run
    params: dict[str, float] = field(default_factory=dict)  # the check's settings (races: tol, ...)
    own_params: bool = False  # written in the stage (not its scenario's or the defaults)
    compare: Comparison | None = None  # a comparison stage (format version 2)

    def text(self, name: str, language: str = "en") -> str:
        texts = self.texts[name]
        return texts.get(language) or texts["en"]

    def state(self) -> dict[str, Any]:
        """The starting state as written (a copy): a raw config or a landscape state."""
        return copy.deepcopy(self.base_state)

    def subjects(self) -> tuple[str, ...]:
        """What ``expect`` may name: ``start``/``end`` (network), ``start/0``, ``end/1``... (races)."""
        if self.compare is not None:
            return self.compare.labels()
        if self.kind == "network":
            return RUN_SUBJECTS
        if not self.races:
            return ()
        first, last = self.races[0], self.races[-1]
        return (*(f"start/{i}" for i in range(first)), *(f"end/{i}" for i in range(last)))


@dataclass(frozen=True)
class Lesson:
    """One validated lesson: its texts and its stages, in order."""

    name: str
    number: int
    texts: dict[str, dict[str, str]]
    stages: tuple[Stage, ...]
    version: int = FORMAT_VERSION
    path: Path | None = field(default=None, compare=False)

    def __len__(self) -> int:
        return len(self.stages)

    def text(self, name: str, language: str = "en") -> str:
        texts = self.texts[name]
        return texts.get(language) or texts["en"]

    def stage_state(self, index: int) -> StageState:
        """Stage ``index`` (from 0) as the app sets it up."""
        stage = self.stages[index]
        config = check_state(stage.kind, stage.state(), "state")
        return StageState(
            index=index,
            kind=stage.kind,
            config=config,
            landscape=stage.state() if stage.kind == "landscape" else None,
            raw_state=stage.state(),
            view=stage.view,
            actions=stage.actions,
            texts=copy.deepcopy(stage.texts),
            scenario=stage.scenario,
            variant=stage.variant,
            compare=stage.compare,
        )


# ----------------------------------------------------------------------------- files
def list_lessons(directory: Path | str | None = None) -> list[Lesson]:
    """Every ``*.json`` lesson of a folder (the shipped ones by default), by number."""
    folder = Path(directory) if directory is not None else lessons_dir()
    lessons = [load_lesson(path) for path in sorted(folder.glob("*.json"))]
    seen: dict[str, str] = {}
    for lesson in lessons:
        label = _label(lesson.path)
        if lesson.name in seen:
            raise LessonError(
                label,
                "name",
                "duplicate_name",
                "{value!r} is also the name of {other}",
                value=lesson.name,
                other=seen[lesson.name],
            )
        seen[lesson.name] = label
    return sorted(lessons, key=lambda lesson: (lesson.number, lesson.name))


def find_lesson(name_or_path: str | Path) -> Lesson:
    """A shipped lesson by name (``vanishing-gradients``) or any lesson file by path."""
    path = Path(name_or_path)
    if not path.exists():
        shipped = lessons_dir() / f"{name_or_path}.json"
        if not shipped.exists():
            names = ", ".join(sorted(p.stem for p in lessons_dir().glob("*.json")))
            raise LessonError(
                str(name_or_path),
                "",
                "lesson_not_found",
                "no such file or shipped lesson; shipped: {names}",
                names=names,
            )
        path = shipped
    return load_lesson(path)


def load_lesson(path: Path | str) -> Lesson:
    """Read, parse and validate one file (LessonError names the file and the field)."""
    path = Path(path)
    try:
        raw = read_json_file(path, max_bytes=MAX_FILE_BYTES, max_depth=MAX_DEPTH, parse_constant=_refuse)
    except JsonFileError as error:
        raise file_error(LessonError, _label(path), error, "lesson") from None
    return parse_lesson(raw, path)


def parse_lesson(
    raw: Any, path: Path | None = None, label: str | None = None, field_prefix: str = ""
) -> Lesson:
    """Validate an already-parsed document (a dict) and build the Lesson. Errors name
    ``label`` (the file's name by default) and the field, after ``field_prefix``."""
    label = label or _label(path)
    scenarios: dict[str, Scenario] = {}
    try:
        version = check_header(raw, LESSON_KEYS, LESSON_KEYS, FORMAT, FORMAT_VERSION, "lesson")
        check_texts(raw["texts"], "texts", LESSON_TEXTS)
        stages = raw["stages"]
        if not isinstance(stages, list) or not 1 <= len(stages) <= MAX_STAGES:
            raise FieldError(
                "stages", "bad_stages", "must be a list of 1 to {limit} stages", limit=MAX_STAGES
            )
        built = tuple(_stage(s, f"stages[{i}]", scenarios, version) for i, s in enumerate(stages))
    except FieldError as error:
        inner = f"{field_prefix}{error.field}" if error.field else field_prefix.rstrip(".")
        raise LessonError(label, inner, error.code, error.template, **error.params) from None
    return Lesson(raw["name"], raw["number"], copy.deepcopy(raw["texts"]), built, version, path)


def to_document(lesson: Lesson) -> dict[str, Any]:
    """The document again (what a session's ``lecture`` section holds; tests load it back)."""
    return {
        "format": FORMAT,
        "version": lesson.version,
        "name": lesson.name,
        "number": lesson.number,
        "texts": copy.deepcopy(lesson.texts),
        "stages": [_stage_document(stage) for stage in lesson.stages],
    }


# ----------------------------------------------------------------------------- stages
def _stage(raw: Any, where: str, scenarios: dict[str, Scenario], version: int = FORMAT_VERSION) -> Stage:
    check_object(raw, where)
    check_known(raw, STAGE_KEYS, where)
    kind_of_stage = raw.get("kind", "state")
    if kind_of_stage not in STAGE_KINDS:
        raise FieldError(
            f"{where}.kind",
            "bad_stage_kind",
            "choose one of {allowed}, got {value!r} (comparisons need a newer lesson format)",
            allowed=", ".join(STAGE_KINDS),
            value=kind_of_stage,
        )
    if "texts" not in raw:
        raise FieldError(f"{where}.texts", "missing", "is required")
    check_texts(raw["texts"], f"{where}.texts", STAGE_TEXTS)
    kind, state, scenario = _starting_state(raw, where, scenarios)
    written_state = None if scenario is not None else copy.deepcopy(state)
    changes = raw.get("changes", {})
    if "changes" in raw:
        check_changes(changes, f"{where}.changes")
        try:
            apply_changes(state, changes)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
            raise FieldError(
                f"{where}.changes", "bad_change", "cannot be applied: {reason}", reason=repr(error)
            ) from None
    prefix = f"{where}.{'config' if kind == 'network' else 'landscape'}"
    config = check_state(kind, copy.deepcopy(state), prefix)
    compare = _compare(raw, where, kind, config, version)
    if "view" in raw:
        check_view(raw["view"], kind, f"{where}.view")
        view = tuple(raw["view"])
    elif scenario is not None:
        view = scenario.view
    else:
        raise FieldError(f"{where}.view", "missing", "is required for a stage without a scenario")
    check = CHECKS["train" if kind == "network" else "race"]
    defaults = scenario.effect.params if scenario is not None else check.params
    params = parse_params(raw.get("params", {}), f"{where}.params", {**check.params, **defaults})
    walk = Walk("comparison" if compare is not None else kind, copy.deepcopy(state))
    actions = parse_actions(raw.get("actions", []), f"{where}.actions", walk)
    stage = Stage(
        kind=kind,
        texts=copy.deepcopy(raw["texts"]),
        view=view,
        actions=actions,
        expect=(),
        base_state=state,
        scenario=raw.get("scenario"),
        variant=raw.get("variant"),
        changes=copy.deepcopy(dict(changes)),
        own_view="view" in raw,
        written_state=written_state,
        races=tuple(walk.races),
        params=params,
        own_params="params" in raw,
        compare=compare,
    )
    return dataclasses.replace(stage, expect=_expect(raw.get("expect"), f"{where}.expect", stage))


def _compare(
    raw: dict[str, Any], where: str, kind: str, config: dict[str, Any] | None, version: int
) -> Comparison | None:
    """A stage's ``compare``: checked as the app's Compare dialog checks it, and every
    variant's config built from the stage's state (errors name ``<where>.compare...``)."""
    if "compare" not in raw:
        return None
    if version < COMPARE_VERSION:
        raise FieldError(
            f"{where}.compare",
            "needs_version",
            "needs lesson format {needed} (the file says version {value})",
            needed=COMPARE_VERSION,
            value=version,
        )
    if kind != "network" or config is None:
        raise FieldError(
            f"{where}.compare", "not_network", "compares networks: the stage needs a network state"
        )
    try:
        comparison = parse_comparison(raw["compare"], f"{where}.compare")
        variant_configs(config, comparison)
    except ConfigError as error:
        template = error.template.removeprefix("{field}: ")
        params = {k: v for k, v in error.params.items() if k != "field"}
        field_name = str(error.params.get("field", f"{where}.compare"))
        if not field_name.startswith(where):  # a variant's config error: name the value
            field_name = f"{where}.{field_name}"
        raise FieldError(field_name, error.code, template, **params) from None
    return comparison


def _starting_state(
    raw: dict[str, Any], where: str, scenarios: dict[str, Scenario]
) -> tuple[str, dict[str, Any], Scenario | None]:
    """(kind, state, scenario) from exactly one of ``scenario``, ``config``, ``landscape``."""
    sources = [key for key in ("scenario", "config", "landscape") if key in raw]
    if len(sources) != 1:
        raise FieldError(
            where,
            "bad_source",
            "give exactly one of 'scenario', 'config' or 'landscape', got {value}",
            value=", ".join(sources) or "none",
        )
    if "variant" in raw and "scenario" not in raw:
        raise FieldError(f"{where}.variant", "no_scenario", "belongs to a stage with a 'scenario'")
    if "config" in raw:
        check_object(raw["config"], f"{where}.config")
        return "network", copy.deepcopy(raw["config"]), None
    if "landscape" in raw:
        check_object(raw["landscape"], f"{where}.landscape")
        return "landscape", copy.deepcopy(raw["landscape"]), None
    scenario = _scenario(raw["scenario"], f"{where}.scenario", scenarios)
    variant = raw.get("variant", BASE)
    if variant not in scenario.variant_names():
        raise FieldError(
            f"{where}.variant",
            "unknown_variant",
            "{scenario} has no variant {value!r}; choose one of {allowed}",
            scenario=scenario.name,
            value=variant,
            allowed=", ".join(scenario.variant_names()),
        )
    return scenario.kind, scenario.state(variant), scenario


def _scenario(name: Any, where: str, scenarios: dict[str, Scenario]) -> Scenario:
    """A shipped scenario by name (a lesson names shipped scenarios only, so it travels)."""
    if isinstance(name, str) and name in scenarios:
        return scenarios[name]
    shipped = sorted(p.stem for p in scenarios_dir().glob("*.json"))
    if not isinstance(name, str) or name not in shipped:
        raise FieldError(
            where,
            "unknown_scenario",
            "no shipped scenario {value!r}; choose one of {allowed}",
            value=name,
            allowed=", ".join(shipped),
        )
    try:
        scenarios[name] = find_scenario(name)
    except ScenarioError as error:
        raise FieldError(where, error.code, "{reason}", reason=str(error)) from None
    return scenarios[name]


def _expect(raw: Any, where: str, stage: Stage) -> tuple[Condition, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise FieldError(where, "empty", "must be a non-empty list of conditions")
    check = CHECKS["train" if stage.kind == "network" else "race"]
    subjects = stage.subjects()
    if not subjects:
        raise FieldError(where, "no_race", "a landscape stage needs a 'race' action to check")
    conditions = tuple(parse_condition(c, f"{where}[{i}]", check.quantities) for i, c in enumerate(raw))
    for i, condition in enumerate(conditions):
        for subject in condition.subjects:
            if subject not in subjects:
                raise FieldError(
                    f"{where}[{i}]",
                    "unknown_subject",
                    "unknown subject {value!r}; choose one of {allowed}",
                    value=subject,
                    allowed=", ".join(subjects),
                )
    return conditions


def _stage_document(stage: Stage) -> dict[str, Any]:
    document: dict[str, Any] = {"texts": copy.deepcopy(stage.texts)}
    if stage.scenario is not None:
        document["scenario"] = stage.scenario
        if stage.variant is not None:
            document["variant"] = stage.variant
    else:
        document["config" if stage.kind == "network" else "landscape"] = copy.deepcopy(stage.written_state)
    if stage.changes:
        document["changes"] = copy.deepcopy(stage.changes)
    if stage.own_view:
        document["view"] = list(stage.view)
    if stage.actions:
        document["actions"] = [action.to_json() for action in stage.actions]
    if stage.expect:
        document["expect"] = [condition.to_json() for condition in stage.expect]
    if stage.own_params:
        document["params"] = dict(stage.params)
    if stage.compare is not None:
        document["compare"] = stage.compare.to_json()
    return document


# ----------------------------------------------------------------------------- sessions
def lecture_section(lesson: Lesson, stage: int) -> dict[str, Any]:
    """The JSON-able ``lecture`` section of a session: the whole lesson and the stage shown.

    The lesson travels whole (a lecturer's own file need not be there when the session is
    opened); its stages name shipped scenarios, which every gradsim has.
    """
    if not is_int(stage) or not 0 <= stage < len(lesson.stages):
        raise ValueError(f"stage must be 0 to {len(lesson.stages) - 1}, got {stage!r}")
    return {
        "format": LECTURE_FORMAT,
        "version": LECTURE_VERSION,
        "lesson": to_document(lesson),
        "stage": stage,
    }


def read_lecture_section(section: Any, label: str = "lecture") -> tuple[Lesson, int]:
    """(lesson, stage index) from a session's ``lecture`` section, validated as a lesson file
    is; a LessonError names ``label`` (the session file) and ``lecture.<field>``."""
    try:
        check_object(section, "lecture")
        check_known(section, LECTURE_KEYS, "lecture")
        for key in LECTURE_KEYS:
            if key not in section:
                raise FieldError(f"lecture.{key}", "missing", "is required")
        if section["format"] != LECTURE_FORMAT:
            raise FieldError(
                "lecture.format",
                "bad_format",
                "must be {expected!r}, got {value!r}",
                expected=LECTURE_FORMAT,
                value=section["format"],
            )
        if not is_int(section["version"]) or not 1 <= section["version"] <= LECTURE_VERSION:
            raise FieldError(
                "lecture.version",
                "newer_version",
                "must be 1 to {version} (this gradsim), got {value!r}",
                version=LECTURE_VERSION,
                value=section["version"],
            )
        check_object(section["lesson"], "lecture.lesson")
    except FieldError as error:
        raise LessonError.from_field(label, error) from None
    lesson = parse_lesson(section["lesson"], label=label, field_prefix="lecture.lesson.")
    stage = section["stage"]
    if not is_int(stage) or not 0 <= stage < len(lesson.stages):
        raise LessonError(
            label,
            "lecture.stage",
            "bad_stage",
            "must be a stage of the lesson, 0 to {last}, got {value!r}",
            last=len(lesson.stages) - 1,
            value=stage,
        )
    return lesson, stage


def _label(path: Path | None) -> str:
    return path.name if path is not None else "<lesson>"


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} is not a number a lesson may hold")
