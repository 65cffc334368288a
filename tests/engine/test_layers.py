"""Building blocks on their own: activation derivatives, initializer variances, norms, losses."""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.activations import ACTIVATION_NAMES, make_activation
from gradsim.engine.errors import ConfigError
from gradsim.engine.initializers import init_weight, validate_init_spec
from gradsim.engine.losses import loss_and_grad, loss_value
from gradsim.engine.normalization import norm_backward, norm_forward

POINTWISE = [n for n in ACTIVATION_NAMES if n not in ("maxout", "noisy_relu")]


@pytest.mark.parametrize("name", POINTWISE)
def test_activation_derivative_matches_central_differences(name: str) -> None:
    act = make_activation(name)
    x = np.linspace(-6, 6, 2001)
    x = x[np.abs(x) > 1e-3]  # away from kinks at 0
    eps = 1e-6
    numeric = (act.f(x + eps) - act.f(x - eps)) / (2 * eps)
    assert np.allclose(act.df(x), numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", POINTWISE)
def test_forward_and_backward_agree_with_f_and_df(name: str) -> None:
    act = make_activation(name)
    h = np.random.default_rng(0).normal(size=(7, 5)) * 3
    out, cache = act.forward(h, act.init_learned(5, np.dtype(np.float64)), None, True)
    assert np.allclose(out, act.f(h))
    grad, _ = act.backward(np.ones_like(h), cache, act.init_learned(5, np.dtype(np.float64)))
    assert np.allclose(grad, act.df(h))


def test_unknown_activation_and_bad_parameters_name_the_field() -> None:
    with pytest.raises(ConfigError, match="layers\\[2\\].activation: unknown activation 'relux'"):
        make_activation("relux", field_name="layers[2].activation")
    with pytest.raises(ConfigError, match="k"):
        make_activation("maxout", {"k": 1})


@pytest.mark.parametrize(
    ("spec", "variance"),
    [
        ({"kind": "xavier_normal"}, 2 / (300 + 200)),
        ({"kind": "xavier_uniform", "gain": 5 / 3}, (5 / 3) ** 2 * 2 / (300 + 200)),
        ({"kind": "he_normal"}, 2 / 300),
        ({"kind": "he_uniform", "mode": "fan_out"}, 2 / 200),
        ({"kind": "he_normal", "slope": 0.25}, 2 / ((1 + 0.25**2) * 300)),
        ({"kind": "lecun_normal"}, 1 / 300),
        ({"kind": "uniform", "a": 1 / np.sqrt(300)}, 1 / (3 * 300)),
    ],
)
def test_initializer_variances(spec: dict, variance: float) -> None:
    full = validate_init_spec(spec, "init")
    samples = [init_weight(full, (300, 200), np.random.default_rng(s)).var() for s in range(5)]
    assert np.median(samples) == pytest.approx(variance, rel=0.02)


def test_xavier_uniform_bound_and_orthogonality() -> None:
    w = init_weight(
        validate_init_spec({"kind": "xavier_uniform"}, "init"), (30, 50), np.random.default_rng(1)
    )
    assert np.abs(w).max() <= np.sqrt(6 / 80)
    q = init_weight(
        validate_init_spec({"kind": "orthogonal", "gain": 2.0}, "init"), (40, 25), np.random.default_rng(2)
    )
    assert np.allclose(q.T @ q, 4 * np.eye(25), atol=1e-12)


def test_batchnorm_follows_torch_conventions() -> None:
    rng = np.random.default_rng(3)
    h = rng.normal(2.0, 3.0, size=(16, 4))
    running = {"mean": np.zeros(4), "var": np.ones(4)}
    y, cache = norm_forward("batch", h, np.ones(4), np.zeros(4), running, train=True)
    assert np.allclose(y.mean(axis=0), 0, atol=1e-12)
    assert np.allclose(y.var(axis=0), h.var(axis=0) / (h.var(axis=0) + 1e-5))  # biased variance
    assert np.allclose(running["mean"], 0.1 * h.mean(axis=0))
    assert np.allclose(running["var"], 0.9 + 0.1 * h.var(axis=0, ddof=1))  # unbiased
    grad_h, _, _ = norm_backward(rng.normal(size=(16, 4)), cache, np.ones(4))
    assert np.allclose(grad_h.sum(axis=0), 0, atol=1e-12)
    y_eval, _ = norm_forward("batch", h, np.ones(4), np.zeros(4), running, train=False)
    assert np.allclose(y_eval, (h - running["mean"]) / np.sqrt(running["var"] + 1e-5))


def test_layernorm_normalizes_each_sample() -> None:
    h = np.random.default_rng(4).normal(size=(3, 10)) * 5 + 1
    y, _ = norm_forward("layer", h, np.ones(10), np.zeros(10), None, train=True)
    assert np.allclose(y.mean(axis=1), 0, atol=1e-12)
    assert np.allclose(y.std(axis=1), 1, atol=1e-4)


@pytest.mark.parametrize("kind", ["bce", "softmax_ce", "mse"])
def test_losses_are_finite_for_huge_logits(kind: str) -> None:
    z = np.array([[1e3, -1e3, 0.0], [-1e3, 1e3, 5.0]])
    y = {"bce": (z > 0).astype(float), "softmax_ce": np.array([1, 0]), "mse": np.zeros_like(z)}[kind]
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        loss, grad = loss_and_grad(kind, z, y)
    assert np.isfinite(loss) and np.all(np.isfinite(grad))


def test_bce_and_softmax_match_their_definitions() -> None:
    z = np.array([[0.3], [-1.2]])
    y = np.array([[1.0], [0.0]])
    p = 1 / (1 + np.exp(-z))
    assert loss_and_grad("bce", z, y)[0] == pytest.approx(
        float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))
    )
    logits = np.array([[1.0, 2.0, 0.5]])
    soft = np.exp(logits) / np.exp(logits).sum()
    assert loss_and_grad("softmax_ce", logits, np.array([1]))[0] == pytest.approx(-np.log(soft[0, 1]))


@pytest.mark.parametrize("name", ["relu", "noisy_relu"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_relu_masks_give_the_boolean_products_bit_for_bit(name: str, dtype) -> None:
    """ReLU keeps a 0/1 float mask in training and the boolean outside it: both give exactly
    h * (h > 0) and grad * (h > 0), signed zeros and -inf * 0 = NaN included."""
    act = make_activation(name, {"sigma": 0.0} if name == "noisy_relu" else {})
    h = np.random.default_rng(1).normal(size=(9, 6)).astype(dtype)
    h.flat[:6] = [np.nan, np.inf, -np.inf, 0.0, -0.0, -3.0]
    grad = np.random.default_rng(2).normal(size=h.shape).astype(dtype)
    grad.flat[6:9] = [np.nan, np.inf, -0.0]
    with np.errstate(invalid="ignore"):
        expected_out, expected_grad = h * (h > 0), grad * (h > 0)
        for train in (True, False):
            out, cache = act.forward(h, {}, None, train)
            back, _ = act.backward(grad, cache, {})
            assert out.dtype == back.dtype == h.dtype
            assert out.tobytes() == expected_out.tobytes() and back.tobytes() == expected_grad.tobytes()


@pytest.mark.parametrize("kind", ["mse", "bce", "softmax_ce"])
def test_the_loss_alone_is_the_loss_of_loss_and_grad(kind: str) -> None:
    rng = np.random.default_rng(4)
    z = rng.normal(size=(11, 3)).astype(np.float32)
    y = rng.integers(0, 3, size=(11, 1)) if kind == "softmax_ce" else (rng.random((11, 3)) > 0.5)
    assert loss_value(kind, z, y) == loss_and_grad(kind, z, y)[0]
