"""The trainer: determinism, dtypes, divergence handling, histories, live edits, resume."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from gradsim.engine.errors import ConfigError
from gradsim.engine.history import SeriesHistory
from gradsim.engine.trainer import Trainer
from gradsim.session.io import load_session, save_session
from gradsim.shipped import load_config

SMALL = {
    "data": {"kind": "spiral", "n_samples": 150, "n_classes": 3, "seed": 1},
    "network": {"depth": 3, "width": 12, "activation": "tanh", "init": {"kind": "xavier_normal"}},
    "optimizer": {"kind": "adam", "lr": 0.01},
    "training": {"batch_size": 16, "seed": 5, "diagnostics_every": 7},
}


def _params(trainer: Trainer) -> dict[str, np.ndarray]:
    return {k: v.copy() for k, v in trainer.network.params.items()}


def test_same_config_and_seed_give_bit_identical_runs() -> None:
    a, b = Trainer(SMALL), Trainer(SMALL)
    a.run(40)
    b.run(40)
    for name, value in _params(a).items():
        assert np.array_equal(value, b.network.params[name]), name
    c = Trainer({**SMALL, "training": {**SMALL["training"], "seed": 6}})
    c.run(40)
    assert not np.array_equal(c.network.params["layers.0.W"], a.network.params["layers.0.W"])


@pytest.mark.parametrize("precision", ["float64", "float32", "float16"])
def test_every_precision_keeps_its_dtype_through_steps(precision: str) -> None:
    trainer = Trainer(
        {
            **SMALL,
            "network": {**SMALL["network"], "norm": "batch"},
            "training": {**SMALL["training"], "precision": precision},
        }
    )
    trainer.run(3)
    expected = np.dtype(precision)
    for name, value in trainer.network.params.items():
        assert value.dtype == expected, name
        assert trainer.network.grads[name].dtype == expected, name
    for value in trainer.network.buffers.values():
        assert value.dtype == expected
    for cache in trainer.network.cache:
        assert cache.output.dtype == trainer.network.compute_dtype


def test_nan_stops_updates_and_keeps_last_finite_state() -> None:
    trainer = Trainer(load_config("exploding"))
    trainer.run(60)
    assert trainer.divergence is not None
    assert trainer.divergence["what"] == "loss"
    assert all(np.all(np.isfinite(v)) for v in trainer.network.params.values())
    codes = [d.code for d in trainer.diagnoses()]
    assert codes[0] == "diverged"
    assert trainer.scalars.nonfinite[: trainer.scalars.count].any()


def test_live_learning_rate_and_clipping_edits_are_validated_and_applied() -> None:
    trainer = Trainer(SMALL)
    trainer.set_learning_rate(0.5)
    assert trainer.step().learning_rate == 0.5
    with pytest.raises(ConfigError, match="optimizer.lr"):
        trainer.set_learning_rate(-1)
    trainer.set_clipping({"kind": "norm", "max": 1e-6})
    assert trainer.step().clipped


def test_checkpoints_are_thinned_and_bounded() -> None:
    trainer = Trainer({**SMALL, "training": {**SMALL["training"], "checkpoint_every": 1}})
    trainer.max_checkpoints = 8
    trainer.run(100)
    assert len(trainer.checkpoints) <= 8
    assert trainer.checkpoint_steps == sorted(trainer.checkpoint_steps)
    assert trainer.checkpoint_steps[-1] >= 90


# ---------------------------------------------------------------- histories
def test_history_keeps_spike_and_nan_through_decimation() -> None:
    history = SeriesHistory(2, capacity=16)
    for step in range(1, 10_001):
        value = 1.0
        if step == 4321:
            value = 1e9
        if step == 7777:
            value = np.nan
        history.append(step, (value, -value))
    assert history.count <= 16
    assert np.nanmax(history.high[: history.count, 0]) == 1e9
    assert np.nanmin(history.low[: history.count, 1]) == -1e9
    bad = history.steps[: history.count][history.nonfinite[: history.count]]
    assert len(bad) == 1 and bad[0] >= 7777


def test_a_snapshot_sends_the_statistics_history_without_its_bands() -> None:
    """The panels draw the per-layer statistics as their last values only: the snapshot leaves
    out the buckets' minima and maxima (2/3 of its bytes, copied and piped every frame), and
    keeps every other array of the history as it is."""
    trainer = Trainer(SMALL)
    trainer.run(300)
    sent = trainer.snapshot().stats_history
    whole = trainer.stats_history.arrays("stats")
    assert set(sent) == {"stats.steps", "stats.last", "stats.nonfinite"}
    for key, array in sent.items():
        assert array.tobytes() == whole[key].tobytes() and not array.flags.writeable
    assert {"scalars.low", "scalars.high"} <= set(trainer.snapshot().scalars)  # drawn as bands


def test_history_memory_is_bounded_for_a_million_steps() -> None:
    """10^6 steps of a 10-layer run: the histories stay at their fixed size (documented bound)."""
    tracemalloc.start()
    scalars, layers = SeriesHistory(4), SeriesHistory(11)
    before = tracemalloc.get_traced_memory()[0]
    row4, row11 = np.ones(4), np.ones(11)
    for step in range(1_000_000):
        scalars.append(step, row4)
        layers.append(step, row11)
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    bound = scalars.nbytes() + layers.nbytes()
    assert grown < 64 * 1024  # nothing accumulates beyond the preallocated buckets
    assert bound < 1_000_000  # the documented bound: capacity * (3 * width * 8 + 9) bytes


# ---------------------------------------------------------------- sessions
RESUME = {
    "data": {"kind": "moons", "n_samples": 130, "noise": 0.2, "seed": 2},
    "network": {
        "layers": [
            {"width": 10, "activation": "noisy_relu", "norm": "batch"},
            {"width": 10, "activation": "prelu", "norm": "layer"},
            {"width": 6, "activation": "tanh", "norm": "batch"},
        ],
        "residual_every": 1,
    },
    "optimizer": {"kind": "adam", "lr": 0.05, "amsgrad": True},
    "schedule": {"kind": "step", "step_size": 70, "gamma": 0.5},
    "clipping": {"kind": "norm", "max": 0.5},
    "training": {"batch_size": 14, "seed": 11, "diagnostics_every": 9, "checkpoint_every": 7},
}


def test_resume_is_bit_identical_to_a_run_that_never_stopped(tmp_path) -> None:
    straight = Trainer(RESUME)
    straight.run(100)
    first = Trainer(RESUME)
    first.run(60)
    assert first.batch_position != 0  # step 60 is not on an epoch boundary
    clipped = first.scalars.last[: first.scalars.count, 2]
    assert clipped.any()  # clipping fired
    path = tmp_path / "run.gradsim"
    save_session(path, first, notes="halfway")
    session = load_session(path)
    assert session.extras["notes"] == "halfway"
    resumed = session.trainer
    resumed.run(40)
    assert resumed.step_count == 100
    for name, value in straight.network.params.items():
        assert np.array_equal(value, resumed.network.params[name]), name
    for name, value in straight.network.buffers.items():
        assert np.array_equal(value, resumed.network.buffers[name]), name
    straight_state = straight.optimizer.state_arrays()
    for name, value in resumed.optimizer.state_arrays().items():
        assert np.array_equal(value, straight_state[name]), name
    for name in ("scalars", "layer_grads", "evaluation", "stats_history"):
        expected, found = getattr(straight, name).arrays("h"), getattr(resumed, name).arrays("h")
        for key, value in expected.items():
            assert np.array_equal(value, found[key], equal_nan=True), (name, key)
    assert straight.schedule.lr_at(99, 0.05) != straight.schedule.lr_at(59, 0.05)


def test_session_round_trip_keeps_histories_and_evaluation(tmp_path) -> None:
    trainer = Trainer(SMALL)
    trainer.run(30)
    path = tmp_path / "s.gradsim"
    save_session(path, trainer)
    loaded = load_session(path).trainer
    for name in ("scalars", "layer_grads", "evaluation", "stats_history"):
        a, b = getattr(trainer, name).arrays("h"), getattr(loaded, name).arrays("h")
        assert all(np.array_equal(a[key], b[key], equal_nan=True) for key in a)
    assert np.array_equal(trainer.stats, loaded.stats, equal_nan=True)
    assert loaded.evaluate() == trainer.evaluate()
    assert [d.code for d in loaded.diagnoses()] == [d.code for d in trainer.diagnoses()]
