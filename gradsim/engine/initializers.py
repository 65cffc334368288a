"""Weight initializers: where a deep net's signal starts to vanish or explode.

Weights are stored as ``(fan_in, fan_out)`` matrices (the layer computes
``x @ W``), so ``fan_in = W.shape[0]``.

Variance rules (each a test in tests/engine/test_science.py):

* "standard" ``uniform(a=1/sqrt(n))``: n Var(W) = 1/3, the signal shrinks x0.577 per linear layer.
* Xavier/Glorot (Glorot & Bengio 2010): Var(W) = gain^2 * 2/(fan_in + fan_out),
  uniform bound gain * sqrt(6/(fan_in + fan_out)); use gain 5/3 for tanh.
* He/Kaiming (He et al. 2015): Var(W) = 2/((1 + a^2) fan), a = leaky slope (0 for ReLU).
* LeCun normal: Var(W) = 1/fan_in (SELU's self-normalizing init).
* Orthogonal (Saxe et al. 2014): W = gain * Q, Q from the QR of a Gaussian matrix with
  the signs of R's diagonal fixed, so the distribution is uniform (Haar).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from gradsim.engine.errors import ConfigError

INIT_DEFAULTS: dict[str, dict[str, Any]] = {
    "zeros": {},
    "constant": {"value": 0.1},
    "normal": {"std": 1.0},
    "uniform": {"a": 1.0},
    "identity": {"scale": 1.0},
    "xavier_normal": {"gain": 1.0},
    "xavier_uniform": {"gain": 1.0},
    "he_normal": {"mode": "fan_in", "slope": 0.0},
    "he_uniform": {"mode": "fan_in", "slope": 0.0},
    "lecun_normal": {},
    "orthogonal": {"gain": 1.0},
}
INIT_KINDS: tuple[str, ...] = tuple(INIT_DEFAULTS)


def validate_init_spec(spec: Mapping[str, Any] | str, field_name: str) -> dict[str, Any]:
    """Return a full init spec (defaults filled in) or raise ConfigError naming the field."""
    if isinstance(spec, str):
        spec = {"kind": spec}
    if not isinstance(spec, Mapping) or "kind" not in spec:
        raise ConfigError(
            field_name, "bad_init", "must be an object with a 'kind', got {value!r}", value=spec
        )
    kind = spec["kind"]
    if not isinstance(kind, str) or kind not in INIT_DEFAULTS:
        raise ConfigError(
            f"{field_name}.kind",
            "unknown_init",
            "unknown initializer '{value}'; choose one of {allowed}",
            value=kind,
            allowed=", ".join(INIT_KINDS),
        )
    full: dict[str, Any] = {"kind": kind, **INIT_DEFAULTS[kind]}
    for key, value in spec.items():
        if key == "kind":
            continue
        if key not in INIT_DEFAULTS[kind]:
            raise ConfigError(
                f"{field_name}.{key}",
                "unknown_key",
                "unknown parameter for {kind}; allowed: {allowed}",
                kind=kind,
                allowed=", ".join(INIT_DEFAULTS[kind]) or "none",
            )
        full[key] = value
    if "mode" in full and full["mode"] not in ("fan_in", "fan_out"):
        raise ConfigError(
            f"{field_name}.mode", "bad_mode", "must be fan_in or fan_out, got {value!r}", value=full["mode"]
        )
    for key, value in full.items():
        if key in ("kind", "mode"):
            continue
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            raise ConfigError(
                f"{field_name}.{key}", "not_a_number", "must be a finite number, got {value!r}", value=value
            )
        if key in ("std", "a", "gain") and value < 0:
            raise ConfigError(f"{field_name}.{key}", "negative", "must be >= 0, got {value}", value=value)
    return full


def init_weight(spec: Mapping[str, Any], shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Draw a float64 ``(fan_in, fan_out)`` matrix following ``spec`` (already validated)."""
    fan_in, fan_out = shape
    kind = spec["kind"]
    if kind == "zeros":
        return np.zeros(shape)
    if kind == "constant":
        return np.full(shape, float(spec["value"]))
    if kind == "normal":
        return rng.normal(0.0, float(spec["std"]), size=shape)
    if kind == "uniform":
        return rng.uniform(-float(spec["a"]), float(spec["a"]), size=shape)
    if kind == "identity":
        return float(spec["scale"]) * np.eye(fan_in, fan_out)
    if kind in ("xavier_normal", "xavier_uniform"):
        std = float(spec["gain"]) * math.sqrt(2.0 / (fan_in + fan_out))
        return _normal_or_uniform(kind, std, shape, rng)
    if kind in ("he_normal", "he_uniform"):
        fan = fan_in if spec["mode"] == "fan_in" else fan_out
        std = math.sqrt(2.0 / ((1.0 + float(spec["slope"]) ** 2) * fan))
        return _normal_or_uniform(kind, std, shape, rng)
    if kind == "lecun_normal":
        return rng.normal(0.0, math.sqrt(1.0 / fan_in), size=shape)
    if kind == "orthogonal":
        return float(spec["gain"]) * _orthogonal(shape, rng)
    raise AssertionError(f"unvalidated init kind {kind}")


def init_bias(spec: Mapping[str, Any], size: int, rng: np.random.Generator) -> np.ndarray:
    """Biases use the same kinds, treated as a ``(1, size)`` matrix (usually zeros)."""
    if spec["kind"] in ("identity", "orthogonal"):
        raise ConfigError(
            "bias_init.kind", "bad_bias_init", "{value} makes no sense for a bias", value=spec["kind"]
        )
    return init_weight(spec, (1, size), rng)[0]


def _normal_or_uniform(kind: str, std: float, shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    if kind.endswith("uniform"):
        bound = math.sqrt(3.0) * std
        return rng.uniform(-bound, bound, size=shape)
    return rng.normal(0.0, std, size=shape)


def _orthogonal(shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    rows, cols = shape
    flat = rng.standard_normal((max(rows, cols), min(rows, cols)))
    q, r = np.linalg.qr(flat)
    q *= np.sign(np.diag(r))
    return q if rows >= cols else q.T
