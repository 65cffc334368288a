"""Losses on logits, numerically stable for logits of any size (1e3 included).

All return the mean loss and its gradient with respect to the logits ``z``:

* ``mse``: mean over every element of (z - y)^2 (torch's MSELoss, reduction mean).
* ``bce``: binary cross-entropy on logits, max(z, 0) - z y + log(1 + e^-|z|)
  (never exp of a large positive number), gradient (sigma(z) - y) / N.
* ``softmax_ce``: cross-entropy of softmax(z) with integer labels, via log-sum-exp
  with the row maximum subtracted; gradient (softmax(z) - onehot(y)) / n.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

LOSS_KINDS: tuple[str, ...] = ("mse", "bce", "softmax_ce")


def default_loss_for_task(task: str) -> str:
    return {"binary": "bce", "multiclass": "softmax_ce"}.get(task, "mse")


def loss_and_grad(kind: str, z: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Return (mean loss as a Python float, dL/dz with z's dtype)."""
    loss, grad = _loss(kind, z, y, True)
    assert grad is not None
    return loss, grad


def loss_value(kind: str, z: np.ndarray, y: np.ndarray) -> float:
    """The mean loss alone (an evaluation pass needs no gradient), as :func:`loss_and_grad` has it."""
    return _loss(kind, z, y, False)[0]


def _mean64(values: np.ndarray) -> float:
    """``np.mean(values, dtype=np.float64)``: the same reduction, without its Python wrapper."""
    return float(np.add.reduce(values, axis=None, dtype=np.float64) / values.size)


def _loss(kind: str, z: np.ndarray, y: np.ndarray, with_grad: bool) -> tuple[float, np.ndarray | None]:
    if kind == "mse":
        diff = z - y.astype(z.dtype, copy=False)
        loss = _mean64(diff * diff)
        return loss, diff * z.dtype.type(2.0 / diff.size) if with_grad else None
    if kind == "bce":
        yy = y.astype(z.dtype, copy=False)
        per = np.maximum(z, 0) - z * yy + np.log1p(np.exp(-np.abs(z)))
        loss = _mean64(per)
        return loss, (expit(z) - yy) * z.dtype.type(1.0 / z.size) if with_grad else None
    if kind == "softmax_ce":
        labels = y.astype(np.intp, copy=False).reshape(-1)
        shifted = z - z.max(axis=1, keepdims=True)
        logsum = np.log(np.sum(np.exp(shifted), axis=1))
        rows = np.arange(z.shape[0])
        loss = _mean64(logsum - shifted[rows, labels])
        if not with_grad:
            return loss, None
        probs = np.exp(shifted - logsum[:, None])
        probs[rows, labels] -= 1
        probs *= z.dtype.type(1.0 / z.shape[0])
        return loss, probs
    raise ValueError(f"unknown loss {kind}")


def predictions(kind: str, z: np.ndarray) -> np.ndarray:
    """What the network predicts: probabilities (bce, softmax_ce) or values (mse)."""
    if kind == "bce":
        return expit(z)
    if kind == "softmax_ce":
        shifted = z - z.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        return e / e.sum(axis=1, keepdims=True)
    return z


def accuracy(kind: str, z: np.ndarray, y: np.ndarray) -> float:
    """Fraction correct for classification losses; NaN for regression."""
    # the share of matches as a count: the float64 mean of 0s and 1s is exact, so this is np.mean
    if kind == "bce":
        return int(np.count_nonzero((z[:, 0] > 0) == (y[:, 0] > 0.5))) / len(z)
    if kind == "softmax_ce":
        return int(np.count_nonzero(np.argmax(z, axis=1) == y.reshape(-1))) / len(z)
    return float("nan")
