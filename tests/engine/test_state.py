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


def checkpoint_rows(arrays: dict) -> list[np.ndarray]:
    """The saved checkpoints, one array each (schema 4)."""
    return [arrays[f"checkpoint.params.{k}"] for k in range(len(arrays["checkpoint.steps"]))]


def test_trainer_state_hands_out_the_trainers_own_arrays_without_stacking_or_copying() -> None:
    trainer = Trainer(CONFIG)
    trainer.run(20)
    _, arrays = trainer_state(trainer)
    assert "checkpoint.params" not in arrays
    assert all(row is own for row, own in zip(checkpoint_rows(arrays), trainer.checkpoints, strict=True))
    assert len(trainer.checkpoints) > 1
    # The optimizer state: its whole flat buffers as they are (schema 5), one per state name.
    (slot,) = trainer.optimizer._slots
    saved_state = {k: v for k, v in arrays.items() if k.startswith("optimizer.")}
    assert saved_state.keys() == {"optimizer.step", "optimizer.slot0.exp_avg", "optimizer.slot0.exp_avg_sq"}
    for name, buffer in slot.state.items():
        assert arrays[f"optimizer.slot0.{name}"] is buffer, name
    live = trainer.optimizer.state_arrays(copy=False)
    copies = trainer.optimizer.state_arrays()
    assert not any(np.shares_memory(copies[name], live[name]) for name in live)


def test_handed_over_checkpoints_are_the_saved_arrays_read_only() -> None:
    original = Trainer(CONFIG)
    original.run(20)
    config, state, arrays = saved(original)
    restored = restore_trainer(config, state, arrays, copy=False)
    rows = checkpoint_rows(arrays)
    assert len(restored.checkpoints) == len(rows) > 1
    for row, checkpoint in zip(rows, restored.checkpoints, strict=True):
        assert np.shares_memory(checkpoint, row)
        assert not checkpoint.flags.writeable
        assert np.array_equal(checkpoint, row)
    # The parameters and the optimizer's whole buffers (arrays of their own) are taken as
    # they are, writeable again.
    for name, value in restored.network.params.items():
        assert value is arrays[f"param.{name}"] and value.flags.writeable, name
    (slot,) = restored.optimizer._slots
    for name, buffer in slot.state.items():
        assert buffer is arrays[f"optimizer.slot0.{name}"] and buffer.flags.writeable, name
        for view in slot.state_views(name):  # each parameter's part is a view of it
            assert np.shares_memory(view, buffer)
    config, state, arrays = saved(original)
    copied = restore_trainer(config, state, arrays)
    for value in [*copied.network.params.values(), *copied.checkpoints]:
        assert not any(np.shares_memory(value, saved_array) for saved_array in arrays.values())
        assert value.flags.writeable
    assert_same_run(original, copied)


def test_only_parameters_that_own_their_memory_are_adopted() -> None:
    """A view (of inflated bytes, of a larger buffer) or a Fortran-ordered array is copied."""
    original = Trainer(CONFIG)
    original.run(5)
    config, state, arrays = saved(original)
    pool = np.zeros(arrays["param.layers.0.W"].size + 10, dtype=np.float32)
    view = pool[:-10].reshape(arrays["param.layers.0.W"].shape)
    view[...] = arrays["param.layers.0.W"]
    fortran = np.asfortranarray(arrays["param.layers.1.W"])
    given = {**arrays, "param.layers.0.W": view, "param.layers.1.W": fortran}
    restored = restore_trainer(config, state, given, copy=False)
    assert not np.shares_memory(restored.network.params["layers.0.W"], pool)
    assert restored.network.params["layers.1.W"] is not fortran
    assert restored.network.params["layers.1.W"].flags.c_contiguous
    assert restored.network.params["out.W"] is given["param.out.W"]
    assert_same_run(original, restored)
    config, state, arrays = saved(original)
    one = arrays["param.layers.1.b"]  # one array for two parameters of the same shape
    shared = restore_trainer(config, state, {**arrays, "param.layers.2.b": one}, copy=False).network.params
    assert shared["layers.1.b"] is one and not np.shares_memory(shared["layers.2.b"], one)
    original.run(7)
    restored.run(7)
    assert_same_run(original, restored)


def test_the_rows_of_one_checkpoint_matrix_are_handed_over_too() -> None:
    """A schema-3 file's checkpoints arrive as the rows of one matrix (the 3 -> 4 migration):
    together they are all of it, so they are kept as views, not copied."""
    original = Trainer(CONFIG)
    original.run(20)
    config, state, arrays = saved(original)
    matrix = np.stack(checkpoint_rows(arrays))
    matrix.setflags(write=False)
    arrays = {**arrays, **{f"checkpoint.params.{k}": row for k, row in enumerate(matrix)}}
    restored = restore_trainer(config, state, arrays, copy=False)
    assert all(np.shares_memory(c, matrix) for c in restored.checkpoints)
    assert_same_run(original, restored)


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda a: a.pop("checkpoint.params.1"), "missing_array"),
        (lambda a: a.update({"checkpoint.params.99": a["checkpoint.params.0"]}), "unexpected_array"),
        (lambda a: a.update({"checkpoint.params.0": a["checkpoint.params.0"][:-1]}), "shape_mismatch"),
        (lambda a: a.update({"checkpoint.params": np.stack(checkpoint_rows(a))}), "unexpected_array"),
        (lambda a: a.update({"checkpoint.params.0": a["checkpoint.params.0"] + 0j}), "bad_dtype"),
    ],
)
def test_checkpoints_that_do_not_match_their_steps_are_refused(edit, code: str) -> None:
    original = Trainer(CONFIG)
    original.run(20)
    config, state, arrays = saved(original)
    edit(arrays)
    with pytest.raises(StateError) as caught:
        restore_trainer(config, state, arrays, copy=False)
    assert caught.value.code == code


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


def test_ten_million_checkpoint_steps_are_refused_before_naming_their_arrays() -> None:
    original = Trainer(CONFIG)
    original.run(20)
    config, state, arrays = saved(original)
    state = {**state, "step": 10**7}
    with pytest.raises(StateError) as caught:
        restore_trainer(config, state, {**arrays, "checkpoint.steps": np.arange(10**7)}, copy=False)
    assert caught.value.code == "missing_array"
    assert "checkpoint.steps lists 10000000 checkpoints" in str(caught.value)


def test_checkpoints_sharing_a_larger_buffer_are_copied_even_when_handed_over() -> None:
    """Their views would keep the whole buffer (the reader's pool of small arrays) alive."""
    original = Trainer(CONFIG)
    original.run(10)
    config, state, arrays = saved(original)
    rows = checkpoint_rows(arrays)
    pool = np.zeros(sum(row.size for row in rows) + 1000, dtype=rows[0].dtype)
    shared, offset = {}, 0
    for k, row in enumerate(rows):
        part = pool[offset : offset + row.size]
        part[...] = row
        part.setflags(write=False)
        shared[f"checkpoint.params.{k}"] = part
        offset += row.size
    restored = restore_trainer(config, state, {**arrays, **shared}, copy=False)
    assert not any(np.shares_memory(c, pool) for c in restored.checkpoints)
    assert_same_run(original, restored)


def _per_parameter_state(trainer: Trainer, arrays: dict) -> dict:
    """``arrays`` with the optimizer state as schema 4 saved it: one array per parameter."""
    arrays = {k: v for k, v in arrays.items() if not k.startswith("optimizer.")}
    arrays.update({f"optimizer.{k}": v for k, v in trainer.optimizer.state_arrays().items()})
    return arrays


@pytest.mark.parametrize("copy", [True, False])
def test_per_parameter_optimizer_state_of_older_files_still_restores_exactly(copy: bool) -> None:
    original = Trainer(CONFIG)
    original.run(23)
    config, state, arrays = saved(original)
    restored = restore_trainer(config, state, _per_parameter_state(original, arrays), copy=copy)
    assert_same_run(original, restored)
    original.run(15)
    restored.run(15)
    assert_same_run(original, restored)


def test_a_buffer_that_is_not_whole_memory_of_the_slots_dtype_is_copied_not_adopted() -> None:
    original = Trainer(CONFIG)
    original.run(12)
    config, state, arrays = saved(original)
    name = "optimizer.slot0.exp_avg"
    arrays[name] = np.concatenate([arrays[name], [0]]).astype(np.float32)[:-1]  # a view: not its own memory
    arrays["optimizer.slot0.exp_avg_sq"] = arrays["optimizer.slot0.exp_avg_sq"].astype(np.float64)  # widened
    restored = restore_trainer(config, state, arrays, copy=False)
    (slot,) = restored.optimizer._slots
    assert slot.state["exp_avg"].dtype == slot.state["exp_avg_sq"].dtype == np.float32
    for buffer in slot.state.values():
        assert not any(np.shares_memory(buffer, given) for given in arrays.values())
    assert_same_run(original, restored)


def test_one_array_given_for_a_parameter_and_a_buffer_is_adopted_once() -> None:
    config = {**CONFIG, "network": {"layers": [{"width": 3}]}}
    original = Trainer(config)
    original.run(3)
    config, state, arrays = saved(original)
    shared = np.zeros_like(arrays["optimizer.slot0.exp_avg"])
    arrays["optimizer.slot0.exp_avg"] = arrays["optimizer.slot0.exp_avg_sq"] = shared
    restored = restore_trainer(config, state, arrays, copy=False)
    (slot,) = restored.optimizer._slots
    assert not np.shares_memory(slot.state["exp_avg"], slot.state["exp_avg_sq"])


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"optimizer.slot0.exp_avg": lambda a: a[:-1]}, "state_shape"),
        ({"optimizer.slot0.exp_avg": lambda a: a.astype(np.complex64)}, "state_dtype"),
        ({"optimizer.slot0.exp_avg": None}, "state_missing"),
        ({"optimizer.slot1.exp_avg": lambda a: a}, "state_unexpected"),
        ({"optimizer.exp_avg.0": lambda a: a}, "state_unexpected"),  # both forms at once
    ],
)
def test_whole_buffers_that_do_not_fit_are_refused(change: dict, code: str) -> None:
    original = Trainer(CONFIG)
    original.run(5)
    config, state, arrays = saved(original)
    reference = arrays["optimizer.slot0.exp_avg"]
    for name, how in change.items():
        if how is None:
            del arrays[name]
        else:
            arrays[name] = how(reference)
    with pytest.raises(Exception) as caught:
        restore_trainer(config, state, arrays, copy=False)
    assert getattr(caught.value, "code", None) == code, caught.value


def test_float16_parameters_resume_exactly_with_their_float32_buffers_adopted(tmp_path) -> None:
    """float16 parameters keep their optimizer state in float32 (a slot whose dtype is not the
    parameters'): saved as whole float32 buffers and opened, the run goes on exactly."""
    config = {**CONFIG, "optimizer": {"kind": "adam", "lr": 0.01, "amsgrad": True}}
    config["training"] = {**CONFIG["training"], "precision": "float16"}
    original = Trainer(config)
    original.run(9)
    save_session(tmp_path / "half.gradsim", original)
    restored = load_session(tmp_path / "half.gradsim").trainer
    (slot,) = restored.optimizer._slots
    assert len(slot.state) == 3
    assert all(buffer.dtype == np.float32 and buffer.flags.owndata for buffer in slot.state.values())
    assert_same_run(original, restored)
    original.run(15)
    restored.run(15)
    assert_same_run(original, restored)
