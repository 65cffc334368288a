"""Training off the GUI thread: the thread backend and :class:`TrainingController`, the GUI's handle.

The Qt-free core (pacing, the command channel, latest-wins frames, the pause protocol) lives
in :mod:`gradsim.runner.training_loop`, the spawned training process and the parent's end of
its pipes in :mod:`gradsim.runner.training_process`. This module holds only the Qt adapters:
the QThread worker, the QTimer that polls either backend, and the signals.

Why the signals look like this (DESIGN.md section 3, measured on this machine): worker
signals carry ints and strings only (PySide6 6.12.0 crashed on Python-emitted bools) and
connect only to ``@Slot`` methods of :class:`TrainingController`, a QObject living in the
GUI thread, so the slots run there (a lambda would run in the worker).

Two backends behind one :class:`TrainingController`: ``"thread"`` (a QThread here) and
``"process"`` (a spawned training process, frames pickled through a pipe). Measured here,
the paced thread trains at a fraction of headless speed while the GUI draws (both need
the one GIL); the process has its own interpreter and trains at nearly full speed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from gradsim.engine.config import validate_config
from gradsim.engine.trainer import Trainer
from gradsim.runner.training_loop import (
    CommandChannel,
    Frame,
    LatestSlot,
    Pacing,
    TrainerFactory,
    TrainingLoop,
    Triggers,
    WorkerCore,
    _CopyRequest,
    _disarm,
    _no_change,
    default_factory,
)
from gradsim.runner.training_process import PROCESS_PACING, ProcessBackend

__all__ = ["BACKENDS", "ThreadBackend", "TrainingController", "TrainingWorker"]


# ============================================================================ thread backend
class TrainingWorker(QObject):
    """Runs a :class:`WorkerCore` in its QThread; results travel as Qt signals (queued to the GUI)."""

    paused = Signal(int, str, int)  # step, reason (see PAUSE_REASONS), command generation
    failed = Signal(str)  # the traceback of an exception in the worker

    def __init__(self, loop: TrainingLoop, channel: CommandChannel, latest: LatestSlot) -> None:
        super().__init__()
        self.core = WorkerCore(
            loop, channel, latest.put, self.paused.emit, self.failed.emit, wanted=latest.taken
        )

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

    def set_gui_interval(self, seconds: float) -> None:
        self.channel.set_gui_interval(seconds)

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
    previewReady = Signal(object)  # noqa: N815 - a Frame of a past step (see :meth:`preview`)

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
        self._gui_interval = 0.0
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

    def set_gui_interval(self, seconds: float) -> None:
        """How often the GUI draws frames now (0: unknown); training publishes ~25% more often,
        not at its full rate: a frame the GUI replaces before drawing cost training its time."""
        self._gui_interval = max(0.0, float(seconds))
        self.backend.set_gui_interval(self._gui_interval)

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

    def preview(self, step: int) -> None:
        """Publish the state at a past ``step`` as ``previewReady`` (a replayed copy; the run stays)."""
        self.backend.post("preview", int(step))

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
        self.backend.set_gui_interval(self._gui_interval)
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
        if frame is not None and frame.preview:
            self.previewReady.emit(frame)  # a look back: last_frame stays the run's present
        elif frame is not None:
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
