"""Landscape computations off the GUI thread: network loss slices (thread), long races (process).

Why it looks like this (DESIGN.md section 3, measured on this machine):

* Worker signals reach the GUI only through ``@Slot`` methods of :class:`TaskRunner`, a
  QObject living in the GUI thread (a lambda or free function would run in the worker).
  The runner re-emits them as its own signals, so panels and tests only ever see
  GUI-thread signals (``qtbot.waitSignal`` on a worker-thread signal can hang, pytest-qt #649).
* A Python thread running numpy without pause starves the GUI of the GIL, so the progress
  callback sleeps a few milliseconds (never zero) after every chunk of work.
* Cancel is cooperative: a ``threading.Event`` the job polls between chunks (the slices of
  :mod:`gradsim.landscapes.slices` ask ``cancel()`` before every row). Nothing is killed.
* Every job has a generation number; the result of a superseded job (the user dragged the
  start again, pressed Compute again) is dropped, so the newest request always wins.

A job is a plain function ``job(progress, cancelled) -> result`` that touches no Qt and no
live object another thread may change (the panels hand it private copies).

Long optimizer races are different: :func:`gradsim.landscapes.trajectories.race` is one
tight Python loop with no hook to pace it, and in a thread it starved the animation to
6 frames/s (measured). :class:`RaceProcess` runs them in a spawned process instead (see
:mod:`gradsim.runner.race_process`) and polls the pipe from a GUI-thread timer.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from gradsim.runner.race_process import race_process_main

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]

PACE_SECONDS = 0.003  # given away after every chunk of work (never zero: GIL, DESIGN.md section 3)

# Every job's thread and worker, held until the thread has finished, so a panel deleted
# while its job runs cannot destroy a running QThread (that aborts the process).
_LIVE: list[tuple[QThread, QObject]] = []


def _prune_finished() -> None:
    _LIVE[:] = [(thread, worker) for thread, worker in _LIVE if not thread.isFinished()]


class _JobWorker(QObject):
    """Runs one job in its QThread; its signals go to :class:`TaskRunner`'s slots only."""

    progressed = Signal(int, int, int)  # generation, done, total
    done = Signal(int, object)  # generation, result
    failed = Signal(int, str)  # generation, traceback

    def __init__(self, generation: int, job: Job, cancel: threading.Event, pace: float) -> None:
        super().__init__()
        self.generation = generation
        self._job = job
        self._cancel = cancel
        self._pace = pace

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self._progress, self._cancel.is_set)
        except Exception:  # noqa: BLE001 - errors travel to the GUI as text
            self.failed.emit(self.generation, traceback.format_exc())
        else:
            self.done.emit(self.generation, result)
        finally:
            # Called from ``started``, before the thread's event loop runs: the loop then
            # returns at once and the thread ends by itself, even if nobody is left to quit it.
            QThread.currentThread().quit()

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(self.generation, int(done), int(total))
        time.sleep(self._pace)


class TaskRunner(QObject):
    """Runs jobs on worker QThreads, newest wins; every signal is emitted in the GUI thread.

    ``progressed(done, total)``, ``finished(result)`` and ``failed(traceback)`` concern the
    newest job only. ``cancel()`` asks it to stop (a slice then returns its partial result).
    Call :meth:`shutdown` before the application exits (the panels do it when destroyed and
    on ``aboutToQuit``).
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pace: float = PACE_SECONDS) -> None:
        super().__init__(parent)
        self._pace = pace
        self._generation = 0
        self._jobs: dict[int, tuple[QThread, _JobWorker, threading.Event]] = {}
        self._current: int | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        """True while the newest job runs."""
        return self._current is not None

    def start(self, job: Job) -> int:
        """Run ``job`` on a new worker thread, superseding (and cancelling) the one running."""
        self.cancel()
        self._generation += 1
        generation = self._generation
        cancel = threading.Event()
        thread = QThread()
        worker = _JobWorker(generation, job, cancel, self._pace)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        self._jobs[generation] = (thread, worker, cancel)
        self._current = generation
        _prune_finished()
        _LIVE.append((thread, worker))
        thread.start()
        return generation

    def cancel(self) -> None:
        """Ask the newest job to stop between chunks (its partial result still arrives)."""
        if self._current is not None:
            self._jobs[self._current][2].set()

    def supersede(self) -> None:
        """Forget the newest job: its result will be dropped (used when the inputs changed)."""
        self.cancel()
        self._current = None

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every job and wait for the threads; True when all ended in time."""
        ended = True
        for generation in list(self._jobs):
            thread, _, cancel = self._jobs[generation]
            cancel.set()
            thread.quit()
            ended = bool(thread.wait(timeout_ms)) and ended
            self._forget(generation)
        self._current = None
        _prune_finished()
        return ended

    # ------------------------------------------------------------------ GUI-thread slots
    @Slot(int, int, int)
    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._current:
            self.progressed.emit(done, total)

    @Slot(int, object)
    def _on_done(self, generation: int, result: object) -> None:
        self._finish(generation)
        if generation == self._current:
            self._current = None
            self.finished.emit(result)

    @Slot(int, str)
    def _on_failed(self, generation: int, details: str) -> None:
        self._finish(generation)
        if generation == self._current:
            self._current = None
            self.failed.emit(details)

    def _finish(self, generation: int) -> None:
        entry = self._jobs.get(generation)
        if entry is None:
            return
        thread = entry[0]
        thread.quit()
        thread.wait(5_000)
        self._forget(generation)

    def _forget(self, generation: int) -> None:
        self._jobs.pop(generation, None)  # the objects go with the next prune of _LIVE


# ============================================================================ network slices
class TrainerCopy:
    """What the slices of :mod:`gradsim.landscapes.slices` read of a Trainer, copied.

    Built on the GUI thread while training is paused; the worker thread only ever sees
    this copy, never the live Trainer the training worker may be stepping. It holds the
    network's spec, copies of its parameters and buffers (BatchNorm running statistics),
    the training set, the checkpoints of the training path and the step count: exactly
    the attributes ``slices._Evaluator``, ``filter_normalized_directions`` and
    ``pca_directions`` use.
    """

    def __init__(self, trainer: Any) -> None:
        network = trainer.network
        self.network = SimpleNamespace(
            spec=network.spec,
            params={name: np.array(p, copy=True) for name, p in network.params.items()},
            buffers={name: np.array(b, copy=True) for name, b in network.buffers.items()},
        )
        self._flat = np.array(trainer.flat_parameters(), copy=True)
        self.dataset = SimpleNamespace(
            x_train=np.array(trainer.dataset.x_train, copy=True),
            y_train=np.array(trainer.dataset.y_train, copy=True),
        )
        self.checkpoint_steps = [int(s) for s in trainer.checkpoint_steps]
        self.checkpoints = [np.array(c, copy=True) for c in trainer.checkpoints]
        self.step_count = int(trainer.step_count)

    def flat_parameters(self) -> np.ndarray:
        return self._flat.copy()


SLICE_MODES: tuple[str, ...] = ("random", "pca")


@dataclass(frozen=True)
class SliceSettings:
    """How to slice: ``mode`` "random" (filter-normalized directions) or "pca" (trajectory plane)."""

    mode: str = "random"
    resolution: int = 31
    span: float = 1.0  # random directions: alpha, beta in [-span, span]
    n_samples: int = 500  # training samples the loss is computed on (0: all of them)
    seed: int = 0


@dataclass(frozen=True, eq=False)
class NetworkSlice:
    """A computed slice of a network's loss, kept for drawing and for the session file."""

    settings: SliceSettings
    step: int  # the training step of the weights sliced
    alphas: np.ndarray
    betas: np.ndarray
    losses: np.ndarray  # (len(betas), len(alphas)); NaN where not computed (cancelled)
    center_loss: float
    cancelled: bool
    n_samples: int
    explained: tuple[float, float] | None = None  # PCA only
    path: np.ndarray | None = None  # PCA only: (n, 2) projected checkpoints, last = (0, 0)
    path_steps: np.ndarray | None = None
    interp_alphas: np.ndarray | None = None  # 1-D interpolation from the first checkpoint
    interp_losses: np.ndarray | None = None
    interp_from_step: int | None = None


@dataclass(frozen=True)
class SliceFailure:
    """A slice the engine refused (e.g. PCA without a training path): the error, to word."""

    error: Exception


def compute_network_slice(
    source: TrainerCopy, settings: SliceSettings, progress: Progress, cancelled: Cancelled
) -> NetworkSlice | SliceFailure:
    """The 2-D slice (random or PCA plane) and the 1-D interpolation, on ``source`` only."""
    from gradsim.engine.errors import GradsimError
    from gradsim.landscapes import slices

    n_samples = settings.n_samples if settings.n_samples > 0 else None
    options = {"n_samples": n_samples, "seed": settings.seed, "progress": progress, "cancel": cancelled}
    extra: dict[str, Any] = {}
    try:
        if settings.mode == "pca":
            pca, result = slices.pca_slice(source, resolution=settings.resolution, **options)
            extra = {
                "explained": (float(pca.explained[0]), float(pca.explained[1])),
                "path": np.array(pca.projected_path, dtype=np.float64),
                "path_steps": np.array(pca.steps, dtype=np.int64),
            }
        else:
            d1, d2 = slices.filter_normalized_directions(source, seed=settings.seed)
            result = slices.slice_2d(
                source, d1, d2, resolution=settings.resolution, span=settings.span, **options
            )
        if not result.cancelled and source.checkpoints:
            alphas, losses = slices.interpolate_1d(
                source,
                source.checkpoints[0],
                source.flat_parameters(),
                n_samples=n_samples,
                seed=settings.seed,
            )
            extra.update(
                interp_alphas=alphas, interp_losses=losses, interp_from_step=int(source.checkpoint_steps[0])
            )
    except GradsimError as error:
        return SliceFailure(error)
    return NetworkSlice(
        settings=settings,
        step=source.step_count,
        alphas=np.array(result.alphas, dtype=np.float64),
        betas=np.array(result.betas, dtype=np.float64),
        losses=np.array(result.losses, dtype=np.float64),
        center_loss=float(result.center_loss),
        cancelled=bool(result.cancelled),
        n_samples=int(result.n_samples),
        **extra,
    )


# ============================================================================ long races
class RaceProcess(QObject):
    """Runs one long race at a time in a spawned process; newest wins; GUI-thread signals only.

    There are no cross-thread signals at all: a GUI-thread ``QTimer`` polls the pipe.
    ``finished(job_id, (trajectories, summaries))`` or ``failed(job_id, traceback)``
    concern the newest job only; :meth:`start` and :meth:`supersede` terminate the
    previous child (our own process, so ending it is safe and frees its CPU at once).
    """

    finished = Signal(int, object)
    failed = Signal(int, str)

    POLL_MS = 25

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = multiprocessing.get_context("spawn")  # never fork a process running Qt threads
        self._process: Any = None
        self._connection: Any = None
        self._job_id = 0
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return self._process is not None

    def start(self, job: dict[str, Any]) -> int:
        """Start computing ``job`` (see :func:`gradsim.runner.race_process.race_job`); returns its id."""
        self.supersede()
        self._job_id += 1
        receive, send = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=race_process_main, args=(send, job), name="gradsim-race", daemon=True
        )
        process.start()
        send.close()
        self._process, self._connection = process, receive
        self._timer.start()
        return self._job_id

    def supersede(self) -> None:
        """Drop the running job (its process is terminated)."""
        self._timer.stop()
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if connection is not None:
            connection.close()
        if process is not None:
            if process.is_alive():
                process.terminate()
            process.join(2.0)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        self.supersede()
        return True

    @Slot()
    def _poll(self) -> None:
        connection = self._connection
        if connection is None:
            self._timer.stop()
            return
        try:
            if not connection.poll():
                if self._process is not None and not self._process.is_alive() and not connection.poll():
                    self._end(("failed", "the race process ended unexpectedly"))
                return
            message = connection.recv()
        except (EOFError, OSError):
            message = ("failed", "the race process ended unexpectedly")
        self._end(message)

    def _end(self, message: tuple[str, Any]) -> None:
        job_id = self._job_id
        self.supersede()
        kind, payload = message
        if kind == "done":
            self.finished.emit(job_id, pickle.loads(payload))
        else:
            self.failed.emit(job_id, str(payload))
