"""Learning-rate schedules: closed forms, warmup, validation, torch agreement."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gradsim.engine.errors import ConfigError
from gradsim.engine.schedules import (
    SCHEDULE_KINDS,
    CosineSchedule,
    Schedule,
    build_schedule,
    schedule_defaults,
)


def lrs(spec, steps, base_lr=1.0):
    schedule = build_schedule(spec)
    return [schedule.lr_at(step, base_lr) for step in steps]


def test_constant():
    assert lrs(None, range(5), 0.3) == [0.3] * 5
    assert lrs({"kind": "constant"}, [0, 10**6], 0.3) == [0.3, 0.3]


def test_step_schedule_literal():
    spec = {"kind": "step", "step_size": 3, "gamma": 0.5}
    assert lrs(spec, range(8), 0.8) == pytest.approx([0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2, 0.2])


def test_exponential_literal():
    assert lrs({"kind": "exponential", "gamma": 0.9}, [0, 1, 2, 10], 2.0) == pytest.approx(
        [2.0, 1.8, 1.62, 2.0 * 0.9**10]
    )


def test_cosine_literal_points():
    spec = {"kind": "cosine", "t_max": 100, "eta_min": 0.1}
    # s = 0: base; t_max/2: midpoint; t_max: eta_min; 2 t_max: base again (torch closed form)
    assert lrs(spec, [0, 50, 100, 200], 1.1) == pytest.approx([1.1, 0.6, 0.1, 1.1])
    quarter = 0.1 + 1.0 * (1 + math.cos(math.pi / 4)) / 2
    assert lrs(spec, [25], 1.1) == pytest.approx([quarter])


@settings(max_examples=50, deadline=None)
@given(step=st.integers(0, 5000), base=st.floats(1e-5, 1.0), t_max=st.integers(1, 1000))
def test_cosine_matches_closed_form(step, base, t_max):
    expected = base * (1 + math.cos(math.pi * step / t_max)) / 2
    assert CosineSchedule(t_max=t_max).lr_at(step, base) == pytest.approx(expected, abs=1e-15)


def test_warmup_ramps_linearly_then_starts_the_main_schedule():
    spec = {"kind": "step", "step_size": 2, "gamma": 0.1, "warmup_steps": 4}
    assert lrs(spec, range(9), 1.0) == pytest.approx([0.25, 0.5, 0.75, 1.0, 1.0, 1.0, 0.1, 0.1, 0.01])


@pytest.mark.parametrize("kind", SCHEDULE_KINDS)
def test_warmup_is_linear_for_every_kind(kind):
    schedule = build_schedule({"kind": kind, "warmup_steps": 10})
    ramp = [schedule.lr_at(step, 0.5) for step in range(10)]
    assert ramp == pytest.approx([0.05 * (step + 1) for step in range(10)])
    assert schedule.lr_at(10, 0.5) == pytest.approx(0.5)  # main schedule's step 0


def test_cosine_after_warmup_is_shifted():
    plain = build_schedule({"kind": "cosine", "t_max": 20})
    warm = build_schedule({"kind": "cosine", "t_max": 20, "warmup_steps": 5})
    for step in range(40):
        assert warm.lr_at(step + 5, 0.1) == plain.lr_at(step, 0.1)


def test_negative_step_is_refused():
    with pytest.raises(ValueError):
        Schedule().lr_at(-1, 0.1)


def test_defaults_and_kinds():
    assert SCHEDULE_KINDS == ("constant", "step", "exponential", "cosine")
    assert schedule_defaults("constant") == {"kind": "constant", "warmup_steps": 0}
    assert schedule_defaults("step") == {
        "kind": "step",
        "warmup_steps": 0,
        "step_size": 100,
        "gamma": 0.1,
    }
    assert set(schedule_defaults("exponential")) == {"kind", "warmup_steps", "gamma"}
    assert set(schedule_defaults("cosine")) == {"kind", "warmup_steps", "t_max", "eta_min"}


@pytest.mark.parametrize("kind", SCHEDULE_KINDS)
def test_spec_round_trips_through_json(kind):
    schedule = build_schedule({"kind": kind, "warmup_steps": 3})
    spec = json.loads(json.dumps(schedule.to_spec()))
    assert build_schedule(spec) == schedule
    assert spec == {**schedule_defaults(kind), "warmup_steps": 3}


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ({"kind": "step", "step_size": 0}, "schedule.step_size"),
        ({"kind": "step", "step_size": 2.5}, "schedule.step_size"),
        ({"kind": "step", "gamma": 0.0}, "schedule.gamma"),
        ({"kind": "exponential", "gamma": 1.5}, "schedule.gamma"),
        ({"kind": "exponential", "gamma": float("nan")}, "schedule.gamma"),
        ({"kind": "cosine", "t_max": 0}, "schedule.t_max"),
        ({"kind": "cosine", "eta_min": -0.1}, "schedule.eta_min"),
        ({"kind": "constant", "warmup_steps": -1}, "schedule.warmup_steps"),
        ({"kind": "constant", "warmup_steps": True}, "schedule.warmup_steps"),
        ({"kind": "constant", "gamma": 0.5}, "schedule.gamma"),
        ({"kind": "cosine", "T_max": 10}, "schedule.T_max"),
        ({"kind": "linear"}, "schedule.kind"),
        ({"t_max": 10}, "schedule.kind"),
    ],
)
def test_invalid_specs_name_the_field(spec, field):
    with pytest.raises(ConfigError) as info:
        build_schedule(spec)
    assert info.value.params["field"] == field
    assert str(info.value).startswith(field + ":")


def test_unknown_key_lists_the_allowed_ones():
    with pytest.raises(ConfigError, match="allowed: warmup_steps, t_max, eta_min"):
        build_schedule({"kind": "cosine", "T_max": 10})


@pytest.mark.parametrize(
    "spec",
    [
        {"kind": "step", "step_size": 7, "gamma": 0.5},
        {"kind": "exponential", "gamma": 0.97},
        {"kind": "cosine", "t_max": 30, "eta_min": 0.001},
    ],
)
def test_matches_torch_lr_scheduler(spec):
    torch = pytest.importorskip("torch")
    base_lr = 0.1
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr)
    kind = spec["kind"]
    if kind == "step":
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, spec["step_size"], spec["gamma"])
    elif kind == "exponential":
        scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, spec["gamma"])
    else:
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, spec["t_max"], spec["eta_min"])
    ours = build_schedule(spec)
    for step in range(60):  # cosine: two half-periods, to check the periodic continuation
        assert ours.lr_at(step, base_lr) == pytest.approx(optimizer.param_groups[0]["lr"], rel=1e-9)
        optimizer.step()
        scheduler.step()
