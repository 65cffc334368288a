"""Activation functions with exact derivatives, chosen per layer.

Each activation is a small object with ``forward`` and ``backward``. ``forward``
returns the output and a cache; ``backward`` maps the gradient of the output to
the gradient of the input (and of the activation's own learned parameters, for
PReLU). Maxout takes ``k`` pre-activations per unit, so the linear layer in front
of it is ``k`` times wider (``pieces``).

The derivatives are the whole story of vanishing gradients: sigmoid' <= 1/4 at
0, tanh' <= 1, ReLU' is exactly 0 or 1 (dead units), so every function here is
tested against finite differences.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from scipy.special import erf, expit

from gradsim.engine.errors import ConfigError

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
MAX_PIECES = 16  # maxout's k: a bound like every layer width's (config.MAX_WIDTH)
_SQRT_2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)


@dataclass
class Activation:
    """Base class: a pointwise activation with no learned parameters."""

    name: ClassVar[str] = "linear"
    family: ClassVar[str] = "other"  # "relu" (can die), "bounded" (can saturate), "other"
    bounds: ClassVar[tuple[float, float] | None] = None  # output range, for saturation
    params: dict[str, Any] = field(default_factory=dict)

    pieces: int = 1  # pre-activations per unit (maxout's k, at most MAX_PIECES)

    def __post_init__(self) -> None:
        """Subclasses with parameters that change the layer shape override this."""

    def n_learned(self, width: int) -> dict[str, tuple[int, ...]]:
        """Shapes of learned parameters (PReLU's slopes), keyed by a short name."""
        return {}

    def init_learned(self, width: int, dtype: np.dtype) -> dict[str, np.ndarray]:
        return {}

    def forward(
        self,
        h: np.ndarray,
        learned: Mapping[str, np.ndarray],
        rng: np.random.Generator | None,
        train: bool,
    ) -> tuple[np.ndarray, Any]:
        return self.f(h), h

    def backward(
        self, grad_out: np.ndarray, cache: Any, learned: Mapping[str, np.ndarray]
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        return grad_out * self.df(cache), {}

    def f(self, h: np.ndarray) -> np.ndarray:
        """The function itself, for plots (no noise, no learned parameters)."""
        return h.copy()

    def df(self, h: np.ndarray) -> np.ndarray:
        """Its derivative, for plots and the backward pass."""
        return np.ones_like(h)


class Linear(Activation):
    name = "linear"


class Sigmoid(Activation):
    """sigma(x) = 1/(1+e^-x); sigma' = sigma(1-sigma) <= 1/4 (at x = 0)."""

    name = "sigmoid"
    family = "bounded"
    bounds = (0.0, 1.0)

    def f(self, h):
        return expit(h)

    def df(self, h):
        s = expit(h)
        return s * (1.0 - s)

    def forward(self, h, learned, rng, train):
        a = expit(h)
        return a, a

    def backward(self, grad_out, cache, learned):
        return grad_out * cache * (1.0 - cache), {}


class Tanh(Activation):
    """tanh(x) = 2 sigma(2x) - 1; tanh' = 1 - tanh^2 <= 1 (at x = 0)."""

    name = "tanh"
    family = "bounded"
    bounds = (-1.0, 1.0)

    def f(self, h):
        return np.tanh(h)

    def df(self, h):
        return 1.0 - np.tanh(h) ** 2

    def forward(self, h, learned, rng, train):
        a = np.tanh(h)
        return a, a

    def backward(self, grad_out, cache, learned):
        return grad_out * (1.0 - cache * cache), {}


class ReLU(Activation):
    """max(0, x); derivative 0 or 1, so a unit negative on every input is dead."""

    name = "relu"
    family = "relu"

    def f(self, h):
        return np.maximum(h, 0.0)

    def df(self, h):
        return (h > 0).astype(h.dtype)

    def forward(self, h, learned, rng, train):
        return _masked(h, train)

    def backward(self, grad_out, cache, learned):
        return grad_out * cache, {}


def _masked(h: np.ndarray, train: bool) -> tuple[np.ndarray, np.ndarray]:
    """(h * (h > 0), the mask the backward pass multiplies by).

    The mask is a 0/1 array of h's dtype in training: ``h * mask`` and ``grad * mask`` are
    then plain float products, bit-identical to multiplying by the boolean (1.0 or 0.0, so
    -inf * 0 is still NaN) but ~4x faster than numpy's cast of a boolean operand, which the
    forward and the backward pass of every ReLU layer paid (measured on 256 x 64 float64).
    Outside training the product is made in the mask's own array (a large evaluation or
    decision-map pass holds one array fewer) and the boolean is the cache."""
    positive = h > 0
    if train:
        mask = positive.astype(h.dtype)
        return h * mask, mask
    out = positive.astype(h.dtype)
    out *= h  # mask * h: the same products
    return out, positive


class LeakyReLU(Activation):
    """max(x, a x) with a fixed slope ``slope`` (default 0.01) for x < 0."""

    name = "leaky_relu"
    family = "relu"

    @property
    def slope(self) -> float:
        return float(self.params.get("slope", 0.01))

    def f(self, h):
        return np.where(h > 0, h, h * h.dtype.type(self.slope))

    def df(self, h):
        return np.where(h > 0, 1.0, self.slope).astype(h.dtype)

    def forward(self, h, learned, rng, train):
        return self.f(h), h

    def backward(self, grad_out, cache, learned):
        return grad_out * self.df(cache), {}


class PReLU(Activation):
    """Leaky ReLU whose negative slope a_j is learned per unit (He et al. 2015), init 0.25."""

    name = "prelu"
    family = "relu"

    def n_learned(self, width):
        return {"slope": (width,)}

    def init_learned(self, width, dtype):
        return {"slope": np.full(width, self.params.get("init", 0.25), dtype=dtype)}

    def f(self, h):
        return np.where(h > 0, h, h * h.dtype.type(self.params.get("init", 0.25)))

    def df(self, h):
        return np.where(h > 0, 1.0, self.params.get("init", 0.25)).astype(h.dtype)

    def forward(self, h, learned, rng, train):
        return np.where(h > 0, h, h * learned["slope"]), h

    def backward(self, grad_out, cache, learned):
        positive = cache > 0
        grad_h = np.where(positive, grad_out, grad_out * learned["slope"])
        grad_slope = np.sum(np.where(positive, 0.0, grad_out * cache), axis=0)
        return grad_h, {"slope": grad_slope.astype(grad_out.dtype, copy=False)}


class ELU(Activation):
    """x for x > 0, alpha (e^x - 1) otherwise (Clevert et al. 2016)."""

    name = "elu"
    family = "other"
    scale: ClassVar[float] = 1.0

    @property
    def alpha(self) -> float:
        return float(self.params.get("alpha", 1.0))

    def f(self, h):
        return self.scale * np.where(h > 0, h, self.alpha * np.expm1(np.minimum(h, 0.0)))

    def df(self, h):
        return self.scale * np.where(h > 0, 1.0, self.alpha * np.exp(np.minimum(h, 0.0)))

    def forward(self, h, learned, rng, train):
        return self.f(h).astype(h.dtype, copy=False), h

    def backward(self, grad_out, cache, learned):
        return grad_out * self.df(cache).astype(grad_out.dtype, copy=False), {}


class SELU(ELU):
    """scale * ELU(x, alpha) with the self-normalizing constants of Klambauer et al. 2017."""

    name = "selu"
    scale = SELU_SCALE

    @property
    def alpha(self) -> float:
        return SELU_ALPHA


class Softplus(Activation):
    """log(1 + e^x), a smooth ReLU; derivative sigma(x) never exactly 0."""

    name = "softplus"

    def f(self, h):
        return np.logaddexp(0.0, h)

    def df(self, h):
        return expit(h)


class GELU(Activation):
    """x Phi(x) (exact erf form, Hendrycks & Gimpel 2016); GELU' = Phi(x) + x phi(x)."""

    name = "gelu"

    def f(self, h):
        return h * 0.5 * (1.0 + erf(h / _SQRT_2))

    def df(self, h):
        return 0.5 * (1.0 + erf(h / _SQRT_2)) + h * _INV_SQRT_2PI * np.exp(-0.5 * h * h)


class SiLU(Activation):
    """Swish/SiLU x sigma(x) (Ramachandran et al. 2017); derivative s + x s (1 - s)."""

    name = "silu"

    def f(self, h):
        return h * expit(h)

    def df(self, h):
        s = expit(h)
        return s + h * s * (1.0 - s)


class Mish(Activation):
    """x tanh(softplus(x)) (Misra 2019)."""

    name = "mish"

    def f(self, h):
        return h * np.tanh(np.logaddexp(0.0, h))

    def df(self, h):
        t = np.tanh(np.logaddexp(0.0, h))
        return t + h * (1.0 - t * t) * expit(h)


class Sine(Activation):
    """sin(x): bounded but never saturating for good (periodic derivative cos x)."""

    name = "sin"

    def f(self, h):
        return np.sin(h)

    def df(self, h):
        return np.cos(h)


class NoisyReLU(Activation):
    """max(0, x + eps), eps ~ N(0, sigma^2) at train time only (Nair & Hinton 2010).

    The noise drawn in the forward pass is kept in the cache, so the backward pass
    is the exact derivative of the function that was actually evaluated. Passing
    ``params["fixed_noise"]`` (an array) replaces sampling, for gradient checks.
    """

    name = "noisy_relu"
    family = "relu"

    def f(self, h):
        return np.maximum(h, 0.0)

    def df(self, h):
        return (h > 0).astype(h.dtype)

    def forward(self, h, learned, rng, train):
        sigma = float(self.params.get("sigma", 0.1))
        if train and sigma > 0:
            noise = self.params.get("fixed_noise")
            if noise is None:
                if rng is None:
                    raise ValueError("noisy_relu needs a random generator in training mode")
                noise = rng.standard_normal(h.shape).astype(h.dtype, copy=False)
                noise *= h.dtype.type(sigma)
            shifted = h + noise
        else:
            shifted = h
        return _masked(shifted, train)

    def backward(self, grad_out, cache, learned):
        return grad_out * cache, {}


class Maxout(Activation):
    """max over k linear pieces per unit (Goodfellow et al. 2013); gradient flows to the argmax."""

    name = "maxout"
    family = "other"

    def __post_init__(self) -> None:
        self.pieces = int(self.params.get("k", 2))

    def f(self, h):
        return h.copy()

    def df(self, h):
        return np.ones_like(h)

    def forward(self, h, learned, rng, train):
        n, wide = h.shape
        grouped = h.reshape(n, wide // self.pieces, self.pieces)
        index = np.argmax(grouped, axis=2)
        out = np.take_along_axis(grouped, index[..., None], axis=2)[..., 0]
        return out, (index, h.shape)

    def backward(self, grad_out, cache, learned):
        index, shape = cache
        n, wide = shape
        grad = np.zeros((n, wide // self.pieces, self.pieces), dtype=grad_out.dtype)
        np.put_along_axis(grad, index[..., None], grad_out[..., None], axis=2)
        return grad.reshape(shape), {}


ACTIVATIONS: dict[str, type[Activation]] = {
    cls.name: cls
    for cls in (
        Sigmoid,
        Tanh,
        ReLU,
        LeakyReLU,
        PReLU,
        ELU,
        SELU,
        Softplus,
        GELU,
        SiLU,
        NoisyReLU,
        Maxout,
        Mish,
        Sine,
        Linear,
    )
}
ACTIVATIONS["swish"] = SiLU

#: Settable parameters of each activation with their defaults (the UI builds forms from it).
ACTIVATION_PARAMS: dict[str, dict[str, float]] = {
    "leaky_relu": {"slope": 0.01},
    "prelu": {"init": 0.25},
    "elu": {"alpha": 1.0},
    "noisy_relu": {"sigma": 0.1},
    "maxout": {"k": 2},
}

ACTIVATION_NAMES: tuple[str, ...] = tuple(n for n in ACTIVATIONS if n != "swish")


def make_activation(
    name: str, params: Mapping[str, Any] | None = None, field_name: str = "activation"
) -> Activation:
    """Build an activation by name, validating its parameters."""
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise ConfigError(
            field_name,
            "unknown_activation",
            "unknown activation '{value}'; choose one of {allowed}",
            value=name,
            allowed=", ".join(ACTIVATION_NAMES),
        )
    params = dict(params or {})
    allowed = ACTIVATION_PARAMS.get(name, {})
    for key, value in params.items():
        if key == "fixed_noise":
            continue
        if key not in allowed:
            raise ConfigError(
                f"{field_name}.{key}",
                "unknown_key",
                "unknown parameter for {act}; allowed: {allowed}",
                act=name,
                allowed=", ".join(allowed) or "none",
            )
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            raise ConfigError(
                f"{field_name}.{key}", "not_a_number", "must be a finite number, got {value!r}", value=value
            )
    if name == "maxout" and (int(params.get("k", 2)) != params.get("k", 2) or int(params.get("k", 2)) < 2):
        raise ConfigError(
            f"{field_name}.k", "bad_pieces", "must be an integer >= 2, got {value}", value=params.get("k")
        )
    if name == "maxout" and params.get("k", 2) > MAX_PIECES:  # k pieces make a layer k times wider
        raise ConfigError(
            f"{field_name}.k",
            "bad_pieces",
            "must be between {low} and {high}, got {value}",
            low=2,
            high=MAX_PIECES,
            value=params["k"],
        )
    if name == "noisy_relu" and params.get("sigma", 0.1) < 0:
        raise ConfigError(
            f"{field_name}.sigma", "negative", "must be >= 0, got {value}", value=params["sigma"]
        )
    return ACTIVATIONS[name](params=params)
