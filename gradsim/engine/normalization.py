"""BatchNorm and LayerNorm with exact backward passes.

BatchNorm (Ioffe & Szegedy 2015), as torch.nn.BatchNorm1d: training mode
normalizes with the *biased* batch variance; the running variance is updated with
the *unbiased* one, momentum 0.1, eps 1e-5; eval mode uses the running statistics.
Its input gradient sums to zero over the batch (a test).

LayerNorm (Ba et al. 2016) normalizes each sample over its features, so it behaves
the same in training and evaluation and with a batch of one.

The running statistics can be updated later than the forward pass: the trainer
computes them with :func:`next_running`, checks them (and the loss and gradients)
for NaN/Inf and only then writes them, so a rejected step leaves them untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

NORM_KINDS: tuple[str, ...] = ("none", "batch", "layer")
BN_MOMENTUM = 0.1
NORM_EPS = 1e-5


@dataclass
class NormCache:
    xhat: np.ndarray
    invstd: np.ndarray
    axis: int  # 0: batch statistics (BatchNorm training), 1: per-sample (LayerNorm), -1: fixed
    batch_mean: np.ndarray | None = None  # BatchNorm training: the batch's mean and biased
    batch_var: np.ndarray | None = None  # variance per unit, for the running statistics


def norm_forward(
    kind: str,
    h: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    running: dict[str, np.ndarray] | None,
    train: bool,
    update_running: bool = True,
) -> tuple[np.ndarray, NormCache]:
    """y = gamma * (h - mu) / sqrt(var + eps) + beta, statistics by ``kind`` and mode."""
    eps = h.dtype.type(NORM_EPS)
    if kind == "batch" and not train:
        mean = running["mean"].astype(h.dtype, copy=False)
        var = running["var"].astype(h.dtype, copy=False)
        invstd = 1.0 / np.sqrt(var + eps)
        xhat = (h - mean) * invstd
        return xhat * gamma + beta, NormCache(xhat, invstd, -1)
    axis = 0 if kind == "batch" else 1
    mean = h.mean(axis=axis, keepdims=True)
    centred = h - mean
    var = np.mean(centred * centred, axis=axis, keepdims=True)
    invstd = 1.0 / np.sqrt(var + eps)
    xhat = centred * invstd
    cache = NormCache(xhat, invstd, axis)
    if kind == "batch":
        cache.batch_mean, cache.batch_var = mean[0], var[0]
        if running is not None and update_running:
            new_mean, new_var = next_running(running, cache)
            running["mean"][...] = new_mean
            running["var"][...] = new_var
    return xhat * gamma + beta, cache


def next_running(running: dict[str, np.ndarray], cache: NormCache) -> tuple[np.ndarray, np.ndarray]:
    """The running (mean, var) after the batch in ``cache``, as new arrays of the buffers' dtype.

    ``running * (1 - m) + m * batch`` with the unbiased batch variance, in the same operations
    and dtypes as an in-place update (bit-identical results)."""
    assert cache.batch_mean is not None and cache.batch_var is not None
    n = cache.xhat.shape[0]
    mean, var = cache.batch_mean, cache.batch_var
    m = running["mean"].dtype.type(BN_MOMENTUM)
    unbiased = var * var.dtype.type(n / max(n - 1, 1))
    new_mean = running["mean"] * (1 - m)
    new_mean += m * mean.astype(running["mean"].dtype, copy=False)
    new_var = running["var"] * (1 - m)
    new_var += m * unbiased.astype(running["var"].dtype, copy=False)
    return new_mean, new_var


def norm_backward(
    grad_y: np.ndarray, cache: NormCache, gamma: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (grad_h, grad_gamma, grad_beta).

    With statistics over axis ``a`` of size m:
    dh = invstd/m * (m*dxhat - sum_a(dxhat) - xhat * sum_a(dxhat * xhat)), dxhat = dy * gamma.
    """
    xhat = cache.xhat
    grad_gamma = np.sum(grad_y * xhat, axis=0)
    grad_beta = np.sum(grad_y, axis=0)
    dxhat = grad_y * gamma
    if cache.axis < 0:
        return dxhat * cache.invstd, grad_gamma, grad_beta
    axis = cache.axis
    mean_dxhat = dxhat.mean(axis=axis, keepdims=True)
    mean_dxhat_xhat = np.mean(dxhat * xhat, axis=axis, keepdims=True)
    grad_h = (dxhat - mean_dxhat - xhat * mean_dxhat_xhat) * cache.invstd
    return grad_h, grad_gamma, grad_beta


def norm_state_shapes(kind: str, width: int) -> dict[str, Any]:
    """Learned (gamma, beta) and running-statistic shapes for a layer of ``width`` units."""
    if kind == "none":
        return {}
    return {"gamma": (width,), "beta": (width,)}
