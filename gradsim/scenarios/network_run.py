"""Run one network scenario variant headless and measure what a lecture scenario can claim.

:func:`measure_network` trains a config with gradsim's own :class:`Trainer` for a number of
steps and returns named quantities (:data:`NETWORK_QUANTITIES`): the effect conditions of a
scenario file compare them with thresholds. They are read from the trainer the app runs,
so a scenario test checks what the lecturer will see:

* at step 1 (the initial weights, the training batch): the gradient ratio
  ||dL/dW_1|| / ||dL/dW_L|| over the hidden layers (the chain rule multiplies one factor
  W_l^T diag(f'(z_l)) per layer, so it decays geometrically, e.g. with sigma' <= 1/4), and
  the activation spread per layer (act_std, saturation) from the first statistics pass;
* at every step: the share of layer 1's weight gradient entries that are exactly 0
  (float16 underflow), and where the run first became non-finite;
* at the end: the loss and accuracy on the whole training set (evaluation mode), the
  diagnoses the app shows, dead units, unbroken symmetry, weight norms and sparsity. Dead
  units and the diagnoses read the trainer's last statistics pass (every
  ``training.diagnostics_every`` steps, 20 by default), as the app's banner does.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from gradsim.engine.diagnosis import ORDER
from gradsim.engine.diagnostics import LAYER_STAT_NAMES, identical_units
from gradsim.engine.trainer import StepRecord, Trainer

SMALL_WEIGHT = 1e-3  # |w| below this counts as zero for sparsity (L1 drives weights there)

#: Quantity -> what it measures (docs/scenarios.md lists the same).
NETWORK_QUANTITIES: dict[str, str] = {
    "train_loss": "loss on the whole training set after the run (evaluation mode)",
    "train_accuracy": "accuracy on the whole training set after the run",
    "grad_ratio_step1": "||dL/dW_1|| / ||dL/dW_L|| over the hidden layers at step 1",
    "hidden_grad_max_step1": "largest ||dL/dW_l|| of a hidden layer at step 1",
    "grad_ratio": "the same ratio, median over the last 20 steps (what the vanishing diagnosis reads)",
    "act_std_ratio_step1": "std of the last hidden layer's activations / the first's, at step 1",
    "act_std_last_step1": "std of the last hidden layer's activations at step 1",
    "act_std_factor_step1": "geometric mean of act_std[l+1] / act_std[l] from layer 2 on, at step 1 "
    "(layer 1 sees the raw inputs, whose dimension is unlike the hidden widths)",
    "act_std_spread_step1": "largest / smallest per-layer activation std at step 1",
    "saturation_max_step1": "largest share of saturated outputs in a layer at step 1",
    "dead_max": "largest share of dead units (no gradient on any training sample) in a layer, "
    "at the last statistics pass",
    "dead_last": "share of dead units in the last hidden layer, at the last statistics pass",
    "symmetric_fraction": "share of hidden layers whose units are all identical at the end",
    "diverged_at": "first step with a non-finite loss or gradient (inf if none)",
    "layer1_zero_min": "smallest share, over the steps, of layer 1's weight gradient entries exactly 0",
    "layer1_zero_max": "largest share, over the steps, of layer 1's weight gradient entries exactly 0",
    "weight_small_fraction": f"share of hidden weight entries with |w| < {SMALL_WEIGHT:g} at the end",
    "weight_norm": "Frobenius norm of all weight matrices at the end",
    "weight_norm_ratio": "weight_norm at the end / at the start",
    "parameters": "number of trainable parameters",
    **{
        f"diagnosed.{code}": f"1 if the app shows the {code!r} diagnosis at the end, else 0" for code in ORDER
    },
}
RATIO_WINDOW = 20


def measure_network(config: Mapping[str, Any], steps: int) -> dict[str, float]:
    """Train ``config`` for ``steps`` steps; every quantity of :data:`NETWORK_QUANTITIES`."""
    trainer = Trainer(config)
    recorder = NetworkRecorder(trainer)
    for record in trainer.steps(steps):
        recorder.after_step(record)
    return recorder.measure()


class NetworkRecorder:
    """The quantities of :data:`NETWORK_QUANTITIES` for a run its caller drives step by step.

    :func:`measure_network` trains straight; a lesson stage trains, pauses, edits live and
    rewinds (:mod:`gradsim.scenarios.lesson_run`): call :meth:`after_step` after every step,
    :meth:`forget_after` after a rewind (the replayed steps are the same steps again), and
    :meth:`measure` whenever the quantities are wanted.
    """

    def __init__(self, trainer: Trainer) -> None:
        self.trainer = trainer
        self.start_norm = _weight_norm(trainer)
        self.zero_shares: dict[int, float] = {}  # step -> share of layer 1's gradient exactly 0
        self.ratios: dict[int, float] = {}  # step -> ||g_1|| / ||g_L|| over the hidden layers
        self.first: dict[str, float] = {}

    def after_step(self, record: StepRecord) -> None:
        trainer = self.trainer
        self.zero_shares[record.step] = _zero_share(trainer.network.grads["layers.0.W"])
        norms = trainer.layer_grads.latest()
        self.ratios[record.step] = _hidden_ratio(norms)
        if record.step == 1:
            self.first = _first_step(trainer, self.ratios[1])
            self.first["hidden_grad_max_step1"] = float(np.max(norms[:-1], initial=0.0))

    def forget_after(self, step: int) -> None:
        """Drop what was recorded after ``step`` (the run went back there)."""
        for series in (self.zero_shares, self.ratios):
            for later in [s for s in series if s > step]:
                del series[later]
        if step < 1:
            self.first = {}

    def measure(self) -> dict[str, float]:
        result = {name: math.nan for name in NETWORK_QUANTITIES}
        result.update(self.first)
        result.update(_end_of_run(self.trainer, self.start_norm))
        finite = [r for r in list(self.ratios.values())[-RATIO_WINDOW:] if math.isfinite(r)]
        result["grad_ratio"] = float(np.median(finite)) if finite else math.nan
        if self.zero_shares:
            result["layer1_zero_min"] = min(self.zero_shares.values())
            result["layer1_zero_max"] = max(self.zero_shares.values())
        return result


def _hidden_ratio(layer_norms: np.ndarray) -> float:
    """||g_1|| / ||g_L|| over the hidden layers (the last column is the output layer)."""
    hidden = layer_norms[:-1]
    if len(hidden) < 2 or not hidden[-1] > 0 or not math.isfinite(hidden[-1]):
        return math.nan
    return float(hidden[0] / hidden[-1])


def _zero_share(grad: np.ndarray) -> float:
    return float(np.mean(grad == 0))


def _stat(trainer: Trainer, name: str) -> np.ndarray:
    if trainer.stats is None:
        return np.full(trainer.network.depth, math.nan)
    return trainer.stats[:, LAYER_STAT_NAMES.index(name)]


def _first_step(trainer: Trainer, ratio: float) -> dict[str, float]:
    """The statistics pass of step 1 ran on the initial weights' forward pass."""
    std = _stat(trainer, "act_std")
    saturation = _stat(trainer, "saturation")
    positive = std[np.isfinite(std) & (std > 0)]
    spread = float(positive.max() / positive.min()) if len(positive) == len(std) and len(std) else math.inf
    return {
        "grad_ratio_step1": ratio,
        "act_std_ratio_step1": float(std[-1] / std[0]) if std[0] > 0 else math.nan,
        "act_std_last_step1": float(std[-1]),
        "act_std_factor_step1": _per_layer_factor(std),
        "act_std_spread_step1": spread,
        "saturation_max_step1": _nanmax(saturation),
    }


def _per_layer_factor(std: np.ndarray) -> float:
    """(std_L / std_2)^(1/(L-2)): the factor one layer multiplies the spread by."""
    if len(std) < 3 or not std[1] > 0:
        return math.nan
    return float((std[-1] / std[1]) ** (1.0 / (len(std) - 2)))


def _end_of_run(trainer: Trainer, start_norm: float) -> dict[str, float]:
    evaluation = trainer.evaluate()
    dead = _stat(trainer, "dead_fraction")
    codes = {d.code for d in trainer.diagnoses()}
    depth = trainer.network.depth
    symmetric = sum(identical_units(trainer.network, i) for i in range(depth))
    hidden = [trainer.network.params[f"layers.{i}.W"] for i in range(depth)]
    entries = np.concatenate([w.reshape(-1) for w in hidden]) if hidden else np.zeros(0)
    divergence = trainer.divergence
    end_norm = _weight_norm(trainer)
    return {
        "train_loss": evaluation["train_loss"],
        "train_accuracy": evaluation["train_accuracy"],
        "dead_max": _nanmax(dead),
        "dead_last": float(dead[-1]) if depth else math.nan,
        "symmetric_fraction": symmetric / depth if depth else math.nan,
        "diverged_at": float(divergence["step"]) if divergence else math.inf,
        "weight_small_fraction": float(np.mean(np.abs(entries) < SMALL_WEIGHT)) if len(entries) else math.nan,
        "weight_norm": end_norm,
        "weight_norm_ratio": end_norm / start_norm if start_norm > 0 else math.nan,
        "parameters": float(trainer.network.n_parameters()),
        **{f"diagnosed.{code}": float(code in codes) for code in ORDER},
    }


def _weight_norm(trainer: Trainer) -> float:
    network = trainer.network
    squares = [np.sum(network.params[name].astype(np.float64) ** 2) for name in network.weight_names()]
    return float(np.sqrt(sum(squares)))


def _nanmax(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.max()) if len(finite) else math.nan
