"""A ReLU layer's activation histogram is derived from its pre-activation's
(diagnostics.relu_histogram): it must equal binning the activations themselves, on any
values a run can reach (zeros, -0.0, values on bin edges, beyond the range, NaN, +-inf),
in every precision, and inside a trained network's statistics."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from gradsim.engine.activations import ReLU
from gradsim.engine.diagnostics import (
    HISTOGRAM_BINS,
    HISTOGRAM_RANGE,
    histogram,
    layer_histograms,
    relu_histogram,
)
from gradsim.engine.trainer import Trainer

EDGES = np.linspace(*HISTOGRAM_RANGE, HISTOGRAM_BINS + 1)
SPECIAL = [0.0, -0.0, np.nan, np.inf, -np.inf, 1e-300, -1e-300, 5e-8, -5e-8, 100.0, -100.0, *EDGES]


def _relu(h: np.ndarray) -> np.ndarray:
    return ReLU().forward(h, {}, None, True)[0]


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_derived_equals_binned_on_special_values(dtype) -> None:
    rng = np.random.default_rng(0)
    with np.errstate(all="ignore"):  # -inf * 0 is NaN, as in training
        h = np.concatenate(
            [np.array(SPECIAL), rng.normal(size=5000) * 2, -np.abs(rng.normal(size=300))]
        ).astype(dtype)
        np.testing.assert_array_equal(relu_histogram(histogram(h)), histogram(_relu(h)))


@given(
    arrays(np.float64, st.integers(1, 300), elements=st.one_of(st.floats(-8, 8), st.sampled_from(SPECIAL))),
    st.sampled_from([np.float16, np.float32, np.float64]),
)
def test_derived_equals_binned_for_any_values(values: np.ndarray, dtype) -> None:
    with np.errstate(all="ignore"):
        h = values.astype(dtype)
        np.testing.assert_array_equal(relu_histogram(histogram(h)), histogram(_relu(h)))


@pytest.mark.parametrize("precision", ["float16", "float32", "float64"])
def test_a_networks_relu_histograms_equal_its_binned_activations(precision: str) -> None:
    layers = [{"width": 16, "activation": a} for a in ("relu", "tanh", "relu", "leaky_relu")]
    config = {
        "data": {"kind": "spiral", "n_samples": 400},
        "network": {"layers": layers, "init": {"kind": "he_normal"}, "residual_every": 2},
        "optimizer": {"kind": "adam", "lr": 0.01},
        "training": {"batch_size": 64, "seed": 4, "precision": precision, "diagnostics_every": 1},
    }
    trainer = Trainer(config)
    trainer.run(3)
    found = layer_histograms(trainer.network)["activation"]
    for i, cache in enumerate(trainer.network.cache[: trainer.network.depth]):
        np.testing.assert_array_equal(found[i], histogram(cache.activation), err_msg=f"layer {i}")
    assert (found.sum(axis=1) == 64 * 16).all()
