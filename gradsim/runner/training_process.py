"""Training in a spawned process ("turbo"): the same core as the thread, frames through a pipe.

Measured here, the paced thread trains at a fraction of headless speed while the GUI draws
(both need the one GIL); the process has its own interpreter and trains at nearly full speed.

Qt-free: under the ``spawn`` start method the child imports its target,
:func:`run_training_process`, by module path, and with it only this module, the engine
and :mod:`gradsim.runner.training_loop` (plus the modules of the factory and of any function
posted to it, which are pickled by module path too). The parent's end (:class:`ProcessBackend`)
is Qt-free as well; the GUI polls it from a ``QTimer`` (:class:`gradsim.ui.shell.worker.TrainingController`).
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
import time
import traceback
from collections import deque
from typing import Any

from gradsim.engine.trainer import Trainer
from gradsim.runner.frame_delta import DeltaReceiver, DeltaSender
from gradsim.runner.training_loop import (
    CommandChannel,
    Frame,
    Pacing,
    TrainerFactory,
    TrainingLoop,
    Triggers,
    WorkerCore,
    _no_change,
)

PICKLE_PROTOCOL = 5  # out-of-band buffers: numpy arrays pickle at memcpy speed
#: the frames' pipe is widened to this many bytes where the system allows (Linux)
PIPE_BYTES = 1 << 20


def widen_pipe(connection: Any, size: int = PIPE_BYTES) -> int:
    """Let the pipe behind ``connection`` hold ``size`` bytes (Linux; at most the system's
    ``/proc/sys/fs/pipe-max-size``); return its size in bytes (0: unknown, left as it was).

    Why: a pipe holds 64 KiB by default, and a 10x64 frame is ~0.63 MB. The child's sender
    thread then wrote it in about ten pieces, waiting for the GUI's reader between them,
    and took the GIL back from the training thread for every piece. Inside the app the
    training steps themselves ran at 0.79-0.81 of headless speed with the default pipe and
    0.87-0.88 with a 1 MiB one (benchmarks/bench_gui.py, 10x64, paired runs)."""
    try:
        import fcntl

        set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
        if set_size is None:
            return 0
        try:
            with open("/proc/sys/fs/pipe-max-size") as limit:
                size = min(size, int(limit.read()))
        except (OSError, ValueError):
            pass
        return fcntl.fcntl(connection.fileno(), set_size, size)
    except (ImportError, OSError, ValueError):
        return 0


class Outbox:
    """The child process's outgoing pipe: messages and frames in order, written by a sender thread.

    The sender thread does the (blocking) writes, so a GUI busy drawing never stalls training.
    The training thread itself encodes each frame as its changes to the previous one
    (:mod:`gradsim.runner.frame_delta`) and pickles it, so the sender only writes bytes.
    Why not encode in the sender: the comparisons in :func:`~gradsim.runner.frame_delta.encode`
    release the GIL, and the sender then waited for the training thread's switch interval to
    get it back, many times a frame (measured: ~29 GIL hand-offs per 3x8 frame, 1,160 a
    second, each one a stall and a cold cache for the training thread). Frames are not
    coalesced: the training loop builds a running frame only after the GUI took the last
    one (``frame_wanted``), and every frame sent is the base of the next.
    """

    def __init__(self, connection: Any) -> None:
        self._cond = threading.Condition()
        self._items: deque[bytes] = deque()
        self._closed = False
        self._connection = connection
        self._delta = DeltaSender()  # used by the training thread only
        self._whole_next = False
        self._taken = True  # the parent took the last frame (WorkerCore builds the next one)

    def frame(self, frame: Frame) -> None:
        with self._cond:
            whole, self._whole_next = self._whole_next, False
            self._taken = False
        if whole:
            self._delta.forget()
        data = b"F" + pickle.dumps(self._delta.pack(frame), protocol=PICKLE_PROTOCOL)
        self._put(data)

    def message(self, *message: Any) -> None:
        self._put(b"M" + pickle.dumps(message, protocol=PICKLE_PROTOCOL))

    def _put(self, data: bytes) -> None:
        with self._cond:
            self._items.append(data)
            self._cond.notify()

    def send_whole_frame(self) -> None:
        """The parent lost the base of the changes: send the next frame whole."""
        with self._cond:
            self._whole_next = True
            self._taken = True

    def frame_taken(self) -> None:
        """The GUI took the last frame: the next one is wanted."""
        with self._cond:
            self._taken = True

    def frame_wanted(self) -> bool:
        with self._cond:
            return self._taken

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
                data = self._items.popleft()
            try:
                self._connection.send_bytes(data)
            except (BrokenPipeError, OSError):
                return
        self._connection.close()


def run_training_process(
    commands: Any, results: Any, factory: TrainerFactory, pacing: Pacing, loop_type: type = TrainingLoop
) -> None:
    """The child process: the same WorkerCore, commands from one pipe, results into another.

    ``loop_type`` builds the loop from what ``init`` carries: a TrainingLoop from a Trainer,
    or :class:`gradsim.runner.lockstep.LockstepLoop` from a comparison's VariantSet."""
    _tune_runtime()
    outbox = Outbox(results)
    sender = threading.Thread(target=outbox.run, name="gradsim-sender", daemon=True)
    sender.start()
    try:
        kind, payload = commands.recv()
        if kind != "init":
            raise RuntimeError(f"the training process expected 'init', got {kind!r}")
        channel = CommandChannel()
        loop = loop_type(pickle.loads(payload), factory, pacing)
        core = WorkerCore(
            loop,
            channel,
            outbox.frame,
            lambda step, reason, generation: outbox.message("paused", step, reason, generation),
            lambda details: outbox.message("failed", details),
            lambda trainer: outbox.message("trainer", pickle.dumps(trainer, protocol=PICKLE_PROTOCOL)),
            outbox.frame_wanted,
        )
        reader = threading.Thread(target=_read_commands, args=(commands, channel, outbox), daemon=True)
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


def _read_commands(commands: Any, channel: CommandChannel, outbox: Outbox) -> None:
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
            elif kind == "gui_interval":
                channel.set_gui_interval(*args)
            elif kind == "taken":
                outbox.frame_taken()
            elif kind == "whole_frame":
                outbox.send_whole_frame()
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

    def __init__(
        self, trainer: Trainer, factory: TrainerFactory, pacing: Pacing, loop_type: type = TrainingLoop
    ) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
        child_commands, self._commands = context.Pipe(duplex=False)
        self._results, child_results = context.Pipe(duplex=False)
        self.pipe_bytes = widen_pipe(self._results)
        self.process = context.Process(
            target=run_training_process,
            args=(child_commands, child_results, factory, pacing, loop_type),
            name="gradsim-training",
            daemon=True,
        )
        self.process.start()
        child_commands.close()
        child_results.close()
        self.published = 0  # frames received
        self.frame_bytes = 0  # their bytes, for the benchmark's bytes per frame
        self._frames = DeltaReceiver()
        self._asked_whole = False
        self._ended = False
        self._arrived = threading.Condition()  # guards the four fields below
        self._newest: Frame | None = None
        self._events: list[tuple[Any, ...]] = []
        self._stopped_seen = False
        self._stopping = False  # stop() was called: the end of the pipe is expected
        self._send_lock = threading.Lock()  # the GUI and the reader both send
        self._send("init", pickle.dumps(trainer, protocol=PICKLE_PROTOCOL))
        self._reader = threading.Thread(target=self._read, name="gradsim-frames", daemon=True)
        self._reader.start()

    def _send(self, *message: Any) -> None:
        with self._send_lock:
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

    def set_gui_interval(self, seconds: float) -> None:
        self._send("gui_interval", seconds)

    def take(self) -> tuple[Frame | None, list[tuple[Any, ...]]]:
        """The newest frame not taken yet (or None) and the messages since the last take.

        Taken together, so a pause's last frame never comes after its acknowledgement."""
        with self._arrived:
            frame, self._newest = self._newest, None
            events, self._events = self._events, []
        if frame is not None:
            self._send("taken")  # training builds the next frame only now
        return frame, events

    def _read(self) -> None:
        """The reader thread: every message in order, each frame decoded against the one before.

        Reading here keeps the GUI thread off the pipe: a frame bigger than the pipe's buffer
        arrives in pieces, each written when the child's sender thread gets its GIL from the
        training thread (up to the 5 ms switch interval), and a GUI thread reading it waited
        for all of them (measured: about half of its time at 10x64). Newest frame wins."""
        try:
            while True:
                data = self._results.recv_bytes()
                if data[:1] == b"F":
                    frame = self._decode(data)
                    with self._arrived:
                        self.published += 1
                        self.frame_bytes += len(data)
                        if frame is not None:
                            self._newest = frame
                        self._arrived.notify_all()
                else:
                    event = pickle.loads(data[1:])
                    with self._arrived:
                        self._events.append(event)
                        self._stopped_seen |= event[0] == "stopped"
                        self._arrived.notify_all()
        except (EOFError, OSError):
            pass
        unexpected = not (self._stopped_seen or self._stopping)
        if unexpected:
            self.process.join(1.0)  # for its exit code
        with self._arrived:
            if unexpected:
                code = self.process.exitcode
                self._events.append(("failed", f"the training process ended unexpectedly (exit code {code})"))
            self._arrived.notify_all()

    def _decode(self, data: bytes) -> Frame | None:
        packed = pickle.loads(data[1:])
        frame = self._frames.unpack(packed)
        if frame is None and not self._asked_whole:  # its base was lost: ask for a whole frame now
            self._asked_whole = True
            self._send("whole_frame")
            self.post("call", _no_change)  # a paused run publishes nothing by itself
        elif frame is not None and packed[1] is None:
            self._asked_whole = False
        return frame

    def export_trainer(self, timeout_s: float = 10.0) -> Trainer:
        """The child's trainer, pickled between two steps; other messages stay for :meth:`take`."""
        self._send("post", "export")
        deadline = time.monotonic() + timeout_s
        with self._arrived:
            while True:
                for i, event in enumerate(self._events):
                    if event[0] == "trainer":
                        del self._events[i]
                        return pickle.loads(event[1])
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._reader.is_alive():
                    raise TimeoutError("the training process did not send its state")
                self._arrived.wait(min(remaining, 0.05))

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self, timeout_ms: int) -> bool:
        self._stopping = True
        self._send("stop")
        deadline = time.monotonic() + timeout_ms / 1000
        self.process.join(max(0.0, deadline - time.monotonic()))  # the reader drains the pipe meanwhile
        ended = not self.process.is_alive()
        if not ended:
            self.process.terminate()
            self.process.join(2.0)
        with self._send_lock:
            self._ended = True
            self._commands.close()
        self._reader.join(2.0)  # the child's end is closed: the reader has read to the end
        if not self._reader.is_alive():
            self._results.close()
        return ended


#: Pacing for a training process: no GUI shares its interpreter, so long batches and no sleep
#: (its pipe threads get the GIL at the interpreter's switch interval, 5 ms). The decision map
#: (a forward pass over a grid: 12 ms for 10x64) takes at most 5% of the time, so training
#: keeps >= 0.8 of its headless speed (the map still refreshes at 4 Hz for 10x64).
PROCESS_PACING = Pacing(batch_seconds=0.02, sleep_seconds=0.0, max_decision_share=0.05)
