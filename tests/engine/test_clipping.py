"""Gradient clipping: torch's clip_grad_norm_/clip_grad_value_ rules and their bounds."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from gradsim.engine.clipping import (
    CLIPPING_KINDS,
    ClipReport,
    apply_clipping,
    clip_by_norm,
    clip_by_value,
    global_norm,
    validate_clipping,
)
from gradsim.engine.errors import ConfigError
from gradsim.engine.optimizers import build_optimizer

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
grad_lists = st.lists(
    hnp.arrays(np.float64, hnp.array_shapes(max_dims=2, max_side=5), elements=finite),
    min_size=1,
    max_size=4,
)


def test_three_four_becomes_point_six_point_eight():
    grads = [np.array([3.0, 4.0])]
    report = clip_by_norm(grads, 1.0)
    coef = 1.0 / (5.0 + 1e-6)  # torch's 1e-6
    np.testing.assert_allclose(grads[0], [3 * coef, 4 * coef], rtol=1e-15)
    np.testing.assert_allclose(grads[0], [0.6, 0.8], atol=1e-6)
    assert report == ClipReport(True, 5.0, pytest.approx(5 * coef, rel=1e-15))


def test_global_norm_spans_all_arrays():
    assert global_norm([np.array([3.0]), np.array([[4.0, 12.0]])]) == 13.0
    assert global_norm([]) == 0.0


def test_global_norm_of_float16_does_not_overflow():
    # 60000^2 overflows float16 (max 65504) and 1e4 * 60000^2 would overflow float32 sums
    grads = [np.full(10_000, 60_000, dtype=np.float16)]
    assert global_norm(grads) == pytest.approx(float(np.float16(60_000)) * 100, rel=1e-14)


def test_global_norm_of_float32_overflowing_squares():
    # (1e30)^2 overflows float32; the sum is redone in float64
    grads = [np.full(4, 1e30, dtype=np.float32), np.array([1.0], dtype=np.float32)]
    assert global_norm(grads) == pytest.approx(2 * float(np.float32(1e30)), rel=1e-12)


def test_global_norm_of_float32_is_accurate():
    rng = np.random.default_rng(0)
    grads = [rng.standard_normal((300, 300)).astype(np.float32) for _ in range(3)]
    exact = math.sqrt(sum(float(np.sum(g.astype(np.float64) ** 2)) for g in grads))
    assert global_norm(grads) == pytest.approx(exact, rel=1e-13)


def test_global_norm_accumulates_float32_in_float64():
    # float32 accumulation of 100k copies of 1.1^2 drifts by ~1e-5; float64 does not
    grads = [np.full(100_003, 1.1, dtype=np.float32)]
    exact = math.sqrt(100_003) * float(np.float32(1.1))
    assert global_norm(grads) == pytest.approx(exact, rel=1e-13)


def test_global_norm_survives_float64_overflow_of_the_squares():
    assert global_norm([np.array([3e200, 4e200])]) == pytest.approx(5e200, rel=1e-14)


def test_global_norm_of_non_finite_gradients():
    assert math.isnan(global_norm([np.array([1.0, np.nan])]))
    assert global_norm([np.array([1.0, np.inf])]) == math.inf


@settings(max_examples=100, deadline=None)
@given(grads=grad_lists, limit=st.floats(1e-3, 1e3))
def test_norm_clipping_bounds_the_norm_and_keeps_the_direction(grads, limit):
    original = [g.copy() for g in grads]
    report = clip_by_norm(grads, limit)
    norm = global_norm(grads)
    assert norm <= limit * (1 + 1e-9)
    assert report.post_clip_norm == pytest.approx(norm)
    assert report.pre_clip_norm == pytest.approx(global_norm(original))
    assert report.fired == (limit / (report.pre_clip_norm + 1e-6) < 1)
    if report.fired:
        scale = limit / (report.pre_clip_norm + 1e-6)
        for clipped, before in zip(grads, original, strict=True):
            np.testing.assert_allclose(clipped, before * scale, rtol=1e-12, atol=1e-300)
    else:
        for clipped, before in zip(grads, original, strict=True):
            np.testing.assert_array_equal(clipped, before)


def test_norm_clipping_does_not_fire_below_the_limit():
    grads = [np.array([0.3, 0.4])]
    assert clip_by_norm(grads, 1.0) == ClipReport(False, 0.5, 0.5)
    np.testing.assert_array_equal(grads[0], [0.3, 0.4])


def test_norm_clipping_is_in_place_and_keeps_dtype():
    for dtype in (np.float16, np.float32, np.float64):
        grad = np.array([30.0, 40.0], dtype=dtype)
        grads = [grad]
        clip_by_norm(grads, 1.0)
        assert grads[0] is grad
        assert grad.dtype == dtype
        np.testing.assert_allclose(grad, [0.6, 0.8], rtol=1e-3)


def test_norm_clipping_leaves_non_finite_gradients_alone():
    grad = np.array([np.inf, 1.0])
    report = clip_by_norm([grad], 1.0)
    assert not report.fired
    np.testing.assert_array_equal(grad, [np.inf, 1.0])


@settings(max_examples=100, deadline=None)
@given(grads=grad_lists, limit=st.floats(1e-3, 1e3))
def test_value_clipping_bounds_every_element(grads, limit):
    original = [g.copy() for g in grads]
    report = clip_by_value(grads, limit)
    changed = any(not np.array_equal(a, b) for a, b in zip(grads, original, strict=True))
    assert report.fired == changed
    for clipped, before in zip(grads, original, strict=True):
        assert np.all(np.abs(clipped) <= limit)
        np.testing.assert_array_equal(clipped, np.clip(before, -limit, limit))
    assert report.pre_clip_norm == pytest.approx(global_norm(original))
    assert report.post_clip_norm == pytest.approx(global_norm(grads))


def test_value_clipping_changes_direction():
    grads = [np.array([3.0, 0.5], dtype=np.float32)]
    report = clip_by_value(grads, 1.0)
    np.testing.assert_array_equal(grads[0], [1.0, 0.5])
    assert grads[0].dtype == np.float32
    assert report.fired
    assert report.pre_clip_norm == pytest.approx(math.hypot(3, 0.5))
    assert report.post_clip_norm == pytest.approx(math.hypot(1, 0.5))


def test_value_clipping_not_fired_when_inside():
    grads = [np.array([-1.0, 0.5])]
    assert not clip_by_value(grads, 1.0).fired


def test_sgd_step_after_norm_clipping_is_at_most_lr_times_c():
    rng = np.random.default_rng(0)
    lr, c = 0.1, 0.5
    for _ in range(20):
        param = rng.standard_normal(10)
        before = param.copy()
        grads = [rng.standard_normal(10) * 1e3]
        apply_clipping(grads, {"kind": "norm", "max": c})
        build_optimizer({"kind": "sgd", "lr": lr}, [param]).step(grads)
        assert np.linalg.norm(param - before) <= lr * c * (1 + 1e-9)


def test_momentum_step_with_clipped_gradients_is_at_most_lr_c_over_one_minus_mu():
    rng = np.random.default_rng(1)
    lr, c, mu = 0.1, 0.5, 0.9
    param = np.zeros(5)
    opt = build_optimizer({"kind": "momentum", "lr": lr, "momentum": mu}, [param])
    direction = np.ones(5) / math.sqrt(5)
    steps = []
    for t in range(300):
        # mostly one steady direction (so the velocity builds up), sometimes random
        g = 1e3 * (direction if t % 10 else rng.standard_normal(5))
        grads = [g]
        apply_clipping(grads, {"kind": "norm", "max": c})
        before = param.copy()
        opt.step(grads)
        steps.append(np.linalg.norm(param - before))
    assert max(steps) <= lr * c / (1 - mu) * (1 + 1e-9)
    assert max(steps) > 0.8 * lr * c / (1 - mu)  # the bound is nearly reached


def test_adam_first_step_ignores_the_clipping_limit():
    for c in (0.1, 1.0, 1e3):
        param = np.zeros(3)
        grads = [np.array([5.0, -50.0, 500.0])]
        apply_clipping(grads, {"kind": "norm", "max": c})
        build_optimizer({"kind": "adam", "lr": 0.01}, [param]).step(grads)
        np.testing.assert_allclose(np.abs(param), 0.01, rtol=1e-4)


def test_apply_clipping_none_measures_only():
    grads = [np.array([3.0, 4.0])]
    for spec in (None, {"kind": "none"}, {"kind": "none", "max": 1.0}):
        assert apply_clipping(grads, spec) == ClipReport(False, 5.0, 5.0)
    np.testing.assert_array_equal(grads[0], [3.0, 4.0])


def test_apply_clipping_dispatches():
    grads = [np.array([3.0, 4.0])]
    assert apply_clipping(grads, {"kind": "value", "max": 3.5}).fired
    np.testing.assert_array_equal(grads[0], [3.0, 3.5])
    assert apply_clipping(grads, {"kind": "norm", "max": 1}).fired
    assert global_norm(grads) < 1.0


def test_clipping_kinds():
    assert CLIPPING_KINDS == ("none", "norm", "value")
    assert validate_clipping({"kind": "norm", "max": 2}) == ("norm", 2.0)


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ({"kind": "norm"}, "clipping.max"),
        ({"kind": "norm", "max": 0}, "clipping.max"),
        ({"kind": "value", "max": -1.0}, "clipping.max"),
        ({"kind": "value", "max": float("inf")}, "clipping.max"),
        ({"kind": "norm", "max": "1"}, "clipping.max"),
        ({"kind": "norm", "max": 1.0, "type": 2}, "clipping.type"),
        ({"kind": "l2", "max": 1.0}, "clipping.kind"),
        ({"max": 1.0}, "clipping.kind"),
    ],
)
def test_invalid_clipping_specs(spec, field):
    with pytest.raises(ConfigError) as info:
        apply_clipping([np.ones(2)], spec)
    assert info.value.params["field"] == field
    assert str(info.value).startswith(field + ":")


def test_direct_calls_validate_the_limit():
    with pytest.raises(ConfigError, match="clipping.max"):
        clip_by_norm([np.ones(2)], -1.0)
    with pytest.raises(ConfigError, match="clipping.max"):
        clip_by_value([np.ones(2)], 0.0)
