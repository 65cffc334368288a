"""A pause shows the statistics of the step it paused at, and changes nothing else.

The statistics sample is taken at steps 1, 21, 41, ... (``diagnostics_every`` 20), so
without a pause sample a run paused at step 37 would show step 21's histograms. These tests
check that ``record_statistics_now`` and ``step(statistics=True)`` take the cadence's own
sample at the pause, that a run paused anywhere continues bit-identically (a noisy ReLU
draws from the generator every step, BatchNorm keeps running statistics), in memory and
through a session file, and that a rewind or a look back shows its target step's sample.
"""

from __future__ import annotations

import copy

import numpy as np
import pytest

from gradsim.engine.diagnostics import LAYER_STAT_NAMES
from gradsim.engine.state import trainer_state
from gradsim.engine.timeline import Timeline
from gradsim.engine.trainer import Trainer
from gradsim.session.io import load_session, save_session

CONFIG = {
    "data": {"kind": "moons", "n_samples": 120, "noise": 0.2, "seed": 2},
    "network": {
        "layers": [
            {"width": 8, "activation": "noisy_relu", "norm": "batch"},
            {"width": 8, "activation": "tanh"},
            {"width": 6, "activation": "relu"},
        ]
    },
    "optimizer": {"kind": "adam", "lr": 0.02},
    "training": {"batch_size": 13, "seed": 4},
}
UPDATE_RATIO = LAYER_STAT_NAMES.index("update_ratio")
OTHER_STATS = [i for i in range(len(LAYER_STAT_NAMES)) if i != UPDATE_RATIO]


def _every_step(config: dict) -> dict:
    """The same run with a statistics sample at every step: the reference for any step."""
    config = copy.deepcopy(config)
    config["training"]["diagnostics_every"] = 1
    return config


def _samples(trainer: Trainer) -> np.ndarray:
    return trainer.evaluation.arrays("e")["e.steps"]


def _same_run(a: Trainer, b: Trainer) -> None:
    """Parameters, buffers, optimizer state, generator, batch position: bit for bit."""
    for name, value in a.network.params.items():
        assert np.array_equal(value, b.network.params[name]), name
    for name, value in a.network.buffers.items():
        assert np.array_equal(value, b.network.buffers[name]), name
    other = b.optimizer.state_arrays()
    for name, value in a.optimizer.state_arrays().items():
        assert np.array_equal(value, other[name]), name
    assert a.rng.bit_generator.state == b.rng.bit_generator.state
    assert (a.step_count, a.epoch, a.batch_position) == (b.step_count, b.epoch, b.batch_position)
    assert np.array_equal(a.order, b.order)


def test_the_cadence_alone_describes_an_older_step():
    trainer = Trainer(CONFIG)
    trainer.run(37)
    assert list(_samples(trainer)) == [1, 21]
    assert trainer.last_statistics_step() == 21


def test_a_pause_sample_is_the_cadence_sample_of_that_step():
    reference = Trainer(_every_step(CONFIG))
    reference.run(37)
    trainer = Trainer(CONFIG)
    trainer.run(37)
    assert trainer.record_statistics_now()
    assert list(_samples(trainer)) == [1, 21, 37]
    np.testing.assert_array_equal(trainer.stats[:, OTHER_STATS], reference.stats[:, OTHER_STATS])
    assert np.isnan(trainer.stats[:, UPDATE_RATIO]).all()  # the weights before step 37 are gone
    for name, counts in reference.histograms.items():
        np.testing.assert_array_equal(trainer.histograms[name], counts)
    np.testing.assert_array_equal(trainer.evaluation.latest(), reference.evaluation.latest())
    assert [d.code for d in trainer.diagnoses()] == [d.code for d in reference.diagnoses()]


def test_a_step_known_to_be_the_last_measures_everything():
    reference = Trainer(_every_step(CONFIG))
    reference.run(36)
    reference.step()
    trainer = Trainer(CONFIG)
    trainer.run(36)
    trainer.step(statistics=True)
    assert list(_samples(trainer)) == [1, 21, 37]
    np.testing.assert_array_equal(trainer.stats, reference.stats)
    assert np.isfinite(trainer.stats[:, UPDATE_RATIO]).all()


def test_a_second_sample_of_the_same_step_is_not_taken():
    trainer = Trainer(CONFIG)
    assert not trainer.record_statistics_now()  # step 0: no step, no pass
    trainer.run(21)
    assert not trainer.record_statistics_now()  # the cadence took step 21
    trainer.run(16)
    assert trainer.record_statistics_now()
    assert not trainer.record_statistics_now()
    assert list(_samples(trainer)) == [1, 21, 37]


def test_no_sample_without_the_pass_of_the_current_step(tmp_path):
    trainer = Trainer(CONFIG)
    trainer.run(30)
    trainer.set_weight("layers.1.W", (0, 0), 0.5)  # the cached pass belongs to other weights
    assert not trainer.record_statistics_now()
    path = tmp_path / "run.gradsim"
    save_session(path, trainer)
    restored = load_session(path).trainer  # nothing in the cache
    assert not restored.record_statistics_now()
    assert restored.last_statistics_step() == 21


@pytest.mark.parametrize("pause_at", [1, 20, 21, 37])
def test_a_run_paused_anywhere_continues_as_one_that_never_paused(pause_at):
    straight = Trainer(CONFIG)
    straight.run(100)
    paused = Trainer(CONFIG)
    paused.run(pause_at)
    paused.record_statistics_now()
    paused.run(100 - pause_at)
    _same_run(paused, straight)
    for name in ("scalars", "layer_grads"):
        a, b = getattr(paused, name).arrays("h"), getattr(straight, name).arrays("h")
        for key, value in a.items():
            np.testing.assert_array_equal(value, b[key], err_msg=key)
    extra = {pause_at} - set(_samples(straight))
    assert set(_samples(paused)) == set(_samples(straight)) | extra
    np.testing.assert_array_equal(paused.stats, straight.stats)  # both end on the sample of step 81


def test_a_session_saved_at_a_pause_resumes_bit_identically(tmp_path):
    straight = Trainer(CONFIG)
    straight.run(100)
    paused = Trainer(CONFIG)
    paused.run(36)
    paused.step(statistics=True)  # Step 37 done: the app's last step of the batch
    path = tmp_path / "paused.gradsim"
    save_session(path, paused)
    resumed = load_session(path).trainer
    assert resumed.last_statistics_step() == 37
    np.testing.assert_array_equal(resumed.stats, paused.stats)
    resumed.run(63)
    _same_run(resumed, straight)
    state, _ = trainer_state(resumed)
    assert state["step"] == 100


def test_a_rewind_to_a_checkpoint_shows_the_statistics_of_that_step():
    reference = Trainer(_every_step(CONFIG))
    reference.run(50)
    trainer, timeline = Trainer(CONFIG), Timeline(every=10)
    timeline.start(trainer)
    for _ in range(70):
        trainer.step()
        timeline.record(trainer)
    assert trainer.last_statistics_step() == 61
    timeline.rewind(trainer, 50)  # a checkpoint: replayed from 40, the last step measures
    assert trainer.step_count == 50 and trainer.last_statistics_step() == 50
    np.testing.assert_array_equal(trainer.stats, reference.stats)
    _same_run(trainer, reference)
    assert 50 in timeline.steps()
    past = timeline.state_at(trainer, 37)
    assert past.last_statistics_step() == 37
    timeline.rewind(trainer, 0)
    assert trainer.stats is None and trainer.histograms == {}
    assert trainer.last_statistics_step() == -1
