"""restore_trainer: no throwaway initialization, checkpoints handed over, resume still exact."""

from __future__ import annotations

import numpy as np
import pytest

import gradsim.engine.network as network_module
from gradsim.engine.state import StateError, restore_trainer, trainer_state
from gradsim.engine.trainer import Trainer
from gradsim.session.io import load_session, save_session

# Every initializer that draws (orthogonal, he, xavier), a residual projection, float32.
CONFIG = {
    "data": {"kind": "moons", "n_samples": 120, "noise": 0.2, "seed": 4},
    "network": {
        "layers": [
            {"width": 9, "activation": "relu", "init": {"kind": "orthogonal"}},
            {"width": 7, "activation": "tanh", "norm": "batch"},
            {"width": 7, "activation": "prelu", "init": {"kind": "xavier_uniform"}},
        ],
        "residual_every": 1,
    },
    "optimizer": {"kind": "adam", "lr": 0.02},
    "training": {"batch_size": 10, "seed": 3, "checkpoint_every": 4, "precision": "float32"},
}


def saved(trainer: Trainer) -> tuple[dict, dict, dict]:
    state, arrays = trainer_state(trainer)
    arrays = {name: np.array(value) for name, value in arrays.items()}
    for value in arrays.values():
        value.setflags(write=False)
    return trainer.config, state, arrays


def assert_same_run(a: Trainer, b: Trainer) -> None:
    assert a.step_count == b.step_count
    for name, value in a.network.params.items():
        assert np.array_equal(value, b.network.params[name]), name
    for name, value in a.network.buffers.items():
        assert np.array_equal(value, b.network.buffers[name]), name
    b_state = b.optimizer.state_arrays()
    for name, value in a.optimizer.state_arrays().items():
        assert np.array_equal(value, b_state[name]), name
    assert a.checkpoint_steps == b.checkpoint_steps
    for x, y in zip(a.checkpoints, b.checkpoints, strict=True):
        assert np.array_equal(x, y)


def test_initialize_false_draws_nothing_and_takes_no_checkpoint(monkeypatch) -> None:
    kinds = []
    real = network_module.init_weight

    def recording(spec, shape, rng):
        kinds.append(spec["kind"])
        return real(spec, shape, rng)

    monkeypatch.setattr(network_module, "init_weight", recording)
    trainer = Trainer(CONFIG, initialize=False)
    # Weights, biases and the output layer are zeros; only the hard-wired residual
    # projections where the width changes (2 -> 9, 9 -> 7: small matrices) still draw.
    assert kinds.count("xavier_normal") == 2 and set(kinds) == {"zeros", "xavier_normal"}
    assert not np.any(trainer.network.params["layers.0.W"])
    assert not np.any(trainer.network.params["out.W"])
    assert trainer.checkpoints == [] and trainer.checkpoint_steps == []
    reference = Trainer(CONFIG)
    assert trainer.network.spec == reference.spec == trainer.spec  # the real initializers
    assert trainer.network.params.keys() == reference.network.params.keys()
    for name, value in reference.network.params.items():
        assert trainer.network.params[name].shape == value.shape
        assert trainer.network.params[name].dtype == value.dtype


@pytest.mark.parametrize("copy", [True, False])
def test_restore_continues_exactly_like_the_original(copy: bool) -> None:
    config = {**CONFIG, "training": {**CONFIG["training"], "checkpoint_every": 1}}
    original = Trainer(config)
    original.run(37)
    restored = restore_trainer(*saved(original), copy=copy)
    assert_same_run(original, restored)
    original.run(100)  # past the checkpoint bound: the restored ones are thinned too
    restored.run(100)
    assert restored.checkpoint_every == 2
    assert_same_run(original, restored)


def test_handed_over_checkpoints_are_read_only_rows_of_the_saved_matrix() -> None:
    original = Trainer(CONFIG)
    original.run(20)
    config, state, arrays = saved(original)
    restored = restore_trainer(config, state, arrays, copy=False)
    matrix = arrays["checkpoint.params"]
    assert len(restored.checkpoints) == matrix.shape[0] > 1
    for row, checkpoint in zip(matrix, restored.checkpoints, strict=True):
        assert np.shares_memory(checkpoint, matrix)
        assert not checkpoint.flags.writeable
        assert np.array_equal(checkpoint, row)
    # Everything the trainer writes to is its own.
    for value in [*restored.network.params.values(), *restored.optimizer.state_arrays().values()]:
        assert not any(np.shares_memory(value, saved_array) for saved_array in arrays.values())
    copied = restore_trainer(config, state, arrays)
    assert not any(np.shares_memory(c, matrix) for c in copied.checkpoints)
    assert all(c.flags.writeable for c in copied.checkpoints)


def test_restore_refuses_non_finite_parameters_but_not_large_ones() -> None:
    trainer = Trainer(CONFIG)
    trainer.run(3)
    config, state, arrays = saved(trainer)
    weights = np.array(arrays["param.layers.0.W"])
    weights[0, 0] = np.nan
    with pytest.raises(StateError) as caught:
        restore_trainer(config, state, {**arrays, "param.layers.0.W": weights})
    assert caught.value.code == "non_finite"
    huge = np.full(arrays["param.layers.0.W"].shape, 3e38, dtype=np.float32)  # sums overflow
    restored = restore_trainer(config, state, {**arrays, "param.layers.0.W": huge})
    assert np.array_equal(restored.network.params["layers.0.W"], huge)


def test_a_session_resumes_bit_identically_through_the_file(tmp_path) -> None:
    straight = Trainer(CONFIG)
    straight.run(70)
    first = Trainer(CONFIG)
    first.run(33)
    path = tmp_path / "run.gradsim"
    save_session(path, first)
    resumed = load_session(path).trainer
    resumed.run(37)
    assert_same_run(straight, resumed)


def test_a_checkpoint_matrix_sharing_a_larger_buffer_is_copied_even_when_handed_over() -> None:
    """Its rows would keep the whole buffer (the reader's pool of small arrays) alive."""
    original = Trainer(CONFIG)
    original.run(10)
    config, state, arrays = saved(original)
    matrix = arrays["checkpoint.params"]
    pool = np.zeros(matrix.size + 1000, dtype=matrix.dtype)
    shared = pool[: matrix.size].reshape(matrix.shape)
    shared[...] = matrix
    shared.setflags(write=False)
    restored = restore_trainer(config, state, {**arrays, "checkpoint.params": shared}, copy=False)
    assert not any(np.shares_memory(c, pool) for c in restored.checkpoints)
    assert_same_run(original, restored)
