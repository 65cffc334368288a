"""The actions a lesson stage may take, and their validation (the format is in docs/lessons.md).

A stage's ``actions`` run in order when the stage is presented, each after the previous one
has finished. The list is closed: anything else is refused with the field named.

========== ================================================ =====================================
``do``     fields                                           what happens
========== ================================================ =====================================
``set``    ``key`` + ``value``, or ``changes`` {path: v}    change the state; for a network, the
                                                            learning rate and clipping change live
                                                            at the current step, anything else
                                                            rebuilds the network (step 0)
``train``  ``steps`` (1 to 100000)                          run exactly that many steps (Step N),
                                                            then stand paused there; a NaN step
                                                            pauses earlier, as in the app
``pause``  (none)                                           stop training; the panels show the
                                                            statistics of the current step
``front``  ``panel``                                        bring a panel to the front
``race``   ``steps`` (optional), ``optimizers`` (optional)  set up the racers and run the
                                                            landscape race to that step
``rewind`` ``step``                                         go back to a step of this run (exact
                                                            replay), with its statistics
========== ================================================ =====================================

``train`` and ``rewind`` belong to network stages, ``race`` to landscape stages; a comparison
stage (a network stage with ``compare``) takes ``train`` (every variant, in lockstep),
``pause`` and ``front`` only. Paths of
``set`` are relative to the stage's state, as a scenario variant's ``changes`` are
(``network.activation``, ``optimizer.lr``, ``analytic.noise``). Validation walks the
actions with the state they will meet: every ``set`` must leave a valid state, a
``rewind`` must go back to a step the stage has reached by then, a ``race`` may run at
most the race's length.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gradsim.landscapes.trajectories import MAX_RUNS
from gradsim.scenarios.errors import FieldError
from gradsim.scenarios.landscape_state import validate_racer
from gradsim.scenarios.validation import (
    apply_changes,
    check_changes,
    check_int_in,
    check_known,
    check_object,
    check_panel,
    check_state,
)

MAX_TRAIN_STEPS = 100_000
#: Config paths the app changes on a running network (the training controls): a ``set``
#: touching only these is a live edit at the current step; any other rebuilds the network.
LIVE_KEYS = ("optimizer.lr", "clipping", "clipping.kind", "clipping.max")


@dataclass(frozen=True)
class ActionSpec:
    """One kind of action: its fields, which are required, and the stages it belongs to."""

    fields: tuple[str, ...]
    required: tuple[str, ...]
    kinds: tuple[str, ...]  # "network", "landscape", "comparison" (a network stage's variants)
    meaning: str


ACTIONS: dict[str, ActionSpec] = {
    "set": ActionSpec(
        ("key", "value", "changes"),
        (),
        ("network", "landscape"),
        "change the state (a network's learning rate and clipping live; anything else rebuilds it)",
    ),
    "train": ActionSpec(
        ("steps",), ("steps",), ("network", "comparison"), "run exactly N steps, then stand paused"
    ),
    "pause": ActionSpec(
        (), (), ("network", "landscape", "comparison"), "stop; show the statistics of this step"
    ),
    "front": ActionSpec(
        ("panel",), ("panel",), ("network", "landscape", "comparison"), "bring a panel to the front"
    ),
    "race": ActionSpec(
        ("steps", "optimizers"), (), ("landscape",), "set up the racers and run the race to a step"
    ),
    "rewind": ActionSpec(("step",), ("step",), ("network",), "go back to a step of this run"),
}


@dataclass(frozen=True)
class Action:
    """One validated action. ``changes`` for ``set`` (``live``: a network's live edit);
    ``steps`` for ``train`` and ``race``; ``panel``; ``step`` for ``rewind``; ``optimizers``
    for a ``race`` that sets up its racers."""

    do: str
    changes: dict[str, Any] = field(default_factory=dict)
    live: bool = False
    steps: int | None = None
    panel: str | None = None
    step: int | None = None
    optimizers: tuple[dict[str, Any], ...] | None = None
    written: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The action as it was written (``key``/``value`` stays ``key``/``value``)."""
        return copy.deepcopy(self.written)

    def describe(self) -> str:
        """``set network.activation = 'relu'``, ``train 300 steps``, ``front gradient_flow``."""
        if self.do == "set":
            return "set " + ", ".join(f"{k} = {v!r}" for k, v in self.changes.items())
        if self.do == "train":
            return f"train {self.steps} steps"
        if self.do == "front":
            return f"front {self.panel}"
        if self.do == "rewind":
            return f"rewind to step {self.step}"
        if self.do == "race":
            racers = f" with {len(self.optimizers)} racers" if self.optimizers is not None else ""
            return f"race{racers}" + (f" to step {self.steps}" if self.steps is not None else "")
        return self.do


@dataclass
class Walk:
    """What validation knows while it walks a stage's actions: the state they meet, how far
    the run has come (network) and how long the race is (landscape)."""

    kind: str
    state: dict[str, Any]
    step: int = 0
    races: list[int] = field(default_factory=list)  # racers of every race run so far


def is_live(changes: Mapping[str, Any]) -> bool:
    """True when a network ``set`` changes only what the app edits on a running network."""
    return all(path in LIVE_KEYS for path in changes)


def parse_actions(raw: Any, where: str, walk: Walk) -> tuple[Action, ...]:
    """Validate a stage's ``actions`` in order against the state they meet (``walk`` advances)."""
    if not isinstance(raw, list):
        raise FieldError(where, "not_a_list", "must be a list of actions, got {value!r}", value=raw)
    return tuple(parse_action(item, f"{where}[{i}]", walk) for i, item in enumerate(raw))


def parse_action(raw: Any, where: str, walk: Walk) -> Action:
    check_object(raw, where)
    do = raw.get("do")
    spec = ACTIONS.get(do) if isinstance(do, str) else None
    if spec is None:
        raise FieldError(
            f"{where}.do",
            "unknown_action",
            "unknown action {value!r}; choose one of {allowed}",
            value=do,
            allowed=", ".join(ACTIONS),
        )
    if walk.kind not in spec.kinds:
        raise FieldError(
            f"{where}.do", "wrong_kind", "{value!r} belongs to {kinds} stages", value=do, kinds=spec.kinds[0]
        )
    check_known(raw, ("do", *spec.fields), where)
    for key in spec.required:
        if key not in raw:
            raise FieldError(f"{where}.{key}", "missing", "is required")
    written = copy.deepcopy(dict(raw))
    if do == "set":
        return _set(raw, where, walk, written)
    if do == "train":
        check_int_in(raw["steps"], f"{where}.steps", 1, MAX_TRAIN_STEPS)
        walk.step += raw["steps"]
        return Action("train", steps=raw["steps"], written=written)
    if do == "front":
        check_panel(raw["panel"], f"{where}.panel")
        return Action("front", panel=raw["panel"], written=written)
    if do == "rewind":
        check_int_in(raw["step"], f"{where}.step", 0, walk.step)
        walk.step = raw["step"]
        return Action("rewind", step=raw["step"], written=written)
    if do == "race":
        return _race(raw, where, walk, written)
    return Action(do, written=written)


def _set(raw: Mapping[str, Any], where: str, walk: Walk, written: dict[str, Any]) -> Action:
    has_pair = "key" in raw or "value" in raw
    if has_pair == ("changes" in raw):
        raise FieldError(where, "bad_set", "give either 'key' and 'value' or 'changes'")
    if has_pair:
        for key in ("key", "value"):
            if key not in raw:
                raise FieldError(f"{where}.{key}", "missing", "is required")
        if not isinstance(raw["key"], str):
            raise FieldError(
                f"{where}.key", "bad_path", "must be a dotted path, got {value!r}", value=raw["key"]
            )
        changes = {raw["key"]: raw["value"]}
        field_name = f"{where}.key"
    else:
        changes = raw["changes"]
        field_name = f"{where}.changes"
    check_changes(changes, field_name)
    state = copy.deepcopy(walk.state)
    try:
        apply_changes(state, changes)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise FieldError(
            field_name, "bad_change", "cannot be applied: {reason}", reason=repr(error)
        ) from None
    prefix = "config" if walk.kind == "network" else "landscape"
    try:
        check_state(walk.kind, state, prefix)
    except FieldError as error:
        reason = error.template.format(**error.params)
        raise FieldError(
            field_name, error.code, "make {inner} invalid: {reason}", inner=error.field, reason=reason
        ) from None
    walk.state = state
    live = walk.kind == "network" and is_live(changes)
    if walk.kind == "network" and not live:
        walk.step = 0  # the network is rebuilt
    return Action("set", changes=copy.deepcopy(dict(changes)), live=live, written=written)


def _race(raw: Mapping[str, Any], where: str, walk: Walk, written: dict[str, Any]) -> Action:
    analytic = walk.state["analytic"]
    optimizers = None
    if "optimizers" in raw:
        rows = raw["optimizers"]
        if not isinstance(rows, list) or not 1 <= len(rows) <= MAX_RUNS:
            raise FieldError(
                f"{where}.optimizers", "bad_racers", "must be a list of 1 to {limit} racers", limit=MAX_RUNS
            )
        for i, row in enumerate(rows):
            validate_racer(row, f"{where}.optimizers[{i}]")
        optimizers = tuple(copy.deepcopy(row) for row in rows)
        analytic["optimizers"] = [copy.deepcopy(row) for row in rows]
    steps = raw.get("steps")
    if steps is not None:
        check_int_in(steps, f"{where}.steps", 1, analytic["steps"])
    walk.races.append(len(analytic["optimizers"]))
    return Action("race", steps=steps, optimizers=optimizers, written=written)
