"""Slices of a real network's loss surface around the trainer's current parameters theta.

* :func:`interpolate_1d`: the loss along the line (1 - a) theta_a + a theta_b, e.g. from
  the initial to the trained parameters (Goodfellow, Vinyals & Saxe 2015, "Qualitatively
  characterizing neural network optimization problems").
* :func:`filter_normalized_directions` and :func:`slice_2d`: the loss on the plane
  theta + a d1 + b d2 with random, filter-normalized directions (Li, Xu, Taylor, Studer &
  Goldstein 2018, "Visualizing the Loss Landscape of Neural Nets").
* :func:`pca_directions` (and :func:`pca_slice`): the plane of the first two principal
  directions of the training trajectory, from the checkpoints the trainer keeps, with the
  trajectory projected onto it (Li et al. 2018, section 7).

Parameter vectors are flat float64 arrays in the order of ``trainer.network.params``
(the order of ``trainer.flat_parameters()``).

Nothing here touches the trainer: losses are computed on a private copy of the network
(same spec, buffers such as BatchNorm's running statistics copied) whose parameters are
views into one flat buffer, in evaluation mode (``train=False``: running statistics, no
activation noise), on a seeded subset of the *training* set. The loss is the data loss
without the L1/L2 penalty, the same number as ``trainer.network.evaluate`` gives on that
subset. The trainer's parameters are read once, at the start; pause training (or pass a
quiet trainer) while a slice is computed in another thread.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from gradsim.engine.errors import ConfigError
from gradsim.engine.losses import loss_and_grad
from gradsim.engine.network import PRECISIONS, Network
from gradsim.engine.optimizers import check_int, check_number

SLICE_PRECISIONS = ("float32", "float64")
MAX_RESOLUTION = 501
_NORM_EPS = 1e-10  # Li et al.: d <- d * ||theta|| / (||d|| + 1e-10)

Progress = Callable[[int, int], Any]
Cancel = Callable[[], bool]


@dataclass(frozen=True, eq=False)
class SliceResult:
    """A 2-D slice: ``losses[i, j]`` is the loss at theta + alphas[j] d1 + betas[i] d2.

    Rows follow the contour convention of the surfaces (row i = betas[i], the vertical
    axis). Points not computed because the slice was cancelled are NaN.
    """

    alphas: np.ndarray  # (resolution,)
    betas: np.ndarray  # (resolution,)
    losses: np.ndarray  # (resolution, resolution)
    center_loss: float  # the loss at theta itself
    cancelled: bool
    n_samples: int  # size of the data subset the losses were computed on
    precision: str


@dataclass(frozen=True, eq=False)
class PcaResult:
    """The first two principal directions of the trajectory and its projection on them.

    ``d1``, ``d2``: orthonormal flat parameter vectors. ``explained``: the fraction of
    sum ||theta_i - theta_final||^2 that each direction captures (uncentred, see
    :func:`pca_directions`). ``projected_path[i]``: (<theta_i - theta_final, d1>,
    <theta_i - theta_final, d2>) for the checkpoint taken at ``steps[i]``; the last row
    is the current parameters, exactly (0, 0).
    """

    d1: np.ndarray
    d2: np.ndarray
    explained: np.ndarray  # (2,)
    projected_path: np.ndarray  # (n_points, 2)
    steps: np.ndarray  # (n_points,) training step of each point


# --------------------------------------------------------------------------------------
# Evaluation on a private copy of the network
# --------------------------------------------------------------------------------------


def data_subset(trainer: Any, n_samples: int | None = None, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The training samples the slices use: all of them when ``n_samples`` is None or at
    least the training-set size, otherwise ``n_samples`` drawn without replacement by
    ``np.random.default_rng(seed)`` (kept in dataset order)."""
    x, y = trainer.dataset.x_train, trainer.dataset.y_train
    if n_samples is None:
        return x, y
    n_samples = check_int("slice.n_samples", n_samples, low=1)
    if n_samples >= len(x):
        return x, y
    index = np.sort(
        np.random.default_rng(check_int("slice.seed", seed)).choice(len(x), n_samples, replace=False)
    )
    return x[index], y[index]


def _precision(trainer: Any, precision: str | None) -> str:
    if precision is None:
        return trainer.network.spec.precision
    if precision not in SLICE_PRECISIONS:
        raise ConfigError(
            "slice.precision",
            "unknown_precision",
            "choose one of {allowed}, got {value!r}",
            allowed=", ".join(SLICE_PRECISIONS),
            value=precision,
        )
    return precision


class _Evaluator:
    """Loss of arbitrary flat parameter vectors, on a copy of the trainer's network."""

    def __init__(self, trainer: Any, n_samples: int | None, seed: int, precision: str | None) -> None:
        source = trainer.network
        self.precision = _precision(trainer, precision)
        # Zero initializers: the copy's parameters are overwritten anyway, and an
        # orthogonal init of wide layers would cost seconds.
        zeros = {"kind": "zeros"}
        layers = tuple(dataclasses.replace(lay, init=zeros, bias_init=zeros) for lay in source.spec.layers)
        spec = dataclasses.replace(source.spec, layers=layers, output_init=zeros, precision=self.precision)
        self.net = Network(spec, np.random.default_rng(0))
        self.dtype = PRECISIONS[self.precision]
        self.theta = trainer.flat_parameters().astype(np.float64)
        self.flat = np.empty(self.theta.size, dtype=self.dtype)
        offset = 0
        for name, param in source.params.items():
            self.net.params[name] = self.flat[offset : offset + param.size].reshape(param.shape)
            offset += param.size
        self.net.buffers = {name: buf.astype(self.dtype) for name, buf in source.buffers.items()}
        x, self.y = data_subset(trainer, n_samples, seed)
        self.x = x.astype(self.net.compute_dtype)
        self.kind = spec.loss

    @property
    def n_samples(self) -> int:
        return len(self.x)

    def loss_of_flat(self) -> float:
        """The loss with the parameters currently in ``self.flat``."""
        with np.errstate(all="ignore"):
            logits = self.net.forward(self.x, train=False, keep_cache=False)
            return loss_and_grad(self.kind, logits, self.y)[0]

    def loss(self, theta: np.ndarray) -> float:
        np.copyto(self.flat, theta, casting="unsafe")
        return self.loss_of_flat()

    def check_direction(self, field: str, d: Any) -> np.ndarray:
        d = np.asarray(d)
        if d.shape != self.theta.shape or d.dtype.kind not in "fiu":
            raise ConfigError(
                field,
                "bad_direction",
                "must be a flat vector of {size} numbers, got shape {shape}",
                size=self.theta.size,
                shape=d.shape,
            )
        if not np.all(np.isfinite(d)):
            raise ConfigError(field, "not_finite", "contains NaN or infinite entries")
        return d.astype(np.float64)


# --------------------------------------------------------------------------------------
# 1-D interpolation
# --------------------------------------------------------------------------------------


def interpolate_1d(
    trainer: Any,
    theta_a: np.ndarray,
    theta_b: np.ndarray,
    alphas: Sequence[float] | np.ndarray | None = None,
    n_samples: int | None = None,
    seed: int = 0,
    precision: str | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Loss at (1 - a) theta_a + a theta_b for each a (default: 41 points on [-0.5, 1.5],
    as Goodfellow et al. 2015 and Li et al. 2018 plot it). Returns (alphas, losses)."""
    evaluator = _Evaluator(trainer, n_samples, seed, precision)
    theta_a = evaluator.check_direction("slice.theta_a", theta_a)
    theta_b = evaluator.check_direction("slice.theta_b", theta_b)
    alphas = np.linspace(-0.5, 1.5, 41) if alphas is None else np.asarray(alphas, dtype=np.float64)
    if alphas.ndim != 1 or not np.all(np.isfinite(alphas)):
        raise ConfigError("slice.alphas", "bad_alphas", "must be a 1-D list of finite numbers")
    delta = theta_b - theta_a
    losses = np.array([evaluator.loss(theta_a + a * delta) for a in alphas])
    return alphas, losses


# --------------------------------------------------------------------------------------
# Filter-normalized random directions
# --------------------------------------------------------------------------------------


def filter_normalized_directions(trainer: Any, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two random directions, filter-normalized as in Li et al. 2018 (section 4).

    Each direction starts as i.i.d. N(0, 1) entries (``np.random.default_rng(seed)``,
    d1 drawn before d2). Then, in every weight matrix, each neuron's incoming weights
    are rescaled to the norm of the same neuron's weights in theta::

        d_j <- d_j * ||theta_j|| / (||d_j|| + 1e-10)

    Our matrices have shape (fan_in, fan_out) and a layer computes z = a @ W, so the
    incoming weights of neuron j are the COLUMN W[:, j] (the row of torch's (out, in)
    weight; Li et al.'s "filter" for a fully connected layer). This applies to every
    hidden layer's W (one column per maxout piece), to the output layer and to residual
    projections P. Biases, the normalization parameters gamma and beta, and PReLU slopes
    are set to zero in both directions (Li et al.'s default, ``ignore='biasbn'``): the
    slice moves only the weights. Returns flat float64 vectors in parameter order.
    """
    rng = np.random.default_rng(check_int("slice.seed", seed))
    params = trainer.network.params
    size = sum(p.size for p in params.values())
    directions = []
    for _ in range(2):
        d = rng.standard_normal(size)
        offset = 0
        for param in params.values():
            part = d[offset : offset + param.size]
            offset += param.size
            if param.ndim != 2:
                part[:] = 0.0
                continue
            block = part.reshape(param.shape)
            theta_norms = np.linalg.norm(param.astype(np.float64), axis=0)
            block *= theta_norms / (np.linalg.norm(block, axis=0) + _NORM_EPS)
        directions.append(d)
    return directions[0], directions[1]


# --------------------------------------------------------------------------------------
# 2-D slices
# --------------------------------------------------------------------------------------


def _spans(span: Any) -> tuple[float, float]:
    if isinstance(span, Sequence) and not isinstance(span, str):
        if len(span) != 2:
            raise ConfigError(
                "slice.span", "not_a_pair", "must be a number or a pair, got {value!r}", value=span
            )
        return (
            check_number("slice.span[0]", span[0], low=0.0, low_open=True),
            check_number("slice.span[1]", span[1], low=0.0, low_open=True),
        )
    value = check_number("slice.span", span, low=0.0, low_open=True)
    return value, value


def slice_2d(
    trainer: Any,
    d1: np.ndarray,
    d2: np.ndarray,
    resolution: int = 31,
    span: float | tuple[float, float] = 1.0,
    n_samples: int | None = 1000,
    precision: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    seed: int = 0,
    chunk_rows: int = 1,
) -> SliceResult:
    """The loss on the grid theta + a d1 + b d2, a and b in linspace(-span, span, resolution).

    ``span`` may be a pair (span along d1, span along d2). The grid is computed in chunks of
    ``chunk_rows`` rows (one b each); before each chunk ``cancel()`` is asked (True: stop,
    return what is done with ``cancelled=True``, the rest NaN), after each chunk
    ``progress(done, total)`` is called with the number of grid points done so far.
    ``n_samples``: size of the seeded training subset (:func:`data_subset`; None: all).
    ``precision``: "float32" (about twice as fast) or "float64"; None uses the network's
    own precision, so that ``center_loss`` equals ``trainer.network.evaluate`` on the
    same subset exactly.
    """
    resolution = check_int("slice.resolution", resolution, low=2)
    if resolution > MAX_RESOLUTION:
        raise ConfigError(
            "slice.resolution",
            "too_large",
            "at most {limit}, got {value}",
            limit=MAX_RESOLUTION,
            value=resolution,
        )
    span_a, span_b = _spans(span)
    chunk_rows = check_int("slice.chunk_rows", chunk_rows, low=1)
    evaluator = _Evaluator(trainer, n_samples, seed, precision)
    d1 = evaluator.check_direction("slice.d1", d1)
    d2 = evaluator.check_direction("slice.d2", d2)
    alphas = np.linspace(-span_a, span_a, resolution)
    betas = np.linspace(-span_b, span_b, resolution)
    losses = np.full((resolution, resolution), np.nan)
    center = evaluator.loss(evaluator.theta)

    # theta + a d1 + b d2 in the evaluation dtype: one row base per b, two ops per point.
    dtype = np.float32 if evaluator.dtype == np.float16 else evaluator.dtype
    theta, d1c, d2c = (v.astype(dtype) for v in (evaluator.theta, d1, d2))
    base = np.empty_like(theta)
    step = np.empty_like(theta)
    flat = evaluator.flat
    total = resolution * resolution
    cancelled = False
    for first in range(0, resolution, chunk_rows):
        if cancel is not None and cancel():
            cancelled = True
            break
        for i in range(first, min(first + chunk_rows, resolution)):
            np.multiply(d2c, float(betas[i]), out=base)
            base += theta
            row = losses[i]
            for j in range(resolution):
                np.multiply(d1c, float(alphas[j]), out=step)
                np.add(base, step, out=flat)
                row[j] = evaluator.loss_of_flat()
        if progress is not None:
            progress(min(first + chunk_rows, resolution) * resolution, total)
    losses.flags.writeable = False
    return SliceResult(alphas, betas, losses, center, cancelled, evaluator.n_samples, evaluator.precision)


# --------------------------------------------------------------------------------------
# PCA of the trajectory
# --------------------------------------------------------------------------------------


def pca_directions(trainer: Any) -> PcaResult:
    """Principal directions of the training trajectory, as in Li et al. 2018 (section 7).

    The points are the trainer's checkpoints (``trainer.checkpoints``, every k steps and
    thinned when full: not every step) plus the current parameters theta_final when the
    last checkpoint is older. With M the matrix whose rows are theta_i - theta_final, the
    directions are the first two right singular vectors of M.

    The PCA is NOT centred: it is the SVD of the uncentred difference matrix, so the plane
    passes through theta_final (the final point projects exactly to (0, 0)) and
    ``explained[k] = s_k^2 / sum(s^2)`` is the fraction of sum_i ||theta_i - theta_final||^2
    the direction captures. The squared distances of the points to the plane therefore sum
    to exactly (1 - explained.sum()) * ||M||_F^2. (The paper describes PCA of this matrix;
    PCA routines such as scikit-learn's would subtract the mean of the rows first, and
    then the plane would not in general pass through theta_final.)

    Signs are fixed so that the first point (the start of training) has coordinates >= 0.
    Needs at least one point that differs from theta_final (ConfigError otherwise).
    """
    final = trainer.flat_parameters().astype(np.float64)
    kept = [
        (step, c)
        for step, c in zip(trainer.checkpoint_steps, trainer.checkpoints, strict=True)
        if step <= trainer.step_count  # a rewound trainer's later checkpoints are not its path
    ]
    steps = [step for step, _ in kept]
    points = [np.asarray(c, dtype=np.float64) for _, c in kept]
    if not points or steps[-1] != trainer.step_count or not np.array_equal(points[-1], final):
        points.append(final)
        steps.append(trainer.step_count)
    matrix = np.stack(points) - final
    matrix[-1] = 0.0  # exactly, whatever the last checkpoint's rounding
    total = float(np.sum(matrix * matrix))
    if not math.isfinite(total) or total == 0.0:
        raise ConfigError(
            "slice.pca",
            "no_trajectory",
            "needs checkpoints that differ from the current parameters; "
            "train for a while first (the trainer keeps one every checkpoint_every steps)",
        )
    _, singular, vt = np.linalg.svd(matrix, full_matrices=False)
    directions = np.zeros((2, matrix.shape[1]))
    count = min(2, vt.shape[0])
    directions[:count] = vt[:count]
    if count < 2:  # one point only: any unit vector orthogonal to d1
        directions[1] = _orthogonal_unit(directions[0])
    projected = matrix @ directions.T
    for k in range(2):
        if projected[0, k] < 0:
            directions[k] = -directions[k]
            projected[:, k] = -projected[:, k]
    projected += 0.0  # no -0.0 at the final point
    squares = np.zeros(2)
    squares[:count] = singular[:count] ** 2
    explained = squares / float(np.sum(singular**2))
    return PcaResult(directions[0], directions[1], explained, projected, np.asarray(steps, dtype=np.int64))


def _orthogonal_unit(d: np.ndarray) -> np.ndarray:
    e = np.zeros_like(d)
    e[int(np.argmin(np.abs(d)))] = 1.0
    e -= (e @ d) * d
    return e / np.linalg.norm(e)


def pca_slice(
    trainer: Any, resolution: int = 31, margin: float = 0.25, **options: Any
) -> tuple[PcaResult, SliceResult]:
    """:func:`pca_directions`, then :func:`slice_2d` along them over a window that holds the
    projected trajectory with ``margin`` (a fraction of its extent) to spare on each side.
    ``options`` go to :func:`slice_2d` (n_samples, precision, progress, cancel, seed...)."""
    margin = check_number("slice.margin", margin, low=0.0)
    pca = pca_directions(trainer)
    extent = np.max(np.abs(pca.projected_path), axis=0)
    extent = np.where(extent > 0, extent, np.max(extent))
    span = tuple(float(e * (1.0 + margin)) for e in extent)
    return pca, slice_2d(trainer, pca.d1, pca.d2, resolution=resolution, span=span, **options)


__all__ = [
    "SLICE_PRECISIONS",
    "PcaResult",
    "SliceResult",
    "data_subset",
    "filter_normalized_directions",
    "interpolate_1d",
    "pca_directions",
    "pca_slice",
    "slice_2d",
]
