"""Immutable pictures of a training run, safe to hand to another thread.

The worker builds a :class:`Snapshot` at the display rate and the GUI draws the
latest one. Every array inside is a *copy* with ``writeable = False``, so the GUI can
never see an array the trainer is still mutating, and never mutate one by mistake.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from gradsim.engine.diagnosis import Diagnosis


def frozen(array: np.ndarray | None) -> np.ndarray | None:
    """A read-only copy (or None)."""
    if array is None:
        return None
    copy = np.array(array, copy=True)
    copy.flags.writeable = False
    return copy


def frozen_dict(arrays: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {name: frozen(value) for name, value in arrays.items()}


@dataclass(frozen=True)
class Snapshot:
    """Everything the panels draw, at one step."""

    step: int
    epoch: int
    loss: float
    learning_rate: float
    depth: int
    layer_widths: tuple[int, ...]
    activations: tuple[str, ...]
    scalar_names: tuple[str, ...]
    scalars: dict[str, np.ndarray]  # "scalars.steps", "scalars.last", "scalars.low", "scalars.high", ...
    layer_grads: dict[str, np.ndarray]  # per-layer gradient-norm history (depth + 1 columns)
    evaluation_names: tuple[str, ...]
    evaluation: dict[str, np.ndarray]  # test loss / accuracies at the diagnostics cadence
    stat_names: tuple[str, ...]
    stats: np.ndarray | None  # (depth, len(stat_names)) latest per-layer statistics
    stats_history: dict[str, np.ndarray]  # flattened (depth * n_stats) per cadence step; no bands
    histograms: dict[str, np.ndarray]  # (depth, bins) each
    histogram_ranges: dict[str, tuple[float, float]]
    diagnoses: tuple[Diagnosis, ...]
    divergence: dict[str, Any] | None
    weights: dict[str, np.ndarray] = field(default_factory=dict)  # name -> W (only for small nets)
    grads: dict[str, np.ndarray] = field(default_factory=dict)
    decision: dict[str, np.ndarray] = field(default_factory=dict)  # "xs", "ys", "values" for 2D inputs
    data: dict[str, np.ndarray] = field(default_factory=dict)  # data points to draw over it
    task: str = "binary"
    train_samples: int = 0  # rows of the training set (0: not known)

    def latest_evaluation(self, name: str) -> float:
        """The last cadence value of an evaluation series (NaN before the first)."""
        last = self.evaluation.get("evaluation.last")
        if last is None or len(last) == 0:
            return float("nan")
        return float(last[-1, self.evaluation_names.index(name)])

    def stat(self, name: str) -> np.ndarray:
        """One per-layer statistic of the latest cadence step (NaN array before the first)."""
        if self.stats is None:
            return np.full(self.depth, np.nan)
        return self.stats[:, self.stat_names.index(name)]
