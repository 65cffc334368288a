"""How the signal's spread changes from layer to layer at initialization: measured and predicted.

This is the computation behind the app's activation and initialization lab, kept Qt-free
so the CLI, the tests and a notebook can use it.

Measurement (:func:`measure_propagation`)
    For each of several seeds, build the configured network (same depth, widths,
    activations, normalization, residual connections and initializers), push one
    standard-normal batch through it in training mode and backpropagate a standard-normal
    gradient from the last hidden layer (the output layer is replaced by the identity, so
    what is measured is the hidden stack itself). Recorded per seed: the standard
    deviation of every layer's output ``a_i`` (column 0: the input batch) and of the
    gradient ``dL/da_i`` (column 0: the gradient reaching the input). One network varies a
    lot (one width-64 ReLU/He net's 30-layer variance ratio ranges 0.05-3.6 over seeds),
    so the app plots the median and a band over seeds.

Prediction (:func:`predict_propagation`), the mean-field recursion (Glorot & Bengio 2010;
He et al. 2015; Poole et al. 2016) that the Xavier and He rules come from::

    q_i    = F_i * E[a_{i-1}^2] + Var(b_i)            z_i ~ N(E[b_i], q_i)
    a_i    = f(z_i)                                   (after BatchNorm/LayerNorm: z_i ~ N(0, 1))
    G_{i-1} = B_i * E[f'(z_i)^2] * G_i                gradient variance, G_L = 1

with ``F_i = fan_in * Var(W)`` and ``B_i = fan_out * Var(W)`` for i.i.d. weights
(orthogonal weights: ``gain^2 * min(1, fan_in/fan_out)`` and ``gain^2 * min(1,
fan_out/fan_in)``) and the Gaussian expectations computed by Gauss-Hermite quadrature
with the activation's own ``f``/``df``. Consequences the tests check: He + ReLU keeps
``E[a^2]`` (so the per-layer variance ratio) at 1; Xavier + ReLU halves it each layer;
Xavier with tanh and gain 5/3 settles at a fixed point (ratio ~1); ``N(0, s^2)`` weights in
a linear net scale the std by ``(s^2 n)^(1/2)`` per layer.

The theory assumes infinite width, independent zero-mean weights, Gaussian
pre-activations and forward/backward independence; it is not offered for constant,
zero or identity weights (not random) or maxout (a max of several Gaussians).

End-to-end Jacobian (:func:`end_to_end_jacobian`): ``d a_L / d x`` at one input. For a
linear stack it is the product of the weight matrices; orthogonal init keeps all its
singular values at 1 at any depth, Gaussian init spreads them (Saxe et al. 2014).
"""

from __future__ import annotations

import copy
import dataclasses
import math
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from gradsim.engine.activations import make_activation
from gradsim.engine.config import network_spec, validate_config
from gradsim.engine.network import Network, NetworkSpec

DEFAULT_SEEDS = 8
DEFAULT_BATCH = 256
#: Measurements estimated above this many floating-point operations are not run at all.
MAX_FLOPS = 4e10
_QUADRATURE_POINTS = 160  # even: no node at 0, where ReLU-like derivatives jump
_NODES, _WEIGHTS = np.polynomial.hermite_e.hermegauss(_QUADRATURE_POINTS)
_WEIGHTS = _WEIGHTS / math.sqrt(2.0 * math.pi)  # so sum(w * g(x)) = E[g(x)], x ~ N(0, 1)
#: Init kinds whose weights are not i.i.d. zero-mean random (the theory does not apply).
NOT_RANDOM_INITS = frozenset({"zeros", "constant", "identity"})


@dataclass(frozen=True)
class Theory:
    """The mean-field prediction: ``activation_std`` and ``gradient_std``, (depth + 1,) each.

    Column 0 is the input (std 1) and the gradient reaching the input; column i is hidden
    layer i. ``available`` is False (and the arrays are NaN) when the assumptions fail;
    ``reason`` is then a code: ``not_random_init``, ``maxout`` or ``no_layers``.
    """

    activation_std: np.ndarray
    gradient_std: np.ndarray
    available: bool = True
    reason: str = ""


@dataclass(frozen=True)
class Propagation:
    """Measured spreads per seed (rows) and layer (columns 0..depth), with the theory beside."""

    depth: int
    widths: tuple[int, ...]
    input_dim: int
    batch: int
    activation_std: np.ndarray  # (seeds, depth + 1)
    gradient_std: np.ndarray  # (seeds, depth + 1)
    singular_values: np.ndarray | None  # (seeds, k) of the end-to-end Jacobian, descending
    theory: Theory

    @property
    def seeds(self) -> int:
        return int(self.activation_std.shape[0])


# =========================================================================== measurement
def measurement_spec(config: Mapping[str, Any], input_dim: int | None = None) -> NetworkSpec:
    """The hidden stack of ``config`` in float64, fed by ``input_dim`` inputs, identity output.

    ``input_dim`` defaults to the first layer's width: the standard-normal batch then
    stands for a previous layer's activations, as in the derivations.
    """
    cfg = copy.deepcopy(validate_config(config, memory=False))  # a measurement, not a training run
    layers = cfg["network"]["layers"]
    if input_dim is None:
        input_dim = layers[0]["width"] if layers else 1
    last = layers[-1]["width"] if layers else input_dim
    cfg["loss"] = "mse"
    cfg["training"]["precision"] = "float64"
    cfg["regularization"] = {"l1": 0.0, "l2": 0.0}
    spec = network_spec(cfg, int(input_dim), last, "regression")
    return dataclasses.replace(spec, output_init={"kind": "identity", "scale": 1.0})


def estimated_flops(spec: NetworkSpec, batch: int = DEFAULT_BATCH, seeds: int = DEFAULT_SEEDS) -> float:
    """Rough cost of :func:`measure_propagation`: forward + backward + the Jacobian, per seed."""
    fan_in, total = spec.input_dim, 0.0
    for layer in spec.layers:
        pieces = int(make_activation(layer.activation, layer.activation_params).pieces)
        total += fan_in * layer.width * pieces
        fan_in = layer.width
    return seeds * total * (6.0 * batch + 2.0 * spec.input_dim)


def measure_propagation(
    config: Mapping[str, Any],
    *,
    seeds: int = DEFAULT_SEEDS,
    batch: int = DEFAULT_BATCH,
    input_dim: int | None = None,
    base_seed: int = 0,
    jacobian: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> Propagation | None:
    """Measure activation and gradient spreads at initialization over ``seeds`` networks.

    Returns None if ``cancelled()`` turned true between seeds (a GUI recomputing on every
    edit drops stale work this way). Seed s builds the network with
    ``default_rng([base_seed, s])``, so results are reproducible.
    """
    spec = measurement_spec(config, input_dim)
    depth = len(spec.layers)
    acts = np.full((seeds, depth + 1), np.nan)
    grads = np.full((seeds, depth + 1), np.nan)
    singular: list[np.ndarray] = []
    for s in range(seeds):
        if cancelled is not None and cancelled():
            return None
        rng = np.random.default_rng([base_seed, s])
        network = Network(spec, rng)
        x = rng.standard_normal((batch, spec.input_dim))
        with np.errstate(all="ignore"):
            network.forward(x, train=True, rng=rng)
            network.backward(rng.standard_normal((batch, spec.output_dim)))
            acts[s, 0] = x.std()
            grads[s, 0] = _std(network.input_grad)
            for i, cache in enumerate(network.cache):
                acts[s, i + 1] = _std(cache.output)
                grads[s, i + 1] = _std(cache.grad_output)
            if jacobian:
                matrix = end_to_end_jacobian(network, 0)
                if matrix is not None:
                    singular.append(_singular_values(matrix))
    values = np.vstack(singular) if singular and len(singular) == seeds else None
    return Propagation(
        depth=depth,
        widths=tuple(layer.width for layer in spec.layers),
        input_dim=spec.input_dim,
        batch=batch,
        activation_std=acts,
        gradient_std=grads,
        singular_values=values,
        theory=predict_spec(spec),
    )


def _std(array: np.ndarray | None) -> float:
    if array is None or array.size == 0:
        return math.nan
    return float(np.std(array, dtype=np.float64))


def _singular_values(matrix: np.ndarray) -> np.ndarray:
    if not np.isfinite(matrix).all():
        return np.full(min(matrix.shape), np.nan)
    return np.linalg.svd(matrix, compute_uv=False)


def _skip_sources(spec: NetworkSpec) -> dict[int, int]:
    """Last layer of each residual block -> the block's input (-1: the network input)."""
    k = spec.residual_every
    if k <= 0:
        return {}
    return {end: end - k for end in range(k - 1, len(spec.layers), k)}


def end_to_end_jacobian(network: Network, index: int = 0) -> np.ndarray | None:
    """``d a_L / d x`` (input_dim x last width, in the ``x @ W`` convention) at batch row ``index``.

    Uses the pre-activations of the network's last training forward pass. For a linear
    stack this is ``W_1 W_2 ... W_L``. Returns None for networks with normalization
    layers (their Jacobian couples the batch) and for networks without hidden layers.
    """
    spec = network.spec
    if not spec.layers or any(layer.norm != "none" for layer in spec.layers):
        return None
    sources = _skip_sources(spec)
    jac = np.eye(spec.input_dim)
    outputs: list[np.ndarray] = []
    for i, act in enumerate(network.activations):
        jz = jac @ network.params[f"layers.{i}.W"].astype(np.float64)
        h = np.asarray(network.cache[i].pre_activation[index], dtype=np.float64)
        if act.pieces > 1:
            width = spec.layers[i].width
            chosen = np.argmax(h.reshape(width, act.pieces), axis=1)
            jf = jz[:, np.arange(width) * act.pieces + chosen]
        else:
            jf = jz * act.df(h)
        if i in sources:
            skip = np.eye(spec.input_dim) if sources[i] < 0 else outputs[sources[i]]
            projection = network.params.get(f"layers.{i}.P")
            jf = jf + (skip @ projection if projection is not None else skip)
        outputs.append(jf)
        jac = jf
    return jac


# =========================================================================== theory
def predict_propagation(config: Mapping[str, Any], input_dim: int | None = None) -> Theory:
    """The mean-field prediction for ``config`` (see the module docstring)."""
    return predict_spec(measurement_spec(config, input_dim))


def weight_factors(init: Mapping[str, Any], fan_in: int, fan_out: int) -> tuple[float, float]:
    """(F, B): ``E[z^2] = F E[a^2]`` forward and ``Var(g_a) = B Var(g_z)`` backward.

    For i.i.d. zero-mean weights F = fan_in Var(W) and B = fan_out Var(W) (Glorot &
    Bengio 2010); orthogonal matrices preserve norms, up to the rectangular shape.
    """
    kind = init["kind"]
    if kind == "orthogonal":
        gain2 = float(init["gain"]) ** 2
        return gain2 * min(1.0, fan_in / fan_out), gain2 * min(1.0, fan_out / fan_in)
    variance = _iid_variance(init, fan_in, fan_out)
    return fan_in * variance, fan_out * variance


def _iid_variance(init: Mapping[str, Any], fan_in: int, fan_out: int) -> float:
    kind = init["kind"]
    if kind == "normal":
        return float(init["std"]) ** 2
    if kind == "uniform":
        return float(init["a"]) ** 2 / 3.0
    if kind in ("xavier_normal", "xavier_uniform"):
        return float(init["gain"]) ** 2 * 2.0 / (fan_in + fan_out)
    if kind in ("he_normal", "he_uniform"):
        fan = fan_in if init["mode"] == "fan_in" else fan_out
        return 2.0 / ((1.0 + float(init["slope"]) ** 2) * fan)
    if kind == "lecun_normal":
        return 1.0 / fan_in
    raise ValueError(f"no i.i.d. variance for init kind {kind!r}")


def bias_moments(init: Mapping[str, Any], size: int) -> tuple[float, float]:
    """Mean and variance of a bias drawn as a ``(1, size)`` matrix (as the engine draws it)."""
    kind = init["kind"]
    if kind == "zeros":
        return 0.0, 0.0
    if kind == "constant":
        return float(init["value"]), 0.0
    return 0.0, _iid_variance(init, 1, size)


def gaussian_moments(
    f: Callable[[np.ndarray], np.ndarray], mean: float, variance: float
) -> tuple[float, float]:
    """(E[f(z)], E[f(z)^2]) for z ~ N(mean, variance), by Gauss-Hermite quadrature."""
    if not math.isfinite(variance) or not math.isfinite(mean):
        return math.nan, math.nan
    with np.errstate(all="ignore"):
        values = f(mean + math.sqrt(max(variance, 0.0)) * _NODES)
        return float(np.dot(_WEIGHTS, values)), float(np.dot(_WEIGHTS, values * values))


def predict_spec(spec: NetworkSpec) -> Theory:
    """Mean-field forward and backward recursion over the hidden layers of ``spec``."""
    depth = len(spec.layers)
    reason = _theory_unavailable(spec)
    if reason:
        nan = np.full(depth + 1, np.nan)
        return Theory(nan, nan.copy(), available=False, reason=reason)
    sources = _skip_sources(spec)
    second = [1.0]  # E[a_i^2], index 0 = the standard-normal input
    means = [0.0]
    stds = [1.0]
    layer_state: list[tuple[float, float, float, float, float]] = []  # (q_z, mu_h, var_h, B, dvar)
    fan_in = spec.input_dim
    for i, layer in enumerate(spec.layers):
        act = make_activation(layer.activation, layer.activation_params)
        forward, backward = weight_factors(layer.init, fan_in, layer.width)
        bias_mean, bias_var = bias_moments(layer.bias_init, layer.width)
        q_z = forward * second[-1] + bias_var
        mu_h, var_h = (0.0, 1.0) if layer.norm != "none" else (bias_mean, q_z)
        if layer.activation == "noisy_relu":
            var_h += float(layer.activation_params.get("sigma", 0.1)) ** 2
        f_mean, f_second = gaussian_moments(act.f, mu_h, var_h)
        df_second = gaussian_moments(act.df, mu_h, var_h)[1]
        if i in sources:
            f_mean, f_second = _residual_sum(spec, i, sources[i], f_mean, f_second, means, second)
        means.append(f_mean)
        second.append(f_second)
        stds.append(math.sqrt(max(f_second - f_mean * f_mean, 0.0)))
        layer_state.append((q_z, mu_h, var_h, backward, df_second))
        fan_in = layer.width
    grads = _backward_theory(spec, sources, layer_state)
    return Theory(np.asarray(stds), np.sqrt(grads))


def _theory_unavailable(spec: NetworkSpec) -> str:
    if not spec.layers:
        return "no_layers"
    for layer in spec.layers:
        if layer.init["kind"] in NOT_RANDOM_INITS:
            return "not_random_init"
        if layer.activation == "maxout":
            return "maxout"
    return ""


def _projection_factor(source_width: int, width: int) -> float:
    """E[(s P)^2] / E[s^2] for the Xavier-initialized projection the engine adds."""
    return source_width * 2.0 / (source_width + width)


def _residual_sum(
    spec: NetworkSpec,
    i: int,
    source: int,
    f_mean: float,
    f_second: float,
    means: list[float],
    second: list[float],
) -> tuple[float, float]:
    """Moments of f + skip, treating the branch and the skip as independent."""
    source_width = spec.input_dim if source < 0 else spec.layers[source].width
    s_mean, s_second = means[source + 1], second[source + 1]
    if source_width != spec.layers[i].width:
        s_mean, s_second = 0.0, s_second * _projection_factor(source_width, spec.layers[i].width)
    return f_mean + s_mean, f_second + s_second + 2.0 * f_mean * s_mean


def _backward_theory(
    spec: NetworkSpec,
    sources: dict[int, int],
    layer_state: list[tuple[float, float, float, float, float]],
) -> np.ndarray:
    """Gradient variances at the input (index 0) and every layer's output (1..depth)."""
    depth = len(spec.layers)
    result = np.full(depth + 1, np.nan)
    pending: dict[int, float] = {}
    grad = 1.0  # the standard-normal gradient fed at the last hidden layer
    for i in range(depth - 1, -1, -1):
        grad += pending.pop(i, 0.0)
        result[i + 1] = grad
        if i in sources:
            source_width = spec.input_dim if sources[i] < 0 else spec.layers[sources[i]].width
            factor = 1.0
            if source_width != spec.layers[i].width:
                factor = _projection_factor(spec.layers[i].width, source_width)
            pending[sources[i]] = pending.get(sources[i], 0.0) + grad * factor
        q_z, _mu, _var, backward, df_second = layer_state[i]
        grad_z = grad * df_second
        if spec.layers[i].norm != "none":
            grad_z = grad_z / q_z if q_z > 0 else math.inf
        grad = backward * grad_z
    result[0] = grad + pending.pop(-1, 0.0)
    return result


# =========================================================================== summaries
def geometric_mean_ratio(std: np.ndarray) -> np.ndarray:
    """Per-layer variance ratio over hidden layers 1..L, geometric mean: (var_L / var_1)^(1/(L-1)).

    ``std`` is (seeds, depth + 1) (column 0 the input) or (depth + 1,); the result has
    one value per seed (or a 0-d array). Layer 1 is the reference because its input is
    the raw batch, not the output of the same activation.
    """
    std = np.asarray(std, dtype=np.float64)
    depth = std.shape[-1] - 1
    if depth < 2:
        return np.full(std.shape[:-1], np.nan)
    with np.errstate(all="ignore"):
        return (std[..., -1] ** 2 / std[..., 1] ** 2) ** (1.0 / (depth - 1))


def band(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(median, min, max) over seeds (rows) for each layer, ignoring NaN."""
    values = np.asarray(values, dtype=np.float64)
    # A layer where every seed overflowed is data, not an error: no 'All-NaN slice' warning.
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmedian(values, axis=0), np.nanmin(values, axis=0), np.nanmax(values, axis=0)


__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_SEEDS",
    "MAX_FLOPS",
    "Propagation",
    "Theory",
    "band",
    "end_to_end_jacobian",
    "estimated_flops",
    "gaussian_moments",
    "geometric_mean_ratio",
    "measure_propagation",
    "measurement_spec",
    "predict_propagation",
    "predict_spec",
    "weight_factors",
]
