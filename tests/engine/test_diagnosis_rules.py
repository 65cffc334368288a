"""Each diagnosis rule on built evidence: its ratio, its reference layer, its threshold
(just below and just above), and what it must ignore.

tests/engine/test_diagnosis.py shows that real runs trigger each kind; these tests pin
the rules themselves, so a rule that looks at the wrong column or compares the wrong
way fails here even when the demo runs still trigger.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from gradsim.engine.diagnosis import (
    ORDER,
    THRESHOLDS,
    DiagnosisInput,
    blowup_onset,
    diagnose,
    first_nonfinite,
    layer_ranges,
    rewind_target,
)
from gradsim.engine.diagnostics import LAYER_STAT_NAMES

BELOW, ABOVE = 0.99, 1.01  # factors around a threshold


def _flow(norms, totals=(), activations=None) -> DiagnosisInput:
    """Evidence with only gradient norms: (steps, hidden layers + output layer)."""
    norms = np.atleast_2d(np.asarray(norms, dtype=float))
    depth = norms.shape[1] - 1
    return DiagnosisInput(
        layer_grad_norms=norms,
        recent_total_norms=np.asarray(totals, dtype=float),
        stats=None,
        stat_names=LAYER_STAT_NAMES,
        activations=tuple(activations or ["relu"] * depth),
        divergence=None,
    )


def _health(dead=None, saturation=None, activations=("relu", "tanh", "sigmoid")) -> DiagnosisInput:
    depth = len(activations)
    stats = np.full((depth, len(LAYER_STAT_NAMES)), np.nan)
    stats[:, LAYER_STAT_NAMES.index("dead_fraction")] = dead if dead is not None else 0.0
    stats[:, LAYER_STAT_NAMES.index("saturation")] = saturation if saturation is not None else 0.0
    return DiagnosisInput(
        layer_grad_norms=np.ones((1, depth + 1)),
        recent_total_norms=np.ones(3),
        stats=stats,
        stat_names=LAYER_STAT_NAMES,
        activations=activations,
        divergence=None,
    )


def _hidden(first: float, depth: int = 5, last: float = 1.0, output: float = 1.0) -> list[float]:
    """One step's norms: layer 1 = first, layers 2..depth = last, then the output layer."""
    return [first] + [last] * (depth - 1) + [output]


def _codes(evidence: DiagnosisInput) -> list[str]:
    return [d.code for d in diagnose(evidence)]


# --------------------------------------------------------------------------- vanishing
def test_vanishing_just_below_the_threshold_names_layer_1_against_the_last_hidden_layer() -> None:
    ratio = BELOW * THRESHOLDS["vanishing_ratio"]
    (found,) = diagnose(_flow([_hidden(ratio * 3.0, depth=5, last=3.0)]))
    assert found.code == "vanishing"
    assert found.params["layer"] == 1
    assert found.params["ref_layer"] == 5  # the last hidden layer, not the output layer (6)
    assert found.params["ratio"] == pytest.approx(ratio, rel=1e-12)


def test_vanishing_just_above_the_threshold_is_healthy() -> None:
    assert _codes(_flow([_hidden(ABOVE * THRESHOLDS["vanishing_ratio"])])) == []


def test_vanishing_ignores_the_output_layer() -> None:
    """A healthy hidden stack with a large output-layer gradient is not vanishing."""
    assert _codes(_flow([_hidden(1.0, output=1e6)] * 3)) == []
    assert _codes(_flow([_hidden(1.0, output=1e-9)] * 3)) == []  # nor exploding


def test_vanishing_compares_layer_1_with_the_last_hidden_layer_only() -> None:
    """Middle layers do not enter the ratio: tiny middle norms with equal ends are healthy."""
    norms = [1.0, 1e-6, 1e-6, 1e-6, 1.0, 1.0]
    assert _codes(_flow([norms])) == []
    norms = [1e-4, 1e3, 1e3, 1e3, 1.0, 1.0]
    (found,) = diagnose(_flow([norms]))
    assert found.code == "vanishing" and found.params["ratio"] == pytest.approx(1e-4)


def test_vanishing_uses_the_median_over_recent_steps() -> None:
    low, high = _hidden(1e-4), _hidden(1.0)
    assert _codes(_flow([low, low, high])) == ["vanishing"]
    assert diagnose(_flow([low, low, high]))[0].params["ratio"] == pytest.approx(1e-4)
    assert _codes(_flow([low, high, high])) == []


def test_vanishing_skips_steps_with_non_finite_or_zero_reference_norms() -> None:
    nan_row, zero_row = _hidden(1e-5), _hidden(1e-5, last=0.0)
    nan_row[2] = math.nan
    healthy = _hidden(1.0)
    assert _codes(_flow([nan_row, nan_row, zero_row, zero_row, healthy])) == []
    assert _codes(_flow([nan_row, zero_row])) == []  # no usable step: no ratio at all


def test_ratio_rules_need_the_minimum_depth() -> None:
    depth = int(THRESHOLDS["min_depth_for_ratio"])
    assert _codes(_flow([_hidden(1e-6, depth=depth - 1)])) == []
    assert _codes(_flow([_hidden(1e-6, depth=depth)])) == ["vanishing"]
    assert _codes(_flow([_hidden(1e6, depth=depth - 1)])) == []
    assert _codes(_flow([_hidden(1e6, depth=depth)])) == ["exploding"]


# --------------------------------------------------------------------------- exploding
def test_exploding_through_depth_just_above_the_threshold() -> None:
    ratio = ABOVE * THRESHOLDS["exploding_ratio"]
    (found,) = diagnose(_flow([_hidden(ratio * 0.5, depth=4, last=0.5)]))
    assert found.code == "exploding"
    assert found.params == {"kind": "depth", "layer": 1, "ratio": pytest.approx(ratio), "ref_layer": 4}


def test_exploding_through_depth_just_below_the_threshold_is_healthy() -> None:
    assert _codes(_flow([_hidden(BELOW * THRESHOLDS["exploding_ratio"])])) == []


@pytest.mark.parametrize("factor", [BELOW, ABOVE])
def test_exploding_growth_threshold(factor: float) -> None:
    growth = factor * THRESHOLDS["exploding_growth"]
    found = diagnose(_flow([_hidden(1.0)], totals=[2.0, 5.0, 2.0 * growth]))
    if factor < 1:
        assert found == []
    else:
        (only,) = found
        assert only.code == "exploding"
        steps = int(THRESHOLDS["exploding_window"])
        assert only.params == {"kind": "growth", "growth": pytest.approx(growth), "steps": steps}


def test_exploding_growth_is_last_over_first_finite_norm() -> None:
    growth = ABOVE * THRESHOLDS["exploding_growth"]
    totals = [math.nan, 1.0, math.inf, 1e9, growth, math.nan]  # the peak in between does not count
    (found,) = diagnose(_flow([_hidden(1.0)], totals=totals))
    assert found.params["growth"] == pytest.approx(growth)
    assert _codes(_flow([_hidden(1.0)], totals=[0.0, 1e9])) == []  # from zero: no ratio
    assert _codes(_flow([_hidden(1.0)], totals=[1e9])) == []  # one value: no growth


# --------------------------------------------------------------------------- unit health
@pytest.mark.parametrize("factor", [BELOW, 1.0, ABOVE])
def test_dead_relu_threshold_is_strict(factor: float) -> None:
    fraction = factor * THRESHOLDS["dead_fraction"]
    found = diagnose(_health(dead=[0.0, fraction, 0.0]))
    if factor <= 1.0:
        assert found == []
    else:
        assert found[0].code == "dead_relu"
        assert found[0].params == {"layer": 2, "percent": pytest.approx(100 * fraction)}


def test_dead_relu_names_the_worst_layer_and_ignores_nan() -> None:
    (found,) = diagnose(_health(dead=[0.6, math.nan, 0.9]))
    assert found.params == {"layer": 3, "percent": pytest.approx(90.0)}


@pytest.mark.parametrize("factor", [BELOW, 1.0, ABOVE])
def test_saturation_threshold_is_strict_and_names_the_activation(factor: float) -> None:
    fraction = factor * THRESHOLDS["saturation"]
    found = diagnose(_health(saturation=[0.1, 0.2, fraction]))
    if factor <= 1.0:
        assert found == []
    else:
        assert found[0].code == "saturated"
        percent = pytest.approx(100 * fraction)
        assert found[0].params == {"layer": 3, "percent": percent, "activation": "sigmoid"}


def test_no_statistics_yet_means_no_unit_diagnosis() -> None:
    evidence = _health(dead=[1.0, 1.0, 1.0])
    evidence = DiagnosisInput(**{**evidence.__dict__, "stats": None})
    assert diagnose(evidence) == []


# --------------------------------------------------------------------------- the rest
def test_symmetric_layers_are_numbered_from_1_and_listed_once() -> None:
    evidence = _health()
    evidence = DiagnosisInput(**{**evidence.__dict__, "symmetric_layers": (0, 2)})
    assert [(d.code, d.params) for d in diagnose(evidence)] == [
        ("symmetric", {"layer": 1, "layers": (1, 3), "all_layers": False}),
    ]


def test_every_layer_symmetric_comes_before_vanishing_and_saturation() -> None:
    """Nothing is learned until the symmetry breaks: that is the problem to name first."""
    base = _health(saturation=[0.0, 0.0, 0.9])
    evidence = DiagnosisInput(
        **{
            **base.__dict__,
            "layer_grad_norms": np.array([_hidden(1e-6, depth=3)]),
            "symmetric_layers": (0, 1, 2),
        }
    )
    assert _codes(evidence) == ["symmetric", "vanishing", "saturated"]
    assert diagnose(evidence)[0].params["all_layers"] is True
    some = DiagnosisInput(**{**evidence.__dict__, "symmetric_layers": (0, 1)})
    assert _codes(some) == ["vanishing", "saturated", "symmetric"]
    nan = {"what": "loss", "value": "NaN", "step": 3}
    diverged = DiagnosisInput(**{**evidence.__dict__, "divergence": nan})
    assert _codes(diverged)[:2] == ["diverged", "symmetric"]


def _zeros(counts, precision="float16") -> DiagnosisInput:
    base = _health()
    return DiagnosisInput(**{**base.__dict__, "zero_gradients": np.array(counts), "precision": precision})


def test_underflow_needs_half_of_a_layer_exactly_zero() -> None:
    assert _codes(_zeros([[7, 16], [0, 64], [3, 64], [0, 8]])) == []
    found = diagnose(_zeros([[8, 16], [64, 64], [3, 64], [0, 8]]))
    assert [d.code for d in found] == ["underflow"]
    assert found[0].params == {
        "layer": 1,
        "layers": (1, 2, 3),
        "all_zero": (2,),
        "zeros": 75,
        "entries": 144,
        "output_layer": 4,
        "precision": "float16",
    }
    assert _codes(_zeros([[0, 0], [0, 0], [0, 0], [0, 0]])) == []  # nothing could be nonzero
    no_counts = DiagnosisInput(**{**_health().__dict__, "zero_gradients": None})
    assert _codes(no_counts) == []


def test_underflow_comes_before_vanishing() -> None:
    zeros = _zeros([[16, 16], [64, 64], [0, 64], [0, 8]])
    evidence = DiagnosisInput(**{**zeros.__dict__, "layer_grad_norms": np.array([_hidden(0.0, depth=3)])})
    assert _codes(evidence) == ["underflow", "vanishing"]


def test_blowup_onset_is_where_the_gradient_left_its_range_for_good() -> None:
    steps = np.arange(1, 41)
    calm = 1.0 + 0.5 * np.sin(steps)  # between 0.5 and 1.5
    norms = calm.copy()
    norms[9] = 2.9  # one spike that comes back: not the blow-up
    norms[34:] = [4.0, 9.0, 80.0, 1e5, 1e30, np.nan]
    assert blowup_onset(steps, norms, diverged_at=40) == 35
    assert blowup_onset(steps, norms, diverged_at=40, factor=100.0) == 38
    # a divergence without warning: the onset is the divergence itself
    sudden = np.append(calm[:39], np.inf)
    assert blowup_onset(steps, sudden, diverged_at=40) == 40
    # steps after the divergence (rejected repeats) are ignored
    assert blowup_onset(np.append(steps, [41, 42]), np.append(norms, [1.0, 1.0]), 40) == 35
    assert blowup_onset(steps[:1], norms[:1], diverged_at=1) == 1


def test_rewind_target_is_the_last_checkpoint_before_the_state_that_blew_up() -> None:
    """Step s's norm is measured after s - 1 updates; the update of step s - 1 made that state."""
    assert rewind_target(35, [0, 10, 20, 30, 40]) == 30
    assert rewind_target(32, [0, 10, 20, 30, 40]) == 30
    assert rewind_target(31, [0, 10, 20, 30, 40]) == 20
    assert rewind_target(2, [0, 100]) == 0
    assert rewind_target(1, [0]) == 0
    assert rewind_target(5, []) == 0


def test_layer_ranges() -> None:
    assert layer_ranges([3, 1, 2, 5, 7, 8]) == [(1, 3), (5, 5), (7, 8)]
    assert layer_ranges([]) == []


def test_findings_come_most_severe_first() -> None:
    divergence = {"what": "loss", "value": "NaN", "step": 7}
    base = _health(dead=[0.9, 0.0, 0.0], saturation=[0.0, 0.0, 0.9])
    evidence = DiagnosisInput(
        **{
            **base.__dict__,
            "layer_grad_norms": np.array([_hidden(1e-6, depth=3)]),
            "recent_total_norms": np.array([1.0, 1e6]),
            "divergence": divergence,
            "symmetric_layers": (1,),
        }
    )
    evidence = DiagnosisInput(**{**evidence.__dict__, "zero_gradients": np.array([[1, 1]] * 4)})
    codes = _codes(evidence)
    assert codes == sorted(codes, key=ORDER.index)
    assert codes == ["diverged", "exploding", "underflow", "vanishing", "dead_relu", "saturated", "symmetric"]
    assert diagnose(evidence)[0].params == divergence


def test_first_nonfinite_names_the_loss_a_hidden_layer_or_the_output_layer() -> None:
    finite = np.ones(4)
    assert first_nonfinite(1.0, finite, 5) is None
    assert first_nonfinite(math.nan, finite, 5) == {"what": "loss", "value": "NaN", "step": 5}
    assert first_nonfinite(math.inf, finite, 5)["value"] == "Inf"
    norms = np.array([1.0, math.inf, math.nan, 1.0])
    expected = {"what": "layer 2 gradient", "value": "Inf", "step": 9, "layer": 2}
    assert first_nonfinite(1.0, norms, 9) == expected
    norms = np.array([1.0, 1.0, 1.0, math.nan])
    assert first_nonfinite(1.0, norms, 9)["what"] == "output layer gradient"


def test_a_nonfinite_loss_names_the_first_layer_of_the_forward_pass_that_went_nonfinite() -> None:
    finite = np.ones(4)
    found = first_nonfinite(math.nan, finite, 5, forward_finite=[True, False, False, False])
    assert found == {"what": "loss", "value": "NaN", "step": 5, "forward_layer": 2, "depth": 3}
    logits = first_nonfinite(math.inf, finite, 5, forward_finite=[True, True, True, False])
    assert logits["forward_layer"] == 4 and logits["depth"] == 3  # the output layer
    assert "forward_layer" not in first_nonfinite(math.inf, finite, 5, forward_finite=[True] * 4)
