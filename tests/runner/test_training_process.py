"""The training process ("turbo") without Qt: commands through one pipe, frames and pauses
through the other, bit-identical to headless training; and the child never loads Qt."""

from __future__ import annotations

import os
import pickle
import time

import pytest

from gradsim.engine.trainer import Trainer
from gradsim.runner.frame_delta import DeltaReceiver
from gradsim.runner.training_loop import Frame, _no_change, default_factory
from gradsim.runner.training_process import (
    PICKLE_PROTOCOL,
    PIPE_BYTES,
    PIPE_SLACK,
    PROCESS_PACING,
    Outbox,
    PipeRoom,
    ProcessBackend,
    widen_pipe,
)
from tests.runner.child_report import report_qt

CONFIG = {
    "data": {"kind": "circles", "n_samples": 200, "seed": 0},
    "network": {"depth": 2, "width": 8, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "sgd", "lr": 0.05},
    "training": {"batch_size": 32},
}


@pytest.fixture
def backend():
    """A training process started the way the app's TrainingController starts it."""
    started = ProcessBackend(Trainer(CONFIG), default_factory, PROCESS_PACING)
    yield started
    assert started.stop(10_000), "the training process did not end in time"


def _events_until(backend: ProcessBackend, kind: str, timeout: float = 20.0) -> list[tuple]:
    seen: list[tuple] = []
    deadline = time.monotonic() + timeout
    while not any(event[0] == kind for event in seen):
        assert time.monotonic() < deadline, f"no {kind!r} from the training process; got {seen}"
        _frame, events = backend.take()
        seen += events
        time.sleep(0.01)
    return seen


def test_step_n_in_the_process_is_exact_and_bit_identical(backend):
    backend.step(9, 1)
    events = _events_until(backend, "paused")
    assert ("paused", 9, "steps_done", 1) in events
    trainer = backend.export_trainer()
    headless = Trainer(CONFIG)
    headless.run(9)
    assert trainer.step_count == 9
    assert trainer.last_record.loss == headless.last_record.loss


def test_the_training_process_runs_without_qt(backend):
    backend.post("call", report_qt)  # pickled by module path, run in the child between steps
    pid, qt = backend.export_trainer().reported_by
    assert pid == backend.process.pid != os.getpid()
    assert qt == [], f"the training process loaded Qt: {qt}"


def _frame_at(backend: ProcessBackend, step: int, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while True:
        frame, _events = backend.take()
        if frame is not None and frame.snapshot.step == step:
            return frame
        assert time.monotonic() < deadline, f"no frame of step {step}"
        time.sleep(0.01)


def _assert_frame_shows(frame, trainer: Trainer) -> None:
    """The frame's histories and arrays are the trainer's, byte for byte, and read-only."""
    expected = trainer.snapshot(include_decision=False)
    for name in ("scalars", "layer_grads", "evaluation", "stats_history", "weights", "histograms"):
        got, want = getattr(frame.snapshot, name), getattr(expected, name)
        assert got.keys() == want.keys(), name
        for key in want:
            assert got[key].tobytes() == want[key].tobytes(), key
            assert not got[key].flags.writeable, key
    if expected.stats is None:  # no statistics sample yet (a reset run)
        assert frame.snapshot.stats is None
    else:
        assert frame.snapshot.stats.tobytes() == expected.stats.tobytes()


def test_frames_travel_as_changes_and_arrive_whole(backend):
    """Played frames, a rewind and a reset: each frame equals the trainer's own snapshot,
    though after the first only the changes travel (far fewer bytes than a whole frame)."""
    backend.play(1)
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline or backend.published < 6:
        backend.take()
        time.sleep(0.02)
    backend.pause(2)
    events = _events_until(backend, "paused")
    step = next(event[1] for event in events if event[0] == "paused")
    frames_before, bytes_before = backend.published, backend.frame_bytes
    backend.post("call", _no_change)
    frame = _frame_at(backend, step)
    trainer = backend.export_trainer()
    _assert_frame_shows(frame, trainer)
    whole = len(pickle.dumps(frame, protocol=PICKLE_PROTOCOL))
    sent = (backend.frame_bytes - bytes_before) / (backend.published - frames_before)
    assert backend.published > 5
    assert sent < whole / 4, f"{sent:.0f} bytes for an unchanged frame, {whole} for a whole one"

    backend.post("rewind", step // 2, False)
    frame = _frame_at(backend, step // 2)
    _assert_frame_shows(frame, backend.export_trainer())
    backend.post("reset")
    _assert_frame_shows(_frame_at(backend, 0), backend.export_trainer())


def test_a_parent_that_lost_the_base_gets_a_whole_frame(backend):
    backend.step(30, 1)
    _events_until(backend, "paused")
    backend._frames = DeltaReceiver()  # as if a frame had been lost on the way
    backend.post("call", _no_change)  # its changes cannot be decoded: the parent asks for a whole frame
    backend.step(5, 2)
    frame = _frame_at(backend, 35)
    _assert_frame_shows(frame, backend.export_trainer())


def test_the_process_builds_frames_only_as_fast_as_they_are_taken(backend):
    backend.play(1)
    _frame_at_least(backend, 1)  # takes the first frame
    time.sleep(0.6)  # nobody takes: at 40 frames/s some 20 would be due
    assert backend.published <= 2
    for _ in range(5):
        _frame_at_least(backend, 1)
    backend.pause(2)
    _events_until(backend, "paused")


def _frame_at_least(backend: ProcessBackend, count: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    taken = 0
    while taken < count:
        assert time.monotonic() < deadline, "no frame"
        frame, _events = backend.take()
        taken += frame is not None
        time.sleep(0.005)


def test_the_frames_pipe_holds_a_whole_10x64_frame(backend, tmp_path):
    """A 10x64 frame (~0.63 MB) fits the pipe, so the sender writes it at once instead of in
    64 KiB pieces, each taking the GIL back from the training thread (Linux only)."""
    try:
        with open("/proc/sys/fs/pipe-max-size") as limit:
            allowed = int(limit.read())
    except OSError:
        pytest.skip("no /proc/sys/fs/pipe-max-size: pipe sizes cannot be set here")
    assert backend.pipe_bytes == min(PIPE_BYTES, allowed)
    with open(tmp_path / "not-a-pipe", "wb") as regular:
        assert widen_pipe(regular) == 0  # not a pipe: left alone, no error


class _Taken:
    """The parent's shared number of the newest frame taken (a RawValue in the app)."""

    def __init__(self) -> None:
        self.value = 0


class _Pipe:
    """A connection that records what is written to it (no fileno: its room is not known)."""

    def __init__(self) -> None:
        self.sent: list[bytes] = []

    def send_bytes(self, data: bytes) -> None:
        self.sent.append(data)

    def close(self) -> None:
        pass


def test_the_outbox_encodes_in_the_training_thread_and_sends_in_order():
    """The training thread encodes and pickles each frame; the sender thread only writes bytes,
    in order with the messages, every frame the base of the next (none dropped)."""
    trainer = Trainer(CONFIG)
    pipe = _Pipe()
    outbox = Outbox(pipe, _Taken())
    frames = []
    for step in range(3):
        trainer.run(5)
        frames.append(Frame(trainer.snapshot(), 1.0, step + 1))
        outbox.frame(frames[-1])
        if step == 1:
            outbox.message("paused", trainer.step_count, None, 1)
    queued = list(outbox._items)
    assert all(isinstance(item, bytes) for item in queued), "the sender would have to encode"
    outbox.send_whole_frame()  # the parent lost its base: the next frame is whole
    outbox.frame(frames[-1])
    outbox.close()
    outbox.run()  # the sender's loop, here in this thread
    assert [data[:1] for data in pipe.sent] == [b"F", b"F", b"M", b"F", b"F"]
    receiver = DeltaReceiver()
    shown = [receiver.unpack(pickle.loads(data[1:])) for data in pipe.sent if data[:1] == b"F"]
    assert [frame.snapshot.step for frame in shown] == [5, 10, 15, 15]
    for got, sent in zip(shown, [*frames, frames[-1]], strict=True):
        expected = sent.snapshot.scalars["scalars.last"]
        assert got.snapshot.scalars["scalars.last"].tobytes() == expected.tobytes()
    assert pickle.loads(pipe.sent[-1][1:])[1] is None, "after a lost base the frame must travel whole"


def _frames(count: int) -> list[Frame]:
    trainer = Trainer(CONFIG)
    frames = []
    for step in range(count):
        trainer.run(5)
        frames.append(Frame(trainer.snapshot(), 1.0, step + 1))
    return frames


def test_the_training_thread_writes_frames_itself_while_the_pipe_has_room():
    """No other thread of the training process wakes for a frame the pipe can hold: each
    wake-up took the GIL from the training thread (module docstring of Outbox)."""
    import multiprocessing

    reading, writing = multiprocessing.get_context("spawn").Pipe(duplex=False)
    widen_pipe(writing)  # as the app does: a whole first frame is bigger than 64 KiB
    if not PipeRoom(writing).capacity:
        pytest.skip("the room in a pipe is not known on this system")
    outbox = Outbox(writing, _Taken())
    frames = _frames(3)
    for frame in frames:
        outbox.frame(frame)
    outbox.message("paused", 15, "user", 1)
    assert outbox.direct_writes == 4 and not outbox._items
    receiver = DeltaReceiver()
    got = [reading.recv_bytes() for _ in range(4)]
    assert [data[:1] for data in got] == [b"F", b"F", b"F", b"M"]
    steps = [receiver.unpack(pickle.loads(data[1:])).snapshot.step for data in got[:3]]
    assert steps == [5, 10, 15]


def test_a_full_pipe_hands_the_writes_to_the_sender_thread_in_order():
    import multiprocessing
    import threading

    reading, writing = multiprocessing.get_context("spawn").Pipe(duplex=False)
    room = PipeRoom(writing)
    if not room.capacity:
        pytest.skip("the room in a pipe is not known on this system")
    outbox = Outbox(writing, _Taken())
    outbox.message("filler", b"x" * (room.capacity - PIPE_SLACK - 2048))  # nobody reads: no room left
    assert outbox.direct_writes == 1 and not room.fits(10 * 1024)
    frames = _frames(2)
    for frame in frames:
        outbox.frame(frame)  # must not block the training thread
    outbox.message("paused", 10, "user", 1)
    assert outbox.direct_writes == 1 and len(outbox._items) == 3
    sender = threading.Thread(target=outbox.run, daemon=True)
    sender.start()
    got = [reading.recv_bytes() for _ in range(4)]
    outbox.close()
    sender.join(5.0)
    assert not sender.is_alive()
    assert [pickle.loads(data[1:])[0] if data[:1] == b"M" else "frame" for data in got] == [
        "filler",
        "frame",
        "frame",
        "paused",
    ]


def test_a_frame_is_wanted_once_the_parent_took_the_last_one_or_lost_its_base():
    taken = _Taken()
    outbox = Outbox(_Pipe(), taken)
    assert outbox.frame_wanted()
    frames = _frames(2)
    outbox.frame(frames[0])
    assert not outbox.frame_wanted()
    taken.value = 1  # the parent took frame number 1
    assert outbox.frame_wanted()
    outbox.frame(frames[1])
    assert not outbox.frame_wanted()
    outbox.send_whole_frame()
    assert outbox.frame_wanted()
