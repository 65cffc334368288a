"""A copied or pickled trainer trains on exactly as the original.

The process backend pickles the trainer into the training process, sessions and the
timeline copy it: since the optimizers keep their state as flat buffers with per-parameter
views, a copy that turned the views into arrays of their own trained different numbers.
"""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from gradsim.engine.trainer import Trainer


def _config(kind: str, precision: str) -> dict:
    return {
        "data": {"kind": "circles", "n_samples": 64, "seed": 1},
        "network": {"depth": 3, "width": 6, "activation": "tanh"},
        "optimizer": {"kind": kind, "lr": 0.05},
        "training": {"batch_size": 16, "seed": 2, "precision": precision},
    }


@pytest.mark.parametrize("precision", ["float16", "float32", "float64"])
@pytest.mark.parametrize("kind", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"])
@pytest.mark.parametrize("how", ["deepcopy", "pickle"])
def test_a_copy_trains_on_bit_for_bit_like_the_original(kind: str, precision: str, how: str) -> None:
    original = Trainer(_config(kind, precision))
    original.run(3)
    twin = copy.deepcopy(original) if how == "deepcopy" else pickle.loads(pickle.dumps(original))
    original.run(5)
    twin.run(5)
    for name, value in original.network.params.items():
        assert np.array_equal(value, twin.network.params[name]), name
