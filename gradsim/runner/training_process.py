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

import array
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


#: bytes kept free in the pipe when judging whether a write fits: the kernel fills whole pages
#: and Connection adds a length header, so "unread + new <= capacity" alone may still block
PIPE_SLACK = 16 * 1024


class PipeRoom:
    """Whether a write of n bytes to the pipe behind ``connection`` returns without waiting:
    its capacity (``F_GETPIPE_SZ``) less what the reader has not read yet (``FIONREAD``).

    Linux only; elsewhere (or not a pipe) :meth:`fits` is always False. It only decides who
    writes (the training thread itself, or the sender thread), never whether: a wrong answer
    costs a wait, not a frame."""

    def __init__(self, connection: Any) -> None:
        self.capacity = 0
        self._fd = -1
        try:
            import fcntl

            get_size = getattr(fcntl, "F_GETPIPE_SZ", None)
            if get_size is not None:
                fd = connection.fileno()
                self.capacity = fcntl.fcntl(fd, get_size)
                self._fd = fd
        except (ImportError, AttributeError, OSError, ValueError):
            self.capacity, self._fd = 0, -1

    def fits(self, size: int) -> bool:
        if self._fd < 0:
            return False
        import fcntl
        import termios

        unread = array.array("i", [0])
        try:
            fcntl.ioctl(self._fd, termios.FIONREAD, unread)
        except OSError:
            return False
        return unread[0] + size + PIPE_SLACK <= self.capacity


class Outbox:
    """The child process's outgoing pipe: messages and frames in order.

    The training thread encodes each frame as its changes to the previous one
    (:mod:`gradsim.runner.frame_delta`), pickles it, and writes it itself when the pipe has
    room for it (:class:`PipeRoom`), which it has unless the parent fell behind: its reader
    thread empties the pipe whatever the GUI is doing. Otherwise (or where the room is not
    known) a sender thread does the blocking write, so training never waits for the GUI.

    Why the training thread writes: every wake-up of another thread of this process takes
    the GIL from the training thread. Measured (3x8 net, 39 frames/s, steps timed inside the
    training batches of one process, alternating with 3 frames/s): with a sender thread
    woken for every frame and a reader thread for every "taken" message the steps ran at
    0.85-0.89 of their speed at 3 frames/s; written here and with the taken frames counted
    in shared memory (``taken``), at 0.97-1.06. Encoding in the sender was worse still (its
    comparisons release the GIL: ~29 hand-offs per frame).

    ``taken``: a shared integer (``multiprocessing.RawValue``) where the parent puts the
    number of the newest frame the GUI took. The training loop builds the next frame only
    after that (:meth:`frame_wanted`); frames are not coalesced, every frame sent is the
    base of the next.
    """

    def __init__(self, connection: Any, taken: Any) -> None:
        self._cond = threading.Condition()
        self._items: deque[bytes] = deque()
        self._closed = False
        self._writing = False  # a write is under way (either thread): the next one waits its turn
        self._connection = connection
        self._room = PipeRoom(connection)
        self._delta = DeltaSender()  # used by the training thread only
        self._taken = taken
        self._sent = 0  # the number of the last frame sent
        self._whole_next = False  # the parent lost its base: the next frame goes whole, and now
        self.direct_writes = 0  # frames and messages the training thread wrote itself

    def frame(self, frame: Frame) -> None:
        with self._cond:
            whole, self._whole_next = self._whole_next, False
        if whole:
            self._delta.forget()
        packed = self._delta.pack(frame)
        self._sent = packed[0]
        self._put(b"F" + pickle.dumps(packed, protocol=PICKLE_PROTOCOL))

    def message(self, *message: Any) -> None:
        self._put(b"M" + pickle.dumps(message, protocol=PICKLE_PROTOCOL))

    def _put(self, data: bytes) -> None:
        """Called by the training thread only (so its own writes never race each other)."""
        with self._cond:
            if self._items or self._writing or self._closed or not self._room.fits(len(data)):
                self._items.append(data)
                self._cond.notify()
                return
            self._writing = True
        try:
            self._connection.send_bytes(data)
            self.direct_writes += 1
        except (BrokenPipeError, OSError):
            pass  # the parent is gone: its end of the commands pipe ends this process
        finally:
            with self._cond:  # no notify: that would wake the sender thread for nothing
                self._writing = False

    def send_whole_frame(self) -> None:
        """The parent lost the base of the changes: send the next frame whole, without waiting."""
        with self._cond:
            self._whole_next = True

    def frame_wanted(self) -> bool:
        """Has the parent taken the last frame sent (or asked for a whole one)?"""
        return self._taken.value >= self._sent or self._whole_next

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()

    def run(self) -> None:
        """The sender thread: writes what the training thread queued, in order."""
        while True:
            with self._cond:
                while (not self._items or self._writing) and not self._closed:
                    self._cond.wait()
                if not self._items:
                    break
                data = self._items.popleft()
                self._writing = True
            try:
                self._connection.send_bytes(data)
            except (BrokenPipeError, OSError):
                return
            finally:
                with self._cond:
                    self._writing = False
                    self._cond.notify()
        self._connection.close()


def run_training_process(
    commands: Any,
    results: Any,
    taken: Any,
    factory: TrainerFactory,
    pacing: Pacing,
    loop_type: type = TrainingLoop,
) -> None:
    """The child process: the same WorkerCore, commands from one pipe, results into another.

    ``loop_type`` builds the loop from what ``init`` carries: a TrainingLoop from a Trainer,
    or :class:`gradsim.runner.lockstep.LockstepLoop` from a comparison's VariantSet.
    ``taken``: the shared number of the newest frame the parent took (:class:`Outbox`)."""
    _tune_runtime()
    outbox = Outbox(results, taken)
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
        self._taken = context.RawValue("q", 0)  # the newest frame taken: the child reads it, no message
        self.process = context.Process(
            target=run_training_process,
            args=(child_commands, child_results, self._taken, factory, pacing, loop_type),
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
        self._newest: tuple[Frame, int] | None = None  # a frame and its number
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
            newest, self._newest = self._newest, None
            events, self._events = self._events, []
        if newest is None:
            return None, events
        frame, number = newest
        self._taken.value = number  # training builds the next frame only now
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
                    frame, number = self._decode(data)
                    with self._arrived:
                        self.published += 1
                        self.frame_bytes += len(data)
                        if frame is not None:
                            self._newest = (frame, number)
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

    def _decode(self, data: bytes) -> tuple[Frame | None, int]:
        """The frame (None if its base was lost) and its number."""
        packed = pickle.loads(data[1:])
        frame = self._frames.unpack(packed)
        if frame is None and not self._asked_whole:  # its base was lost: ask for a whole frame now
            self._asked_whole = True
            self._send("whole_frame")
            self.post("call", _no_change)  # a paused run publishes nothing by itself
        elif frame is not None and packed[1] is None:
            self._asked_whole = False
        return frame, packed[0]

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
