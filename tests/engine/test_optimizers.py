"""Optimizers: the documented torch.optim rules, precision handling, state, validation.

Three independent references: literal numbers worked out by hand, a plain-Python-float
transcription of the torch.optim docs' algorithm boxes (below), and torch.optim itself
(only where torch is installed).
"""

from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gradsim.engine.errors import ConfigError
from gradsim.engine.optimizers import (
    OPTIMIZER_KINDS,
    Optimizer,
    build_optimizer,
    optimizer_defaults,
)

# Every hyperparameter of every kind, written out from the torch.optim docs (the
# "fixed" ones, e.g. nesterov for the "nesterov" kind, are not user settings).
DOCUMENTED = {
    "sgd": {"lr": 1e-3, "momentum": 0.0, "dampening": 0.0, "nesterov": False, "weight_decay": 0.0},
    "momentum": {"lr": 1e-3, "momentum": 0.9, "dampening": 0.0, "weight_decay": 0.0},
    "nesterov": {"lr": 1e-3, "momentum": 0.9, "weight_decay": 0.0},
    "adagrad": {
        "lr": 1e-2,
        "lr_decay": 0.0,
        "weight_decay": 0.0,
        "initial_accumulator_value": 0.0,
        "eps": 1e-10,
    },
    "rmsprop": {
        "lr": 1e-2,
        "alpha": 0.99,
        "eps": 1e-8,
        "weight_decay": 0.0,
        "momentum": 0.0,
        "centered": False,
    },
    "adam": {"lr": 1e-3, "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False},
    "adamw": {"lr": 1e-3, "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 1e-2, "amsgrad": False},
}
FIXED = {"sgd": {}, "momentum": {"nesterov": False}, "nesterov": {"nesterov": True, "dampening": 0.0}}


def _flag_grid(kind: str, **choices: list) -> list[tuple[str, dict]]:
    names = list(choices)
    return [(kind, dict(zip(names, values, strict=True))) for values in itertools.product(*choices.values())]


def _all_cases() -> list[tuple[str, dict]]:
    """Every kind crossed with every flag (two values per numeric setting)."""
    sgd = [
        case
        for case in _flag_grid(
            "sgd", momentum=[0.0, 0.9], dampening=[0.0, 0.3], nesterov=[False, True], weight_decay=[0.0, 0.1]
        )
        if not case[1]["nesterov"] or (case[1]["momentum"] > 0 and case[1]["dampening"] == 0)
    ]
    return [
        *sgd,
        *_flag_grid("momentum", dampening=[0.0, 0.3], weight_decay=[0.0, 0.1]),
        *_flag_grid("nesterov", weight_decay=[0.0, 0.1]),
        *_flag_grid(
            "adagrad", lr_decay=[0.0, 0.01], weight_decay=[0.0, 0.1], initial_accumulator_value=[0.0, 0.5]
        ),
        *_flag_grid("rmsprop", centered=[False, True], momentum=[0.0, 0.9], weight_decay=[0.0, 0.1]),
        *_flag_grid("adam", amsgrad=[False, True], weight_decay=[0.0, 0.1]),
        *_flag_grid("adamw", amsgrad=[False, True], weight_decay=[0.0, 0.1]),
    ]


ALL_CASES = _all_cases()
CASE_IDS = [f"{kind}-{'-'.join(f'{k}={v}' for k, v in flags.items())}" for kind, flags in ALL_CASES]
# One configuration per kind that uses every state buffer the kind has.
RICH = {
    "sgd": {"momentum": 0.9, "nesterov": True, "weight_decay": 0.1},
    "momentum": {"dampening": 0.2},
    "nesterov": {"weight_decay": 0.05},
    "adagrad": {"lr_decay": 0.01, "initial_accumulator_value": 0.1},
    "rmsprop": {"centered": True, "momentum": 0.9},
    "adam": {"amsgrad": True, "weight_decay": 0.1},
    "adamw": {"amsgrad": True},
}


# --------------------------------------------------------------------------------------
# Plain-Python reference: one coordinate, floats only, straight from the docs
# --------------------------------------------------------------------------------------


def _ref_sgd(h: dict, s: dict, theta: float, g: float, t: int, lr: float) -> float:
    if h["weight_decay"]:
        g = g + h["weight_decay"] * theta
    mu = h["momentum"]
    if mu:
        s["b"] = g if t == 1 else mu * s["b"] + (1 - h["dampening"]) * g
        g = g + mu * s["b"] if h["nesterov"] else s["b"]
    return theta - lr * g


def _ref_adagrad(h: dict, s: dict, theta: float, g: float, t: int, lr: float) -> float:
    if h["weight_decay"]:
        g = g + h["weight_decay"] * theta
    clr = lr / (1 + (t - 1) * h["lr_decay"])
    s["sum"] = s.get("sum", h["initial_accumulator_value"]) + g * g
    return theta - clr * g / (math.sqrt(s["sum"]) + h["eps"])


def _ref_rmsprop(h: dict, s: dict, theta: float, g: float, t: int, lr: float) -> float:
    if h["weight_decay"]:
        g = g + h["weight_decay"] * theta
    a = h["alpha"]
    s["v"] = a * s.get("v", 0.0) + (1 - a) * g * g
    v = s["v"]
    if h["centered"]:
        s["g_avg"] = a * s.get("g_avg", 0.0) + (1 - a) * g
        v = v - s["g_avg"] ** 2
    denom = math.sqrt(v) + h["eps"]
    if h["momentum"]:
        s["b"] = h["momentum"] * s.get("b", 0.0) + g / denom
        return theta - lr * s["b"]
    return theta - lr * g / denom


def _ref_adam(h: dict, s: dict, theta: float, g: float, t: int, lr: float, decoupled: bool) -> float:
    wd = h["weight_decay"]
    if wd and decoupled:
        theta = theta * (1 - lr * wd)
    elif wd:
        g = g + wd * theta
    b1, b2 = h["betas"]
    s["m"] = b1 * s.get("m", 0.0) + (1 - b1) * g
    s["v"] = b2 * s.get("v", 0.0) + (1 - b2) * g * g
    v = s["v"]
    if h["amsgrad"]:
        s["v_max"] = v = max(s.get("v_max", 0.0), v)
    bc1, bc2 = 1 - b1**t, 1 - b2**t
    return theta - lr / bc1 * s["m"] / (math.sqrt(v) / math.sqrt(bc2) + h["eps"])


REFERENCE_RULES = {
    "sgd": _ref_sgd,
    "momentum": _ref_sgd,
    "nesterov": _ref_sgd,
    "adagrad": _ref_adagrad,
    "rmsprop": _ref_rmsprop,
    "adam": lambda *a: _ref_adam(*a, decoupled=False),
    "adamw": lambda *a: _ref_adam(*a, decoupled=True),
}


def reference_run(kind: str, flags: dict, theta: list[float], grads: list[list[float]], lrs):
    """Run the documented rule coordinate by coordinate on Python floats."""
    h = {**DOCUMENTED[kind], **FIXED.get(kind, {}), **flags}
    theta = list(theta)
    states: list[dict] = [{} for _ in theta]
    for t, (g_vec, lr) in enumerate(zip(grads, lrs, strict=True), start=1):
        theta = [
            REFERENCE_RULES[kind](h, s, x, g, t, lr) for s, x, g in zip(states, theta, g_vec, strict=True)
        ]
    return theta


def _rng_grads(rng: np.random.Generator, shapes, dtype=np.float64) -> list[np.ndarray]:
    scale = 10.0 ** rng.uniform(-2, 2)
    return [(scale * rng.standard_normal(shape)).astype(dtype) for shape in shapes]


# --------------------------------------------------------------------------------------
# Literal numbers worked out by hand
# --------------------------------------------------------------------------------------


def _run(spec: dict, theta0: float, grads: list[float]) -> list[float]:
    param = np.array([theta0])
    opt = build_optimizer(spec, [param])
    path = []
    for g in grads:
        opt.step([np.array([g])])
        path.append(float(param[0]))
    return path


def test_sgd_plain_literal():
    assert _run({"kind": "sgd", "lr": 0.1}, 1.0, [2.0, -1.0]) == pytest.approx([0.8, 0.9], abs=1e-15)


def test_sgd_weight_decay_literal():
    # g + wd*theta = 1 + 0.5*1 = 1.5 -> 1 - 0.15 = 0.85
    assert _run({"kind": "sgd", "lr": 0.1, "weight_decay": 0.5}, 1.0, [1.0]) == pytest.approx([0.85])


def test_momentum_buffer_starts_at_gradient_literal():
    # b = 1, 1.9, 2.71 -> theta = 0.9, 0.71, 0.439
    path = _run({"kind": "momentum", "lr": 0.1}, 1.0, [1.0, 1.0, 1.0])
    assert path == pytest.approx([0.9, 0.71, 0.439], abs=1e-14)


def test_momentum_dampening_literal():
    # b1 = g = 1 (no dampening on the first step), b2 = 0.9*1 + 0.5*1 = 1.4
    path = _run({"kind": "momentum", "lr": 0.1, "dampening": 0.5}, 1.0, [1.0, 1.0])
    assert path == pytest.approx([0.9, 0.76], abs=1e-14)


def test_nesterov_literal():
    # b1 = 1, step g + 0.9*b = 1.9; b2 = 1.9, step 1 + 1.71 = 2.71
    path = _run({"kind": "nesterov", "lr": 0.1}, 1.0, [1.0, 1.0])
    assert path == pytest.approx([0.81, 0.539], abs=1e-14)


def test_adagrad_literal():
    # sum = 9 -> step 0.1*3/3; sum = 25 -> step 0.1*4/5
    path = _run({"kind": "adagrad", "lr": 0.1}, 1.0, [3.0, 4.0])
    assert path == pytest.approx([0.9, 0.82], abs=1e-9)


def test_adagrad_lr_decay_literal():
    # clr_2 = 0.1 / (1 + 1*0.5); sum = 1, 2 -> 1 - 0.1 - (0.1/1.5)/sqrt(2)
    path = _run({"kind": "adagrad", "lr": 0.1, "lr_decay": 0.5}, 1.0, [1.0, 1.0])
    assert path == pytest.approx([0.9, 0.9 - (0.1 / 1.5) / math.sqrt(2)], abs=1e-9)


def test_rmsprop_literal():
    # v1 = 0.01*4 = 0.04, step 0.01*2/0.2 = 0.1; v2 = 0.99*0.04 + 0.04 = 0.0796
    path = _run({"kind": "rmsprop", "lr": 0.01}, 1.0, [2.0, 2.0])
    assert path == pytest.approx([0.9, 0.9 - 0.02 / math.sqrt(0.0796)], abs=1e-8)


def test_rmsprop_centered_literal():
    # v1 = 0.04, g_avg = 0.02, v~ = 0.04 - 0.0004 = 0.0396
    path = _run({"kind": "rmsprop", "lr": 0.01, "centered": True}, 1.0, [2.0])
    assert path == pytest.approx([1 - 0.02 / math.sqrt(0.0396)], abs=1e-8)


def test_adam_constant_gradient_moves_lr_per_step_literal():
    # m_hat = g and v_hat = g^2 exactly for a constant gradient: each step is lr
    path = _run({"kind": "adam", "lr": 0.1}, 1.0, [2.0, 2.0, 2.0])
    assert path == pytest.approx([0.9, 0.8, 0.7], abs=1e-8)


def test_adam_second_step_literal():
    # g = 1 then 0: m2 = 0.09, v2 = 0.000999; m_hat = 0.09/0.19, v_hat = 0.000999/0.001999
    path = _run({"kind": "adam", "lr": 0.1}, 0.0, [1.0, 0.0])
    second = 0.1 * (0.09 / 0.19) / (math.sqrt(0.000999 / 0.001999) + 1e-8)
    assert path == pytest.approx([-0.1, -0.1 - second], abs=1e-8)


def test_adamw_decay_is_applied_before_the_adam_step_literal():
    # theta = 2*(1 - 0.1*0.5) = 1.9, then the Adam step of size lr
    assert _run({"kind": "adamw", "lr": 0.1, "weight_decay": 0.5}, 2.0, [1.0]) == pytest.approx(
        [1.8], abs=1e-8
    )


def test_adam_l2_is_folded_into_the_gradient_literal():
    # g = 0 + 0.5*2 = 1 > 0, first Adam step is lr whatever its size
    assert _run({"kind": "adam", "lr": 0.1, "weight_decay": 0.5}, 2.0, [0.0]) == pytest.approx([1.9])


def test_amsgrad_uses_the_running_maximum_literal():
    # g = 10 then 0.1: v2 = 0.999*0.1 + 1e-5 < v1 = 0.1 -> max keeps v1 = 0.1
    b1, b2, lr = 0.9, 0.999, 0.1
    m2 = b1 * 1.0 + 0.01
    first = -lr / (1 - b1) * 1.0 / (math.sqrt(0.1) / math.sqrt(1 - b2) + 1e-8)
    expected = first - lr / (1 - b1**2) * m2 / (math.sqrt(0.1) / math.sqrt(1 - b2**2) + 1e-8)
    path = _run({"kind": "adam", "lr": lr, "amsgrad": True}, 0.0, [10.0, 0.1])
    assert path[1] == pytest.approx(expected, rel=1e-12)


# --------------------------------------------------------------------------------------
# Every flag against the plain-Python reference
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "flags"), ALL_CASES, ids=CASE_IDS)
def test_matches_plain_python_reference(kind, flags):
    rng = np.random.default_rng(7)
    theta0 = rng.standard_normal(4)
    grads = [rng.standard_normal(4) * 10.0 ** rng.uniform(-1, 1) for _ in range(6)]
    lrs = [0.05, 0.05, 0.02, 0.05, 0.1, 0.05]
    param = theta0.copy()
    opt = build_optimizer({"kind": kind, "lr": 0.05, **flags}, [param])
    for g, lr in zip(grads, lrs, strict=True):
        opt.step([g], lr=None if lr == 0.05 else lr)
    expected = reference_run(kind, flags, list(theta0), [list(g) for g in grads], lrs)
    np.testing.assert_allclose(param, expected, rtol=1e-12, atol=1e-14)


# --------------------------------------------------------------------------------------
# torch.optim itself (skipped where torch is not installed, e.g. CI)
# --------------------------------------------------------------------------------------


def _torch_optimizer(torch, kind: str, flags: dict, tensors):
    h = {**DOCUMENTED[kind], **FIXED.get(kind, {}), **flags}
    if kind in ("sgd", "momentum", "nesterov"):
        return torch.optim.SGD(tensors, **h)
    classes = {
        "adagrad": torch.optim.Adagrad,
        "rmsprop": torch.optim.RMSprop,
        "adam": torch.optim.Adam,
        "adamw": torch.optim.AdamW,
    }
    if "betas" in h:
        h["betas"] = tuple(h["betas"])
    return classes[kind](tensors, **h)


@pytest.mark.parametrize(("kind", "flags"), ALL_CASES, ids=CASE_IDS)
def test_matches_torch_optim_over_50_steps(kind, flags):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(11)
    shapes = [(3, 4), (5,)]
    params = [rng.standard_normal(shape) for shape in shapes]
    tensors = [torch.tensor(p.copy(), dtype=torch.float64, requires_grad=True) for p in params]
    base_lr = 0.01
    ours = build_optimizer({"kind": kind, "lr": base_lr, **flags}, params)
    theirs = _torch_optimizer(torch, kind, {**flags, "lr": base_lr}, tensors)
    for t in range(50):
        grads = _rng_grads(rng, shapes)
        lr = None if t % 2 else base_lr * (1.5 + math.sin(t))  # a schedule feeds odd steps
        theirs.param_groups[0]["lr"] = base_lr if lr is None else lr
        for tensor, g in zip(tensors, grads, strict=True):
            tensor.grad = torch.from_numpy(g.copy())
        theirs.step()
        ours.step(grads, lr=lr)
    for p, tensor in zip(params, tensors, strict=True):
        np.testing.assert_allclose(p, tensor.detach().numpy(), rtol=1e-10, atol=1e-13)


@pytest.mark.parametrize("kind", OPTIMIZER_KINDS)
def test_matches_torch_optim_in_float32(kind):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    params = [rng.standard_normal((4, 3)).astype(np.float32)]
    tensors = [torch.tensor(params[0].copy(), requires_grad=True)]
    ours = build_optimizer({"kind": kind, "lr": 0.01, **RICH[kind]}, params)
    theirs = _torch_optimizer(torch, kind, {**RICH[kind], "lr": 0.01}, tensors)
    for _ in range(50):
        grads = _rng_grads(rng, [(4, 3)], np.float32)
        tensors[0].grad = torch.from_numpy(grads[0].copy())
        theirs.step()
        ours.step(grads)
    np.testing.assert_allclose(params[0], tensors[0].detach().numpy(), rtol=2e-4, atol=1e-5)


# --------------------------------------------------------------------------------------
# The facts the app teaches (DESIGN section 5)
# --------------------------------------------------------------------------------------

nonzero_grads = st.floats(1e-2, 1e3) | st.floats(-1e3, -1e-2)


@settings(max_examples=50, deadline=None)
@given(g=nonzero_grads, lr=st.floats(1e-4, 1.0))
def test_adam_first_step_is_lr_per_coordinate(g, lr):
    param = np.array([0.5, -0.5])
    build_optimizer({"kind": "adam", "lr": lr}, [param]).step([np.array([g, -g * 7])])
    np.testing.assert_allclose(param - [0.5, -0.5], [-lr * np.sign(g), lr * np.sign(g)], rtol=1e-6)


@settings(max_examples=50, deadline=None)
@given(g=nonzero_grads)
def test_adagrad_first_step_is_lr_times_sign(g):
    param = np.array([0.0])
    build_optimizer({"kind": "adagrad", "lr": 0.1}, [param]).step([np.array([g])])
    assert param[0] == pytest.approx(-0.1 * np.sign(g), rel=1e-7)


@settings(max_examples=50, deadline=None)
@given(g=nonzero_grads)
def test_rmsprop_first_step_is_ten_lr(g):
    param = np.array([0.0])
    build_optimizer({"kind": "rmsprop", "lr": 0.01}, [param]).step([np.array([g])])
    assert param[0] == pytest.approx(-0.01 / math.sqrt(1 - 0.99) * np.sign(g), rel=2e-5)


def test_adam_step_never_exceeds_its_bound():
    """|step| <= lr*(1-beta1)/sqrt(1-beta2) (~3.16 lr), even for a sudden huge gradient."""
    rng = np.random.default_rng(3)
    param = np.zeros(50)
    opt = build_optimizer({"kind": "adam", "lr": 0.01}, [param])
    largest = 0.0
    for t in range(2000):
        scale = 1e6 if t % 397 == 396 else 10.0 ** rng.uniform(-6, 0)
        before = param.copy()
        opt.step([scale * rng.standard_normal(50)])
        largest = max(largest, float(np.max(np.abs(param - before))))
    bound = 0.01 * (1 - 0.9) / math.sqrt(1 - 0.999)
    assert 0.01 < largest <= bound * (1 + 1e-9)


def _ravine_steps(spec: dict, start=(1.0, 1.0), kappa: float = 100.0) -> int:
    """Steps until ||theta|| <= 1e-6 ||theta_0|| on f = (x^2 + kappa*y^2)/2."""
    param = np.array(start)
    curvature = np.array([1.0, kappa])
    opt = build_optimizer(spec, [param])
    for t in range(1, 5000):
        opt.step([curvature * param])
        if np.linalg.norm(param) <= 1e-6 * np.linalg.norm(start):
            return t
    return -1


def test_ravine_gradient_descent_best_rate_needs_about_690_steps():
    # alpha = 2/(1 + 100), rate (kappa-1)/(kappa+1) = 0.9802 (Goh 2017)
    assert 680 <= _ravine_steps({"kind": "sgd", "lr": 2 / 101}) <= 700


def test_ravine_momentum_optimum_needs_about_92_steps():
    # alpha* = (2/(1+10))^2, beta* = (9/11)^2, rate 0.8182, double eigenvalue (Goh 2017)
    spec = {"kind": "momentum", "lr": (2 / 11) ** 2, "momentum": (9 / 11) ** 2}
    for start in [(1.0, 1.0), (0.0, 1.0), (1.0, 0.0)]:
        assert 75 <= _ravine_steps(spec, start) <= 100


def test_ravine_gradient_descent_diverges_above_two_over_lambda_max():
    param = np.array([1.0, 1.0])
    opt = build_optimizer({"kind": "sgd", "lr": 2.02 / 100}, [param])
    for _ in range(200):
        opt.step([np.array([1.0, 100.0]) * param])
    assert abs(param[1]) > 1.0


# --------------------------------------------------------------------------------------
# Precision: dtype, identity, no promotion, real float16 rounding
# --------------------------------------------------------------------------------------

STATE_DTYPE = {np.float16: np.float32, np.float32: np.float32, np.float64: np.float64}


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
@pytest.mark.parametrize("kind", OPTIMIZER_KINDS)
def test_dtype_and_identity_are_preserved(kind, dtype):
    rng = np.random.default_rng(0)
    params = [rng.standard_normal((3, 2)).astype(dtype), rng.standard_normal(4).astype(dtype)]
    originals = list(params)
    opt = build_optimizer({"kind": kind, "lr": 0.01, **RICH[kind]}, params)
    for t in range(3):
        grads = [rng.standard_normal(p.shape).astype(dtype) for p in params]
        opt.step(grads, lr=np.float64(0.02) if t == 1 else None)  # a float64 scalar lr
    for param, original in zip(opt.params, originals, strict=True):
        assert param is original
        assert param.dtype == dtype
        assert np.all(np.isfinite(param))
    arrays = opt.state_arrays()
    assert arrays.pop("step").dtype == np.int64
    assert arrays, "every RICH configuration has state"
    assert {a.dtype for a in arrays.values()} == {np.dtype(STATE_DTYPE[dtype])}
    assert all(a.dtype == STATE_DTYPE[dtype] for a in opt.display_state(1).values())


@pytest.mark.parametrize("kind", OPTIMIZER_KINDS)
def test_float16_is_float32_arithmetic_rounded_on_write(kind):
    """A float16 run equals a float32 run whose parameters are rounded to float16 after
    every step: the state stays float32 and only the write rounds."""
    rng = np.random.default_rng(1)
    p16 = rng.standard_normal(20).astype(np.float16)
    p32 = p16.astype(np.float32)
    spec = {"kind": kind, "lr": 0.01, **RICH[kind]}
    opt16, opt32 = build_optimizer(spec, [p16]), build_optimizer(spec, [p32])
    for _ in range(10):
        g = rng.standard_normal(20).astype(np.float16)
        opt16.step([g])
        opt32.step([g.astype(np.float32)])
        p32[...] = p32.astype(np.float16)
    np.testing.assert_array_equal(p16, p32.astype(np.float16))
    for name, value in opt16.state_arrays().items():
        np.testing.assert_array_equal(value, opt32.state_arrays()[name])


def test_float16_tiny_update_rounds_to_zero():
    # float16 spacing at 1.0 is 2**-10 ~ 9.8e-4: an update of 1e-4 is lost
    p16, p32 = np.ones(3, np.float16), np.ones(3, np.float32)
    for param in (p16, p32):
        build_optimizer({"kind": "sgd", "lr": 1e-4}, [param]).step([np.ones(3, param.dtype)])
    assert np.all(p16 == 1.0)
    assert np.all(p32 < 1.0)


def test_step_does_not_modify_the_gradients():
    for kind in OPTIMIZER_KINDS:
        param, grad = np.ones(4), np.arange(4.0)
        opt = build_optimizer({"kind": kind, **RICH[kind]}, [param])
        opt.step([grad])
        opt.step([grad])
        np.testing.assert_array_equal(grad, np.arange(4.0))


def test_non_finite_gradients_do_not_raise():
    for kind in OPTIMIZER_KINDS:
        param = np.ones(3)
        opt = build_optimizer({"kind": kind, **RICH[kind]}, [param])
        opt.step([np.array([np.nan, np.inf, -np.inf])])
        assert param.shape == (3,)


def test_weight_decay_zero_gives_the_same_numbers_as_the_plain_rule():
    for kind in OPTIMIZER_KINDS:
        a, b = np.ones(3), np.ones(3)
        opt_a = build_optimizer({"kind": kind, "weight_decay": 0.0}, [a])
        opt_b = build_optimizer({"kind": kind, "weight_decay": 0}, [b])
        for g in ([1.0, -2.0, 3.0], [0.5, 0.5, -1.0]):
            opt_a.step([np.array(g)])
            opt_b.step([np.array(g)])
        np.testing.assert_array_equal(a, b)


# --------------------------------------------------------------------------------------
# State: save, load, resume bit-identically
# --------------------------------------------------------------------------------------


def _resume_matches(kind: str, flags: dict, dtype) -> None:
    rng = np.random.default_rng(2)
    shapes = [(3, 4), (2,)]
    params = [rng.standard_normal(s).astype(dtype) for s in shapes]
    spec = {"kind": kind, "lr": 0.01, **flags}
    first = build_optimizer(spec, params)
    for _ in range(10):
        first.step(_rng_grads(rng, shapes, dtype))
    copies = [p.copy() for p in params]
    second = build_optimizer(first.hyperparameters(), copies)
    second.load_state_arrays(first.state_arrays())
    assert second.step_count == 10
    for _ in range(10):
        grads = _rng_grads(rng, shapes, dtype)
        first.step(grads)
        second.step(grads)
    for a, b in zip(params, copies, strict=True):
        assert np.array_equal(a, b)
    for name, value in first.state_arrays().items():
        assert np.array_equal(value, second.state_arrays()[name]), name


@pytest.mark.parametrize(("kind", "flags"), ALL_CASES, ids=CASE_IDS)
def test_state_round_trip_continues_bit_identically(kind, flags):
    _resume_matches(kind, flags, np.float64)


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
@pytest.mark.parametrize("kind", OPTIMIZER_KINDS)
def test_state_round_trip_in_low_precision(kind, dtype):
    _resume_matches(kind, RICH[kind], dtype)


def test_state_names():
    opt = build_optimizer({"kind": "adam", "amsgrad": True}, [np.zeros(2), np.zeros((1, 3))])
    assert sorted(opt.state_arrays()) == sorted(
        ["step"] + [f"{n}.{i}" for n in ("exp_avg", "exp_avg_sq", "max_exp_avg_sq") for i in (0, 1)]
    )
    assert opt.state_arrays()["step"].shape == ()
    assert build_optimizer({"kind": "sgd"}, [np.zeros(2)]).state_arrays().keys() == {"step"}


def test_state_arrays_are_copies():
    param = np.zeros(2)
    opt = build_optimizer({"kind": "momentum"}, [param])
    opt.step([np.ones(2)])
    opt.state_arrays()["momentum_buffer.0"][...] = 99
    opt.display_state()["velocity"][...] = 99
    np.testing.assert_array_equal(opt.display_state()["velocity"], [1.0, 1.0])


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda s: s.pop("exp_avg.0"), "optimizer.state.exp_avg.0"),
        (lambda s: s.update({"velocity.0": np.zeros(2)}), "optimizer.state.velocity.0"),
        (lambda s: s.update({"exp_avg_sq.0": np.zeros(3)}), "optimizer.state.exp_avg_sq.0"),
        (lambda s: s.update({"step": np.array(-1)}), "optimizer.state.step"),
        (lambda s: s.update({"step": np.array(1.5)}), "optimizer.state.step"),
    ],
)
def test_load_state_arrays_refuses_mismatches(mutate, field):
    opt = build_optimizer({"kind": "adam"}, [np.zeros(2)])
    opt.step([np.ones(2)])
    state = opt.state_arrays()
    mutate(state)
    before = opt.state_arrays()
    with pytest.raises(ConfigError) as info:
        opt.load_state_arrays(state)
    assert field in str(info.value)
    for name, value in opt.state_arrays().items():  # nothing was half-loaded
        np.testing.assert_array_equal(value, before[name])


def test_display_state_names():
    def names(kind, **flags):
        return set(build_optimizer({"kind": kind, **flags}, [np.zeros(2)]).display_state())

    assert names("sgd") == set()
    assert names("momentum") == names("nesterov") == {"velocity"}
    assert names("adagrad") == {"sum"}
    assert names("rmsprop") == {"square_avg"}
    assert names("rmsprop", centered=True, momentum=0.5) == {"square_avg", "grad_avg", "momentum_buffer"}
    assert names("adam") == {"exp_avg", "exp_avg_sq"}
    assert names("adamw", amsgrad=True) == {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"}


# --------------------------------------------------------------------------------------
# Settings: defaults, round trip, validation
# --------------------------------------------------------------------------------------


def test_kinds_and_documented_defaults():
    assert tuple(DOCUMENTED) == OPTIMIZER_KINDS
    for kind in OPTIMIZER_KINDS:
        assert optimizer_defaults(kind) == DOCUMENTED[kind]


@pytest.mark.parametrize(("kind", "flags"), ALL_CASES, ids=CASE_IDS)
def test_hyperparameters_round_trip_through_json(kind, flags):
    opt = build_optimizer({"kind": kind, "lr": 0.02, **flags}, [np.zeros(2)])
    settings_ = json.loads(json.dumps(opt.hyperparameters()))
    assert settings_ == {**DOCUMENTED[kind], "kind": kind, "lr": 0.02, **flags}
    assert build_optimizer(settings_, [np.zeros(2)]).hyperparameters() == settings_


def test_build_optimizer_returns_an_optimizer_of_the_kind():
    for kind in OPTIMIZER_KINDS:
        opt = build_optimizer({"kind": kind}, [np.zeros(1)])
        assert isinstance(opt, Optimizer)
        assert opt.kind == kind
        assert opt.lr == DOCUMENTED[kind]["lr"]


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ({"kind": "sgd", "lr": -0.1}, "optimizer.lr"),
        ({"kind": "sgd", "lr": 0}, "optimizer.lr"),
        ({"kind": "sgd", "lr": float("nan")}, "optimizer.lr"),
        ({"kind": "sgd", "lr": "0.1"}, "optimizer.lr"),
        ({"kind": "sgd", "lr": True}, "optimizer.lr"),
        ({"kind": "adam", "betas": [1.0, 0.999]}, "optimizer.betas[0]"),
        ({"kind": "adam", "betas": [0.9, -0.1]}, "optimizer.betas[1]"),
        ({"kind": "adam", "betas": [0.9]}, "optimizer.betas"),
        ({"kind": "adamw", "betas": "ab"}, "optimizer.betas"),
        ({"kind": "adam", "eps": 0.0}, "optimizer.eps"),
        ({"kind": "adam", "amsgrad": 1}, "optimizer.amsgrad"),
        ({"kind": "adam", "momentum": 0.9}, "optimizer.momentum"),
        ({"kind": "adam", "weight_decay": -1e-3}, "optimizer.weight_decay"),
        ({"kind": "sgd", "momentum": 1.0}, "optimizer.momentum"),
        ({"kind": "sgd", "dampening": 1.5}, "optimizer.dampening"),
        ({"kind": "sgd", "nesterov": True}, "optimizer.momentum"),
        ({"kind": "sgd", "nesterov": True, "momentum": 0.9, "dampening": 0.1}, "optimizer.dampening"),
        ({"kind": "nesterov", "momentum": 0.0}, "optimizer.momentum"),
        ({"kind": "nesterov", "nesterov": False}, "optimizer.nesterov"),
        ({"kind": "momentum", "nesterov": True}, "optimizer.nesterov"),
        ({"kind": "adagrad", "lr_decay": -1}, "optimizer.lr_decay"),
        ({"kind": "adagrad", "initial_accumulator_value": -1}, "optimizer.initial_accumulator_value"),
        ({"kind": "rmsprop", "alpha": 1.0}, "optimizer.alpha"),
        ({"kind": "rmsprop", "centered": "yes"}, "optimizer.centered"),
        ({"kind": "lbfgs"}, "optimizer.kind"),
        ({"lr": 0.1}, "optimizer.kind"),
    ],
)
def test_invalid_settings_raise_config_error_naming_the_field(spec, field):
    with pytest.raises(ConfigError) as info:
        build_optimizer(spec, [np.zeros(2)])
    assert info.value.params["field"] == field
    assert str(info.value).startswith(field + ":")


def test_unknown_key_and_kind_list_the_allowed_ones():
    with pytest.raises(ConfigError, match="allowed: momentum, dampening, weight_decay"):
        build_optimizer({"kind": "momentum", "beta": 0.9}, [np.zeros(1)])
    with pytest.raises(ConfigError, match="allowed: sgd, momentum, nesterov"):
        build_optimizer({"kind": "adadelta"}, [np.zeros(1)])
    with pytest.raises(ConfigError) as info:
        optimizer_defaults("adadelta")
    assert info.value.code == "unknown_kind"


def test_error_codes_for_translation():
    with pytest.raises(ConfigError) as info:
        build_optimizer({"kind": "sgd", "lr": -1}, [np.zeros(1)])
    assert (info.value.code, info.value.params["value"]) == ("not_positive", -1)
    assert str(info.value) == "optimizer.lr: must be a positive number, got -1"


def test_step_checks_gradients_and_lr():
    opt = build_optimizer({"kind": "sgd"}, [np.zeros(2)])
    with pytest.raises(ValueError, match="expected 1 gradients"):
        opt.step([np.zeros(2), np.zeros(2)])
    with pytest.raises(ValueError, match="shape"):
        opt.step([np.zeros(3)])
    with pytest.raises(ConfigError, match="optimizer.lr"):
        opt.step([np.zeros(2)], lr=-0.1)
    opt.step([np.ones(2)], lr=0.0)  # the end of a cosine schedule
    assert opt.step_count == 1
    np.testing.assert_array_equal(opt.params[0], [0.0, 0.0])


def test_params_must_be_writable_float_arrays():
    with pytest.raises(TypeError):
        build_optimizer({"kind": "sgd"}, [np.zeros(2, dtype=np.int64)])
    frozen = np.zeros(2)
    frozen.flags.writeable = False
    with pytest.raises(ValueError, match="read-only"):
        build_optimizer({"kind": "sgd"}, [frozen])


# --------------------------------------------------------------------------- one flat update
FLAT_CASES = [
    ("sgd", {}),
    ("momentum", {"dampening": 0.5, "weight_decay": 0.01}),
    ("nesterov", {"weight_decay": 0.01}),
    ("adagrad", {"lr_decay": 0.01, "weight_decay": 0.01}),
    ("rmsprop", {"centered": True, "momentum": 0.5, "weight_decay": 0.01}),
    ("adam", {"amsgrad": True, "weight_decay": 0.01}),
    ("adamw", {}),
]


@pytest.mark.parametrize("kind, flags", FLAT_CASES)
@pytest.mark.parametrize(
    "dtypes", [("float64",) * 3, ("float32",) * 3, ("float16",) * 3, ("float32", "float64", "float16")]
)
def test_several_parameters_update_as_if_each_had_its_own_optimizer(kind, flags, dtypes) -> None:
    """The rule runs once on all parameters of a dtype as one vector: the same numbers,
    bit for bit, as one optimizer per parameter (and the state keeps per-parameter names)."""
    rng = np.random.default_rng(3)
    shapes = [(3, 4), (4,), (2, 2, 2)]
    start = [rng.normal(size=s).astype(d) for s, d in zip(shapes, dtypes, strict=True)]
    together = [p.copy() for p in start]
    alone = [[p.copy()] for p in start]
    spec = {"kind": kind, "lr": 0.05, **flags}
    joint = build_optimizer(spec, together)
    singles = [build_optimizer(spec, p) for p in alone]
    for t in range(6):
        grads = [rng.normal(size=s).astype(d) for s, d in zip(shapes, dtypes, strict=True)]
        joint.step(grads, lr=0.05 / (t + 1))
        for single, grad in zip(singles, grads, strict=True):
            single.step([grad], lr=0.05 / (t + 1))
    for index, (param, single) in enumerate(zip(together, singles, strict=True)):
        np.testing.assert_array_equal(param, single.params[0])
        for name, value in single.state_arrays().items():
            own = name if name == "step" else f"{name.rsplit('.', 1)[0]}.{index}"
            np.testing.assert_array_equal(joint.state_arrays()[own], value)
        for name, value in single.display_state().items():
            np.testing.assert_array_equal(joint.display_state(index)[name], value)


@pytest.mark.parametrize("kind, flags", FLAT_CASES)
def test_one_learning_rate_per_row_matches_separate_optimizers(kind, flags) -> None:
    """A block of racers (rows of one array) with their own learning rates moves exactly
    as if each row had its own optimizer: what a landscape race relies on."""
    rates = np.array([[0.01], [0.1], [0.3]])
    block = np.array([[1.0, -2.0], [0.5, 0.5], [-1.0, 3.0]])
    rows = [[block[i].copy()] for i in range(3)]
    spec = {"kind": kind, "lr": 0.01, **flags}
    joint = build_optimizer(spec, [block])
    singles = [build_optimizer({**spec, "lr": float(rates[i, 0])}, rows[i]) for i in range(3)]
    for _ in range(5):
        grad = np.sin(block) + 0.3
        joint.apply([grad], rates)
        for i, single in enumerate(singles):
            single.step([np.sin(rows[i][0]) + 0.3])
    for i, single in enumerate(singles):
        np.testing.assert_array_equal(block[i], single.params[0])
        for name, value in single.state_buffers().items():
            np.testing.assert_array_equal(joint.state_buffers()[name][i], value)
