"""What SOURCE names on the export command line: a session file, a scenario, a lesson or a
config, resolved in that order into a trainer to replay or a race to draw (no window here)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gradsim.engine.errors import GradsimError

DEFAULT_STEPS = 200


class UsageError(Exception):
    """Bad input on the command line: one line, exit 2."""


@dataclass
class Source:
    """What SOURCE named: exactly one of trainer (a network run) or landscape (a race state),
    plus the app arguments that open it in a window."""

    label: str
    trainer: Any = None
    steps: int = DEFAULT_STEPS  # how far to train or replay when not told
    landscape: dict[str, Any] | None = None
    landscape_arrays: dict[str, Any] | None = None
    window_args: tuple[str, ...] = ()
    lesson: bool = False


def resolve_source(args: argparse.Namespace) -> Source:
    """A session file, a scenario, a lesson or a config, in that order; UsageError otherwise."""
    text = args.source
    if text.endswith(".gradsim"):
        return _session_source(text)
    from gradsim.scenarios.catalogue import find_scenario

    try:
        scenario = find_scenario(text)
    except (GradsimError, LookupError, ValueError, OSError):
        scenario = None
    if scenario is not None:
        return _scenario_source(scenario, args.variant)
    from gradsim.scenarios.lessons import find_lesson

    try:
        lesson = find_lesson(text)
    except (GradsimError, LookupError, ValueError, OSError):
        lesson = None
    if lesson is not None:
        return _lesson_source(lesson, args.stage)
    from gradsim.engine.config import validate_config
    from gradsim.engine.trainer import Trainer
    from gradsim.shipped import load_config

    try:
        config = validate_config(load_config(text))
    except (GradsimError, OSError, ValueError):
        raise UsageError(
            f"{text!r} is no session file, scenario, lesson or config (gradsim scenarios lists the scenarios)"
        ) from None
    return Source(text, trainer=Trainer(config), window_args=("--config", text))


def _session_source(path: str) -> Source:
    from gradsim.runner.training_loop import TIMELINE_ATTRIBUTE
    from gradsim.session.io import load_session
    from gradsim.ui.sessions.controller import timeline_from_session

    if not Path(path).is_file():
        raise UsageError(f"session file not found: {path}")
    session = load_session(path)
    trainer = session.trainer
    ui = session.extras.get("ui")
    timeline = timeline_from_session(
        trainer, ui.get("timeline") if isinstance(ui, dict) else None, session.extra_arrays
    )
    if timeline is not None:
        setattr(trainer, TIMELINE_ATTRIBUTE, timeline)
    landscape = session.extras.get("landscape")
    arrays = {
        k[len("landscape.") :]: v for k, v in session.extra_arrays.items() if k.startswith("landscape.")
    }
    return Source(
        Path(path).name,
        trainer=trainer,
        steps=trainer.step_count,
        landscape=landscape if isinstance(landscape, dict) else None,
        landscape_arrays=arrays,
        window_args=(path,),
    )


def _scenario_source(scenario: Any, variant: str | None) -> Source:
    from gradsim.scenarios.catalogue import BASE

    variant = variant or BASE
    if variant not in scenario.variant_names():
        raise UsageError(
            f"{scenario.name} has no variant {variant!r}; choose one of {', '.join(scenario.variant_names())}"
        )
    window_args = ("--scenario", scenario.name, "--variant", variant)
    if scenario.kind == "landscape":
        return Source(scenario.name, landscape=scenario.landscape(variant), window_args=window_args)
    from gradsim.engine.trainer import Trainer

    return Source(
        scenario.name,
        trainer=Trainer(scenario.config(variant)),
        steps=scenario.steps,
        window_args=window_args,
    )


def _lesson_source(lesson: Any, stage: int | None) -> Source:
    from gradsim.engine.trainer import Trainer

    stage = 1 if stage is None else stage
    if not 1 <= stage <= len(lesson):
        raise UsageError(f"--stage must be 1 to {len(lesson)} for {lesson.name}, got {stage}")
    state = lesson.stage_state(stage - 1)
    window_args = ("--lesson", lesson.name, "--stage", str(stage))
    if state.kind == "landscape":
        return Source(lesson.name, landscape=state.landscape, window_args=window_args, lesson=True)
    steps = DEFAULT_STEPS
    if state.scenario:
        from gradsim.scenarios.catalogue import find_scenario

        steps = find_scenario(state.scenario).steps
    return Source(
        lesson.name, trainer=Trainer(state.config), steps=steps, window_args=window_args, lesson=True
    )
