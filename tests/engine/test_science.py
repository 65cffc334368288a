"""The source texts' claims, each over many seeds (medians, never one lucky network).

Numbers from shared/DESIGN.md section 5 and the seeds (shared/seeds 000, 001, 004).
"""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.activations import make_activation
from gradsim.engine.config import network_spec, validate_config
from gradsim.engine.network import Network
from gradsim.engine.trainer import Trainer


def _net(
    depth: int,
    width: int,
    activation: str,
    init: dict,
    input_dim: int,
    seed: int,
    loss: str = "mse",
    precision: str = "float64",
) -> Network:
    config = validate_config(
        {
            "network": {
                "depth": depth,
                "width": width,
                "activation": activation,
                "init": init,
                "output_init": init if init["kind"] != "identity" else {"kind": "xavier_normal"},
            },
            "loss": loss,
            "training": {"precision": precision},
        }
    )
    spec = network_spec(config, input_dim, 1, "regression" if loss == "mse" else "binary")
    return Network(spec, np.random.default_rng(seed))


def _activation_stds(net: Network, x: np.ndarray) -> np.ndarray:
    net.forward(x, train=False, keep_cache=True)
    return np.array([np.std(c.output) for c in net.cache])


# ---------------------------------------------------------------- activations
def test_sigmoid_derivative_peaks_at_one_quarter() -> None:
    x = np.linspace(-20, 20, 400_001)
    sigmoid = make_activation("sigmoid")
    d = sigmoid.df(x)
    assert d.max() == pytest.approx(0.25, abs=1e-12)
    assert x[np.argmax(d)] == pytest.approx(0.0, abs=1e-4)
    assert np.all(d <= 0.25)


def test_tanh_is_a_rescaled_sigmoid_with_derivative_at_most_one() -> None:
    x = np.linspace(-10, 10, 10_001)
    sigmoid, tanh = make_activation("sigmoid"), make_activation("tanh")
    assert np.allclose(tanh.f(x), 2 * sigmoid.f(2 * x) - 1, atol=1e-14)
    assert tanh.df(x).max() == pytest.approx(1.0)


# ---------------------------------------------------------------- linear nets and a^L
@pytest.mark.parametrize(("scale", "expected"), [(0.9, 0.9**20), (1.1, 1.1**20)])
def test_linear_network_of_scaled_identities_scales_output_as_a_to_the_l(
    scale: float, expected: float
) -> None:
    net = _net(20, 4, "linear", {"kind": "identity", "scale": scale}, 4, 0)
    x = np.random.default_rng(0).normal(size=(8, 4))
    net.forward(x, train=False)
    ratio = np.linalg.norm(net.cache[-1].output) / np.linalg.norm(x)
    assert ratio == pytest.approx(expected, rel=1e-12)
    assert round(expected, 4) in (0.1216, 6.7275)


def test_standard_uniform_init_shrinks_linear_activations_by_0577_per_layer() -> None:
    x = np.random.default_rng(1).normal(size=(512, 256))
    ratios = []
    for seed in range(8):
        net = _net(6, 256, "linear", {"kind": "uniform", "a": 1 / np.sqrt(256)}, 256, seed)
        stds = _activation_stds(net, x)
        ratios.append(np.exp(np.mean(np.diff(np.log(np.r_[x.std(), stds])))))
    assert np.median(ratios) == pytest.approx(np.sqrt(1 / 3), rel=0.03)


# ---------------------------------------------------------------- vanishing with sigmoid
def test_deep_narrow_sigmoid_net_has_vanishing_first_layer_gradient() -> None:
    config = {
        "data": {"kind": "circles", "n_samples": 200, "seed": 0},
        "network": {"depth": 10, "width": 8, "activation": "sigmoid", "init": {"kind": "normal", "std": 1.0}},
        "training": {"batch_size": 0},
    }
    ratios = []
    for seed in range(20):
        trainer = Trainer({**config, "training": {"batch_size": 0, "seed": seed}})
        trainer.step()
        norms = trainer.layer_grads.latest()
        ratios.append(norms[0] / norms[9])
    median = float(np.median(ratios))
    assert median < 1e-2, median  # DESIGN.md: about 9e-5 at width 8 (orders of magnitude)
    assert median > 1e-7


# ---------------------------------------------------------------- Xavier and tanh
def _geometric_ratio(stds: np.ndarray, input_std: float) -> float:
    return float(np.exp(np.mean(np.diff(np.log(np.r_[input_std, stds])))))


def test_xavier_with_tanh_gain_keeps_activation_variance_near_one() -> None:
    x = np.random.default_rng(2).normal(size=(512, 64)) * 0.5
    ratios = []
    for seed in range(10):
        stds = _activation_stds(_net(10, 64, "tanh", {"kind": "xavier_normal", "gain": 5 / 3}, 64, seed), x)
        ratios.append(_geometric_ratio(stds[1:], stds[0]))
    assert 0.93 < np.median(ratios) < 1.05


def test_unit_normal_init_saturates_tanh_and_tiny_init_shrinks_it() -> None:
    x = np.random.default_rng(3).normal(size=(512, 64))
    saturated, shrink = [], []
    for seed in range(10):
        net = _net(10, 64, "tanh", {"kind": "normal", "std": 1.0}, 64, seed)
        net.forward(x, train=False)
        saturated.append(np.mean(np.abs(net.cache[-1].output) > 0.98))
        tiny = _net(10, 64, "tanh", {"kind": "normal", "std": 0.01}, 64, seed)
        shrink.append(_activation_stds(tiny, x)[-1] / x.std())
    assert np.median(saturated) == pytest.approx(0.76, abs=0.06)
    assert np.median(shrink) < 1e-6


# ---------------------------------------------------------------- He vs Xavier for ReLU
@pytest.mark.parametrize(
    ("init", "low", "high"), [({"kind": "he_normal"}, 0.9, 1.05), ({"kind": "xavier_normal"}, 0.45, 0.55)]
)
def test_relu_variance_ratio_over_30_layers(init: dict, low: float, high: float) -> None:
    x = np.random.default_rng(4).normal(size=(256, 64))
    ratios = []
    for seed in range(12):
        net = _net(30, 64, "relu", init, 64, seed)
        net.forward(x, train=False)
        variances = np.array([np.mean(c.output**2) for c in net.cache])  # second moment: ReLU outputs
        ratios.append(np.exp(np.mean(np.diff(np.log(variances)))))
    assert low < np.median(ratios) < high


def test_orthogonal_init_keeps_end_to_end_singular_values_at_one() -> None:
    for seed in range(5):
        net = _net(40, 32, "linear", {"kind": "orthogonal", "gain": 1.0}, 32, seed)
        product = np.eye(32)
        for i in range(net.depth):
            product = product @ net.params[f"layers.{i}.W"]
        assert np.allclose(np.linalg.svd(product, compute_uv=False), 1.0, atol=1e-10)
    gaussian = _net(40, 32, "linear", {"kind": "normal", "std": 1 / np.sqrt(32)}, 32, 0)
    product = np.eye(32)
    for i in range(gaussian.depth):
        product = product @ gaussian.params[f"layers.{i}.W"]
    singular = np.linalg.svd(product, compute_uv=False)
    assert singular.max() / singular.min() > 1e3  # the spread grows with depth


# ---------------------------------------------------------------- symmetry, clipping
def test_constant_init_leaves_units_identical_after_training() -> None:
    trainer = Trainer(
        {
            "data": {"kind": "circles", "n_samples": 200, "seed": 0},
            "network": {
                "depth": 3,
                "width": 6,
                "activation": "tanh",
                "init": {"kind": "constant", "value": 0.3},
                "output_init": {"kind": "constant", "value": 0.3},
            },
            "optimizer": {"kind": "sgd", "lr": 0.1},
        }
    )
    trainer.run(50)
    for i in range(3):
        w = trainer.network.params[f"layers.{i}.W"]
        assert np.allclose(w, w[:, :1])
    assert any(d.code == "symmetric" for d in trainer.diagnoses())


def test_clipping_prevents_divergence_where_unclipped_run_hits_nan() -> None:
    base = {
        "data": {"kind": "sine", "n_samples": 200, "seed": 0},
        "network": {"depth": 12, "width": 16, "activation": "linear", "init": {"kind": "normal", "std": 0.5}},
        "loss": "mse",
        "optimizer": {"kind": "sgd", "lr": 0.5},
    }
    diverged = 0
    for seed in range(5):
        unclipped = Trainer({**base, "training": {"seed": seed}})
        unclipped.run(200)
        clipped = Trainer(
            {
                **base,
                "training": {"seed": seed},
                "clipping": {"kind": "norm", "max": 1.0},
                "optimizer": {"kind": "sgd", "lr": 0.01},
            }
        )
        clipped.run(200)
        diverged += unclipped.divergence is not None
        assert clipped.divergence is None
        assert np.isfinite(clipped.last_record.loss)
    assert diverged == 5


def test_float16_gradients_underflow_to_exactly_zero() -> None:
    trainer = Trainer(
        {
            "data": {"kind": "circles", "n_samples": 200, "seed": 0},
            "network": {
                "depth": 20,
                "width": 8,
                "activation": "sigmoid",
                "init": {"kind": "normal", "std": 1.0},
            },
            "training": {"precision": "float16", "batch_size": 0},
        }
    )
    trainer.step()
    first = trainer.network.grads["layers.0.W"]
    assert first.dtype == np.float16
    assert np.count_nonzero(first == 0) > first.size // 2
    float64 = Trainer({**trainer.config, "training": {**trainer.config["training"], "precision": "float64"}})
    float64.step()
    assert np.count_nonzero(float64.network.grads["layers.0.W"] == 0) == 0
