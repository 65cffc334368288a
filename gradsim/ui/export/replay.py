"""The snapshots of an animation, from the deterministic replay of a run (no Qt here).

An animation must not depend on how fast the machine drew while training live, so its frames
are not screen grabs of the live run: the run is trained again from its start, and a snapshot
is taken at each frame's step. Training is deterministic given the config, the seed and the
live edits, so the replay is the run.

* A trainer with a timeline (the app's run; :mod:`gradsim.engine.timeline`) is replayed from
  the timeline's first checkpoint with its live edits (learning rate, clipping, weights)
  applied at their steps.
* A trainer without one (a session file keeps no timeline, a scenario is only a config) is
  trained again from step 0 with its config and seed; a session's live edits are not in the
  file, so a run edited mid-way is replayed with its last settings.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from gradsim.engine.snapshot import Snapshot
from gradsim.engine.timeline import Timeline, TimelineEvent, apply_event, restore
from gradsim.engine.trainer import Trainer
from gradsim.runner.training_loop import TIMELINE_ATTRIBUTE

DEFAULT_FRAMES = 60
HISTORIES = ("scalars", "layer_grads", "evaluation", "stats_history")


@dataclass(frozen=True)
class ReplayPlan:
    """Which steps become frames: ``frame_steps`` ascending, from ``start`` to ``end``."""

    start: int
    end: int
    frame_steps: tuple[int, ...]


def plan_frames(start: int, end: int, frames: int | None = None, every: int | None = None) -> ReplayPlan:
    """Frame steps from ``start`` to ``end``: every ``every`` steps, or ``frames`` steps evenly
    spread (both: every ``every`` steps, at most ``frames`` of them); the end is always one."""
    if end < start:
        raise ValueError(f"the replay ends at step {end}, before its start {start}")
    if every is not None:
        steps = list(range(start, end + 1, every))
        if frames is not None:
            steps = steps[:frames]
        elif steps[-1] != end:
            steps.append(end)
    else:
        count = DEFAULT_FRAMES if frames is None else frames
        if count <= 1:
            return ReplayPlan(start, end, (end,))  # one frame: the run at its end (a still image)
        steps = sorted({int(round(s)) for s in np.linspace(start, end, count)})
    return ReplayPlan(start, end, tuple(steps))


def replay_start(trainer: Trainer) -> tuple[Trainer, list[TimelineEvent]]:
    """A fresh copy of ``trainer`` at the start of its run, and the live edits to re-apply."""
    timeline = getattr(trainer, TIMELINE_ATTRIBUTE, None)
    if isinstance(timeline, Timeline) and timeline.checkpoints:
        first = timeline.checkpoints[0]
        # A new Trainer, not a deep copy: its optimizer's parameter vectors and the network's
        # arrays are built as views of each other, which a copy or a pickle would not keep.
        past = Trainer(first.config, dataset=trainer.dataset)
        for name in HISTORIES:  # the histories before the first checkpoint, as the run drew them
            setattr(past, name, copy.deepcopy(getattr(trainer, name)))
        restore(past, first)
        return past, [event for event in timeline.events if event.step >= first.step]
    return Trainer(trainer.config, dataset=trainer.dataset), []


def replay_snapshots(
    trainer: Trainer,
    steps: int,
    frames: int | None = None,
    every: int | None = None,
    *,
    include_decision: bool = True,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[ReplayPlan, Iterator[Snapshot]]:
    """The plan, and a generator of one snapshot per frame step of the run replayed to ``steps``.

    ``steps`` counts from the start of the run (a run replayed from a later checkpoint keeps its
    step numbers). ``trainer`` is not touched. The generator stops early when ``cancelled()``.
    """
    past, events = replay_start(trainer)
    plan = plan_frames(past.step_count, max(steps, past.step_count), frames, every)
    return plan, _frames(past, events, plan.frame_steps, include_decision, cancelled)


def _frames(
    trainer: Trainer,
    events: Sequence[TimelineEvent],
    frame_steps: Sequence[int],
    include_decision: bool,
    cancelled: Callable[[], bool],
) -> Iterator[Snapshot]:
    pending = sorted(events, key=lambda event: event.step)
    for target in frame_steps:
        while trainer.step_count < target:
            if cancelled():
                return
            while pending and pending[0].step == trainer.step_count:
                apply_event(trainer, pending.pop(0))
            # the frame's step measures the statistics its panels show
            trainer.step(statistics=trainer.step_count + 1 == target)
        yield trainer.snapshot(include_decision=include_decision)
