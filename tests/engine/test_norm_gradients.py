"""BatchNorm and LayerNorm gradients with random gamma and beta, against finite differences.

With gamma = 1 (the initial value) ``dy * xhat`` and ``dxhat * xhat = dy * gamma * xhat``
agree, so a backward pass that mixes them up passes every check made at
initialization. These checks draw gamma (both signs, away from 1) and beta at random,
layer by layer and through a whole network, over many seeds.
"""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.network import LayerSpec, Network, NetworkSpec
from gradsim.engine.normalization import norm_backward, norm_forward
from tests.engine.test_gradients import gradient_relative_error

SEEDS = range(12)
EPS = 1e-6


def _random_gamma_beta(width: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    gamma = rng.uniform(0.3, 2.5, width) * rng.choice([-1.0, 1.0], width)
    return gamma, rng.normal(0.0, 1.0, width)


def _layer_loss(kind: str, h, gamma, beta, upstream, running, train: bool) -> float:
    y, _ = norm_forward(kind, h, gamma, beta, running, train, update_running=False)
    return float(np.sum(upstream * y))


def _numeric(f, array: np.ndarray) -> np.ndarray:
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        saved = array[index]
        array[index] = saved + EPS
        plus = f()
        array[index] = saved - EPS
        minus = f()
        array[index] = saved
        grad[index] = (plus - minus) / (2 * EPS)
    return grad


def _relative(analytic: np.ndarray, numeric: np.ndarray) -> float:
    return float(np.linalg.norm(analytic - numeric) / max(np.linalg.norm(analytic + numeric), 1e-12))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("kind", "train"), [("batch", True), ("batch", False), ("layer", True)])
def test_norm_layer_gradients_with_random_gamma_and_beta(kind: str, train: bool, seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, width = 7, 5
    h = rng.normal(1.0, 2.0, (n, width))
    gamma, beta = _random_gamma_beta(width, rng)
    upstream = rng.normal(size=(n, width))
    running = {"mean": rng.normal(size=width), "var": rng.uniform(0.5, 2.0, width)}
    _, cache = norm_forward(kind, h, gamma, beta, running, train, update_running=False)
    grad_h, grad_gamma, grad_beta = norm_backward(upstream, cache, gamma)

    def loss() -> float:
        return _layer_loss(kind, h, gamma, beta, upstream, running, train)

    assert _relative(grad_h, _numeric(loss, h)) < 1e-7
    assert _relative(grad_gamma, _numeric(loss, gamma)) < 1e-7
    assert _relative(grad_beta, _numeric(loss, beta)) < 1e-7


def _network_with_random_norm(norm: str, seed: int) -> Network:
    layers = tuple(
        LayerSpec(width=w, activation="tanh", norm=norm, init={"kind": "xavier_normal", "gain": 1.3})
        for w in (5, 4, 4)
    )
    spec = NetworkSpec(input_dim=3, output_dim=2, layers=layers, loss="mse")
    rng = np.random.default_rng(seed)
    net = Network(spec, rng)
    for i, layer in enumerate(layers):
        gamma, beta = _random_gamma_beta(layer.width, rng)
        net.params[f"layers.{i}.gamma"][:] = gamma
        net.params[f"layers.{i}.beta"][:] = beta
    return net


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("norm", ["batch", "layer"])
def test_network_gradients_with_random_gamma_and_beta(norm: str, seed: int) -> None:
    net = _network_with_random_norm(norm, seed)
    rng = np.random.default_rng(100 + seed)
    x, y = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    assert gradient_relative_error(net, x, y) < 1e-6
