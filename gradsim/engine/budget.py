"""The memory a config needs, estimated before anything is allocated, and the budget it must fit.

Why: a config inside every per-field limit can still ask for more memory than the
machine has (200 layers of width 4096 are 27 GB of float64 weights before their
gradients, optimizer state and checkpoints); numpy then fails minutes later with a
MemoryError, or the operating system kills the process. :func:`check_memory` refuses
such a config at validation with a one-line :class:`ConfigError` that gives the
estimate, so the builder shows it before Train.

The estimate mirrors what the engine allocates (each term is tested against the real
arrays): parameters, their gradients and BatchNorm buffers; the optimizer's state and
its scratch arrays; the cached activations of one training batch and the largest
transient pass (backward, evaluation, decision map); the statistics pass; histories and
the parameter checkpoints at their cap; the dataset. Not counted: the app's timeline of
rewind checkpoints and the copy a session save makes.

The budget: :data:`DEFAULT_SHARE` of the memory available to this process (see
:mod:`gradsim.engine.available_memory`), or the environment variable
:data:`BUDGET_VARIABLE`: a size (``4GB``, ``512MB``, ``2GiB``, bytes), a share of the
available memory (``75%``), or ``none`` for no check.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from gradsim.engine.activations import make_activation
from gradsim.engine.available_memory import available_bytes
from gradsim.engine.datasets import DataShape
from gradsim.engine.errors import ConfigError
from gradsim.engine.history import DEFAULT_CAPACITY, STAGING
from gradsim.engine.optimizers import build_optimizer

BUDGET_VARIABLE = "GRADSIM_MEMORY_BUDGET"
DEFAULT_SHARE = 0.5

# Caps the trainer honours (it imports them from here, so the estimate follows them).
MAX_CHECKPOINTS = 128
MIN_CHECKPOINTS = 8
CHECKPOINT_BYTES = 64 * 2**20
EVALUATION_SAMPLES = 512  # train/test losses at the cadence use the first N of each (fixed) set
EVALUATION_CAPACITY = 1024
STATS_CAPACITY = 512
N_LAYER_STATS = 12  # len(diagnostics.LAYER_STAT_NAMES)
DECISION_POINTS = 60 * 60  # the decision map's default grid
SCALAR_WIDTH = 4  # trainer.SCALAR_NAMES
EVALUATION_WIDTH = 4  # trainer.EVALUATION_NAMES

_UNITS = {
    "": 1,
    "b": 1,
    "k": 10**3,
    "kb": 10**3,
    "m": 10**6,
    "mb": 10**6,
    "g": 10**9,
    "gb": 10**9,
    "t": 10**12,
    "tb": 10**12,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
    "tib": 2**40,
}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*)\s*$")


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes by what holds them; ``total`` is what the budget is compared with."""

    weights: int  # parameters and BatchNorm buffers
    gradients: int
    optimizer: int  # optimizer state and its per-parameter scratch arrays
    activations: int  # one training batch's cache + the largest transient pass
    statistics: int  # the diagnostics pass (a copy of the hidden weights) and the histories
    checkpoints: int  # flattened parameter checkpoints at their cap
    data: int  # the dataset and one batch of it
    parameter_count: int

    @property
    def total(self) -> int:
        parts = (self.weights, self.gradients, self.optimizer, self.activations, self.statistics)
        return sum(parts) + self.checkpoints + self.data

    def parts(self) -> str:
        """``weights 26.8 GB, gradients 26.8 GB, ...`` (parts under 1% of the total left out)."""
        named = {
            "weights": self.weights,
            "gradients": self.gradients,
            "optimizer": self.optimizer,
            "activations": self.activations,
            "statistics": self.statistics,
            "checkpoints": self.checkpoints,
            "data": self.data,
        }
        return ", ".join(f"{k} {format_bytes(v)}" for k, v in named.items() if v >= self.total / 100)


def format_bytes(size: float) -> str:
    """Decimal units with 3 significant digits: ``26.8 GB``, ``512 MB``, ``900 B``."""
    for unit, scale in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            value = size / scale
            return f"{value:.3g} {unit}" if value < 1000 else f"{value:.0f} {unit}"
    return f"{int(size)} B"


class OutOfMemoryError(MemoryError):
    """A MemoryError that still happened (the estimate is not exact, other programs take
    memory too), as one readable line with the config's estimate."""

    def __init__(self, when: str, estimate: MemoryEstimate | None = None) -> None:
        self.when, self.estimate = when, estimate
        text = f"out of memory {when}"
        if estimate is not None:
            text += (
                f": this config needs about {format_bytes(estimate.total)} by gradsim's estimate "
                f"({estimate.parts()}); free memory, or use fewer or narrower layers, smaller "
                "batches or a lower precision"
            )
        super().__init__(text)


# =========================================================================== the estimate
def estimate_memory(config: Mapping[str, Any], shape: DataShape) -> MemoryEstimate:
    """The bytes a validated ``config`` needs on data of ``shape`` (see the module docstring)."""
    training = config["training"]
    item = np.dtype(training["precision"]).itemsize
    compute = 4 if item == 2 else item
    layers = _layer_sizes(config, shape.input_dim)
    params = sum(layer["params"] for layer in layers) + (
        (layers[-1]["width"] if layers else shape.input_dim) + 1
    ) * shape.output_dim
    buffers = sum(2 * layer["wide"] for layer in layers if layer["norm"] == "batch")
    weights, gradients = (params + buffers) * item, params * item

    slot_arrays = 2 + _optimizer_state_count(config["optimizer"]) + (1 if item == 2 else 0)
    optimizer = params * compute * slot_arrays

    batch = _batch_rows(training["batch_size"], shape.n_train)
    activations = _activation_bytes(layers, shape, batch, compute)

    depth = len(layers)
    hidden_weights = sum(layer["weight"] for layer in layers)
    biggest_weight = max((layer["weight"] for layer in layers), default=0)
    histories = (
        _history_bytes(SCALAR_WIDTH, DEFAULT_CAPACITY)
        + _history_bytes(depth + 1, DEFAULT_CAPACITY)
        + _history_bytes(EVALUATION_WIDTH, EVALUATION_CAPACITY)
        + _history_bytes(max(depth, 1) * N_LAYER_STATS, STATS_CAPACITY)
    )
    statistics = hidden_weights * item + 3 * biggest_weight * 8 + histories

    flat = params * item
    kept = max(MIN_CHECKPOINTS, min(MAX_CHECKPOINTS, CHECKPOINT_BYTES // max(flat, 1)))
    checkpoints = (kept + 1) * flat  # + the one being built

    rows = shape.n_train + shape.n_test
    y_width = shape.output_dim if shape.output_dim > 1 else 1
    data = (rows + batch) * (shape.input_dim + y_width) * 8 + shape.n_train * 8  # + the batch order
    return MemoryEstimate(weights, gradients, optimizer, activations, statistics, checkpoints, data, params)


def _layer_sizes(config: Mapping[str, Any], input_dim: int) -> list[dict[str, Any]]:
    """Per hidden layer: width, pre-activation width (maxout's k pieces), parameter counts."""
    net = config["network"]
    widths = [layer["width"] for layer in net["layers"]]
    every = net["residual_every"]
    result = []
    fan_in = input_dim
    for i, layer in enumerate(net["layers"]):
        act = make_activation(layer["activation"], layer["activation_params"], "activation")
        wide = layer["width"] * act.pieces
        weight = fan_in * wide
        count = weight + wide + (2 * wide if layer["norm"] != "none" else 0)
        count += sum(math.prod(s) for s in act.n_learned(layer["width"]).values())
        if every > 0 and i % every == every - 1:
            source = i - every
            source_width = input_dim if source < 0 else widths[source]
            if source_width != layer["width"]:
                count += source_width * layer["width"]
        result.append(
            {"width": layer["width"], "wide": wide, "norm": layer["norm"], "weight": weight, "params": count}
        )
        fan_in = layer["width"]
    return result


def _optimizer_state_count(spec: Mapping[str, Any]) -> int:
    """State arrays per parameter (momentum: 1, Adam: 2, AMSGrad: 3, ...)."""
    state = build_optimizer(spec, [np.zeros(1)]).state_arrays()
    return sum(1 for name in state if name.endswith(".0"))


def _batch_rows(batch_size: int, n_train: int) -> int:
    """Rows of the largest training batch (a merged lone sample adds one)."""
    if batch_size <= 0 or batch_size >= n_train:
        return n_train
    return batch_size + 1


def _activation_bytes(layers: list[dict[str, Any]], shape: DataShape, batch: int, compute: int) -> int:
    """The training pass keeps per layer its input, pre-activations, normalized values, the
    activation's own cache, output and output gradient; the largest transient pass on top."""
    per_row = shape.input_dim + 3 * shape.output_dim
    for layer in layers:
        normalized = 2 * layer["wide"] if layer["norm"] != "none" else 0
        per_row += 3 * layer["wide"] + 3 * layer["width"] + normalized
    widest = max([layer["wide"] for layer in layers] + [shape.input_dim, shape.output_dim])
    evaluation_rows = min(EVALUATION_SAMPLES, max(shape.n_train, shape.n_test))
    collected = evaluation_rows * sum(layer["wide"] for layer in layers)
    map_rows = DECISION_POINTS if shape.input_dim <= 2 else 0
    transient = 4 * widest * max(batch, evaluation_rows, map_rows) + collected
    return (batch * per_row + transient) * compute


def _history_bytes(width: int, capacity: int) -> int:
    """SeriesHistory's fixed allocation (see gradsim.engine.history)."""
    return capacity * (3 * width * 8 + 9) + STAGING * (width + 1) * 8


# =========================================================================== the budget
def memory_budget() -> tuple[int | None, str]:
    """(bytes, where the figure comes from); bytes is None when nothing is checked."""
    raw = os.environ.get(BUDGET_VARIABLE, "").strip()
    share = DEFAULT_SHARE
    if raw:
        text = raw.lower()
        if text in ("none", "off", "unlimited"):
            return None, f"{BUDGET_VARIABLE}={raw}"
        if text.endswith("%"):
            share = _share(raw, text[:-1])
        else:
            return _size(raw, text), f"{BUDGET_VARIABLE}={raw}"
    available = available_bytes()
    if available is None:
        return None, "the available memory is unknown"
    source = f"{share:.0%} of the {format_bytes(available)} available"
    if not raw:
        source += f"; set {BUDGET_VARIABLE} to change it"
    return int(share * available), source


def _share(raw: str, number: str) -> float:
    try:
        value = float(number) / 100
    except ValueError:
        value = math.nan
    if not 0 < value <= 1:
        raise _bad_budget(raw)
    return value


def _size(raw: str, text: str) -> int:
    match = _SIZE.match(text)
    if match is None or match.group(2) not in _UNITS:
        raise _bad_budget(raw)
    return int(float(match.group(1)) * _UNITS[match.group(2)])


def _bad_budget(raw: str) -> ConfigError:
    return ConfigError(
        BUDGET_VARIABLE,
        "bad_memory_budget",
        "must be a size like 4GB or 512MB, a share like 50%, or none; got {value!r}",
        value=raw,
    )


def check_memory(config: Mapping[str, Any], shape: DataShape) -> MemoryEstimate:
    """The estimate; a ConfigError naming the biggest part when it is over the budget."""
    estimate = estimate_memory(config, shape)
    budget, source = memory_budget()
    if budget is not None and estimate.total > budget:
        field = "training.batch_size" if estimate.activations > estimate.total / 2 else "network"
        raise ConfigError(
            field,
            "over_memory_budget",
            "needs about {needed} of memory ({parts}), more than the budget of {budget} ({source})",
            needed=format_bytes(estimate.total),
            parts=estimate.parts(),
            budget=format_bytes(budget),
            source=source,
            bytes=estimate.total,
            budget_bytes=budget,
        )
    return estimate
