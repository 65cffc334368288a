"""Training off the GUI thread: a paced worker on a QThread, a command channel, latest-wins frames.

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
* Worker signals carry ints and strings only (PySide6 6.12.0 crashed on Python-emitted
  bools) and connect only to ``@Slot`` methods of :class:`TrainingController`, a QObject
  living in the GUI thread, so the slots run there (a lambda would run in the worker).

Protocol: every pause (the user's, Step N done, a trigger, NaN) publishes one last frame
*and then* emits ``paused(step, reason)``; after that nothing is published until the
next command. Step N runs exactly N steps.

Two backends behind one :class:`TrainingController`: ``"thread"`` (a QThread here) and
``"process"`` (a spawned training process, frames pickled through a pipe). Measured here,
the paced thread trains at a fraction of headless speed while the GUI draws (both need
the one GIL); the process has its own interpreter and trains at nearly full speed.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import multiprocessing
import pickle
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from gradsim.engine.config import validate_config
from gradsim.engine.snapshot import Snapshot, frozen_dict
from gradsim.engine.timeline import Timeline
from gradsim.engine.trainer import Trainer

#: Why training paused (the ``reason`` of :attr:`TrainingController.paused`).
PAUSE_REASONS: tuple[str, ...] = ("user", "steps_done", "at_step", "diagnosis", "loss_below", "nan", "failed")

TrainerFactory = Callable[[Mapping[str, Any]], Trainer]
PICKLE_PROTOCOL = 5  # out-of-band buffers: numpy arrays pickle at memcpy speed


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
    sleep_seconds: float = 0.002  # ... then give the GIL away for this long (never 0)
    publish_hz: float = 40.0  # at most this many frames a second (the GUI draws what it can)
    decision_hz: float = 10.0  # the decision map costs a forward pass over a grid: refresh it less
    max_decision_share: float = 0.10  # and at most this share of the time
    max_snapshot_share: float = 0.15  # publish less often when snapshots cost more than this share


@dataclass(frozen=True)
class Frame:
    """What the GUI draws: a snapshot and how fast training went."""

    snapshot: Snapshot
    steps_per_second: float
    serial: int


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
                self._stop, self.mode, self._pending, ack, self.generation, edits, self._speed, self._triggers
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


class TrainingLoop:
    """The Qt-free part of the worker: steps a Trainer, checks triggers, builds frames."""

    def __init__(self, trainer: Trainer, factory: TrainerFactory, pacing: Pacing) -> None:
        self.trainer = trainer
        self.factory = factory
        self.pacing = pacing
        self.serial = 0
        self.last_publish = -math.inf
        self.last_decision = -math.inf
        self.publish_interval = 1.0 / pacing.publish_hz
        self.since_publish = 0
        self.snapshot_cost = 0.0
        self.decision_cost = 0.0
        self.decision_interval = 1.0 / pacing.decision_hz
        self.rate_window: deque[tuple[float, int]] = deque(maxlen=64)
        self.shown_codes: tuple[str, ...] = ()
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

    # ---------------------------------------------------------------- stepping
    def run_batch(
        self, limit: int | None, triggers: Triggers, keep_going: Callable[[], bool]
    ) -> tuple[int, str | None]:
        """Run steps for about ``batch_seconds`` (at most ``limit``); return (done, trigger)."""
        trainer = self.trainer
        # End the batch when it has run long enough or a frame is due, whichever is first.
        deadline = min(
            time.perf_counter() + self.pacing.batch_seconds, self.last_publish + self.publish_interval
        )
        done = 0
        previous_loss = trainer.last_record.loss if trainer.last_record else math.inf
        while (limit is None or done < limit) and keep_going():
            record = trainer.step()
            self.timeline.record(trainer)
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

    def frame(self) -> Frame:
        """A new frame of the current state.

        The snapshot proper is cheap (~1 ms); the decision map is a forward pass over a
        60x60 grid (7 ms for 10x8, 45 ms for 10x64 here), so it is refreshed at most
        ``decision_hz`` times a second and reused in between. Each part gets its own
        adaptive interval, so a big net still draws its curves at the full frame rate.
        """
        started = time.perf_counter()
        trainer = self.trainer
        snapshot = trainer.snapshot(include_decision=False)
        finished = time.perf_counter()
        self.snapshot_cost = _smooth(self.snapshot_cost, finished - started, self.serial == 0)
        if trainer.dataset.input_dim == 2:
            if finished - self.last_decision >= self.decision_interval or not self._decision:
                self._decision = frozen_dict(trainer.decision_grid())
                self._data = frozen_dict({"x": trainer.dataset.x_train, "y": trainer.dataset.y_train})
                done = time.perf_counter()
                self.decision_cost = _smooth(self.decision_cost, done - finished, not self.decision_cost)
                self.decision_interval = max(
                    1.0 / self.pacing.decision_hz, self.decision_cost / self.pacing.max_decision_share
                )
                self.last_decision = finished = done
            snapshot = dataclasses.replace(snapshot, decision=self._decision, data=self._data)
        # Keep snapshot building below a share of the time: big nets publish less often.
        self.publish_interval = max(
            1.0 / self.pacing.publish_hz, self.snapshot_cost / self.pacing.max_snapshot_share
        )
        self.last_publish = finished
        self.since_publish = 0
        self.serial += 1
        return Frame(snapshot, self._rate(finished, trainer.step_count), self.serial)

    def _rate(self, now: float, step: int) -> float:
        self.rate_window.append((now, step))
        while len(self.rate_window) > 2 and now - self.rate_window[0][0] > 1.0:
            self.rate_window.popleft()
        (t0, s0), (t1, s1) = self.rate_window[0], self.rate_window[-1]
        return (s1 - s0) / (t1 - t0) if t1 > t0 and s1 >= s0 else 0.0

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
    """

    def __init__(
        self,
        loop: TrainingLoop,
        channel: CommandChannel,
        publish: Callable[[Frame], None],
        acknowledge: Callable[[int, str, int], None],
        fail: Callable[[str], None],
        export: Callable[[Trainer], None] | None = None,
    ) -> None:
        self.loop, self.channel = loop, channel
        self.publish, self.acknowledge, self.fail, self.export = publish, acknowledge, fail, export

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
        changed = False
        for edit in work.edits:
            if edit[0] == "export" and self.export is not None:
                self.export(loop.trainer)
            else:
                loop.apply(edit)
                changed = True
        if work.mode == "idle":
            if changed or work.ack:
                self._publish()
            if work.ack:
                self._acknowledge((work.ack, work.generation))
            return
        limit = work.pending if work.mode == "stepping" else None
        if work.mode == "running" and work.speed:
            limit = work.speed - loop.since_publish
            if limit <= 0:  # this frame's steps are done: wait for the next frame
                channel.wait(max(0.0, loop.last_publish + loop.publish_interval - time.perf_counter()))
                if channel.mode == "running":
                    self._publish_checked(work)
                return
        mode = work.mode
        done, trigger = loop.run_batch(limit, work.triggers, lambda: channel.mode == mode)
        ack = channel.finish_batch(done, trigger)
        if ack is not None:
            self._publish()
            self._acknowledge(ack)
            return
        if loop.publish_due(time.perf_counter()) and self._publish_checked(work):
            return
        time.sleep(loop.pacing.sleep_seconds)  # give the GIL away (never 0)

    def _publish(self) -> None:
        frame = self.loop.frame()
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
                self._acknowledge(ack)
                return True
        return False

    def _acknowledge(self, ack: tuple[str, int]) -> None:
        self.loop.mark_idle()
        self.acknowledge(self.loop.trainer.step_count, ack[0], ack[1])


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


# ============================================================================ thread backend
class TrainingWorker(QObject):
    """Runs a :class:`WorkerCore` in its QThread; results travel as Qt signals (queued to the GUI)."""

    paused = Signal(int, str, int)  # step, reason (see PAUSE_REASONS), command generation
    failed = Signal(str)  # the traceback of an exception in the worker

    def __init__(self, loop: TrainingLoop, channel: CommandChannel, latest: LatestSlot) -> None:
        super().__init__()
        self.core = WorkerCore(loop, channel, latest.put, self.paused.emit, self.failed.emit)

    @Slot()
    def run(self) -> None:
        self.core.serve()


class ThreadBackend:
    """Training on a QThread of this process (the default: no start-up cost, shares the GIL)."""

    kind = "thread"

    def __init__(
        self,
        trainer: Trainer,
        factory: TrainerFactory,
        pacing: Pacing,
        on_paused: Callable[[int, str, int], None],
        on_failed: Callable[[str], None],
    ) -> None:
        self.channel = CommandChannel()
        self.latest = LatestSlot()
        self.loop = TrainingLoop(trainer, factory, pacing)
        self.thread = QThread()
        self.thread.setObjectName("gradsim-training")
        self.worker = TrainingWorker(self.loop, self.channel, self.latest)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # on_paused/on_failed must be @Slot methods of a GUI-thread QObject: then they run there.
        self.worker.paused.connect(on_paused)
        self.worker.failed.connect(on_failed)
        self.thread.start()

    def play(self, generation: int) -> None:
        self.channel.play(generation)

    def pause(self, generation: int) -> None:
        self.channel.pause(generation)

    def step(self, n: int, generation: int) -> None:
        self.channel.step(n, generation)

    def post(self, *edit: Any) -> None:
        self.channel.post(*edit)

    def set_speed(self, steps_per_frame: int) -> None:
        self.channel.set_speed(steps_per_frame)

    def set_triggers(self, triggers: Triggers) -> None:
        self.channel.set_triggers(triggers)

    def take(self) -> tuple[Frame | None, list[tuple[Any, ...]]]:
        """The newest frame (events arrive as signals in this backend)."""
        return self.latest.take(), []

    @property
    def published(self) -> int:
        return self.latest.published

    def export_trainer(self, timeout_s: float = 5.0) -> Trainer:
        """The trainer; call only while paused (the worker then waits for commands)."""
        return self.loop.trainer

    def alive(self) -> bool:
        return bool(self.thread.isRunning())

    def stop(self, timeout_ms: int) -> bool:
        self.channel.stop()
        self.thread.quit()
        return bool(self.thread.wait(timeout_ms))


# ============================================================================ process backend
class Outbox:
    """The child process's outgoing pipe: messages in order, frames coalesced (latest wins).

    A sender thread does the (blocking) writes, so a GUI busy drawing never stalls training.
    """

    def __init__(self, connection: Any) -> None:
        self._cond = threading.Condition()
        self._items: deque[tuple[str, Any]] = deque()
        self._closed = False
        self._connection = connection

    def frame(self, frame: Frame) -> None:
        with self._cond:
            if self._items and self._items[-1][0] == "frame":
                self._items[-1] = ("frame", frame)
            else:
                self._items.append(("frame", frame))
            self._cond.notify()

    def message(self, *message: Any) -> None:
        with self._cond:
            self._items.append(("message", message))
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()

    def run(self) -> None:
        while True:
            with self._cond:
                while not self._items and not self._closed:
                    self._cond.wait()
                if not self._items:
                    break
                kind, item = self._items.popleft()
            data = (b"F" if kind == "frame" else b"M") + pickle.dumps(item, protocol=PICKLE_PROTOCOL)
            try:
                self._connection.send_bytes(data)
            except (BrokenPipeError, OSError):
                return
        self._connection.close()


def run_training_process(commands: Any, results: Any, factory: TrainerFactory, pacing: Pacing) -> None:
    """The child process: the same WorkerCore, commands from one pipe, results into another."""
    _tune_runtime()
    outbox = Outbox(results)
    sender = threading.Thread(target=outbox.run, name="gradsim-sender", daemon=True)
    sender.start()
    try:
        kind, payload = commands.recv()
        if kind != "init":
            raise RuntimeError(f"the training process expected 'init', got {kind!r}")
        channel = CommandChannel()
        loop = TrainingLoop(pickle.loads(payload), factory, pacing)
        core = WorkerCore(
            loop,
            channel,
            outbox.frame,
            lambda step, reason, generation: outbox.message("paused", step, reason, generation),
            lambda details: outbox.message("failed", details),
            lambda trainer: outbox.message("trainer", pickle.dumps(trainer, protocol=PICKLE_PROTOCOL)),
        )
        reader = threading.Thread(target=_read_commands, args=(commands, channel), daemon=True)
        reader.start()
        core.serve()
    except Exception:  # noqa: BLE001 - report, then end the process
        outbox.message("failed", traceback.format_exc())
    finally:
        outbox.message("stopped")
        outbox.close()
        sender.join(10.0)


def _tune_runtime() -> None:
    """The same BLAS and allocator settings as the parent app (a spawned process starts fresh)."""
    try:
        from gradsim.engine.runtime import limit_blas_threads, tune_allocator
    except ImportError:  # an older engine without the runtime module
        return
    try:
        limit_blas_threads()
        tune_allocator()
    except (ImportError, OSError):  # threadpoolctl missing, no glibc: defaults are slower, not wrong
        pass


def _read_commands(commands: Any, channel: CommandChannel) -> None:
    try:
        while True:
            kind, *args = commands.recv()
            if kind == "play":
                channel.play(*args)
            elif kind == "pause":
                channel.pause(*args)
            elif kind == "step":
                channel.step(*args)
            elif kind == "speed":
                channel.set_speed(*args)
            elif kind == "triggers":
                channel.set_triggers(*args)
            elif kind == "post":
                edit = tuple(args)
                if edit[0] == "replace":
                    edit = ("replace", pickle.loads(edit[1]))
                channel.post(*edit)
            elif kind == "stop":
                break
    except (EOFError, OSError):
        pass
    channel.stop()


class ProcessBackend:
    """Training in a separate process ("turbo"): its own interpreter and GIL, frames through a pipe.

    Measured here a paced thread reaches only a fraction of headless speed while the GUI
    draws; a process trains at nearly full speed. Start-up costs ~0.5 s (a spawned
    interpreter imports numpy and the engine). The factory must be picklable (a
    module-level function), and so must everything posted (configs, trainers, functions).
    """

    kind = "process"

    def __init__(self, trainer: Trainer, factory: TrainerFactory, pacing: Pacing) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
        child_commands, self._commands = context.Pipe(duplex=False)
        self._results, child_results = context.Pipe(duplex=False)
        self.process = context.Process(
            target=run_training_process,
            args=(child_commands, child_results, factory, pacing),
            name="gradsim-training",
            daemon=True,
        )
        self.process.start()
        child_commands.close()
        child_results.close()
        self.published = 0
        self._ended = False
        self._pending: list[tuple[Any, ...]] = []
        self._send("init", pickle.dumps(trainer, protocol=PICKLE_PROTOCOL))

    def _send(self, *message: Any) -> None:
        if self._ended:
            return
        try:
            self._commands.send(message)
        except (BrokenPipeError, OSError):
            self._ended = True

    def play(self, generation: int) -> None:
        self._send("play", generation)

    def pause(self, generation: int) -> None:
        self._send("pause", generation)

    def step(self, n: int, generation: int) -> None:
        self._send("step", n, generation)

    def post(self, *edit: Any) -> None:
        if edit[0] == "replace":
            edit = ("replace", pickle.dumps(edit[1], protocol=PICKLE_PROTOCOL))
        self._send("post", *edit)

    def set_speed(self, steps_per_frame: int) -> None:
        self._send("speed", steps_per_frame)

    def set_triggers(self, triggers: Triggers) -> None:
        self._send("triggers", triggers)

    def take(self) -> tuple[Frame | None, list[tuple[Any, ...]]]:
        """Read everything the child sent; unpickle only the newest frame."""
        newest: bytes | None = None
        events, self._pending = self._pending, []
        try:
            while not self._ended and self._results.poll():
                data = self._results.recv_bytes()
                if data[:1] == b"F":
                    newest = data
                    self.published += 1
                else:
                    events.append(pickle.loads(data[1:]))
        except (EOFError, OSError):
            self._ended = True
            if not any(event[0] == "stopped" for event in events):
                code = self.process.exitcode
                events.append(("failed", f"the training process ended unexpectedly (exit code {code})"))
        frame = pickle.loads(newest[1:]) if newest is not None else None
        return frame, events

    def export_trainer(self, timeout_s: float = 10.0) -> Trainer:
        self._send("post", "export")
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._results.poll(0.05):
                frame, events = self.take()
                for event in events:
                    if event[0] == "trainer":
                        self._pending += [e for e in events if e[0] != "trainer"]
                        return pickle.loads(event[1])
                self._pending += events
        raise TimeoutError("the training process did not send its state")

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self, timeout_ms: int) -> bool:
        self._send("stop")
        deadline = time.monotonic() + timeout_ms / 1000
        try:  # drain, so the child's sender is never blocked on a full pipe
            while time.monotonic() < deadline and self._results.poll(0.05):
                self._results.recv_bytes()
        except (EOFError, OSError):
            pass
        self.process.join(max(0.0, deadline - time.monotonic()))
        ended = not self.process.is_alive()
        if not ended:
            self.process.terminate()
            self.process.join(2.0)
        self._ended = True
        self._commands.close()
        self._results.close()
        return ended


#: Pacing for a training process: no GUI shares its interpreter, so long batches, short sleeps.
PROCESS_PACING = Pacing(batch_seconds=0.02, sleep_seconds=0.0005)
BACKENDS: tuple[str, ...] = ("thread", "process")


# ============================================================================ the GUI's handle
class TrainingController(QObject):
    """The GUI's handle on training: commands in, frames out, every signal in the GUI thread.

    Create it in the GUI thread. ``frameReady`` fires from a ``QTimer`` polling at ``poll_hz``
    with the newest frame (at most ``Pacing.publish_hz`` are published a second); ``paused``
    and ``failed`` relay the worker through ``@Slot`` methods of this object, so every
    receiver runs in the GUI thread (and ``qtbot.waitSignal`` on them is safe). ``backend`` is
    "thread" (a QThread here) or "process" (a training process, :class:`ProcessBackend`);
    both behave the same. Call :meth:`shutdown` before
    the application exits (the main window does it in ``closeEvent``).
    """

    frameReady = Signal(object)  # noqa: N815 - Qt naming; carries a Frame
    paused = Signal(int, str)  # step, reason
    stateChanged = Signal(str)  # noqa: N815 - "running", "stepping" or "paused"
    failed = Signal(str)  # traceback
    trainerReplaced = Signal()  # noqa: N815

    def __init__(
        self,
        trainer: Trainer,
        parent: QObject | None = None,
        *,
        factory: TrainerFactory = default_factory,
        pacing: Pacing | None = None,
        poll_hz: float = 60.0,
        backend: str = "thread",
    ) -> None:
        super().__init__(parent)
        self.factory = factory
        self.pacing = pacing
        self.config: dict[str, Any] = dict(trainer.config)
        self.state = "paused"
        self.last_frame: Frame | None = None
        self._generation = 0
        self._speed = 0
        self._triggers = Triggers()
        self._stopped = False
        self.backend = self._start(backend, trainer)
        self._timer = QTimer(self)
        # Poll faster than frames are published: a 30 Hz timer sampling 30-40 Hz frames
        # aliases down to ~23 frames/s (measured); an empty poll costs microseconds.
        self._timer.setInterval(max(1, round(1000 / poll_hz)))
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._timer.start()
        self.refresh()

    def _start(self, kind: str, trainer: Trainer) -> ThreadBackend | ProcessBackend:
        if kind not in BACKENDS:
            raise ValueError(f"unknown backend {kind!r}; choose one of {', '.join(BACKENDS)}")
        if kind == "process":
            return ProcessBackend(trainer, self.factory, self.pacing or PROCESS_PACING)
        return ThreadBackend(trainer, self.factory, self.pacing or Pacing(), self._on_paused, self._on_failed)

    # ---------------------------------------------------------------- commands
    @property
    def running(self) -> bool:
        return self.state != "paused"

    def _next_generation(self) -> int:
        self._generation += 1
        return self._generation

    def play(self) -> None:
        if self._stopped:
            return
        self.backend.play(self._next_generation())
        self._set_state("running")

    def pause(self) -> None:
        """Ask for a pause; ``paused`` fires once the worker has stopped stepping."""
        if self._stopped or not self.running:
            return
        self.backend.pause(self._next_generation())

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.play()

    def step(self, n: int = 1) -> None:
        """Advance exactly ``n`` steps, then pause (``paused`` with reason ``steps_done``)."""
        if self._stopped or n < 1:
            return
        self.backend.step(int(n), self._next_generation())
        self._set_state("stepping")

    def reset(self) -> None:
        """Re-initialize the network with the same config and seed (step 0)."""
        self.backend.post("reset")
        self.trainerReplaced.emit()

    def refresh(self) -> None:
        """Publish one frame of the current state (after an edit while paused)."""
        self.backend.post("call", _no_change)

    def set_learning_rate(self, lr: float) -> None:
        """From the next step; raises ConfigError (synchronously) for an invalid value."""
        config = {**self.config, "optimizer": {**self.config["optimizer"], "lr": lr}}
        self.config = validate_config(config)
        self.backend.post("set_lr", self.config["optimizer"]["lr"])

    def set_clipping(self, spec: Mapping[str, Any]) -> None:
        config = {**self.config, "clipping": dict(spec)}
        self.config = validate_config(config)
        self.backend.post("set_clipping", self.config["clipping"])

    def set_speed(self, steps_per_frame: int) -> None:
        """At most this many steps per displayed frame; 0 = as fast as the pacing allows."""
        self._speed = max(0, int(steps_per_frame))
        self.backend.set_speed(self._speed)

    def set_triggers(self, triggers: Triggers) -> None:
        self._triggers = triggers
        self.backend.set_triggers(triggers)

    def triggers(self) -> Triggers:
        return self._triggers

    def replace_config(self, config: Mapping[str, Any]) -> None:
        """A new Trainer from ``config``; built here, so a ConfigError/DataError raises to the caller."""
        self.replace_trainer(self.factory(config))

    def replace_trainer(self, trainer: Trainer) -> None:
        """Train ``trainer`` from now on (the running state is kept). Do not touch it afterwards."""
        self.config = dict(trainer.config)
        self.backend.post("replace", trainer)
        self.trainerReplaced.emit()

    def edit_weight(self, name: str, row: int, col: int, value: float) -> None:
        self.backend.post("edit_weight", name, int(row), int(col), float(value))

    # ---------------------------------------------------------------- sessions
    def rewind(self, step: int, keep_branch: bool = False) -> None:
        """Rewind to ``step`` in the worker (checkpoint + deterministic replay), then publish."""
        self.backend.post("rewind", int(step), bool(keep_branch))

    def trainer_copy(self, timeout_s: float = 10.0) -> Trainer:
        """A consistent copy of the trainer (and its timeline), taken between two steps.

        Works while training runs. Raises TimeoutError or RuntimeError on failure.
        """
        if self._stopped:
            raise RuntimeError("the training worker has stopped")
        if self.backend.kind == "process":
            return self.backend.export_trainer(timeout_s)  # a pickled copy from the child
        request = _CopyRequest()
        self.backend.post("call", request)
        if not request.done.wait(timeout_s) or request.copy is None:
            raise RuntimeError(request.error or "the training worker did not send its state")
        return request.copy

    def call_in_worker(self, function: Callable[[Trainer], None]) -> None:
        """Run ``function(trainer)`` in the worker between steps (then a frame is published)."""
        self.backend.post("call", function)

    def set_backend(self, kind: str, timeout_s: float = 10.0) -> None:
        """Move training to a thread or a process; the run continues where it was."""
        if kind == self.backend.kind or self._stopped:
            return
        was_running = self.running
        if was_running:
            self.pause()
            deadline = time.monotonic() + timeout_s
            while self.running and time.monotonic() < deadline:
                QCoreApplication.processEvents()
                time.sleep(0.005)
        trainer = self.backend.export_trainer(timeout_s)
        old = self.backend
        old.stop(int(timeout_s * 1000))
        self.backend = self._start(kind, trainer)
        self.backend.set_speed(self._speed)
        self.backend.set_triggers(self._triggers)
        self._set_state("paused")
        self.refresh()
        if was_running:
            self.play()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop the worker and wait for it; True when it ended in time."""
        if self._stopped:
            return True
        self._stopped = True
        self._timer.stop()
        ended = self.backend.stop(timeout_ms)
        self._set_state("paused")
        return ended

    def alive(self) -> bool:
        return not self._stopped and self.backend.alive()

    @property
    def thread(self) -> QThread | None:
        """The worker's QThread (None for the process backend)."""
        return getattr(self.backend, "thread", None)

    @property
    def published(self) -> int:
        """Frames the worker published so far (for tests and statistics)."""
        return self.backend.published

    # ---------------------------------------------------------------- GUI-thread slots
    @Slot()
    def _on_tick(self) -> None:
        frame, events = self.backend.take()
        if frame is not None:
            self.last_frame = frame
            self.frameReady.emit(frame)
        for event in events:
            if event[0] == "paused":
                self._on_paused(*event[1:])
            elif event[0] == "failed":
                self._on_failed(event[1])

    @Slot(int, str, int)
    def _on_paused(self, step: int, reason: str, generation: int) -> None:
        if self.backend.kind == "thread":
            self._on_tick()  # the frame published just before the acknowledgement
        if generation != self._generation:
            return  # a newer play/step command superseded this pause
        self._triggers = _disarm(self._triggers, reason)
        self._set_state("paused")
        self.paused.emit(step, reason)

    @Slot(str)
    def _on_failed(self, details: str) -> None:
        if self.backend.kind == "thread":
            self._on_tick()
        self._set_state("paused")
        self.failed.emit(details)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)


def _no_change(trainer: Trainer) -> None:
    """A command that changes nothing: the worker publishes a frame of the current state."""
