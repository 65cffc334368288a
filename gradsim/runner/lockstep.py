"""Variants in lockstep: N trainers stepped one step each in turn, one frame holding them all.

A comparison (:mod:`gradsim.engine.variants`) trains 2 to 4 variants of a config side by
side. They must move together, or the overlaid curves would compare step 900 of one with
step 400 of another: :class:`LockstepLoop` steps every variant once per *lockstep* and
only then checks the clock, so every frame shows all variants at the same step count. It
duck-types the :class:`~gradsim.runner.training_loop.TrainingLoop` that
:class:`~gradsim.runner.training_loop.WorkerCore` serves, so the same command channel, pause
protocol and latest-wins publishing run it, in the training process
(``ProcessBackend(..., loop_type=LockstepLoop)``). Qt-free.

Each variant is an ordinary :class:`~gradsim.engine.trainer.Trainer` (held by a
:class:`~gradsim.engine.variants.VariantSet`, which lesson checks step headless) built from its own
config (its own generators, seeded from the config), so a variant trains bit for bit as
the same config trained alone: lockstep only interleaves, it shares nothing. The cost is
N times one run (the decision maps too, refreshed at the same adaptive cadence).

A frame carries what the comparison view draws: each variant's snapshot without its weight
and gradient matrices (the network diagram and the weights panel are not tiled; only the
first layer's weights stay, which name the inputs of a dataset the decision tile cannot
draw). For 4 variants of a 10x64 net that is 2.6 of the frame's 3.2 MB, pickled 40 times a
second in the training process and unpickled in the GUI's.

Not in a comparison: rewind, look back and live edits (one run's timeline does not apply
to N); a NaN in one variant does not pause the others (its diagnosis line says so).
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from gradsim.engine.snapshot import Snapshot, frozen_dict
from gradsim.engine.variants import VariantSet
from gradsim.runner.training_loop import (
    Frame,
    Pacing,
    TrainerFactory,
    Triggers,
    _smooth,
    default_factory,
    step_rate,
)

FIRST_WEIGHTS = "layers.0.W"


@dataclass(frozen=True)
class ComparisonSnapshot:
    """One frame of a comparison: every variant's snapshot at the same ``step``."""

    step: int
    setting: str
    labels: tuple[str, ...]  # the varied value of each variant, as the legend names it
    snapshots: tuple[Snapshot, ...]

    @property
    def diagnoses(self) -> tuple[Any, ...]:
        """Every variant's diagnoses, for the pause-on-diagnosis trigger (a change in any)."""
        return tuple(d for snapshot in self.snapshots for d in snapshot.diagnoses)


class LockstepLoop:
    """Steps a :class:`VariantSet` in lockstep; the interface WorkerCore serves (see TrainingLoop)."""

    def __init__(self, variants: VariantSet, factory: TrainerFactory, pacing: Pacing) -> None:
        self.factory = factory
        self.pacing = pacing
        self.serial = 0
        self.last_publish = -math.inf
        self.publish_interval = 1.0 / pacing.publish_hz
        self.since_publish = 0
        self.snapshot_cost = 0.0
        self.decision_cost = 0.0
        self.decision_interval = 1.0 / pacing.decision_hz
        self.last_decision = -math.inf
        self.rate_window: deque[tuple[float, int]] = deque(maxlen=64)
        self.shown_codes: tuple[tuple[str, ...], ...] = ()
        self._use(variants)

    @property
    def trainer(self) -> VariantSet:
        """What WorkerCore exports and asks for the step count (the whole set)."""
        return self.variants

    def _use(self, variants: VariantSet) -> None:
        self.variants = variants
        self._decisions: list[dict[str, np.ndarray]] = [{} for _ in variants.trainers]
        self._data: list[dict[str, np.ndarray]] = [{} for _ in variants.trainers]
        self.last_decision = -math.inf
        self.rate_window.clear()

    # ---------------------------------------------------------------- edits
    def apply(self, edit: tuple[Any, ...]) -> None:
        kind, *args = edit
        if kind == "replace":
            self._use(args[0])
        elif kind == "reset":
            variants = self.variants
            trainers = [self.factory(trainer.config) for trainer in variants.trainers]
            self._use(VariantSet(variants.config, variants.comparison, trainers))
        elif kind == "call":
            args[0](self.variants)
        else:
            raise ValueError(f"a comparison cannot take the command {kind!r} (one run's edits)")

    # ---------------------------------------------------------------- stepping
    def run_batch(
        self,
        limit: int | None,
        triggers: Triggers,
        keep_going: Callable[[], bool],
        limit_ends_steps: bool = False,
    ) -> tuple[int, str | None]:
        """Run locksteps for about ``batch_seconds`` (at most ``limit``); return (done, trigger).

        Every variant takes each step before the clock is read, so they never drift apart.
        Only ``at_step`` pauses a comparison (its last step takes the statistics sample)."""
        deadline = min(
            time.perf_counter() + self.pacing.batch_seconds, self.last_publish + self.publish_interval
        )
        trainers = self.variants.trainers
        done = 0
        while (limit is None or done < limit) and keep_going():
            step = trainers[0].step_count + 1
            statistics = (limit_ends_steps and done + 1 == limit) or triggers.at_step == step
            self.variants.step(statistics)
            done += 1
            if triggers.at_step == step:
                self.since_publish += done
                return done, "at_step"
            if time.perf_counter() >= deadline:
                break
        self.since_publish += done
        return done, None

    # ---------------------------------------------------------------- publishing
    def publish_due(self, now: float) -> bool:
        return now - self.last_publish >= self.publish_interval

    def frame(self, fresh: bool = False) -> Frame:
        """Every variant's snapshot at this step; decision maps at their own adaptive cadence
        (``fresh``: this very step's, for the frame a pause or an edit leaves on screen)."""
        started = time.perf_counter()
        trainers = self.variants.trainers
        snapshots = [shown_part(trainer.snapshot(include_decision=False)) for trainer in trainers]
        finished = time.perf_counter()
        self.snapshot_cost = _smooth(self.snapshot_cost, finished - started, self.serial == 0)
        if trainers[0].dataset.input_dim == 2:
            if fresh or finished - self.last_decision >= self.decision_interval or not self._decisions[0]:
                for i, trainer in enumerate(trainers):
                    self._decisions[i] = frozen_dict(trainer.decision_grid())
                    self._data[i] = frozen_dict({"x": trainer.dataset.x_train, "y": trainer.dataset.y_train})
                done = time.perf_counter()
                self.decision_cost = _smooth(self.decision_cost, done - finished, not self.decision_cost)
                self.decision_interval = max(
                    1.0 / self.pacing.decision_hz, self.decision_cost / self.pacing.max_decision_share
                )
                self.last_decision = finished = done
            snapshots = [
                dataclasses.replace(s, decision=self._decisions[i], data=self._data[i])
                for i, s in enumerate(snapshots)
            ]
        self.publish_interval = max(
            1.0 / self.pacing.publish_hz, self.snapshot_cost / self.pacing.max_snapshot_share
        )
        self.last_publish = finished
        self.since_publish = 0
        self.serial += 1
        step = self.variants.step_count
        comparison = ComparisonSnapshot(
            step, self.variants.comparison.setting, self.variants.labels, tuple(snapshots)
        )
        return Frame(comparison, self._rate(finished, step), self.serial)  # type: ignore[arg-type]

    def preview_frame(self, step: int) -> Frame | None:
        """No look back in a comparison (its variants keep no shared timeline)."""
        return None

    def _rate(self, now: float, step: int) -> float:
        return step_rate(self.rate_window, now, step)

    def mark_idle(self) -> None:
        self.rate_window.clear()

    def diagnosis_changed(self, snapshot: Any) -> bool:
        codes = tuple(tuple(d.code for d in s.diagnoses) for s in snapshot.snapshots)
        changed = codes != self.shown_codes
        self.shown_codes = codes
        return changed


def shown_part(snapshot: Snapshot) -> Snapshot:
    """``snapshot`` without the weight and gradient matrices the comparison does not show
    (the first layer's weights stay: the decision tile names a dataset's inputs by them)."""
    first = {key: value for key, value in snapshot.weights.items() if key == FIRST_WEIGHTS}
    return dataclasses.replace(snapshot, weights=first, grads={})


def run_lockstep(variants: VariantSet, steps: int) -> None:
    """``steps`` locksteps headless, the last taking the statistics sample (tests, benchmarks)."""
    loop = LockstepLoop(variants, default_factory, Pacing(sleep_seconds=0.0))
    remaining = steps
    while remaining > 0:
        done, _ = loop.run_batch(remaining, Triggers(on_nan=False), lambda: True, limit_ends_steps=True)
        loop.last_publish = time.perf_counter()  # no frames here: only the batch clock
        remaining -= done
