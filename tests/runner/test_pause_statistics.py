"""The frame a pause publishes shows the statistics of the step the run paused at.

Statistics are sampled at steps 1, 21, 41, ...; without a sample at the pause, Step 37
would show step 21's histograms. Here the worker runs in a plain thread (the same
WorkerCore the QThread and the training process run) and every published frame is kept.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest

from gradsim.engine.diagnostics import LAYER_STAT_NAMES
from gradsim.engine.trainer import Trainer
from gradsim.runner.training_loop import Frame, Triggers
from tests.runner.test_training_loop import CONFIG, Harness

UPDATE_RATIO = LAYER_STAT_NAMES.index("update_ratio")


class FrameHarness(Harness):
    """The test loop's harness, keeping the frames themselves."""

    def __init__(self) -> None:
        self.frames: list[Frame] = []
        self._frames_lock = threading.Lock()
        super().__init__()

    def _publish(self, frame: Frame) -> None:
        with self._frames_lock:
            self.frames.append(frame)
        super()._publish(frame)

    def paused_frame(self) -> Frame:
        """The last frame published before the last acknowledgement."""
        events = list(self.events)
        last_pause = max(i for i, e in enumerate(events) if e[0] == "paused")
        frames_before = sum(1 for e in events[:last_pause] if e[0] == "frame")
        with self._frames_lock:
            return self.frames[frames_before - 1]


@pytest.fixture
def harness():
    made: list[FrameHarness] = []
    yield lambda: made.append(FrameHarness()) or made[-1]
    for h in made:
        h.stop()


def _sampled_step(frame: Frame) -> int:
    steps = frame.snapshot.evaluation["evaluation.steps"]
    return int(steps[-1]) if len(steps) else -1


def test_step_n_ends_on_a_full_sample_of_step_n(harness):
    h = harness()
    h.channel.step(37, 1)
    h.wait_for(lambda: h.pauses())
    frame = h.paused_frame()
    assert frame.snapshot.step == 37 and _sampled_step(frame) == 37
    assert np.isfinite(frame.snapshot.stats[:, UPDATE_RATIO]).all()  # measured on the step itself
    reference = Trainer({**CONFIG, "training": {**CONFIG["training"], "diagnostics_every": 1}})
    reference.run(37)
    np.testing.assert_array_equal(frame.snapshot.stats, reference.stats)


def test_an_at_step_trigger_ends_on_a_sample_of_that_step(harness):
    h = harness()
    h.channel.set_triggers(Triggers(at_step=45))
    h.channel.play(1)
    h.wait_for(lambda: h.pauses())
    frame = h.paused_frame()
    assert h.pauses() == [("paused", 45, "at_step", 1)]
    assert _sampled_step(frame) == 45
    assert np.isfinite(frame.snapshot.stats[:, UPDATE_RATIO]).all()


def test_the_users_pause_ends_on_a_sample_of_its_step(harness):
    h = harness()
    h.channel.play(1)
    h.wait_for(lambda: h.loop.trainer.step_count > 30)
    h.channel.pause(2)
    h.wait_for(lambda: h.pauses())
    step = h.pauses()[0][1]
    frame = h.paused_frame()
    assert frame.snapshot.step == step and _sampled_step(frame) == step


def test_a_nan_pause_ends_on_a_sample_of_the_rejected_step(harness):
    h = harness()
    explode = {"name": "layers.0.W", "index": [0, 0], "value": 1e300}
    h.channel.step(23, 1)  # sample at 21, then two steps
    h.wait_for(lambda: h.pauses())
    h.channel.post("edit_weight", explode["name"], *explode["index"], explode["value"])
    h.channel.play(2)
    h.wait_for(lambda: len(h.pauses()) == 2)
    assert h.pauses()[1][2] == "nan"
    frame = h.paused_frame()
    assert frame.snapshot.step == 24 and _sampled_step(frame) == 24
    assert frame.snapshot.divergence is not None and frame.snapshot.divergence["step"] == 24


def test_paused_at_37_and_resumed_equals_a_run_that_never_paused(harness):
    h = harness()
    h.channel.step(37, 1)
    h.wait_for(lambda: h.pauses())
    h.channel.step(63, 2)
    h.wait_for(lambda: len(h.pauses()) == 2)
    trainer = h.loop.trainer
    straight = Trainer(CONFIG)
    straight.run(100)
    assert trainer.step_count == 100
    for name, value in straight.network.params.items():
        assert np.array_equal(trainer.network.params[name], value), name
    assert trainer.rng.bit_generator.state == straight.rng.bit_generator.state
    assert trainer.last_record == straight.last_record
