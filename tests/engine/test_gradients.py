"""Finite-difference checks of whole networks: every activation, norm, residual, loss, penalty.

Central differences in float64; the relative error of the full gradient vector must be
< 1e-6. Inputs are kept away from kinks (ReLU family at 0, maxout ties) by checking
that the pre-activations are >= 1e-3 from the kink and redrawing otherwise; the noisy
ReLU's train-time noise is fixed so the function is deterministic.
"""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.activations import ACTIVATION_NAMES
from gradsim.engine.losses import loss_and_grad
from gradsim.engine.network import LayerSpec, Network, NetworkSpec

KINKED = {"relu", "leaky_relu", "prelu", "noisy_relu", "elu", "selu", "maxout"}


def _targets(loss: str, n: int, out: int, rng: np.random.Generator) -> np.ndarray:
    if loss == "bce":
        return (rng.random((n, out)) > 0.5).astype(float)
    if loss == "softmax_ce":
        return rng.integers(0, out, size=n)
    return rng.normal(size=(n, out))


def _network(
    activation: str,
    norm: str,
    residual: int,
    loss: str,
    seed: int,
    l1: float = 0.0,
    l2: float = 0.0,
    widths=(5, 5, 4, 4),
) -> Network:
    params = {"k": 3} if activation == "maxout" else {}
    layers = tuple(
        LayerSpec(
            width=w,
            activation=activation,
            activation_params=dict(params),
            norm=norm,
            init={"kind": "xavier_normal", "gain": 1.3},
            bias_init={"kind": "normal", "std": 0.3},
        )
        for w in widths
    )
    out = 3 if loss == "softmax_ce" else 2
    spec = NetworkSpec(
        input_dim=3, output_dim=out, layers=layers, loss=loss, residual_every=residual, l1=l1, l2=l2
    )
    return Network(spec, np.random.default_rng(seed))


def _fix_noise(net: Network, n: int, rng: np.random.Generator) -> None:
    for i, act in enumerate(net.activations):
        if act.name == "noisy_relu":
            width = net.spec.layers[i].width
            act.params["fixed_noise"] = 0.1 * rng.normal(size=(n, width))


def _far_from_kinks(net: Network) -> bool:
    for i, act in enumerate(net.activations):
        h = net.cache[i].pre_activation
        if act.name in KINKED - {"maxout"}:
            shift = act.params.get("fixed_noise", 0.0)
            if np.min(np.abs(h + shift)) < 1e-3:
                return False
        if act.name == "maxout":
            grouped = np.sort(h.reshape(h.shape[0], -1, act.pieces), axis=2)
            if np.min(grouped[..., -1] - grouped[..., -2]) < 1e-3:
                return False
    return True


def _total_loss(net: Network, x, y) -> float:
    logits = net.forward(x, train=True, keep_cache=False)
    return loss_and_grad(net.spec.loss, logits, y)[0] + net.regularization()


def gradient_relative_error(net: Network, x: np.ndarray, y: np.ndarray, eps: float = 1e-6) -> float:
    net.loss_and_gradients(x, y)
    analytic, numeric = [], []
    for name, param in net.params.items():
        for index in np.ndindex(param.shape):
            saved = param[index]
            param[index] = saved + eps
            plus = _total_loss(net, x, y)
            param[index] = saved - eps
            minus = _total_loss(net, x, y)
            param[index] = saved
            numeric.append((plus - minus) / (2 * eps))
            analytic.append(net.grads[name][index])
    analytic, numeric = np.array(analytic), np.array(numeric)
    return float(np.linalg.norm(analytic - numeric) / max(np.linalg.norm(analytic + numeric), 1e-12))


def _checked(
    activation: str,
    norm: str = "none",
    residual: int = 0,
    loss: str = "mse",
    l1: float = 0.0,
    l2: float = 0.0,
    n: int = 6,
) -> float:
    for attempt in range(40):
        rng = np.random.default_rng(1000 + attempt)
        net = _network(activation, norm, residual, loss, attempt, l1, l2)
        x = rng.normal(size=(n, 3))
        y = _targets(loss, n, net.spec.output_dim, rng)
        _fix_noise(net, n, rng)
        net.forward(x, train=True, keep_cache=True)
        if _far_from_kinks(net):
            return gradient_relative_error(net, x, y)
    pytest.fail("could not draw inputs away from the kinks")


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_every_activation(activation: str) -> None:
    assert _checked(activation) < 1e-6


@pytest.mark.parametrize("norm", ["batch", "layer"])
@pytest.mark.parametrize("activation", ["tanh", "relu", "prelu", "maxout"])
def test_every_normalization(norm: str, activation: str) -> None:
    assert _checked(activation, norm=norm) < 1e-6


@pytest.mark.parametrize("residual", [1, 2, 3])
def test_residual_identity_and_projection(residual: int) -> None:
    # widths (5, 5, 4, 4) give identity skips and a 5->4 projection.
    assert _checked("tanh", residual=residual) < 1e-6
    assert _checked("relu", norm="batch", residual=residual) < 1e-6


@pytest.mark.parametrize("loss", ["mse", "bce", "softmax_ce"])
def test_every_loss(loss: str) -> None:
    assert _checked("gelu", loss=loss) < 1e-6


def test_l1_and_l2_penalties() -> None:
    assert _checked("sigmoid", l2=0.3) < 1e-6
    assert _checked("tanh", l1=0.05, l2=0.1) < 1e-6


def test_input_gradient_matches_finite_differences() -> None:
    net = _network("tanh", "layer", 2, "mse", 3)
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=(4, 3)), rng.normal(size=(4, 2))
    net.loss_and_gradients(x, y)
    eps, numeric = 1e-6, np.zeros_like(x)
    for index in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[index] += eps
        xm[index] -= eps
        numeric[index] = (_total_loss(net, xp, y) - _total_loss(net, xm, y)) / (2 * eps)
    assert np.allclose(net.input_grad, numeric, rtol=1e-6, atol=1e-9)


def test_a_training_pass_without_the_input_gradient_gives_the_same_gradients() -> None:
    """The trainer skips dL/dx (``input_grad=False``): every parameter gradient is unchanged."""
    net = _network("relu", "none", 2, "bce", 3)
    rng = np.random.default_rng(5)
    x, y = rng.normal(size=(6, 3)), (rng.random((6, 2)) > 0.5).astype(float)
    full_loss, _ = net.loss_and_gradients(x, y)
    full = {name: grad.copy() for name, grad in net.grads.items()}
    assert net.input_grad is not None
    loss, _ = net.loss_and_gradients(x, y, input_grad=False)
    assert loss == full_loss and net.input_grad is None
    for name, grad in net.grads.items():
        np.testing.assert_array_equal(grad, full[name])
