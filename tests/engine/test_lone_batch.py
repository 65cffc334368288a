"""BatchNorm never trains on a batch of one sample (training.lone_batch, docs/config.md).

A batch of one has zero variance: BatchNorm's output is beta whatever the input, every
gradient behind it is exactly 0, and the running variance is pulled toward 0 (torch's
BatchNorm1d refuses such a batch). With 321 training rows in batches of 32 every epoch
ended with one: now that sample joins the batch before it ("merge", the default); a
batch size of 1, or a single training row, is refused with BatchNorm. "keep" is how
schema-1 sessions ran, and they resume with it.
"""

from __future__ import annotations

import copy

import numpy as np
import pytest

from gradsim.engine.config import validate_config
from gradsim.engine.datasets import Dataset
from gradsim.engine.errors import ConfigError
from gradsim.engine.trainer import Trainer

# 401 circles, 20% test: 321 training rows; batches of 32 leave one sample per epoch.
CONFIG = {
    "data": {"kind": "circles", "n_samples": 401, "test_fraction": 0.2, "seed": 3},
    "network": {"depth": 2, "width": 6, "norm": "batch"},
    "optimizer": {"kind": "sgd", "lr": 0.05},
    "training": {"batch_size": 32, "seed": 1},
}


def _config(**changes) -> dict:
    config = copy.deepcopy(CONFIG)
    for path, value in changes.items():
        section, key = path.split("__")
        config[section][key] = value
    return config


def _epoch_batches(trainer: Trainer, epochs: int = 3) -> list[np.ndarray]:
    """The training rows (indices) of every batch of the next epochs."""
    rows: list[np.ndarray] = []
    draw = trainer._next_batch
    x_train = trainer.dataset.x_train

    def spy():
        x, y = draw()
        rows.append(np.array([np.flatnonzero((x_train == row).all(axis=1))[0] for row in x]))
        return x, y

    trainer._next_batch = spy
    start = trainer.epoch
    while trainer.epoch < start + epochs:
        trainer.step()
    return rows


def test_the_last_lone_sample_joins_the_batch_before_it() -> None:
    trainer = Trainer(_config())
    assert len(trainer.dataset.x_train) == 321
    batches = _epoch_batches(trainer)
    assert [len(b) for b in batches] == ([32] * 9 + [33]) * 3
    for epoch in range(3):  # every sample once per epoch
        seen = np.concatenate(batches[10 * epoch : 10 * epoch + 10])
        assert sorted(seen) == list(range(321))


def test_without_batchnorm_the_last_batch_of_one_is_kept() -> None:
    trainer = Trainer(_config(network__norm="layer"))
    assert [len(b) for b in _epoch_batches(trainer, 1)] == [32] * 10 + [1]


def test_keep_trains_on_the_lone_sample_as_schema_1_did() -> None:
    trainer = Trainer(_config(training__lone_batch="keep"))
    assert [len(b) for b in _epoch_batches(trainer, 1)] == [32] * 10 + [1]


def test_a_batch_of_one_zeroes_every_gradient_behind_batchnorm() -> None:
    """Why the rule exists: with "keep", the lone-sample step moves nothing before the
    last BatchNorm; with "merge" no step has a zero gradient there."""
    for rule, zero_steps in (("keep", 1), ("merge", 0)):
        trainer = Trainer(_config(training__lone_batch=rule))
        zeros = 0
        for _ in range(11):
            trainer.step()
            zeros += int(not np.any(trainer.network.grads["layers.0.W"]))
        assert zeros == zero_steps, rule


def test_lone_samples_leave_the_running_variance_alone() -> None:
    """With "keep" the lone batch's variance 0 pulls the running variance down by 10%."""
    shrink = {}
    for rule in ("keep", "merge"):
        trainer = Trainer(_config(training__lone_batch=rule))
        trainer.run(10)
        before = trainer.network.buffers["layers.0.running_var"].copy()
        trainer.step()  # "keep": the batch of one; "merge": the next epoch's first batch
        shrink[rule] = trainer.network.buffers["layers.0.running_var"] / before
    np.testing.assert_allclose(shrink["keep"], 0.9)
    assert not np.allclose(shrink["merge"], 0.9)


def test_batch_size_one_with_batchnorm_is_refused() -> None:
    with pytest.raises(ConfigError) as caught:
        validate_config(_config(training__batch_size=1))
    assert caught.value.params["field"] == "training.batch_size"
    assert str(caught.value) == (
        "training.batch_size: BatchNorm needs at least 2 samples per training batch, got 1"
    )
    validate_config(_config(training__batch_size=1, network__norm="layer"))  # LayerNorm is fine
    validate_config(_config(training__batch_size=1, training__lone_batch="keep"))


@pytest.mark.parametrize("batch_size", [0, 32])
def test_a_single_training_row_with_batchnorm_is_refused(batch_size: int) -> None:
    """10 samples with 90% for testing leave one training row, in full batch or not:
    refused at validation, so the builder shows it before Train."""
    config = _config(training__batch_size=batch_size)
    config["data"] = {"kind": "sine", "n_samples": 10, "test_fraction": 0.9}
    with pytest.raises(ConfigError) as caught:
        validate_config(config)
    assert caught.value.params["field"] == "data"
    assert str(caught.value) == "data: BatchNorm needs at least 2 training rows, got 1"
    config["data"]["test_fraction"] = 0.8
    assert len(Trainer(config).dataset.x_train) == 2  # two rows train


def test_the_trainer_refuses_one_training_row_it_only_learns_from_the_data() -> None:
    """A CSV's rows are known only once it is read: the Trainer checks the real dataset."""
    arrays = {
        "x_train": np.zeros((1, 2)),
        "y_train": np.zeros((1, 1)),
        "x_test": np.zeros((4, 2)),
        "y_test": np.zeros((4, 1)),
    }
    dataset = Dataset.from_arrays("one-row", "regression", 0, ("a", "b"), arrays)
    config = _config(training__batch_size=0)
    config["data"] = {"kind": "plane"}
    with pytest.raises(ConfigError, match="BatchNorm needs at least 2 training rows, got 1"):
        Trainer(config, dataset=dataset)
    config["network"]["norm"] = "none"
    Trainer(config, dataset=dataset)  # without BatchNorm one row trains


def test_lone_batch_is_validated_and_defaults_to_merge() -> None:
    assert validate_config({})["training"]["lone_batch"] == "merge"
    with pytest.raises(ConfigError, match="training.lone_batch: choose one of merge, keep, got 'drop'"):
        validate_config(_config(training__lone_batch="drop"))
