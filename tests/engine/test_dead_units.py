"""Dead units are units that pass no gradient: dead_fraction counts f'(x) = 0 on every sample.

A leaky ReLU, PReLU or noisy ReLU unit whose input is negative on every sample still passes
gradient (slope a, or the noise lifting it above 0), so it is not dead; an ELU unit dies only
where alpha e^x underflows to 0. The property tested throughout: a unit counted dead has an
incoming weight gradient that is exactly zero, and every other unit's is not.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from gradsim.engine.diagnostics import LAYER_STAT_NAMES, dead_fraction
from gradsim.engine.trainer import Trainer


def _trainer(activation: str, bias: float, params: dict | None = None, precision: str = "float64") -> Trainer:
    """Two layers of 8; the first layer's bias ``bias`` pushes all its units to one side."""
    layer = {"width": 8, "activation": activation, "activation_params": params or {}}
    first = {**layer, "bias_init": {"kind": "constant", "value": bias}}
    config = {
        "data": {"kind": "circles", "n_samples": 200},
        "network": {"layers": [first, layer], "init": {"kind": "he_normal"}},
        "optimizer": {"kind": "sgd", "lr": 0.01},
        "training": {"batch_size": 0, "seed": 3, "precision": precision},
    }
    return Trainer(config)


def _backward(trainer: Trainer) -> None:
    d = trainer.dataset
    trainer.network.loss_and_gradients(d.x_train, d.y_train, rng=np.random.default_rng(0), train=True)


def _silent_units(trainer: Trainer, layer: int) -> np.ndarray:
    """Units whose incoming weight gradient is exactly zero."""
    grad = trainer.network.grads[f"layers.{layer}.W"]
    return np.all(grad == 0, axis=0)


@pytest.mark.parametrize(
    ("activation", "params", "bias", "expected"),
    [
        ("relu", {}, -5.0, 1.0),
        ("relu", {}, 0.0, 0.0),
        ("leaky_relu", {}, -5.0, 0.0),  # slope 0.01: still passes 1% of the gradient
        ("leaky_relu", {"slope": 0.0}, -5.0, 1.0),  # slope 0 is ReLU
        ("prelu", {}, -5.0, 0.0),
        ("noisy_relu", {"sigma": 0.1}, -5.0, 1.0),  # 50 noise stds below 0: never lifted
        ("noisy_relu", {"sigma": 1.0}, -2.0, 0.0),  # the noise lifts it often
        ("elu", {}, -5.0, 0.0),  # alpha e^-5 > 0
        ("elu", {}, -1000.0, 1.0),  # e^-1000 underflows to 0 in float64
        ("selu", {}, -1000.0, 1.0),
    ],
)
def test_dead_means_no_gradient(activation, params, bias, expected):
    trainer = _trainer(activation, bias, params)
    _backward(trainer)
    assert dead_fraction(trainer.network, 0) == expected
    silent = _silent_units(trainer, 0)
    assert np.mean(silent) == expected


def test_prelu_dies_only_when_its_learned_slope_is_zero():
    trainer = _trainer("prelu", -5.0)
    trainer.network.params["layers.0.slope"][:4] = 0.0
    _backward(trainer)
    assert dead_fraction(trainer.network, 0) == 0.5
    assert np.array_equal(_silent_units(trainer, 0), np.arange(8) < 4)


def test_elu_derivative_underflow_in_float32():
    """e^-200 is 0 in float32 (float16 runs compute in float32) but not in float64."""
    assert dead_fraction(_fed(_trainer("elu", -200.0)), 0) == 0.0
    for precision in ("float32", "float16"):
        network = _fed(_trainer("elu", -200.0, precision=precision))
        assert dead_fraction(network, 0) == 1.0
        assert np.all(network.grads["layers.0.W"] == 0)


def _fed(trainer: Trainer):
    _backward(trainer)
    return trainer.network


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "softplus", "gelu", "linear", "maxout"])
def test_activations_that_cannot_die_report_nan(activation):
    trainer = _trainer(activation, -5.0)
    _backward(trainer)
    assert math.isnan(dead_fraction(trainer.network, 0))


@pytest.mark.parametrize(
    ("activation", "params", "dead"), [("relu", {}, True), ("leaky_relu", {"slope": 0.2}, False)]
)
def test_dead_relu_diagnosis_only_for_units_without_gradient(activation, params, dead):
    """The trainer's statistic (whole training set) drives the dead-ReLU diagnosis."""
    trainer = _trainer(activation, -5.0, params)
    trainer.run(1)
    codes = {d.code for d in trainer.diagnoses()}
    assert ("dead_relu" in codes) is dead
    assert trainer.stats[0, LAYER_STAT_NAMES.index("dead_fraction")] == (1.0 if dead else 0.0)
