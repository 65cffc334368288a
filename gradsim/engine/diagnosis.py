"""Name what is going wrong, with its evidence, as codes the app can translate.

A diagnosis is ``Diagnosis(code, params)``, e.g.
``Diagnosis("vanishing", {"layer": 1, "ratio": 3e-7, "ref_layer": 10})``.
:func:`format_diagnosis` words it in English for the CLI; the app formats the same
code and parameters in the user's language. Every threshold lives in
:data:`THRESHOLDS`, and each kind has a configuration that triggers it in
tests/engine/test_diagnosis.py (while ``relu-he`` triggers none).
Layers are numbered from 1, as users count them. A kind appears at most once: a problem
of several layers lists them (``"layers": (1, 2, 3)``, worded as ranges, "layers 1-3").

Order: :data:`ORDER`, most severe first, with one exception: when every hidden layer is
symmetric, nothing else can be learned until the symmetry is broken, so ``symmetric``
comes right after ``diverged`` (the vanishing or saturation it causes is a consequence).

After a divergence, :func:`rewind_target` names the step to go back to: the last
checkpoint before the blow-up began (:func:`blowup_onset`), since the weights of the
last finite step have already grown and a lower learning rate from there diverges again.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
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
    "underflow_share": 0.5,  # share of a layer's weight-gradient entries exactly 0 in float16/32
    "blowup_factor": 2.0,  # a blow-up: every gradient norm to the divergence is this much ...
    "blowup_window": 20,  # ... above the largest of this many steps before it
}

#: Severity order for the banner: the first present wins.
ORDER = ("diverged", "exploding", "underflow", "vanishing", "dead_relu", "saturated", "symmetric")

TEMPLATES: dict[str, str] = {
    "diverged": "diverged: {what} became {value} at step {step}",
    "exploding": "exploding: {evidence}",
    "exploding_growth": "exploding: gradient norm grew {growth:.1e}x in {steps} steps",
    "exploding_depth": "exploding: layer {layer} gradient is {ratio:.1e}x layer {ref_layer}'s",
    "underflow": "underflow: {zeros} of {entries} weight-gradient entries of layers {layer_list} are "
    "exactly 0 in {precision}",
    "vanishing": "vanishing: layer {layer} gradient is {ratio:.1e} of layer {ref_layer}'s",
    "dead_relu": "dead ReLU: {percent:.0f}% of layer {layer} units inactive",
    "saturated": "saturated: {percent:.0f}% of layer {layer} {activation} units saturated",
    "symmetric": "symmetric: all units of layer {layer} identical (constant init)",
    "symmetric_layers": "symmetric: all units identical in each of layers {layer_list} (constant init)",
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
    "underflow": (
        "train in float32 or float64",
        "fix the vanishing gradient (ReLU-family activations, Xavier/He init)",
        "scale the loss up before backpropagation (loss scaling)",
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
    #: per weight matrix (hidden layers, then output): exactly-0 gradient entries and entries
    #: that could be nonzero (diagnostics.exact_zero_gradients); None in float64
    zero_gradients: np.ndarray | None = None
    precision: str = "float64"


def diagnose(evidence: DiagnosisInput) -> list[Diagnosis]:
    """All problems found, most severe first (see :data:`ORDER` and the module docstring)."""
    found: list[Diagnosis] = []
    if evidence.divergence:
        found.append(Diagnosis("diverged", dict(evidence.divergence)))
    found += _gradient_flow(evidence)
    found += _underflow(evidence)
    found += _unit_health(evidence)
    found += _symmetry(evidence)
    return sorted(found, key=lambda d: _rank(d, evidence))


def _rank(diagnosis: Diagnosis, evidence: DiagnosisInput) -> float:
    if diagnosis.code == "symmetric" and diagnosis.params.get("all_layers"):
        return 0.5  # right after "diverged": nothing else is learned until the symmetry breaks
    return ORDER.index(diagnosis.code)


def _symmetry(evidence: DiagnosisInput) -> list[Diagnosis]:
    layers = tuple(sorted(i + 1 for i in evidence.symmetric_layers))
    if not layers:
        return []
    depth = len(evidence.activations)
    params = {"layer": layers[0], "layers": layers, "all_layers": len(layers) >= depth}
    return [Diagnosis("symmetric", params)]


def _underflow(evidence: DiagnosisInput) -> list[Diagnosis]:
    """Weight-gradient entries stored as exactly 0 in float16/float32 (see THRESHOLDS)."""
    counts = evidence.zero_gradients
    if counts is None or len(counts) == 0:
        return []
    counts = np.asarray(counts, dtype=np.int64)
    zeros, entries = counts[:, 0], counts[:, 1]
    share = np.divide(zeros, entries, out=np.zeros(len(counts)), where=entries > 0)
    if not np.any(share >= THRESHOLDS["underflow_share"]):
        return []
    layers = np.flatnonzero(zeros > 0)
    depth = len(counts) - 1
    return [
        Diagnosis(
            "underflow",
            {
                "layer": int(layers[0]) + 1,
                "layers": tuple(int(i) + 1 for i in layers),  # depth + 1 = the output layer
                "all_zero": tuple(int(i) + 1 for i in layers if zeros[i] == entries[i]),
                "zeros": int(zeros[layers].sum()),
                "entries": int(entries[layers].sum()),
                "output_layer": depth + 1,
                "precision": evidence.precision,
            },
        )
    ]


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


def layer_ranges(layers: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive layer numbers as (first, last) ranges: 1, 2, 3, 5 -> (1, 3), (5, 5)."""
    ranges: list[tuple[int, int]] = []
    for layer in sorted(set(int(n) for n in layers)):
        if ranges and layer == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], layer)
        else:
            ranges.append((layer, layer))
    return ranges


def _layer_list(layers: Sequence[int]) -> str:
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in layer_ranges(layers))


def format_diagnosis(diagnosis: Diagnosis) -> str:
    """English wording for the CLI (the app translates by code)."""
    code, params = diagnosis.code, dict(diagnosis.params)
    if code == "exploding":
        code = "exploding_growth" if params.get("kind") == "growth" else "exploding_depth"
    if "layers" in params:
        params["layer_list"] = _layer_list(params["layers"])
        if code == "symmetric" and len(params["layers"]) > 1:
            code = "symmetric_layers"
    try:
        return TEMPLATES[code].format(**params)
    except (KeyError, ValueError):
        return f"{diagnosis.code}: {params}"


def blowup_onset(
    steps: np.ndarray,
    norms: np.ndarray,
    diverged_at: int,
    window: int | None = None,
    factor: float | None = None,
) -> int:
    """The step at which the blow-up that ended in a divergence at ``diverged_at`` began.

    ``steps``/``norms``: the total gradient norm of each step, oldest first (the norm of
    step s is measured at the parameters after s - 1 updates). The onset is the first step s
    from which every norm up to the divergence (a non-finite one counts as huge) stays above
    ``factor`` times the largest finite norm of the ``window`` steps before s: the gradient
    left its recent range and never came back. Without such a step the divergence came
    without warning and the onset is ``diverged_at``.
    """
    window = int(THRESHOLDS["blowup_window"] if window is None else window)
    factor = float(THRESHOLDS["blowup_factor"] if factor is None else factor)
    steps = np.asarray(steps, dtype=np.int64)
    norms = np.asarray(norms, dtype=np.float64)
    keep = steps <= diverged_at
    steps, norms = steps[keep], norms[keep]
    if len(norms) < 2 or window < 1:
        return int(diverged_at)
    finite = np.isfinite(norms)
    # lowest[i]: the smallest norm from step i to the divergence (non-finite = huge)
    lowest = np.minimum.accumulate(np.where(finite, norms, np.inf)[::-1])[::-1]
    # highest[i]: the largest finite norm of the `window` steps before step i (-inf: none)
    padded = np.concatenate([np.full(window, -np.inf), np.where(finite, norms, -np.inf)])
    highest = np.lib.stride_tricks.sliding_window_view(padded, window)[: len(norms)].max(axis=1)
    with np.errstate(invalid="ignore", over="ignore"):
        left = np.isfinite(highest) & (lowest > factor * highest)
    left[0] = False
    found = np.flatnonzero(left)
    return int(steps[found[0]]) if len(found) else int(diverged_at)


def rewind_target(onset: int, checkpoint_steps: Sequence[int]) -> int:
    """The last checkpoint whose parameters still gave a gradient in range: at or before
    ``onset - 2`` (step ``onset``'s norm is measured at the parameters after ``onset - 1``
    updates, which the update of step ``onset - 1`` produced), else 0."""
    usable = [int(c) for c in checkpoint_steps if 0 <= int(c) <= onset - 2]
    return max(usable, default=0)


def first_nonfinite(
    loss: float,
    layer_norms: np.ndarray,
    step: int,
    running: Mapping[str, np.ndarray] | None = None,
    forward_finite: Sequence[bool] | None = None,
) -> dict[str, Any] | None:
    """Where divergence shows first: the loss, the first layer with a bad gradient, or the
    first BatchNorm layer whose running statistics would become NaN/Inf (``running``, named
    ``layers.{i}.running_mean``/``running_var``): a finite loss can come with them (a huge
    pre-activation's variance overflows, its normalized value is then 0).

    A non-finite loss also names where the forward pass first went non-finite, when
    ``forward_finite`` (each hidden layer's output, then the logits) says so:
    ``forward_layer`` is that layer, counted from 1 (depth + 1: the output layer's logits);
    without it every value was finite and the loss itself overflowed."""
    if not math.isfinite(loss):
        found: dict[str, Any] = {"what": "loss", "value": _name(loss), "step": step}
        bad_forward = [i for i, ok in enumerate(forward_finite or ()) if not ok]
        if bad_forward:
            found["forward_layer"] = bad_forward[0] + 1
            found["depth"] = len(forward_finite) - 1
        return found
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
