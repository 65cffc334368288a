"""The Qt-free training loop: exact steps, acknowledged pauses, triggers, latest-wins frames,
and failures that are reported and survived, with the worker in a plain Python thread."""

from __future__ import annotations

import threading
import time

import pytest

from gradsim.engine.trainer import Trainer
from gradsim.runner.training_loop import (
    GUI_LEAD,
    CommandChannel,
    Frame,
    LatestSlot,
    Pacing,
    TrainingLoop,
    Triggers,
    WorkerCore,
    default_factory,
)

CONFIG = {
    "data": {"kind": "circles", "n_samples": 200, "seed": 0},
    "network": {"depth": 2, "width": 8, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "sgd", "lr": 0.05},
    "training": {"batch_size": 32},
}


class Harness:
    """A WorkerCore served by a plain thread; what it publishes is recorded."""

    def __init__(self, pacing: Pacing | None = None) -> None:
        self.channel = CommandChannel()
        self.latest = LatestSlot()
        self.events: list[tuple] = []
        self._lock = threading.Lock()
        self.loop = TrainingLoop(Trainer(CONFIG), default_factory, pacing or Pacing())
        self.core = WorkerCore(self.loop, self.channel, self._publish, self._acknowledge, self._fail)
        self.thread = threading.Thread(target=self.core.serve, daemon=True)
        self.thread.start()

    def _publish(self, frame: Frame) -> None:
        with self._lock:
            self.events.append(("frame", frame.snapshot.step))
        self.latest.put(frame)

    def _acknowledge(self, step: int, reason: str, generation: int) -> None:
        with self._lock:
            self.events.append(("paused", step, reason, generation))

    def _fail(self, details: str) -> None:
        with self._lock:
            self.events.append(("failed", details))

    def pauses(self) -> list[tuple]:
        with self._lock:
            return [e for e in self.events if e[0] == "paused"]

    def wait_for(self, predicate, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            assert time.monotonic() < deadline, f"timed out; events: {self.events[-5:]}"
            time.sleep(0.005)

    def stop(self) -> None:
        self.channel.stop()
        self.thread.join(5.0)
        assert not self.thread.is_alive()


@pytest.fixture
def harness():
    made = []

    def make(**kwargs) -> Harness:
        made.append(Harness(**kwargs))
        return made[-1]

    yield make
    for h in made:
        h.stop()


def test_step_n_runs_exactly_n_steps_then_publishes_and_acknowledges(harness):
    h = harness()
    h.channel.step(7, 1)
    h.wait_for(lambda: h.pauses())
    assert h.pauses() == [("paused", 7, "steps_done", 1)]
    assert h.loop.trainer.step_count == 7
    assert h.events[-2] == ("frame", 7), "the last frame comes before the acknowledgement"
    h.channel.step(3, 2)
    h.wait_for(lambda: len(h.pauses()) == 2)
    assert h.pauses()[1] == ("paused", 10, "steps_done", 2)


def test_a_pause_while_idle_is_acknowledged(harness):
    h = harness()
    h.channel.pause(4)
    h.wait_for(lambda: h.pauses())
    assert h.pauses() == [("paused", 0, "user", 4)]


def test_play_then_pause_is_final(harness):
    h = harness()
    h.channel.play(1)
    h.wait_for(lambda: h.loop.trainer.step_count > 20)
    h.channel.pause(2)
    h.wait_for(lambda: h.pauses())
    step = h.pauses()[0][1]
    time.sleep(0.1)
    assert h.loop.trainer.step_count == step and len(h.pauses()) == 1


def test_an_at_step_trigger_pauses_there_and_disarms(harness):
    h = harness()
    h.channel.set_triggers(Triggers(at_step=12))
    h.channel.play(1)
    h.wait_for(lambda: h.pauses())
    assert h.pauses() == [("paused", 12, "at_step", 1)]
    assert h.channel.triggers().at_step is None


def test_a_failing_command_is_reported_and_the_worker_keeps_serving(harness):
    h = harness()

    def broken(trainer):
        raise RuntimeError("boom in the worker")

    h.channel.post("call", broken)
    h.wait_for(lambda: any(e[0] == "failed" for e in h.events))
    assert "boom in the worker" in next(e[1] for e in h.events if e[0] == "failed")
    h.channel.step(2, 1)
    h.wait_for(lambda: h.pauses())
    assert h.pauses() == [("paused", 2, "steps_done", 1)]


def test_the_latest_frame_wins_and_is_taken_once():
    slot = LatestSlot()
    assert slot.take() is None
    trainer = Trainer(CONFIG)
    frames = []
    for serial in range(3):
        trainer.step()
        frames.append(Frame(trainer.snapshot(include_decision=False), 0.0, serial))
        slot.put(frames[-1])
    assert slot.take() is frames[-1]
    assert slot.take() is None
    assert slot.published == 3


def test_replayed_steps_match_headless_training(harness):
    h = harness()
    h.channel.step(25, 1)
    h.wait_for(lambda: h.pauses())
    headless = Trainer(CONFIG)
    headless.run(25)
    assert h.loop.trainer.last_record.loss == headless.last_record.loss


def test_frames_are_published_a_little_faster_than_the_gui_draws_them(harness):
    """A frame the GUI replaces before drawing it was built for nothing: training follows the
    GUI's draw interval (with GUI_LEAD to spare), never faster than Pacing.publish_hz."""
    h = harness(pacing=Pacing(publish_hz=40.0))
    h.loop.frame()  # the worker idles: no command yet
    assert h.loop.publish_interval == pytest.approx(1 / 40, abs=0.01)
    h.channel.set_gui_interval(0.2)  # 5 frames drawn a second
    h.channel.play(1)
    h.wait_for(lambda: h.latest.published >= 3)
    assert h.loop.publish_interval >= 0.2 / GUI_LEAD
    h.channel.set_gui_interval(0.0)
    published = h.latest.published
    h.wait_for(lambda: h.latest.published >= published + 2)
    assert h.loop.publish_interval < 0.2 / GUI_LEAD  # the GUI's rate unknown again: its own rate


def test_no_new_frame_is_built_until_the_gui_took_the_last_one():
    """Training keeps stepping; a frame the GUI would replace unseen is never built."""
    channel, latest = CommandChannel(), LatestSlot()
    loop = TrainingLoop(Trainer(CONFIG), default_factory, Pacing(publish_hz=200.0))
    core = WorkerCore(loop, channel, latest.put, lambda *_: None, lambda *_: None, wanted=latest.taken)
    worker = threading.Thread(target=core.serve, daemon=True)
    worker.start()
    try:
        channel.play(1)
        deadline = time.monotonic() + 10
        while latest.published == 0:
            assert time.monotonic() < deadline
            time.sleep(0.005)
        step = loop.trainer.step_count
        while loop.trainer.step_count < step + 200:  # at 200 frames/s: many frames due meanwhile
            assert time.monotonic() < deadline
            time.sleep(0.005)
        assert latest.published == 1
        for _ in range(3):  # each frame taken lets the next one be built
            published = latest.published
            assert latest.take() is not None
            while latest.published == published:
                assert time.monotonic() < deadline
                time.sleep(0.002)
        assert not latest.taken()
        published = latest.published
        channel.pause(2)  # a pause publishes its frame, the last one taken or not
        while latest.published == published:
            assert time.monotonic() < deadline
            time.sleep(0.005)
    finally:
        channel.stop()
        worker.join(5)


def test_running_frames_refresh_the_matrices_at_their_panels_rate_and_a_pause_frame_is_all_fresh():
    """The weight and gradient matrices (drawn at most 15 times a second) and the decision map
    are reused between running frames; the frame a pause or an edit leaves on screen is all of
    this very step, byte for byte."""
    trainer = Trainer(CONFIG)
    loop = TrainingLoop(trainer, default_factory, Pacing(matrices_hz=1e-6, decision_hz=1e-6))
    trainer.run(3)
    first = loop.frame()
    trainer.run(5)
    running = loop.frame()
    assert running.snapshot.step == 8
    assert running.snapshot.weights is first.snapshot.weights  # reused: travels as nothing
    assert running.snapshot.decision is first.snapshot.decision
    shown = loop.frame(fresh=True)
    now = trainer.snapshot()
    assert shown.snapshot.weights.keys() == now.weights.keys()
    for name in now.weights:
        assert shown.snapshot.weights[name].tobytes() == now.weights[name].tobytes()
        assert shown.snapshot.grads[name].tobytes() == now.grads[name].tobytes()
    assert shown.snapshot.decision["values"].tobytes() == now.decision["values"].tobytes()
    assert shown.snapshot.weights["layers.0.W"].tobytes() != first.snapshot.weights["layers.0.W"].tobytes()


def test_a_pause_publishes_the_decision_map_and_matrices_of_the_step_it_paused_at(harness):
    h = harness(pacing=Pacing(matrices_hz=1e-6, decision_hz=1e-6))
    h.channel.step(40, 1)
    h.wait_for(lambda: h.pauses())
    frame = h.latest.take()
    trainer = h.loop.trainer
    assert frame is not None and frame.snapshot.step == trainer.step_count == 40
    now = trainer.snapshot()
    assert frame.snapshot.decision["values"].tobytes() == now.decision["values"].tobytes()
    assert frame.snapshot.weights["layers.0.W"].tobytes() == now.weights["layers.0.W"].tobytes()
