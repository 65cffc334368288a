"""The memory budget: the estimate against the real arrays, the refusal and its message,
the budget's default and its override, and a MemoryError that still happens."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from gradsim.engine import budget
from gradsim.engine.budget import (
    BUDGET_VARIABLE,
    DEFAULT_SHARE,
    OutOfMemoryError,
    estimate_memory,
    format_bytes,
    memory_budget,
)
from gradsim.engine.config import validate_config
from gradsim.engine.datasets import DataShape
from gradsim.engine.errors import ConfigError
from gradsim.engine.trainer import Trainer

CONFIGS = {
    "relu": {"data": {"kind": "circles", "n_samples": 2000}, "network": {"depth": 3, "width": 64}},
    "batchnorm-full-batch": {
        "data": {"kind": "spiral", "n_samples": 1000, "n_classes": 4},
        "network": {"depth": 5, "width": 256, "norm": "batch", "activation": "tanh"},
        "training": {"batch_size": 0},
    },
    "maxout-adam": {
        "data": {"kind": "teacher", "dim": 100, "n_samples": 3000},
        "network": {"depth": 4, "width": 128, "activation": "maxout", "activation_params": {"k": 4}},
        "optimizer": {"kind": "adam", "lr": 0.001, "amsgrad": True},
        "training": {"batch_size": 64},
    },
    "float16-residual": {
        "data": {"kind": "mixture", "dim": 50, "n_samples": 4000},
        "network": {"depth": 6, "width": 200, "norm": "layer", "residual_every": 4, "activation": "prelu"},
        "optimizer": {"kind": "rmsprop", "centered": True, "momentum": 0.9},
        "training": {"batch_size": 128, "precision": "float16"},
    },
    "float32-wide-sine": {
        "data": {"kind": "sine", "n_samples": 2000},
        "network": {"depth": 2, "width": 1024},
        "training": {"batch_size": 0, "precision": "float32"},
    },
}
DEEP_WIDE = {"network": {"depth": 200, "width": 4096}}  # inside every per-field limit


def _shape(trainer: Trainer) -> DataShape:
    d = trainer.dataset
    return DataShape(len(d.x_train), len(d.x_test), d.input_dim, d.output_dim)


def _config(name: str) -> dict:
    config = CONFIGS[name]
    return {**config, "training": {**config.get("training", {}), "diagnostics_every": 1}}


@pytest.fixture
def no_budget(monkeypatch):
    monkeypatch.setenv(BUDGET_VARIABLE, "none")


# --------------------------------------------------------------------------- the estimate
@pytest.mark.parametrize("name", CONFIGS)
def test_parameters_gradients_and_optimizer_are_exact(name: str) -> None:
    trainer = Trainer(_config(name))
    estimate = estimate_memory(trainer.config, _shape(trainer))
    net = trainer.network
    assert estimate.parameter_count == net.n_parameters()
    params = sum(p.nbytes for p in net.params.values())
    assert estimate.weights == params + sum(b.nbytes for b in net.buffers.values())
    assert estimate.gradients == sum(g.nbytes for g in net.grads.values())
    slots = trainer.optimizer._slots
    held = sum(a.nbytes for s in slots for a in s.owned_arrays())
    assert estimate.optimizer == held


@pytest.mark.parametrize("name", CONFIGS)
def test_histories_checkpoints_and_data_follow_the_trainer(name: str) -> None:
    trainer = Trainer(_config(name))
    estimate = estimate_memory(trainer.config, _shape(trainer))
    histories = sum(
        sum(a.nbytes for a in vars(getattr(trainer, h)).values() if isinstance(a, np.ndarray))
        for h in ("scalars", "layer_grads", "evaluation", "stats_history")
    )
    flat = trainer.flat_parameters().nbytes
    assert estimate.checkpoints == (trainer.max_checkpoints + 1) * flat
    assert histories <= estimate.statistics
    data = sum(a.nbytes for a in trainer.dataset.arrays().values())
    assert data <= estimate.data <= 1.2 * data + 1e6


@pytest.mark.parametrize("name", CONFIGS)
def test_activations_and_statistics_cover_what_steps_allocate(name: str) -> None:
    """Measured with tracemalloc (numpy reports its allocations to it): the peak of three
    diagnostics steps and a GUI snapshot (decision map) over what the built trainer holds."""
    tracemalloc.start()
    try:
        trainer = Trainer(_config(name))
        held, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        trainer.run(3)
        trainer.snapshot()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    estimate = estimate_memory(trainer.config, _shape(trainer))
    transient = estimate.activations + estimate.statistics
    assert peak - held <= transient <= 3 * (peak - held)


def test_deep_and_wide_network_is_refused_with_its_estimate(monkeypatch) -> None:
    monkeypatch.setenv(BUDGET_VARIABLE, "16GB")
    with pytest.raises(ConfigError) as caught:
        validate_config(DEEP_WIDE)
    error = caught.value
    message = str(error)
    assert "\n" not in message
    assert message.startswith("network: needs about ")
    assert "weights 26.7 GB" in message  # 200 x 4096 x 4096 float64 weights (+ biases)
    assert message.endswith("more than the budget of 16 GB (GRADSIM_MEMORY_BUDGET=16GB)")
    assert error.code == "over_memory_budget" and error.params["bytes"] > 300e9
    print(message)


def test_the_message_lists_the_parts_that_matter() -> None:
    estimate = estimate_memory(validate_config(DEEP_WIDE, memory=False), DataShape(320, 80, 2, 1))
    assert [part.rsplit(" ", 2)[0] for part in estimate.parts().split(", ")] == [
        "weights",
        "gradients",
        "optimizer",
        "activations",
        "statistics",
        "checkpoints",
    ]  # data is under 1% of the total
    assert format_bytes(26.7e9) == "26.7 GB" and format_bytes(512e6) == "512 MB"
    assert format_bytes(1234e9) == "1.23 TB" and format_bytes(999) == "999 B"


def test_large_batches_are_blamed_on_the_batch_size(monkeypatch) -> None:
    monkeypatch.setenv(BUDGET_VARIABLE, "1GB")
    config = {
        "data": {"kind": "circles", "n_samples": 100_000},
        "network": {"depth": 20, "width": 256},
        "training": {"batch_size": 0},
    }
    with pytest.raises(ConfigError) as caught:
        validate_config(config)
    assert caught.value.params["field"] == "training.batch_size"
    config["training"]["batch_size"] = 64
    validate_config(config)


# --------------------------------------------------------------------------- the budget
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("4GB", 4 * 10**9),
        ("512MB", 512 * 10**6),
        ("512 mb", 512 * 10**6),
        ("2GiB", 2 * 2**30),
        ("1.5G", 1_500_000_000),
        ("123456", 123456),
        ("none", None),
        ("off", None),
    ],
)
def test_the_environment_variable_sets_the_budget(monkeypatch, value, expected) -> None:
    monkeypatch.setenv(BUDGET_VARIABLE, value)
    assert memory_budget()[0] == expected


def test_a_share_of_the_available_memory(monkeypatch) -> None:
    monkeypatch.setattr(budget, "available_bytes", lambda: 8 * 10**9)
    monkeypatch.setenv(BUDGET_VARIABLE, "75%")
    assert memory_budget() == (6 * 10**9, "75% of the 8 GB available")


def test_the_default_is_half_the_available_memory(monkeypatch) -> None:
    monkeypatch.delenv(BUDGET_VARIABLE, raising=False)
    monkeypatch.setattr(budget, "available_bytes", lambda: 8 * 10**9)
    assert DEFAULT_SHARE == 0.5
    assert memory_budget() == (4 * 10**9, "50% of the 8 GB available; set GRADSIM_MEMORY_BUDGET to change it")
    monkeypatch.setattr(budget, "available_bytes", lambda: None)
    assert memory_budget() == (None, "the available memory is unknown")


@pytest.mark.parametrize("value", ["lots", "4XB", "-1GB", "0%", "150%", "%", "GB"])
def test_a_bad_budget_value_is_a_config_error(monkeypatch, value) -> None:
    monkeypatch.setenv(BUDGET_VARIABLE, value)
    with pytest.raises(ConfigError) as caught:
        validate_config({})
    assert caught.value.params["field"] == BUDGET_VARIABLE and value in str(caught.value)


def test_the_budget_is_checked_where_configs_are_validated(monkeypatch) -> None:
    """The builder shows validate_config's errors inline: the budget error is one of them."""
    monkeypatch.setenv(BUDGET_VARIABLE, "1MB")
    with pytest.raises(ConfigError, match="more than the budget of 1 MB"):
        validate_config({})
    monkeypatch.setenv(BUDGET_VARIABLE, "none")
    validate_config(DEEP_WIDE)


def test_live_edits_of_a_running_config_skip_the_budget(monkeypatch) -> None:
    """A run that was built keeps its edits whatever the free memory does meanwhile."""
    trainer = Trainer(_config("relu"))
    monkeypatch.setenv(BUDGET_VARIABLE, "1kB")
    trainer.set_learning_rate(0.5)
    trainer.set_clipping({"kind": "norm", "max": 1.0})
    assert trainer.config["optimizer"]["lr"] == 0.5


def test_the_trainer_checks_the_real_data(monkeypatch) -> None:
    """A CSV's width is known only once it is read: the Trainer checks again."""
    monkeypatch.setenv(BUDGET_VARIABLE, "1MB")
    with pytest.raises(ConfigError, match="more than the budget"):
        Trainer({"network": {"depth": 1, "width": 8}}, dataset=_wide_dataset())


def _wide_dataset():
    from gradsim.engine.datasets import Dataset

    arrays = {
        "x_train": np.zeros((4, 20_000)),
        "y_train": np.zeros((4, 1)),
        "x_test": np.zeros((2, 20_000)),
        "y_test": np.zeros((2, 1)),
    }
    return Dataset.from_arrays("wide", "regression", 0, tuple(f"x{i}" for i in range(20_000)), arrays)


# --------------------------------------------------------------------------- MemoryError
def test_running_out_of_memory_in_a_step_is_one_line_and_changes_nothing(monkeypatch) -> None:
    trainer = Trainer(_config("relu"))
    trainer.run(2)
    params = {k: v.copy() for k, v in trainer.network.params.items()}
    rng, position = trainer.rng.bit_generator.state, trainer.batch_position

    def exhausted(*args, **kwargs):
        raise MemoryError("Unable to allocate 4.9 GiB for an array")

    monkeypatch.setattr(trainer.network, "loss_and_gradients", exhausted)
    with pytest.raises(OutOfMemoryError) as caught:
        trainer.step()
    message = str(caught.value)
    assert "\n" not in message and isinstance(caught.value, MemoryError)
    assert message.startswith("out of memory at step 3: this config needs about ")
    assert "by gradsim's estimate (activations " in message
    assert trainer.step_count == 2 and trainer.batch_position == position
    assert trainer.rng.bit_generator.state == rng
    for name, value in params.items():
        np.testing.assert_array_equal(trainer.network.params[name], value)


def test_running_out_of_memory_while_building_is_one_line(monkeypatch) -> None:
    import gradsim.engine.trainer as trainer_module

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(trainer_module, "Network", exhausted)
    with pytest.raises(OutOfMemoryError, match=r"^out of memory building the network: this config needs"):
        Trainer(_config("relu"))


# --------------------------------------------------------------------------- maxout's k
@pytest.mark.parametrize("k", [17, 10**6])
def test_maxout_pieces_are_bounded_like_widths(no_budget, k: int) -> None:
    """k = 10^6 ran 12.7 s to 4.9 GB and died with a MemoryError traceback."""
    config = {"network": {"depth": 3, "width": 8, "activation": "maxout", "activation_params": {"k": k}}}
    with pytest.raises(ConfigError) as caught:
        validate_config(config)
    assert str(caught.value) == f"network.layers[1].activation.k: must be between 2 and 16, got {k}"
    config["network"]["activation_params"]["k"] = 16
    validate_config(config)
