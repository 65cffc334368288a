"""A step the trainer rejects (NaN/Inf) changes nothing: every piece of state, tested alone.

Parameters, BatchNorm's running statistics, the optimizer's moments and step count, the
random generator (batch shuffle and activation noise), the batch order, position and
epoch. Only the step counter and the histories move (they record the attempt). The
non-finite values are planted with a weight edit, as a user would, on a network with
BatchNorm and noisy ReLU (the noise draws from the trainer's generator).
"""

from __future__ import annotations

import copy

import numpy as np
import pytest

from gradsim.engine.trainer import Trainer
from gradsim.session.errors import SessionError
from gradsim.session.io import load_session, save_session

BASE = {
    "data": {"kind": "sine", "n_samples": 120, "seed": 2},
    "network": {
        "layers": [
            {"width": 6, "norm": "batch", "activation": "noisy_relu"},
            {"width": 5, "norm": "batch", "activation": "tanh"},
        ]
    },
    "optimizer": {"kind": "adam", "lr": 0.01},
    "training": {"batch_size": 16, "seed": 3, "diagnostics_every": 4},
}
# 96 training rows in batches of 16: step 6 ends an epoch, step 7 draws a new order.
BAD_LOSS = ("out.W", (0, 0), 1e200)  # logits ~1e200: the loss overflows to Inf
BAD_STATISTICS = ("layers.0.W", (0, 1), 1e200)  # a unit's variance overflows; the loss stays finite


def _config(batch_size: int = 16) -> dict:
    config = copy.deepcopy(BASE)
    config["training"]["batch_size"] = batch_size
    return config


def _state(trainer: Trainer) -> dict:
    """Every piece of state a step may change, as copies."""
    return {
        "params": {k: v.copy() for k, v in trainer.network.params.items()},
        "running": {k: v.copy() for k, v in trainer.network.buffers.items()},
        "optimizer": {k: np.array(v) for k, v in trainer.optimizer.state_arrays().items()},
        "rng": copy.deepcopy(trainer.rng.bit_generator.state),
        "order": trainer.order.copy(),
        "position": trainer.batch_position,
        "epoch": trainer.epoch,
    }


def _rejected_step(steps_before: int, bad: tuple, batch_size: int = 16) -> tuple[Trainer, dict, dict]:
    trainer = Trainer(_config(batch_size))
    trainer.run(steps_before)
    name, index, value = bad
    trainer.set_weight(name, index, value)
    before = _state(trainer)
    record = trainer.step()
    assert not record.finite
    return trainer, before, _state(trainer)


CASES = [
    pytest.param(3, BAD_LOSS, 16, id="mid-epoch"),
    pytest.param(6, BAD_LOSS, 16, id="epoch-start"),  # the rejected step drew a new shuffle
    pytest.param(3, BAD_LOSS, 0, id="full-batch"),
    pytest.param(3, BAD_STATISTICS, 16, id="statistics"),
]


@pytest.mark.parametrize(("steps", "bad", "batch"), CASES)
def test_parameters_are_unchanged(steps, bad, batch) -> None:
    _, before, after = _rejected_step(steps, bad, batch)
    for name, value in before["params"].items():
        np.testing.assert_array_equal(after["params"][name], value, err_msg=name)


@pytest.mark.parametrize(("steps", "bad", "batch"), CASES)
def test_running_statistics_are_unchanged(steps, bad, batch) -> None:
    _, before, after = _rejected_step(steps, bad, batch)
    assert before["running"]
    for name, value in before["running"].items():
        np.testing.assert_array_equal(after["running"][name], value, err_msg=name)
        assert np.all(np.isfinite(after["running"][name]))


@pytest.mark.parametrize(("steps", "bad", "batch"), CASES)
def test_optimizer_moments_and_step_are_unchanged(steps, bad, batch) -> None:
    _, before, after = _rejected_step(steps, bad, batch)
    assert int(before["optimizer"]["step"]) == steps
    for name, value in before["optimizer"].items():
        np.testing.assert_array_equal(after["optimizer"][name], value, err_msg=name)


@pytest.mark.parametrize(("steps", "bad", "batch"), CASES)
def test_random_generator_is_unchanged(steps, bad, batch) -> None:
    _, before, after = _rejected_step(steps, bad, batch)
    assert after["rng"] == before["rng"]


@pytest.mark.parametrize(("steps", "bad", "batch"), CASES)
def test_batch_order_position_and_epoch_are_unchanged(steps, bad, batch) -> None:
    _, before, after = _rejected_step(steps, bad, batch)
    np.testing.assert_array_equal(after["order"], before["order"])
    assert (after["position"], after["epoch"]) == (before["position"], before["epoch"])


@pytest.mark.parametrize(("steps", "bad", "batch"), CASES)
def test_the_attempt_is_counted_and_recorded(steps, bad, batch) -> None:
    trainer, _, _ = _rejected_step(steps, bad, batch)
    assert trainer.step_count == steps + 1
    assert trainer.divergence is not None and trainer.divergence["step"] == steps + 1
    assert trainer.scalars.count == steps + 1


def test_statistics_that_would_overflow_are_named_in_the_divergence() -> None:
    trainer, _, _ = _rejected_step(3, BAD_STATISTICS)
    assert trainer.last_record is not None and np.isfinite(trainer.last_record.loss)
    assert trainer.divergence == {"what": "BatchNorm statistics of layer 1", "value": "Inf", "step": 4}


@pytest.mark.parametrize(("steps", "bad", "batch"), CASES)
def test_a_rejected_step_is_as_if_it_never_happened(steps, bad, batch) -> None:
    """Undo the bad edit and train on: the same run as one that never had the bad step."""
    trainer, _, _ = _rejected_step(steps, bad, batch)
    reference = Trainer(_config(batch))
    reference.run(steps)
    name, index, _ = bad
    trainer.set_weight(name, index, float(reference.network.params[name][index]))
    trainer.run(9)
    reference.run(9)
    for key, value in reference.network.params.items():
        np.testing.assert_array_equal(trainer.network.params[key], value, err_msg=key)
    for key, value in reference.network.buffers.items():
        np.testing.assert_array_equal(trainer.network.buffers[key], value, err_msg=key)
    assert trainer.rng.bit_generator.state == reference.rng.bit_generator.state


def test_a_session_saved_after_a_rejected_step_opens(tmp_path) -> None:
    """Before, the rejected step's Inf running variance was saved and then refused on open."""
    trainer, _, _ = _rejected_step(3, BAD_STATISTICS)
    trainer.set_weight("layers.0.W", (0, 1), 0.5)
    path = tmp_path / "after.gradsim"
    save_session(path, trainer)
    try:
        reopened = load_session(path).trainer
    except SessionError as error:  # pragma: no cover - the failure this test guards against
        pytest.fail(f"the session does not open: {error}")
    assert reopened.step_count == trainer.step_count
