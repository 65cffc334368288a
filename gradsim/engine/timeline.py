"""A run's timeline: full-state checkpoints, live edits as events, and deterministic rewind.

A lecturer goes back to just before the explosion, lowers the learning rate and
trains on. :class:`Timeline` keeps a full training-state checkpoint (parameters,
BatchNorm buffers, optimizer state, random generator, batch order, counters) every
``every`` steps, thinned by half (and ``every`` doubled) when ``max_checkpoints`` is
reached, so memory stays bounded. Live edits (learning rate, clipping, one weight)
are :class:`TimelineEvent` s stamped with the step *before which* they apply.
``rewind(trainer, step)`` restores the nearest checkpoint at or before ``step`` and
replays the steps and events in between, so the result equals a run that never
rewound (training is deterministic given state and events). Later events are
dropped, or kept as a branch that ``replay_branch`` can re-apply.

Histories are decimated views: on rewind every history drops its buckets after the
checkpoint step and the replay refills them, exact while no bucket merge happened in
between (later merges only lose resolution, never a spike).

The statistics shown after a rewind (or a look back) are those of the target step: the
replay always ends with at least one step, which takes the statistics sample
(``Trainer.step(statistics=True)``), so a target that is a checkpoint is replayed from the
checkpoint before it; at step 0, before any step, there are no statistics.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from gradsim.engine.trainer import StepRecord, Trainer

EDIT_KINDS = ("learning_rate", "clipping", "weight")
DEFAULT_EVERY = 50
DEFAULT_MAX_CHECKPOINTS = 64


@dataclass(frozen=True)
class TimelineEvent:
    step: int  # applied when trainer.step_count == step, before the next update
    kind: str  # one of EDIT_KINDS
    payload: dict[str, Any]


@dataclass(frozen=True)
class TrainerCheckpoint:
    """Everything mutable in a Trainer at one step (copies)."""

    step: int
    epoch: int
    batch_position: int
    arrays: dict[str, np.ndarray]
    rng_state: dict[str, Any]
    config: dict[str, Any]
    divergence: dict[str, Any] | None
    last_record: StepRecord | None
    nbytes: int = 0


def capture(trainer: Trainer) -> TrainerCheckpoint:
    arrays = {f"param.{k}": v.copy() for k, v in trainer.network.params.items()}
    arrays.update({f"buffer.{k}": v.copy() for k, v in trainer.network.buffers.items()})
    arrays.update({f"optimizer.{k}": v for k, v in trainer.optimizer.state_arrays().items()})
    arrays["train.order"] = trainer.order.copy()
    return TrainerCheckpoint(
        step=trainer.step_count,
        epoch=trainer.epoch,
        batch_position=trainer.batch_position,
        arrays=arrays,
        rng_state=copy.deepcopy(trainer.rng.bit_generator.state),
        config=copy.deepcopy(trainer.config),
        divergence=copy.deepcopy(trainer.divergence),
        last_record=trainer.last_record,
        nbytes=sum(a.nbytes for a in arrays.values()),
    )


def restore(trainer: Trainer, checkpoint: TrainerCheckpoint) -> None:
    """Put ``trainer`` back at the checkpoint (histories after it are dropped)."""
    for name, value in trainer.network.params.items():
        np.copyto(value, checkpoint.arrays[f"param.{name}"])
    for name, value in trainer.network.buffers.items():
        np.copyto(value, checkpoint.arrays[f"buffer.{name}"])
    optimizer = {
        k[len("optimizer.") :]: v for k, v in checkpoint.arrays.items() if k.startswith("optimizer.")
    }
    trainer.optimizer.load_state_arrays(optimizer)
    trainer.order = checkpoint.arrays["train.order"].copy()
    trainer.rng.bit_generator.state = copy.deepcopy(checkpoint.rng_state)
    if checkpoint.step != trainer.step_count:
        trainer.pass_step = None  # the network's cache holds a pass of another step
    trainer.step_count, trainer.epoch = checkpoint.step, checkpoint.epoch
    trainer.batch_position = checkpoint.batch_position
    trainer.config = copy.deepcopy(checkpoint.config)
    trainer.optimizer.lr = trainer.config["optimizer"]["lr"]
    trainer.divergence = copy.deepcopy(checkpoint.divergence)
    trainer.last_record = checkpoint.last_record
    for history in (trainer.scalars, trainer.layer_grads, trainer.evaluation, trainer.stats_history):
        history.truncate(checkpoint.step)
    keep = [i for i, s in enumerate(trainer.checkpoint_steps) if s <= checkpoint.step]
    trainer.checkpoint_steps = [trainer.checkpoint_steps[i] for i in keep]
    trainer.checkpoints = [trainer.checkpoints[i] for i in keep]


def apply_event(trainer: Trainer, event: TimelineEvent) -> None:
    """Apply one live edit to the trainer (validated like the config)."""
    if event.kind == "learning_rate":
        trainer.set_learning_rate(event.payload["lr"])
    elif event.kind == "clipping":
        trainer.set_clipping(event.payload["spec"])
    elif event.kind == "weight":
        trainer.set_weight(event.payload["name"], tuple(event.payload["index"]), event.payload["value"])
    else:
        raise ValueError(f"unknown timeline event {event.kind!r}")


@dataclass
class Timeline:
    """Checkpoints and edits of one run; ``record`` after every step."""

    every: int = DEFAULT_EVERY
    max_checkpoints: int = DEFAULT_MAX_CHECKPOINTS
    checkpoints: list[TrainerCheckpoint] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)
    branch: list[TimelineEvent] = field(default_factory=list)  # events cut off by the last rewind

    def start(self, trainer: Trainer) -> None:
        """Take the first checkpoint (call once when the run begins or is reset)."""
        self.checkpoints = [capture(trainer)]
        self.events = []
        self.branch = []

    def record(self, trainer: Trainer) -> None:
        if trainer.step_count % self.every == 0 and (
            not self.checkpoints or self.checkpoints[-1].step < trainer.step_count
        ):
            if len(self.checkpoints) >= self.max_checkpoints:
                self.checkpoints = self.checkpoints[:1] + self.checkpoints[2::2]
                self.every *= 2
            self.checkpoints.append(capture(trainer))

    def edit(self, trainer: Trainer, kind: str, payload: Mapping[str, Any]) -> TimelineEvent:
        """Apply a live edit now and remember it at the current step."""
        if kind not in EDIT_KINDS:
            raise ValueError(f"unknown edit {kind!r}; choose one of {EDIT_KINDS}")
        event = TimelineEvent(trainer.step_count, kind, dict(payload))
        apply_event(trainer, event)
        self.events.append(event)
        return event

    def rewind(
        self,
        trainer: Trainer,
        step: int,
        keep_branch: bool = False,
        on_step: Callable[[StepRecord], None] | None = None,
    ) -> None:
        """Go back to ``step``: restore the nearest checkpoint and replay (see module doc)."""
        if not 0 <= step <= trainer.step_count:
            raise ValueError(f"can only rewind to a step between 0 and {trainer.step_count}, got {step}")
        checkpoint = self._replay_start(step)
        replayed = [e for e in self.events if checkpoint.step <= e.step < step]
        self.branch = [e for e in self.events if e.step >= step] if keep_branch else []
        self.events = [e for e in self.events if e.step < step]
        restore(trainer, checkpoint)
        self.checkpoints = [c for c in self.checkpoints if c.step <= checkpoint.step]
        _replay(trainer, step, replayed, self.record, on_step)

    def state_at(self, trainer: Trainer, step: int) -> Trainer:
        """A copy of ``trainer`` as it was at ``step``; the trainer and this timeline stay as they are.

        For looking back without going back: the app shows the network, histograms and decision
        map of a past step while the run itself keeps its present. The copy shares nothing with
        the trainer and carries no timeline.
        """
        if not 0 <= step <= trainer.step_count:
            raise ValueError(f"can only look back to a step between 0 and {trainer.step_count}, got {step}")
        past = copy.deepcopy(trainer, {id(self): None})  # every reference to this timeline -> None
        checkpoint = self._replay_start(step)
        restore(past, checkpoint)
        _replay(past, step, [e for e in self.events if checkpoint.step <= e.step < step])
        return past

    def _checkpoint_before(self, step: int) -> TrainerCheckpoint:
        return max((c for c in self.checkpoints if c.step <= step), key=lambda c: c.step)

    def _replay_start(self, step: int) -> TrainerCheckpoint:
        """The checkpoint to replay from: the newest *before* ``step`` (at or before 0 for
        step 0), so the replay ends with a step that measures the statistics of ``step``."""
        return self._checkpoint_before(max(step - 1, 0))

    def replay_branch(self, trainer: Trainer) -> list[TimelineEvent]:
        """Re-apply the cut-off events stamped at the current step (the rest stay in the branch)."""
        now = [e for e in self.branch if e.step == trainer.step_count]
        for event in now:
            apply_event(trainer, event)
            self.events.append(event)
        self.branch = [e for e in self.branch if e.step != trainer.step_count]
        return now

    def nbytes(self) -> int:
        return sum(c.nbytes for c in self.checkpoints)

    def steps(self) -> list[int]:
        return [c.step for c in self.checkpoints]


def _replay(
    trainer: Trainer,
    step: int,
    events: list[TimelineEvent],
    record: Callable[[Trainer], None] | None = None,
    on_step: Callable[[StepRecord], None] | None = None,
) -> None:
    """Train from a restored checkpoint up to ``step``, applying ``events`` at their steps;
    the last step takes the statistics sample (at step 0 there is none: none is shown)."""
    pending = list(events)
    if trainer.step_count == step == 0:
        trainer.stats, trainer.histograms = None, {}
    while trainer.step_count < step:
        while pending and pending[0].step == trainer.step_count:
            apply_event(trainer, pending.pop(0))
        result = trainer.step(statistics=True) if trainer.step_count + 1 == step else trainer.step()
        if record is not None:
            record(trainer)
        if on_step is not None:
            on_step(result)
