"""Per-layer statistics of a network after a training step: what the app plots.

Two costs, two cadences (a full statistics pass every step costs +80% to +650% on
small nets, measured here):

* :func:`gradient_norms_per_layer` is cheap and runs every step;
* :func:`layer_statistics` and :func:`layer_histograms` run every
  ``training.diagnostics_every`` steps, from what the forward/backward pass already
  left in ``network.cache`` (nothing is recomputed).

Saturation: a bounded activation's output within 1% of its range from a bound
(|tanh| > 0.98, sigmoid < 0.01 or > 0.99). Dead unit: a unit whose activation
derivative is exactly 0 on every sample, so no gradient reaches its weights (see
:func:`dead_fraction`; a leaky unit with a negative input still passes gradient).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import numpy as np

from gradsim.engine.network import Network

SATURATION_MARGIN = 0.01  # fraction of the output range
# 121 bins over HISTOGRAM_RANGE: 0.066 wide, so a sigmoid's outputs in [0, 1] get 15 bins and a
# ReLU's in [0, 2] 30 (41 bins gave a sigmoid layer 5: a shape could not be seen); the log10
# gradient range (14 decades) gets 0.12 decade per bin. Latest sample only: depth x 121 x 3.
HISTOGRAM_BINS = 121
HISTOGRAM_RANGE = (-4.0, 4.0)

#: Names of the per-layer statistics, in the order of the columns of ``layer_statistics``.
LAYER_STAT_NAMES: tuple[str, ...] = (
    "grad_norm_w",
    "grad_norm_b",
    "grad_mean",
    "grad_std",
    "act_mean",
    "act_std",
    "pre_mean",
    "pre_std",
    "saturation",
    "dead_fraction",
    "weight_norm",
    "update_ratio",
    "backprop_norm",
)


def _sumsq(a: np.ndarray) -> float:
    flat = a.reshape(-1)
    if a.dtype == np.float16:
        flat = flat.astype(np.float32)
    return float(np.dot(flat, flat))


def gradient_norms_per_layer(network: Network) -> tuple[np.ndarray, float]:
    """(||dL/dW_i|| for every hidden layer and the output layer, global norm of all gradients).

    One pass over the gradients serves both the per-layer plot and clipping.
    """
    squares = {name: _sumsq(grad) for name, grad in network.grads.items()}
    names = [f"layers.{i}.W" for i in range(network.depth)] + ["out.W"]
    return np.sqrt(np.array([squares[n] for n in names])), float(np.sqrt(sum(squares.values())))


def squared_norms(arrays: list[np.ndarray]) -> float:
    return float(sum(_sumsq(a) for a in arrays))


def layer_statistics(
    network: Network,
    previous_weights: dict[str, np.ndarray] | None,
    dead_on: list[np.ndarray] | None = None,
) -> np.ndarray:
    """A (depth, len(LAYER_STAT_NAMES)) table of the statistics above, NaN where undefined.

    ``dead_on``: per layer, the pre-activations the dead fraction is measured on (the
    trainer passes the evaluation's, a larger sample); default: the training batch's."""
    table = np.full((network.depth, len(LAYER_STAT_NAMES)), np.nan)
    for i in range(network.depth):
        table[i] = _one_layer(network, i, previous_weights, dead_on[i] if dead_on else None)
    return table


def _one_layer(
    network: Network, i: int, previous: dict[str, np.ndarray] | None, dead_on: np.ndarray | None
) -> list[float]:
    cache = network.cache[i]
    # copy=False: a float64 array is read as it is (the statistics never write to it)
    gw = network.grads[f"layers.{i}.W"].astype(np.float64, copy=False)
    gb = network.grads[f"layers.{i}.b"]
    w = network.params[f"layers.{i}.W"].astype(np.float64, copy=False)
    grad_mean, grad_std = mean_std(gw)
    act_mean, act_std = mean_std(cache.activation)
    pre_mean, pre_std = mean_std(cache.pre_activation)
    weight_sumsq = _sumsq(w)
    weight_norm = math.sqrt(weight_sumsq)
    ratio = np.nan
    if previous is not None and f"layers.{i}.W" in previous:
        change = math.sqrt(_sumsq(w - previous[f"layers.{i}.W"].astype(np.float64, copy=False)))
        ratio = float(change / weight_norm) if weight_norm > 0 else np.nan
    backprop = cache.grad_output
    return [
        math.sqrt(_sumsq(gw)),
        math.sqrt(_sumsq(gb)),
        grad_mean,
        grad_std,
        act_mean,
        act_std,
        pre_mean,
        pre_std,
        saturation_fraction(network, i),
        dead_fraction(network, i, dead_on),
        weight_norm,
        ratio,
        math.sqrt(_sumsq(backprop)) if backprop is not None else np.nan,
    ]


def mean_std(a: np.ndarray | None) -> tuple[float, float]:
    """(mean, std) accumulated in float64, bit-identical to ``np.mean``/``np.std`` with
    ``dtype=np.float64`` (the same reductions in the same order) but one sum fewer and
    without their Python wrappers: the statistics pass runs them 3 times per layer."""
    if a is None:
        return np.nan, np.nan
    n = a.size
    mean = np.add.reduce(a, axis=None, dtype=np.float64) / n
    centred = np.subtract(a, mean, dtype=np.float64)
    np.multiply(centred, centred, out=centred)
    return float(mean), math.sqrt(np.add.reduce(centred, axis=None, dtype=np.float64) / n)


def saturation_fraction(network: Network, i: int) -> float:
    """Share of bounded-activation outputs within 1% of the range from a bound; NaN if unbounded."""
    act = network.activations[i]
    out = network.cache[i].activation
    if act.bounds is None or out is None:
        return np.nan
    low, high = act.bounds
    margin = SATURATION_MARGIN * (high - low)
    # a count over the size: the float64 mean of 0s and 1s is exact, so this is np.mean
    return int(np.count_nonzero((out <= low + margin) | (out >= high - margin))) / out.size


#: Activations whose derivative can be exactly 0 on a whole input range (the others never die).
CAN_DIE = frozenset({"relu", "leaky_relu", "prelu", "noisy_relu", "elu", "selu"})
#: A noisy ReLU unit is dead when its input stays this many noise stds below 0 on every
#: sample: the noise then lifts it above 0 with probability Phi(-6) ~ 1e-9 per sample.
NOISE_REACH = 6.0


def dead_fraction(network: Network, i: int, pre: np.ndarray | None = None) -> float:
    """Share of layer i's units whose activation derivative is 0 on every sample; NaN if it cannot be.

    Dead means no gradient at all: ReLU with input <= 0; leaky ReLU or PReLU only when
    their negative slope is 0 (otherwise f' = slope there); noisy ReLU max(0, x + eps),
    eps ~ N(0, sigma^2), when x + 6 sigma <= 0; ELU/SELU when alpha e^x underflows to 0 in
    the compute precision (x < -745 in float64, about -104 in float32, which float16 runs
    compute in; a gradient that underflows later, in float16 storage, is underflow, not a
    dead unit: the histograms' zero bin shows it). Bounded and smooth
    activations (sigmoid, tanh, softplus, ...) give NaN: they saturate rather than die.
    ``pre`` defaults to the training batch's pre-activations; the trainer passes the
    whole training set's (a unit silent on 32 samples may still fire on others).
    """
    dead = dead_units(network, i, pre)
    return int(np.count_nonzero(dead)) / dead.size if dead is not None else np.nan


def dead_units(network: Network, i: int, pre: np.ndarray | None = None) -> np.ndarray | None:
    """Which units of layer i are dead on ``pre`` (see :func:`dead_fraction`); None if they cannot die."""
    act = network.activations[i]
    pre = network.cache[i].pre_activation if pre is None else pre
    if act.name not in CAN_DIE or pre is None:
        return None
    if act.name == "relu":  # ReLU' = (h > 0): 0 exactly where h > 0 is false (NaN included)
        return ~np.logical_or.reduce(pre > 0, axis=0)
    if act.name == "prelu":
        slopes = network.params[f"layers.{i}.slope"]
        zero = (pre <= 0) & (slopes == 0)
    elif act.name == "noisy_relu":
        zero = pre + NOISE_REACH * float(act.params.get("sigma", 0.1)) <= 0
    else:
        zero = act.df(pre) == 0
    return np.logical_and.reduce(zero, axis=0)  # np.all without its wrapper


def exact_zero_gradients(network: Network) -> np.ndarray | None:
    """(depth + 1, 2): per weight matrix (hidden layers, then the output layer), how many entries
    of the last training batch's weight gradient are exactly 0, and of how many that could be
    nonzero; None in float64, where a gradient does not underflow.

    In float16 (and float32) a gradient entry smaller than the format's smallest number
    (6e-8 in float16) is stored as exactly 0: underflow. Zeros that are no underflow are left
    out of both counts, as they are 0 in any precision: the rows of an input that is 0 on
    every sample (a dead ReLU unit of the layer below), the columns of a unit that is dead on
    the batch (:func:`dead_units`), and the columns of a unit that no gradient can reach,
    because every unit it feeds is such a unit or is joined to it by a zero weight (the
    layers below a dead layer). That last rule ignores residual connections: it may leave
    out a real underflow there, never count a dead unit as one.
    """
    if network.dtype == np.float64:
        return None
    depth = network.depth
    counts = np.zeros((depth + 1, 2), dtype=np.int64)
    unreachable: np.ndarray | None = None  # per unit of the layer below: no gradient reaches it
    for index in range(depth, -1, -1):
        hidden = index < depth
        name = f"layers.{index}.W" if hidden else "out.W"
        if hidden:
            inputs = network.cache[index].internals.get("input")
        else:  # the output layer reads the last hidden layer's output
            inputs = network.cache[index - 1].output if index else None
        grad = network.grads[name]
        # columns whose gradient is 0 by construction: dead units, units no gradient reaches
        dead = dead_units(network, index) if hidden else None
        known = [m for m in (dead, unreachable) if m is not None and m.shape[0] == grad.shape[1]]
        if len(known) == 2:
            columns = known[0] | known[1]
        else:  # one of them (only read below), or none
            columns = known[0] if known else np.zeros(grad.shape[1], dtype=bool)
        usable_columns = ~columns
        if inputs is not None and inputs.shape[1] == grad.shape[0]:
            usable_rows = np.logical_or.reduce(inputs != 0, axis=0)
        else:
            usable_rows = np.ones(grad.shape[0], dtype=bool)
        zeros = grad == 0
        zeros &= usable_columns  # broadcasts over the rows
        counts[index] = (
            int(np.count_nonzero(zeros[usable_rows])),
            int(np.count_nonzero(usable_rows)) * int(np.count_nonzero(usable_columns)),
        )
        weights = network.params[name]
        unreachable = np.logical_and.reduce(columns[None, :] | (weights == 0), axis=1)
    return counts


def histogram(
    values: np.ndarray | None, bins: int = HISTOGRAM_BINS, value_range: tuple[float, float] = HISTOGRAM_RANGE
) -> np.ndarray:
    """Counts in fixed equal bins; values outside the range land in the end bins, NaN nowhere."""
    return histogram_rows([values], value_range, bins)[0]


#: float64 elements binned at once by :func:`histogram_rows`: small nets' layers share one
#: scratch (512 KiB, cache-sized); a larger array is binned alone, in a scratch of its size
HISTOGRAM_CHUNK = 1 << 16


def histogram_rows(
    arrays: Sequence[np.ndarray | None],
    value_range: tuple[float, float] = HISTOGRAM_RANGE,
    bins: int = HISTOGRAM_BINS,
    log10_abs: bool = False,
) -> np.ndarray:
    """(len(arrays), bins) float64 counts: the :func:`histogram` of each array (None: zeros).

    ``log10_abs`` bins log10 |value| instead, where a 0, NaN or infinite value counts at the
    range's low end. A bincount of computed bin indices, (v - low) * bins / (high - low)
    clipped to the end bins, for many arrays at once: an array costs two numpy calls (its
    copy into a float64 scratch, its bincount), the scaling ~5 calls per chunk of arrays,
    where a histogram per array cost ~10 calls (a 50-layer statistics pass bins 150 arrays).
    """
    sizes = [0 if a is None else a.size for a in arrays]
    counts = np.zeros((len(arrays), bins))
    start = 0
    while start < len(arrays):
        stop, total = start + 1, sizes[start]
        while stop < len(arrays) and total + sizes[stop] <= HISTOGRAM_CHUNK:
            total += sizes[stop]
            stop += 1
        _bin_chunk(arrays[start:stop], sizes[start:stop], total, value_range, counts[start:stop], log10_abs)
        start = stop
    return counts


def _bin_chunk(
    arrays: Sequence[np.ndarray | None],
    sizes: list[int],
    total: int,
    value_range: tuple[float, float],
    counts: np.ndarray,
    log10_abs: bool,
) -> None:
    """Write the counts of ``arrays`` into the rows of ``counts``."""
    low, high = value_range
    bins = counts.shape[1]
    scaled = np.empty(total)
    position = 0
    for array, size in zip(arrays, sizes, strict=True):
        if size:
            part = scaled[position : position + size]
            if log10_abs:
                np.abs(array.reshape(-1), out=part)
            else:
                np.subtract(array.reshape(-1), low, out=part, dtype=np.float64)
            position += size
    if log10_abs:
        with np.errstate(divide="ignore", invalid="ignore"):
            np.log10(scaled, out=scaled)
        scaled[~np.isfinite(scaled)] = low
        scaled -= low
    scaled *= bins / (high - low)
    with np.errstate(over="ignore", invalid="ignore"):
        # a finite sum means every value is finite: no mask unless one is not (NaN counts nowhere)
        finite = None if math.isfinite(np.add.reduce(scaled)) else np.isfinite(scaled)
        np.clip(scaled, 0, bins - 1, out=scaled)
        index = scaled.astype(np.intp)
    position = 0
    for row, size in enumerate(sizes):
        part = index[position : position + size]
        if finite is not None:
            part = part[finite[position : position + size]]
        counts[row] = np.bincount(part, minlength=bins)
        position += size


def layer_histograms(network: Network) -> dict[str, np.ndarray]:
    """(depth, bins) histograms of activations, pre-activations and log10 |weight gradients|.

    A ReLU layer's activation histogram is not binned: it follows from its pre-activation's
    (:func:`relu_histogram`), which halves the binning of a ReLU network (the largest part of
    the statistics pass of a 50-layer one)."""
    depth, caches = network.depth, network.cache[: network.depth]
    weight_grads = [network.grads[f"layers.{i}.W"] for i in range(depth)]
    derived = [
        network.activations[i].name == "relu" and caches[i].pre_activation is not None for i in range(depth)
    ]
    binned = [None if from_pre else cache.activation for cache, from_pre in zip(caches, derived, strict=True)]
    # activations and pre-activations share a range: one pass over both
    both = histogram_rows(binned + [cache.pre_activation for cache in caches])
    activation, pre_activation = both[:depth], both[depth:]
    for i in np.flatnonzero(derived):
        activation[i] = relu_histogram(pre_activation[i])
    return {
        "activation": activation,
        "pre_activation": pre_activation,
        "log10_grad": histogram_rows(weight_grads, GRAD_LOG_RANGE, log10_abs=True),
    }


def relu_histogram(pre_counts: np.ndarray, value_range: tuple[float, float] = HISTOGRAM_RANGE) -> np.ndarray:
    """The histogram of ReLU(h) = h * (h > 0) from the histogram of h, exactly.

    A positive h is itself, so its bin is kept; every other finite h becomes 0 (or -0.0), so
    every bin below 0's bin, and that bin, count in 0's bin; a NaN or infinite h counts
    nowhere in either (+inf stays inf, -inf * 0 and NaN are NaN)."""
    zero = _bin_of_zero(value_range, pre_counts.shape[0])
    counts = np.zeros_like(pre_counts)
    counts[zero] = pre_counts[: zero + 1].sum()
    counts[zero + 1 :] = pre_counts[zero + 1 :]
    return counts


@functools.lru_cache(maxsize=8)
def _bin_of_zero(value_range: tuple[float, float], bins: int) -> int:
    """The bin :func:`histogram_rows` puts 0.0 in (its own arithmetic, not a formula beside it)."""
    return int(np.flatnonzero(histogram_rows([np.zeros(1)], value_range, bins)[0])[0])


GRAD_LOG_RANGE = (-12.0, 2.0)


def identical_units(network: Network, i: int, tolerance: float = 1e-12) -> bool:
    """True when every unit of layer i has the same incoming weights and bias (symmetry unbroken)."""
    w = network.params[f"layers.{i}.W"].astype(np.float64)
    b = network.params[f"layers.{i}.b"].astype(np.float64)
    if w.shape[1] < 2:
        return False
    spread = np.max(np.abs(w - w[:, :1])) + np.max(np.abs(b - b[0]))
    scale = max(float(np.max(np.abs(w))), 1.0)
    return bool(spread <= tolerance * scale)
