"""The Qt-free training core: a paced loop, a command channel, latest-wins frames.

Both backends run it: a QThread in the GUI process (:mod:`gradsim.ui.shell.worker`) and a spawned
training process (:mod:`gradsim.runner.training_process`). It imports no Qt, so neither does
the training process.

Why it looks like this (DESIGN.md section 3, measured on this machine):

* A Python thread that runs numpy steps without pause starves the GUI of the GIL (3.6 fps).
  The worker therefore runs steps for a few milliseconds (``Pacing.batch_seconds``), then
  sleeps a few milliseconds (never zero), so the GUI thread gets the interpreter to draw.
* One signal per training step froze the GUI. The worker instead puts the newest
  :class:`Frame` into a lock-protected :class:`LatestSlot` at most ``publish_hz`` times a
  second; a GUI-thread ``QTimer`` takes it and hands it to the panels ("latest wins").
* A busy Python loop cannot receive queued signals, so commands (play, pause, step N,
  reset, live edits, stop) go through :class:`CommandChannel`, guarded by a
  ``threading.Condition`` that also wakes the idle worker.

Protocol: every pause (the user's, Step N done, a trigger, NaN) publishes one last frame
*and then* emits ``paused(step, reason)``; after that nothing is published until the
next command. Step N runs exactly N steps.

The last frame shows the statistics of the step the run paused at, not of the last
cadence sample (steps 1, 21, 41, ...): the last step of a Step N and the step of an
``at_step`` trigger take the sample as they run (``Trainer.step(statistics=True)``); any
other pause takes it when it is acknowledged (``Trainer.record_statistics_now``). Neither
changes the run (docs in :mod:`gradsim.engine.trainer`).
"""

from __future__ import annotations

import copy
import dataclasses
import math
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from gradsim.engine.runtime import BlasScope
from gradsim.engine.snapshot import Snapshot, frozen_dict
from gradsim.engine.timeline import Timeline
from gradsim.engine.trainer import Trainer

#: Why training paused (the ``reason`` of :attr:`gradsim.ui.shell.worker.TrainingController.paused`).
PAUSE_REASONS: tuple[str, ...] = ("user", "steps_done", "at_step", "diagnosis", "loss_below", "nan", "failed")

TrainerFactory = Callable[[Mapping[str, Any]], Trainer]


@dataclass(frozen=True)
class Triggers:
    """When training pauses by itself. ``at_step`` and ``loss_below`` fire once, then disarm."""

    at_step: int | None = None
    on_diagnosis_change: bool = False
    loss_below: float | None = None
    on_nan: bool = True


@dataclass(frozen=True)
class Pacing:
    """How the worker shares the interpreter with the GUI (see the module docstring)."""

    batch_seconds: float = 0.005  # run steps for this long ...
    sleep_seconds: float = 0.002  # ... then give the GIL away for this long (0 only without a GUI thread)
    publish_hz: float = 40.0  # at most this many frames a second (the GUI draws what it can)
    decision_hz: float = 10.0  # the decision map costs a forward pass over a grid: refresh it less
    #: the weight and gradient matrices are drawn by the network diagram (15 Hz) and the decision
    #: panel (10 Hz); refreshed more often they only cost building, encoding and piping (a 10x64
    #: frame is ~0.63 MB of them: ~4% of the training process's time at 34 frames/s, measured)
    matrices_hz: float = 15.0
    max_decision_share: float = 0.10  # and at most this share of the time
    max_snapshot_share: float = 0.15  # publish less often when snapshots cost more than this share


@dataclass(frozen=True)
class Frame:
    """What the GUI draws: a snapshot and how fast training went."""

    snapshot: Snapshot
    steps_per_second: float
    serial: int
    kept_edits: int = 0  # live edits kept by a rewind, applied again when training reaches them
    preview: bool = False  # a look back at a past step (the run itself did not move)


class LatestSlot:
    """One frame, newest wins; the GUI takes it at its own rate."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frame: Frame | None = None
        self._taken = True
        self.published = 0  # frames ever put (for tests and statistics)

    def put(self, frame: Frame) -> None:
        with self._lock:
            self._frame, self._taken = frame, False
            self.published += 1

    def take(self) -> Frame | None:
        """The newest frame not taken yet, or None."""
        with self._lock:
            if self._taken:
                return None
            self._taken = True
            return self._frame

    def taken(self) -> bool:
        """Has the GUI taken the last frame put? (Training then builds the next one.)"""
        with self._lock:
            return self._taken


@dataclass
class Work:
    """What the worker should do next, copied out of the channel under its lock."""

    stop: bool
    mode: str  # "idle", "running" or "stepping"
    pending: int
    ack: str | None  # a pause to acknowledge now
    generation: int = 0  # of the last play/step/pause command
    edits: list[tuple[Any, ...]] = field(default_factory=list)
    speed: int = 0
    triggers: Triggers = field(default_factory=Triggers)
    gui_interval: float = 0.0  # seconds between the frames the GUI draws (0: not known)


#: How soon a frame the GUI has not asked for yet (it has not taken the last) is looked at again.
POSTPONE_SECONDS = 0.004

#: Frames are published at least this much faster than the GUI draws them (so a frame is
#: ready when the GUI is, without aliasing), never faster than ``Pacing.publish_hz``.
GUI_LEAD = 1.25


class CommandChannel:
    """The thread-safe command state shared by the GUI (writer) and the worker (reader)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.mode = "idle"  # read without the lock between steps: a str assignment is atomic
        self._pending = 0
        self._stop = False
        self._pause_requested = False
        self._edits: deque[tuple[Any, ...]] = deque()
        self._speed = 0
        self._triggers = Triggers()
        self._gui_interval = 0.0
        self.generation = 0  # counts play/step/pause commands: an older pause ack is stale

    # ---------------------------------------------------------------- GUI side
    # ``generation`` numbers come from the controller: an acknowledgement carries the
    # generation of the command it answers, so the GUI can ignore a superseded one.
    def play(self, generation: int) -> None:
        with self._cond:
            self.mode, self._pending, self._pause_requested = "running", 0, False
            self.generation = generation
            self._cond.notify_all()

    def pause(self, generation: int) -> None:
        """Stop stepping; the worker always acknowledges (also when it was idle already)."""
        with self._cond:
            self.mode, self._pending, self._pause_requested = "idle", 0, True
            self.generation = generation
            self._cond.notify_all()

    def step(self, n: int, generation: int) -> None:
        with self._cond:
            self._pending = (self._pending if self.mode == "stepping" else 0) + int(n)
            self.mode, self._pause_requested = "stepping", False
            self.generation = generation
            self._cond.notify_all()

    def post(self, *edit: Any) -> None:
        with self._cond:
            self._edits.append(edit)
            self._cond.notify_all()

    def set_speed(self, steps_per_frame: int) -> None:
        with self._cond:
            self._speed = max(0, int(steps_per_frame))
            self._cond.notify_all()

    def set_triggers(self, triggers: Triggers) -> None:
        with self._cond:
            self._triggers = triggers

    def set_gui_interval(self, seconds: float) -> None:
        """How often the GUI draws a frame (0: as often as frames come); see :data:`GUI_LEAD`."""
        with self._cond:
            self._gui_interval = max(0.0, float(seconds))

    def triggers(self) -> Triggers:
        with self._cond:
            return self._triggers

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    # ---------------------------------------------------------------- worker side
    def next_work(self) -> Work:
        """Block while there is nothing to do; then take the edits and the current orders."""
        with self._cond:
            while not (self._stop or self.mode != "idle" or self._edits or self._pause_requested):
                self._cond.wait()
            ack = "user" if self._pause_requested and self.mode == "idle" else None
            self._pause_requested = False
            edits = list(self._edits)
            self._edits.clear()
            return Work(
                self._stop,
                self.mode,
                self._pending,
                ack,
                self.generation,
                edits,
                self._speed,
                self._triggers,
                self._gui_interval,
            )

    def finish_batch(self, done: int, trigger: str | None) -> tuple[str, int] | None:
        """Book ``done`` steps; return (reason, generation) of a pause to acknowledge now, or None."""
        with self._cond:
            reason = self._book(done, trigger)
            return None if reason is None else (reason, self.generation)

    def _book(self, done: int, trigger: str | None) -> str | None:
        """Called with the lock held."""
        if self.mode == "stepping":
            self._pending = max(0, self._pending - done)
        if self.mode == "idle" and self._pause_requested:
            self._pause_requested = False
            return "user"
        if trigger is not None and self.mode != "idle":
            self.mode, self._pending = "idle", 0
            self._triggers = _disarm(self._triggers, trigger)
            return trigger
        if self.mode == "stepping" and self._pending == 0:
            self.mode = "idle"
            return "steps_done"
        return None

    def force_idle(self) -> None:
        with self._cond:
            self.mode, self._pending, self._pause_requested = "idle", 0, False

    def wait(self, seconds: float) -> None:
        """Sleep up to ``seconds``, waking early when a command arrives (releases the GIL)."""
        with self._cond:
            if not (self._stop or self._edits or self._pause_requested or self.mode == "idle"):
                self._cond.wait(seconds)


def _smooth(average: float, value: float, first: bool) -> float:
    """An exponential moving average of a cost (the first value starts it)."""
    return value if first else 0.7 * average + 0.3 * value


def _disarm(triggers: Triggers, reason: str) -> Triggers:
    if reason == "at_step":
        return dataclasses.replace(triggers, at_step=None)
    if reason == "loss_below":
        return dataclasses.replace(triggers, loss_below=None)
    return triggers



def step_rate(window: deque[tuple[float, int]], now: float, step: int) -> float:
    """Steps per second over the last second: ``window`` keeps (time, step) pairs of the
    frames; a reset (the step going back) reads as 0 until the window holds it no more."""
    window.append((now, step))
    while len(window) > 2 and now - window[0][0] > 1.0:
        window.popleft()
    (t0, s0), (t1, s1) = window[0], window[-1]
    return (s1 - s0) / (t1 - t0) if t1 > t0 and s1 >= s0 else 0.0

class TrainingLoop:
    """The Qt-free part of the worker: steps a Trainer, checks triggers, builds frames."""

    def __init__(self, trainer: Trainer, factory: TrainerFactory, pacing: Pacing) -> None:
        self.trainer = trainer
        self.factory = factory
        self.pacing = pacing
        self.serial = 0
        self.last_publish = -math.inf
        self.last_decision = -math.inf
        self.last_matrices = -math.inf
        self._matrices: tuple[dict[str, np.ndarray], dict[str, np.ndarray]] | None = None
        self.publish_interval = 1.0 / pacing.publish_hz
        self.since_publish = 0
        self.snapshot_cost = 0.0
        self.decision_cost = 0.0
        self.decision_interval = 1.0 / pacing.decision_hz
        self.rate_window: deque[tuple[float, int]] = deque(maxlen=64)
        self.shown_codes: tuple[str, ...] = ()
        self.gui_interval = 0.0  # set by WorkerCore from the channel: frames the GUI would drop cost here
        self._decision: dict[str, np.ndarray] = {}
        self._data: dict[str, np.ndarray] = {}
        self.timeline = timeline_of(trainer)

    # ---------------------------------------------------------------- edits
    def apply(self, edit: tuple[Any, ...]) -> None:
        kind, *args = edit
        trainer = self.trainer
        if kind == "replace":
            self._use(args[0])
        elif kind == "reset":
            self._use(self.factory(trainer.config))
        # Live edits are timeline events (saved in the session, replayed on rewind).
        elif kind == "set_lr":
            self.timeline.edit(trainer, "learning_rate", {"lr": float(args[0])})
            trainer.clear_divergence()
        elif kind == "set_clipping":
            self.timeline.edit(trainer, "clipping", {"spec": dict(args[0])})
            trainer.clear_divergence()
        elif kind == "edit_weight":
            name, row, col, value = args
            payload = {"name": name, "index": [int(row), int(col)], "value": float(value)}
            self.timeline.edit(trainer, "weight", payload)
        elif kind == "rewind":  # (step, keep_branch): restore a checkpoint and replay, in the worker
            self.timeline.rewind(trainer, int(args[0]), bool(args[1]))
            trainer.clear_divergence()
        elif kind == "call":  # a function run in the worker thread (tests, sessions)
            args[0](trainer)
        else:
            raise ValueError(f"unknown worker command {kind!r}")

    def _use(self, trainer: Trainer) -> None:
        self.trainer = trainer
        self.timeline = timeline_of(trainer)
        self.rate_window.clear()
        self._decision, self._data = {}, {}
        self.last_decision = -math.inf
        self._matrices, self.last_matrices = None, -math.inf

    # ---------------------------------------------------------------- stepping
    def run_batch(
        self,
        limit: int | None,
        triggers: Triggers,
        keep_going: Callable[[], bool],
        limit_ends_steps: bool = False,
    ) -> tuple[int, str | None]:
        """Run steps for about ``batch_seconds`` (at most ``limit``); return (done, trigger).

        ``limit_ends_steps``: the ``limit``-th step is the last of a Step N, where the run
        pauses; it takes the statistics sample, as does the step an ``at_step`` trigger
        pauses at."""
        trainer = self.trainer
        # End the batch when it has run long enough or a frame is due, whichever is first.
        deadline = min(
            time.perf_counter() + self.pacing.batch_seconds, self.last_publish + self.publish_interval
        )
        done = 0
        previous_loss = trainer.last_record.loss if trainer.last_record else math.inf
        timeline = self.timeline
        # One BLAS scope for the batch: each step's own scope then only counts its depth
        # instead of asking every BLAS library for its threads through ctypes, which also
        # hands the GIL to the pipe threads in the middle of a step (py-spy of the training
        # process of a 3x8 net: 4% of its samples there).
        with BlasScope(getattr(trainer, "blas_threads", None)):
            while (limit is None or done < limit) and keep_going():
                if timeline.branch:  # edits kept by a rewind: re-applied at the steps they were made
                    timeline.replay_branch(trainer)
                pauses_after = (limit_ends_steps and done + 1 == limit) or (
                    triggers.at_step is not None and trainer.step_count + 1 == triggers.at_step
                )
                record = trainer.step(statistics=True) if pauses_after else trainer.step()
                timeline.record(trainer)
                done += 1
                reason = self._trigger(record, previous_loss, triggers)
                if reason is not None:
                    self.since_publish += done
                    return done, reason
                previous_loss = record.loss
                if time.perf_counter() >= deadline:
                    break
        self.since_publish += done
        return done, None

    @staticmethod
    def _trigger(record: Any, previous_loss: float, triggers: Triggers) -> str | None:
        if triggers.on_nan and not record.finite:
            return "nan"
        if triggers.at_step is not None and record.step == triggers.at_step:
            return "at_step"
        if (
            triggers.loss_below is not None
            and record.loss < triggers.loss_below
            and not previous_loss < triggers.loss_below
        ):
            return "loss_below"
        return None

    # ---------------------------------------------------------------- publishing
    def publish_due(self, now: float) -> bool:
        return now - self.last_publish >= self.publish_interval

    def frame(self, fresh: bool = False) -> Frame:
        """A new frame of the current state.

        The snapshot proper is cheap (~1 ms); the decision map is a forward pass over a
        60x60 grid (7 ms for 10x8, 45 ms for 10x64 here), so it is refreshed at most
        ``decision_hz`` times a second and reused in between, and the weight and gradient
        matrices at most ``matrices_hz`` times. Each part gets its own adaptive interval, so a
        big net still draws its curves at the full frame rate. ``fresh``: every part of this
        very step (the frame a pause or an edit leaves on screen).
        """
        started = time.perf_counter()
        trainer = self.trainer
        matrices_due = (
            fresh or self._matrices is None or started - self.last_matrices >= 1.0 / self.pacing.matrices_hz
        )
        snapshot = trainer.snapshot(include_decision=False, include_matrices=matrices_due)
        if matrices_due:
            self._matrices, self.last_matrices = (snapshot.weights, snapshot.grads), started
        else:  # the same read-only arrays as the last frame's: unchanged, they travel as nothing
            weights, grads = self._matrices  # type: ignore[misc]
            snapshot = dataclasses.replace(snapshot, weights=weights, grads=grads)
        finished = time.perf_counter()
        self.snapshot_cost = _smooth(self.snapshot_cost, finished - started, self.serial == 0)
        if trainer.dataset.input_dim == 2:
            if fresh or finished - self.last_decision >= self.decision_interval or not self._decision:
                self._decision = frozen_dict(trainer.decision_grid())
                self._data = frozen_dict({"x": trainer.dataset.x_train, "y": trainer.dataset.y_train})
                done = time.perf_counter()
                self.decision_cost = _smooth(self.decision_cost, done - finished, not self.decision_cost)
                self.decision_interval = max(
                    1.0 / self.pacing.decision_hz, self.decision_cost / self.pacing.max_decision_share
                )
                self.last_decision = finished = done
            snapshot = dataclasses.replace(snapshot, decision=self._decision, data=self._data)
        # Keep snapshot building below a share of the time: big nets publish less often; and
        # publish no faster than the GUI draws (with a lead): a frame it drops was built for nothing.
        self.publish_interval = max(
            1.0 / self.pacing.publish_hz,
            self.snapshot_cost / self.pacing.max_snapshot_share,
            self.gui_interval / GUI_LEAD,
        )
        self.last_publish = finished
        self.since_publish = 0
        self.serial += 1
        rate = self._rate(finished, trainer.step_count)
        return Frame(snapshot, rate, self.serial, len(self.timeline.branch))

    def preview_frame(self, step: int) -> Frame | None:
        """The state at a past ``step``, replayed on a copy, or None if the run has no such step.

        The run, its timeline and the frame pacing are untouched: this is a look back, not a
        rewind. Costs a copy of the trainer and at most one checkpoint interval of steps.
        """
        trainer = self.trainer
        if not 0 <= step <= trainer.step_count:
            return None
        past = self.timeline.state_at(trainer, step)
        snapshot = past.snapshot(include_decision=False)
        if past.dataset.input_dim == 2:
            data = frozen_dict({"x": past.dataset.x_train, "y": past.dataset.y_train})
            snapshot = dataclasses.replace(snapshot, decision=frozen_dict(past.decision_grid()), data=data)
        return Frame(snapshot, 0.0, self.serial, len(self.timeline.branch), preview=True)

    def _rate(self, now: float, step: int) -> float:
        return step_rate(self.rate_window, now, step)

    def mark_idle(self) -> None:
        """Forget the rate window, so a pause does not count as slow training."""
        self.rate_window.clear()

    def diagnosis_changed(self, snapshot: Snapshot) -> bool:
        codes = tuple(d.code for d in snapshot.diagnoses)
        changed = codes != self.shown_codes
        self.shown_codes = codes
        return changed


class WorkerCore:
    """The worker's loop, whatever carries its results (Qt signals in a thread, a pipe from a process).

    ``publish(frame)`` delivers a frame; ``acknowledge(step, reason, generation)`` a pause;
    ``fail(traceback)`` an exception (the loop then idles and waits for the next command);
    ``export(trainer)`` answers an ``("export",)`` command.

    ``wanted()`` says whether the GUI has taken the last frame: while it has not, training
    builds no new frame (pauses, edits and look-backs still publish theirs). A GUI that
    draws 15 frames/s on a busy machine then costs training 15 frames, not 40 it would
    replace unseen (~3 ms each at 10x64: the snapshot, its diagnoses, the encoding).
    """

    def __init__(
        self,
        loop: TrainingLoop,
        channel: CommandChannel,
        publish: Callable[[Frame], None],
        acknowledge: Callable[[int, str, int], None],
        fail: Callable[[str], None],
        export: Callable[[Trainer], None] | None = None,
        wanted: Callable[[], bool] | None = None,
    ) -> None:
        self.loop, self.channel = loop, channel
        self.publish, self.acknowledge, self.fail, self.export = publish, acknowledge, fail, export
        self.wanted = wanted or _always

    def serve(self) -> None:
        """Run until the channel says stop."""
        while True:
            work = self.channel.next_work()
            if work.stop:
                return
            try:
                self._step_once(work)
            except Exception:  # noqa: BLE001 - every failure must reach the user, not end the worker
                self.channel.force_idle()
                self.loop.mark_idle()
                self.fail(traceback.format_exc())

    def _step_once(self, work: Work) -> None:
        loop, channel = self.loop, self.channel
        loop.gui_interval = work.gui_interval  # a loop that does not read it publishes at its own rate
        changed = False
        for edit in work.edits:
            if edit[0] == "export" and self.export is not None:
                self.export(loop.trainer)
            elif edit[0] == "preview":  # a look back: published at once, the run does not change
                frame = loop.preview_frame(int(edit[1]))
                if frame is not None:
                    self.publish(frame)
            else:
                loop.apply(edit)
                changed = True
        if work.mode == "idle":
            if work.ack:
                self._pause((work.ack, work.generation))
            elif changed:
                self._publish()
            return
        limit = work.pending if work.mode == "stepping" else None
        if work.mode == "running" and work.speed:
            limit = work.speed - loop.since_publish
            if limit <= 0:  # this frame's steps are done: wait for the next frame
                channel.wait(max(0.0, loop.last_publish + loop.publish_interval - time.perf_counter()))
                if channel.mode != "running":
                    return
                if self.wanted():
                    self._publish_checked(work)
                else:  # the GUI has not taken the last one yet
                    channel.wait(loop.pacing.batch_seconds)
                return
        mode = work.mode
        done, trigger = loop.run_batch(
            limit, work.triggers, lambda: channel.mode == mode, limit_ends_steps=mode == "stepping"
        )
        ack = channel.finish_batch(done, trigger)
        if ack is not None:
            self._pause(ack)
            return
        if loop.publish_due(time.perf_counter()):
            if not self.wanted():
                self._postpone_publish()
            elif self._publish_checked(work):
                return
        if loop.pacing.sleep_seconds > 0:
            time.sleep(loop.pacing.sleep_seconds)  # give the GIL away to the GUI thread

    def _postpone_publish(self) -> None:
        """The GUI has not taken the last frame: look again in a few ms (a frame left due would
        end every batch after one step; a whole batch, 20 ms in the process, would delay it)."""
        loop = self.loop
        again = min(loop.pacing.batch_seconds, POSTPONE_SECONDS)
        loop.last_publish = time.perf_counter() - loop.publish_interval + again

    def _publish(self) -> None:
        """A frame of this very step (a pause, an edit): nothing in it from an earlier step."""
        frame = self.loop.frame(fresh=True)
        self.loop.diagnosis_changed(frame.snapshot)
        self.publish(frame)

    def _publish_checked(self, work: Work) -> bool:
        """Publish; pause when the diagnosis changed and that trigger is on. True if paused."""
        frame = self.loop.frame()
        changed = self.loop.diagnosis_changed(frame.snapshot)
        self.publish(frame)
        if changed and work.triggers.on_diagnosis_change:
            ack = self.channel.finish_batch(0, "diagnosis")
            if ack is not None:
                self._pause(ack, published=True)
                return True
        return False

    def _pause(self, ack: tuple[str, int], published: bool = False) -> None:
        """Publish the last frame, with the statistics of this step, then acknowledge the pause.

        ``published``: a frame of this step went out already; another one follows only
        when the pause took a new statistics sample."""
        if self.loop.trainer.record_statistics_now() or not published:
            self._publish()
        self._acknowledge(ack)

    def _acknowledge(self, ack: tuple[str, int]) -> None:
        self.loop.mark_idle()
        self.acknowledge(self.loop.trainer.step_count, ack[0], ack[1])


def _always() -> bool:
    return True


# ---------------------------------------------------------------- sessions: timeline and state copies
#: The worker's Timeline travels with its Trainer under this attribute (through the process
#: pipe, backend switches and the session copies), so a copy is always consistent with it.
TIMELINE_ATTRIBUTE = "gradsim_timeline"


def timeline_of(trainer: Trainer) -> Timeline:
    """The trainer's Timeline; a new one started at the trainer's current step if it has none."""
    timeline = getattr(trainer, TIMELINE_ATTRIBUTE, None)
    if not isinstance(timeline, Timeline):
        timeline = Timeline()
        timeline.start(trainer)
        setattr(trainer, TIMELINE_ATTRIBUTE, timeline)
    return timeline


class _CopyRequest:
    """A deep copy of the trainer (with its timeline) taken by the worker between two steps."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.copy: Trainer | None = None
        self.error: str | None = None

    def __call__(self, trainer: Trainer) -> None:
        try:
            timeline_of(trainer)
            self.copy = copy.deepcopy(trainer)
        except Exception:  # noqa: BLE001 - reported to the caller
            self.error = traceback.format_exc()
        finally:
            self.done.set()


def default_factory(config: Mapping[str, Any]) -> Trainer:
    return Trainer(config)


def _no_change(trainer: Trainer) -> None:
    """A command that changes nothing: the worker publishes a frame of the current state.

    Module-level and Qt-free: the process backend pickles it by module path, so the
    training process imports only this module to run it.
    """
