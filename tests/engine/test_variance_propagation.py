"""Variance propagation at initialization: the Xavier/He rules, measured and predicted.

Numbers from DESIGN.md section 5: He + ReLU keeps the per-layer variance ratio at 1,
Xavier + ReLU halves it, Xavier tanh with gain 5/3 keeps it (a fixed point), N(0, 0.01^2)
weights shrink the signal by orders of magnitude, and an orthogonal linear net keeps every
singular value of its end-to-end map at 1 (Saxe et al. 2014). One width-64 net varies a lot
from seed to seed, so the measured claims are medians over many seeds of the geometric-mean
per-layer ratio.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from gradsim.engine.network import Network
from gradsim.engine.variance_propagation import (
    band,
    bias_moments,
    end_to_end_jacobian,
    estimated_flops,
    gaussian_moments,
    geometric_mean_ratio,
    measure_propagation,
    measurement_spec,
    predict_propagation,
    weight_factors,
)

SEEDS = 16


def net(activation, init, depth=30, width=64, **network):
    return {"network": {"depth": depth, "width": width, "activation": activation, "init": init, **network}}


def median_ratio(config, seeds=SEEDS, batch=64):
    result = measure_propagation(config, seeds=seeds, batch=batch, jacobian=False)
    return float(np.median(geometric_mean_ratio(result.activation_std))), result


def test_he_relu_keeps_the_variance_ratio_near_one():
    ratio, result = median_ratio(net("relu", {"kind": "he_normal"}))
    assert 0.9 <= ratio <= 1.05
    assert float(geometric_mean_ratio(result.theory.activation_std)) == pytest.approx(1.0, abs=1e-3)
    # the gradient keeps its size too (B = fan_out * 2/fan_in = 2, times E[relu'^2] = 1/2)
    np.testing.assert_allclose(result.theory.gradient_std, 1.0, atol=1e-3)


def test_xavier_relu_halves_the_variance_every_layer():
    ratio, result = median_ratio(net("relu", {"kind": "xavier_normal"}))
    assert 0.45 <= ratio <= 0.55
    assert float(geometric_mean_ratio(result.theory.activation_std)) == pytest.approx(0.5, abs=2e-3)
    # 30 layers: the top layer's std is about 2^-15 of the input's (DESIGN.md section 5)
    top = float(np.median(result.activation_std[:, -1]))
    assert 2.0**-17 < top < 2.0**-13


def test_xavier_tanh_with_gain_five_thirds_keeps_the_variance():
    ratio, result = median_ratio(net("tanh", {"kind": "xavier_normal", "gain": 5 / 3}))
    assert 0.95 <= ratio <= 1.05
    assert float(geometric_mean_ratio(result.theory.activation_std)) == pytest.approx(ratio, abs=0.02)
    # gain 1 still shrinks it: about x7.6 in variance over 10 layers at width 64
    shrink, _ = median_ratio(net("tanh", {"kind": "xavier_normal", "gain": 1.0}, depth=10), seeds=12)
    assert shrink < 0.85


def test_tiny_gaussian_weights_shrink_the_signal_by_orders_of_magnitude():
    ratio, result = median_ratio(net("relu", {"kind": "normal", "std": 0.01}), seeds=8)
    assert ratio < 1e-2
    assert float(np.median(result.activation_std[:, -1])) < 1e-30
    assert np.all(np.median(result.gradient_std, axis=0)[0] < 1e-30)


def test_linear_gaussian_theory_is_s2n_to_the_half_per_layer():
    s, n, depth = 0.2, 64, 8
    theory = predict_propagation(net("linear", {"kind": "normal", "std": s}, depth=depth, width=n))
    expected = (s * s * n) ** (np.arange(depth + 1) / 2)
    np.testing.assert_allclose(theory.activation_std, expected, rtol=1e-9)
    ratio, _ = median_ratio(net("linear", {"kind": "normal", "std": s}, depth=depth, width=n), seeds=12)
    assert ratio == pytest.approx(s * s * n, rel=0.1)


def test_orthogonal_linear_net_has_all_singular_values_one():
    result = measure_propagation(net("linear", {"kind": "orthogonal"}), seeds=4, batch=32)
    assert result.singular_values.shape == (4, 64)
    np.testing.assert_allclose(result.singular_values, 1.0, atol=1e-10)
    # Gaussian init of the same variance spreads them with depth
    gaussian = measure_propagation(net("linear", {"kind": "normal", "std": 0.125}), seeds=2, batch=32)
    assert np.all(gaussian.singular_values.max(axis=1) / gaussian.singular_values.min(axis=1) > 100)


def test_jacobian_of_a_linear_stack_is_the_product_of_the_weights():
    spec = measurement_spec(net("linear", {"kind": "he_normal"}, depth=4, width=5))
    network = Network(spec, np.random.default_rng(3))
    network.forward(np.random.default_rng(4).standard_normal((7, 5)))
    product = np.linalg.multi_dot([network.params[f"layers.{i}.W"] for i in range(4)])
    np.testing.assert_allclose(end_to_end_jacobian(network, 2), product, rtol=1e-12)


def test_jacobian_matches_finite_differences_with_residuals_and_maxout():
    config = {
        "network": {
            "layers": [
                {"width": 6, "activation": "tanh"},
                {"width": 4, "activation": "maxout", "activation_params": {"k": 3}},
                {"width": 5, "activation": "elu"},
                {"width": 5, "activation": "softplus"},
            ],
            "residual_every": 2,
            "init": {"kind": "xavier_normal"},
        }
    }
    spec = measurement_spec(config, input_dim=3)
    network = Network(spec, np.random.default_rng(0))
    x = np.random.default_rng(1).standard_normal((1, 3))
    network.forward(x)
    jacobian = end_to_end_jacobian(network, 0)

    def top(point):
        probe = Network(spec, np.random.default_rng(0))
        probe.forward(point[None, :])
        return probe.cache[-1].output[0]

    h = 1e-6
    numeric = np.array([(top(x[0] + h * e) - top(x[0] - h * e)) / (2 * h) for e in np.eye(3)])
    np.testing.assert_allclose(jacobian, numeric, rtol=1e-5, atol=1e-8)


def test_no_jacobian_with_normalization_layers():
    result = measure_propagation(
        net("relu", {"kind": "he_normal"}, depth=3, width=8, norm="batch"), seeds=2, batch=16
    )
    assert result.singular_values is None
    np.testing.assert_allclose(np.median(result.activation_std[:, 1:], axis=0), 0.58, atol=0.1)


def test_theory_is_withheld_where_its_assumptions_fail():
    for init in ({"kind": "constant", "value": 0.1}, {"kind": "zeros"}, {"kind": "identity"}):
        theory = predict_propagation(net("relu", init, depth=3, width=4))
        assert not theory.available and theory.reason == "not_random_init"
        assert np.isnan(theory.activation_std).all()
    maxout = predict_propagation({"network": {"depth": 2, "width": 4, "activation": "maxout"}})
    assert maxout.reason == "maxout"
    assert measure_propagation({"network": {"depth": 0}}, seeds=1, batch=4).theory.reason == "no_layers"


def test_measurement_is_reproducible_and_cancellable():
    config = net("tanh", {"kind": "xavier_normal"}, depth=5, width=16)
    first = measure_propagation(config, seeds=3, batch=32, base_seed=7)
    second = measure_propagation(config, seeds=3, batch=32, base_seed=7)
    np.testing.assert_array_equal(first.activation_std, second.activation_std)
    np.testing.assert_array_equal(first.singular_values, second.singular_values)
    calls = []
    assert measure_propagation(config, seeds=3, cancelled=lambda: calls.append(1) or len(calls) > 1) is None
    assert len(calls) == 2


def test_gaussian_moments_and_factors():
    relu = lambda z: np.maximum(z, 0.0)  # noqa: E731
    mean, second = gaussian_moments(relu, 0.0, 2.0)
    assert second == pytest.approx(1.0, rel=1e-3)  # E[relu(z)^2] = q/2
    assert mean == pytest.approx(math.sqrt(2.0 / (2.0 * math.pi)), rel=5e-3)  # sqrt(q / 2 pi)
    assert gaussian_moments(lambda z: (z > 0).astype(float), 0.0, 1.0)[1] == pytest.approx(0.5, abs=1e-12)
    assert weight_factors({"kind": "he_normal", "mode": "fan_in", "slope": 0.0}, 64, 32) == pytest.approx(
        (2.0, 1.0)
    )
    standard = {"kind": "uniform", "a": 1 / 8}  # the old "standard" U[-1/sqrt(n), 1/sqrt(n)], n = 64
    assert weight_factors(standard, 64, 64)[0] == pytest.approx(1 / 3)
    assert weight_factors({"kind": "orthogonal", "gain": 2.0}, 16, 64) == pytest.approx((1.0, 4.0))
    assert bias_moments({"kind": "constant", "value": 0.1}, 8) == (0.1, 0.0)


def test_band_and_cost_helpers():
    values = np.array([[1.0, np.nan], [3.0, np.nan], [2.0, np.nan]])
    median, low, high = band(values)
    assert (median[0], low[0], high[0]) == (2.0, 1.0, 3.0)
    assert np.isnan(median[1])
    small = estimated_flops(measurement_spec(net("relu", {"kind": "he_normal"}, depth=3, width=8)))
    large = estimated_flops(measurement_spec(net("relu", {"kind": "he_normal"}, depth=100, width=2048)))
    assert small < 1e8 < 1e12 < large
