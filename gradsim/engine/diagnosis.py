"""Name what is going wrong, with its evidence, as codes the app can translate.

A diagnosis is ``Diagnosis(code, params)``, e.g.
``Diagnosis("vanishing", {"layer": 1, "ratio": 3e-7, "ref_layer": 10})``.
:func:`format_diagnosis` words it in English for the CLI; the app formats the same
code and parameters in the user's language. Every threshold lives in
:data:`THRESHOLDS`, and each kind has a configuration that triggers it in
tests/engine/test_diagnosis.py (while ``relu-he`` triggers none).
Layers are numbered from 1, as users count them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

THRESHOLDS: dict[str, float] = {
    "vanishing_ratio": 1e-2,  # median ||g_1|| / ||g_L|| below this: vanishing
    "exploding_ratio": 1e3,  # ||g_1|| / ||g_L|| above this: exploding through depth
    "exploding_growth": 1e3,  # total gradient norm grew this much ...
    "exploding_window": 20,  # ... within this many steps
    "dead_fraction": 0.5,  # share of a ReLU layer's units dead on the batch
    "saturation": 0.6,  # share of a bounded layer's outputs near a bound
    "min_depth_for_ratio": 3,
}

#: Severity order for the banner: the first present wins.
ORDER = ("diverged", "exploding", "vanishing", "dead_relu", "saturated", "symmetric")

TEMPLATES: dict[str, str] = {
    "diverged": "diverged: {what} became {value} at step {step}",
    "exploding": "exploding: {evidence}",
    "exploding_growth": "exploding: gradient norm grew {growth:.1e}x in {steps} steps",
    "exploding_depth": "exploding: layer {layer} gradient is {ratio:.1e}x layer {ref_layer}'s",
    "vanishing": "vanishing: layer {layer} gradient is {ratio:.1e} of layer {ref_layer}'s",
    "dead_relu": "dead ReLU: {percent:.0f}% of layer {layer} units inactive",
    "saturated": "saturated: {percent:.0f}% of layer {layer} {activation} units saturated",
    "symmetric": "symmetric: all units of layer {layer} identical (constant init)",
}

REMEDIES: dict[str, tuple[str, ...]] = {
    "diverged": ("lower the learning rate", "clip gradients by norm", "use normalization"),
    "exploding": (
        "clip gradients by norm",
        "lower the learning rate",
        "use Xavier/He init",
        "add BatchNorm or residual connections",
        "add L2 regularization",
    ),
    "vanishing": (
        "use ReLU-family activations",
        "use Xavier (tanh) or He (ReLU) init",
        "add BatchNorm/LayerNorm",
        "add residual connections",
        "use fewer layers",
    ),
    "dead_relu": ("use leaky ReLU, PReLU or ELU", "lower the learning rate", "use He init"),
    "saturated": ("use Xavier init with gain 5/3", "use ReLU-family activations", "add normalization"),
    "symmetric": ("use random init (Xavier/He) to break symmetry",),
}


@dataclass(frozen=True)
class Diagnosis:
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DiagnosisInput:
    """The evidence, gathered by the trainer from its histories and the latest statistics."""

    layer_grad_norms: np.ndarray  # (recent steps, hidden layers + output layer), oldest first
    recent_total_norms: np.ndarray  # total gradient norm over the last steps, oldest first
    stats: np.ndarray | None  # layer_statistics table, or None before the first cadence step
    stat_names: tuple[str, ...]
    activations: tuple[str, ...]
    divergence: dict[str, Any] | None  # {"what": "loss", "value": "NaN", "step": 132, ...}
    symmetric_layers: tuple[int, ...] = ()  # 0-based


def diagnose(evidence: DiagnosisInput) -> list[Diagnosis]:
    """All problems found, most severe first (see :data:`ORDER`)."""
    found: list[Diagnosis] = []
    if evidence.divergence:
        found.append(Diagnosis("diverged", dict(evidence.divergence)))
    found += _gradient_flow(evidence)
    found += _unit_health(evidence)
    found += [Diagnosis("symmetric", {"layer": i + 1}) for i in evidence.symmetric_layers]
    return sorted(found, key=lambda d: ORDER.index(d.code))


def _gradient_flow(evidence: DiagnosisInput) -> list[Diagnosis]:
    found = []
    norms = np.atleast_2d(evidence.layer_grad_norms)[:, :-1]  # hidden layers only
    depth = norms.shape[1]
    usable = norms[np.all(np.isfinite(norms), axis=1) & (norms[:, -1] > 0)] if depth else norms
    if depth >= THRESHOLDS["min_depth_for_ratio"] and len(usable):
        # The median over recent steps: one mini-batch's ratio fluctuates by 10x.
        ratio = float(np.median(usable[:, 0] / usable[:, -1]))
        if ratio < THRESHOLDS["vanishing_ratio"]:
            found.append(Diagnosis("vanishing", {"layer": 1, "ratio": ratio, "ref_layer": depth}))
        elif ratio > THRESHOLDS["exploding_ratio"]:
            found.append(
                Diagnosis("exploding", {"kind": "depth", "layer": 1, "ratio": ratio, "ref_layer": depth})
            )
    recent = evidence.recent_total_norms[np.isfinite(evidence.recent_total_norms)]
    if len(recent) >= 2 and recent[0] > 0:
        growth = float(recent[-1] / recent[0])
        if growth > THRESHOLDS["exploding_growth"]:
            found.append(
                Diagnosis(
                    "exploding",
                    {"kind": "growth", "growth": growth, "steps": int(THRESHOLDS["exploding_window"])},
                )
            )
    return found


def _unit_health(evidence: DiagnosisInput) -> list[Diagnosis]:
    if evidence.stats is None:
        return []
    found = []
    dead = evidence.stats[:, evidence.stat_names.index("dead_fraction")]
    saturated = evidence.stats[:, evidence.stat_names.index("saturation")]
    worst_dead = _worst(dead, THRESHOLDS["dead_fraction"])
    if worst_dead is not None:
        found.append(Diagnosis("dead_relu", {"layer": worst_dead + 1, "percent": 100 * dead[worst_dead]}))
    worst_sat = _worst(saturated, THRESHOLDS["saturation"])
    if worst_sat is not None:
        found.append(
            Diagnosis(
                "saturated",
                {
                    "layer": worst_sat + 1,
                    "percent": 100 * saturated[worst_sat],
                    "activation": evidence.activations[worst_sat],
                },
            )
        )
    return found


def _worst(values: np.ndarray, threshold: float) -> int | None:
    finite = np.where(np.isfinite(values), values, -1.0)
    index = int(np.argmax(finite))
    return index if finite[index] > threshold else None


def format_diagnosis(diagnosis: Diagnosis) -> str:
    """English wording for the CLI (the app translates by code)."""
    code, params = diagnosis.code, diagnosis.params
    if code == "exploding":
        code = "exploding_growth" if params.get("kind") == "growth" else "exploding_depth"
    try:
        return TEMPLATES[code].format(**params)
    except (KeyError, ValueError):
        return f"{diagnosis.code}: {params}"


def first_nonfinite(
    loss: float,
    layer_norms: np.ndarray,
    step: int,
    running: Mapping[str, np.ndarray] | None = None,
) -> dict[str, Any] | None:
    """Where divergence shows first: the loss, the first layer with a bad gradient, or the
    first BatchNorm layer whose running statistics would become NaN/Inf (``running``, named
    ``layers.{i}.running_mean``/``running_var``): a finite loss can come with them (a huge
    pre-activation's variance overflows, its normalized value is then 0)."""
    if not math.isfinite(loss):
        return {"what": "loss", "value": _name(loss), "step": step}
    bad = np.flatnonzero(~np.isfinite(layer_norms))
    if len(bad):
        layer = int(bad[0]) + 1
        where = "output layer gradient" if layer == len(layer_norms) else f"layer {layer} gradient"
        return {"what": where, "value": _name(float(layer_norms[bad[0]])), "step": step, "layer": layer}
    if not running or np.isfinite(np.concatenate(list(running.values()))).all():  # one pass
        return None
    for name, value in running.items():
        if not np.all(np.isfinite(value)):
            layer = int(name.split(".")[1]) + 1
            value_name = "NaN" if np.isnan(value).any() else "Inf"
            return {"what": f"BatchNorm statistics of layer {layer}", "value": value_name, "step": step}
    return None


def _name(value: float) -> str:
    return "NaN" if math.isnan(value) else "Inf"
