"""Optimizer trajectories on the analytic surfaces: the numbers of DESIGN.md section 5."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gradsim.engine.errors import ConfigError
from gradsim.engine.optimizers import build_optimizer
from gradsim.landscapes.surfaces import make_surface, surface_names
from gradsim.landscapes.trajectories import minima, race, run_trajectory, summarize

KAPPA = 100.0
L_MIN, L_MAX = 1.0, 100.0


@pytest.fixture(scope="module")
def ravine():
    return make_surface("ravine", kappa=KAPPA, lam_min=L_MIN)


def fitted_rate(errors: np.ndarray, first: int, last: int) -> float:
    """exp(slope) of a least-squares line through log(error_t), first <= t <= last."""
    t = np.arange(first, last + 1)
    slope = np.polyfit(t, np.log(errors[first : last + 1]), 1)[0]
    return float(math.exp(slope))


def heavy_ball_matrix(spec: dict, surface, axis: int) -> np.ndarray:
    """The 2x2 map (theta, b) -> (theta', b') of one eigen-direction, measured on the engine's
    optimizer: one step from each basis state, with the buffer already started (step > 1)."""
    columns = []
    for theta, buf in ((1.0, 0.0), (0.0, 1.0)):
        point = np.zeros(2)
        point[axis] = theta
        velocity = np.zeros(2)
        velocity[axis] = buf
        opt = build_optimizer(spec, [point])
        opt.load_state_arrays({"step": np.array(1), "momentum_buffer.0": velocity})
        gx, gy = surface.gradient(point[0], point[1])
        opt.step([np.array([float(gx), float(gy)])])
        columns.append([point[axis], opt.display_state(0)["velocity"][axis]])
    return np.array(columns).T


# ----------------------------------------------------------------------------- ravine
def test_momentum_optimal_parameters_give_the_theoretical_spectral_radius(ravine):
    alpha = (2 / (math.sqrt(L_MIN) + math.sqrt(L_MAX))) ** 2
    beta = ((math.sqrt(KAPPA) - 1) / (math.sqrt(KAPPA) + 1)) ** 2
    rho = (math.sqrt(KAPPA) - 1) / (math.sqrt(KAPPA) + 1)  # 9/11 = 0.8182
    spec = {"kind": "momentum", "lr": alpha, "momentum": beta}
    for axis, lam in ((0, L_MIN), (1, L_MAX)):
        matrix = heavy_ball_matrix(spec, ravine, axis)
        expected = np.array([[1 - alpha * lam, -alpha * beta], [lam, beta]])
        np.testing.assert_allclose(matrix, expected, rtol=1e-12, atol=1e-15)
        radius = max(abs(np.linalg.eigvals(matrix)))
        # A double eigenvalue: rounding moves it by ~sqrt(machine eps).
        assert radius == pytest.approx(rho, rel=1e-6)
    assert rho == pytest.approx(0.8182, abs=1e-4)


def test_momentum_error_decays_at_the_theoretical_rate(ravine):
    alpha = (2 / (math.sqrt(L_MIN) + math.sqrt(L_MAX))) ** 2
    beta = ((math.sqrt(KAPPA) - 1) / (math.sqrt(KAPPA) + 1)) ** 2
    rho = (math.sqrt(KAPPA) - 1) / (math.sqrt(KAPPA) + 1)
    run = run_trajectory(ravine, {"kind": "momentum", "lr": alpha, "momentum": beta}, (1.0, 1.0), 400)
    errors = np.hypot(run.positions[:, 0], run.positions[:, 1])
    assert fitted_rate(errors, 100, 400) == pytest.approx(rho, rel=0.02)
    # (1 + ct) rho^t: reaching 1e-6 takes ~92 steps, not ln(1e-6)/ln(rho) = 69.
    first = int(np.argmax(errors / errors[0] <= 1e-6))
    assert 87 <= first <= 97


def test_gradient_descent_at_best_step_decays_at_kappa_rate(ravine):
    alpha = 2 / (L_MIN + L_MAX)
    rate = (KAPPA - 1) / (KAPPA + 1)
    assert rate == pytest.approx(0.9802, abs=1e-4)
    run = run_trajectory(ravine, {"kind": "sgd", "lr": alpha}, (1.0, 1.0), 800)
    errors = np.hypot(run.positions[:, 0], run.positions[:, 1])
    assert fitted_rate(errors, 100, 800) == pytest.approx(rate, rel=1e-9)
    # Every step multiplies both coordinates by -+(kappa-1)/(kappa+1): ~690 steps to 1e-6.
    first = int(np.argmax(errors / errors[0] <= 1e-6))
    assert abs(first - math.log(1e-6) / math.log(rate)) < 2
    assert 688 <= first <= 693


def test_momentum_beats_gradient_descent(ravine):
    runs = race(
        ravine,
        [
            {"kind": "sgd", "lr": 2 / (L_MIN + L_MAX)},
            {"kind": "momentum", "lr": 1 / 30.25, "momentum": 0.669},
        ],
        (1.0, 1.0),
        300,
    )
    gd, heavy = (np.hypot(r.positions[-1, 0], r.positions[-1, 1]) for r in runs)
    assert heavy < 1e-15 < gd


def test_gradient_descent_beyond_two_over_lambda_max_diverges_without_raising(ravine):
    run = run_trajectory(ravine, {"kind": "sgd", "lr": 2.5 / L_MAX}, (1.0, 1.0), 3000)
    assert run.stop_reason == "diverged"
    assert run.diverged_at is not None and 0 < run.diverged_at < 3000
    assert run.steps_taken == run.diverged_at
    t = run.steps_taken
    assert not np.isfinite(run.values[t]) or not np.all(np.isfinite(run.positions[t]))
    assert np.all(np.isfinite(run.positions[:t]))
    assert np.all(np.isnan(run.positions[t + 1 :]))
    # Just below the limit it converges.
    ok = run_trajectory(ravine, {"kind": "sgd", "lr": 1.9 / L_MAX}, (1.0, 1.0), 3000)
    assert ok.stop_reason == "completed" and ok.diverged_at is None
    assert ok.values[-1] < 1e-20


def test_leaving_the_bound_stops_the_run(ravine):
    run = run_trajectory(ravine, {"kind": "sgd", "lr": 2.5 / L_MAX}, (1.0, 1.0), 3000, bound=10.0)
    assert run.stop_reason == "left_bounds"
    t = run.diverged_at
    assert np.abs(run.positions[t]).max() > 10.0
    assert np.abs(run.positions[:t]).max() <= 10.0
    assert run.steps_taken == t
    outside = run_trajectory(ravine, {"kind": "sgd", "lr": 0.01}, (20.0, 0.0), 10, bound=10.0)
    assert (outside.stop_reason, outside.diverged_at, outside.steps_taken) == ("left_bounds", 0, 0)


# ----------------------------------------------------------------------------- saddle
def escape_step(run) -> int | None:
    out = np.abs(run.positions[:, 1]) >= 1.0
    return int(np.argmax(out)) if out.any() else None


@pytest.mark.parametrize(("y0", "expected"), [(1e-2, 49), (1e-4, 97), (1e-8, 194)])
def test_saddle_escape_takes_log_of_offset_steps(y0, expected):
    saddle = make_surface("saddle")  # 5x^2 - y^2
    run = run_trajectory(saddle, {"kind": "sgd", "lr": 0.05}, (1.0, y0), 400)
    step = escape_step(run)
    assert step == math.ceil(math.log(1 / y0) / math.log(1 + 2 * 0.05))
    assert abs(step - expected) <= 2


def test_gradient_descent_on_the_stable_axis_never_leaves_it():
    saddle = make_surface("saddle")
    run = run_trajectory(saddle, {"kind": "sgd", "lr": 0.05}, (1.0, 0.0), 3000)
    assert run.stop_reason == "completed"
    assert np.all(run.positions[:, 1] == 0.0)
    assert abs(run.positions[-1, 0]) < 1e-100  # converged to the saddle point itself


def test_gradient_noise_escapes_the_saddle():
    saddle = make_surface("saddle")
    steps = []
    for seed in range(10):
        run = run_trajectory(saddle, {"kind": "sgd", "lr": 0.05}, (1.0, 0.0), 400, noise_std=1e-3, seed=seed)
        steps.append(escape_step(run))
    assert all(s is not None for s in steps)
    assert 88 <= float(np.median(steps)) <= 128  # DESIGN.md: 88-128 steps
    assert max(steps) < 200


def test_noise_is_added_to_the_gradient_and_is_seeded():
    saddle = make_surface("saddle")
    lr, std, seed = 0.05, 0.3, 7
    run = run_trajectory(saddle, {"kind": "sgd", "lr": lr}, (1.0, 0.5), 5, noise_std=std, seed=seed)
    z = np.random.default_rng(seed).standard_normal((5, 2))
    gradient = np.array([2 * 5 * 1.0, -2 * 1 * 0.5])
    np.testing.assert_allclose(run.updates[0], -lr * (gradient + std * z[0]), rtol=1e-12)
    again = run_trajectory(saddle, {"kind": "sgd", "lr": lr}, (1.0, 0.5), 5, noise_std=std, seed=seed)
    np.testing.assert_array_equal(run.positions, again.positions)
    other = run_trajectory(saddle, {"kind": "sgd", "lr": lr}, (1.0, 0.5), 5, noise_std=std, seed=seed + 1)
    assert not np.array_equal(run.positions, other.positions)
    # grad_norms are the surface's own, without the noise.
    assert run.grad_norms[0] == pytest.approx(np.hypot(*gradient))


# ----------------------------------------------------------------------------- cliff
def largest_step(run) -> float:
    n = run.steps_taken
    return float(np.max(np.hypot(run.updates[:n, 0], run.updates[:n, 1])))


def rounding(run) -> float:
    """Absolute rounding error of a step measured as p_t - p_{t-1} (a few ulps of |p|)."""
    n = run.steps_taken
    return 4 * np.finfo(float).eps * float(np.max(np.abs(run.positions[: n + 1])))


def test_clipping_bounds_the_step_at_the_cliff():
    cliff = make_surface("cliff")
    start = cliff.starts[0]  # on the wall: slope H k / 4 = 50
    lr, c, mu = 0.1, 1.0, 0.9
    clip = {"kind": "norm", "max": c}
    plain = run_trajectory(cliff, {"kind": "sgd", "lr": lr}, start, 300)
    clipped = run_trajectory(cliff, {"kind": "sgd", "lr": lr}, start, 300, clipping=clip)
    heavy = run_trajectory(cliff, {"kind": "momentum", "lr": lr, "momentum": mu}, start, 300, clipping=clip)
    assert largest_step(clipped) <= lr * c
    assert largest_step(heavy) <= lr * c / (1 - mu)
    assert largest_step(plain) > 20 * lr * c  # ~lr H k / 4 = 5
    assert largest_step(plain) == pytest.approx(lr * cliff.max_wall_slope(), rel=0.05)
    assert clipped.clipped[0] and not plain.clipped.any()


@settings(max_examples=40)
@given(
    name=st.sampled_from(surface_names()),
    fx=st.floats(0.0, 1.0),
    fy=st.floats(0.0, 1.0),
    lr=st.floats(1e-3, 0.5),
    c=st.floats(1e-2, 10.0),
    mu=st.sampled_from([0.0, 0.5, 0.9]),
)
def test_clipped_steps_are_bounded_on_every_surface(name, fx, fy, lr, c, mu):
    surface = make_surface(name)
    xmin, xmax, ymin, ymax = surface.view
    start = (xmin + fx * (xmax - xmin), ymin + fy * (ymax - ymin))
    spec = {"kind": "momentum", "lr": lr, "momentum": mu} if mu else {"kind": "sgd", "lr": lr}
    run = run_trajectory(surface, spec, start, 60, clipping={"kind": "norm", "max": c})
    if run.steps_taken:
        assert largest_step(run) <= lr * c / (1 - mu) * (1 + 1e-12) + rounding(run)


# ----------------------------------------------------------------------------- Adam
def adam_step_bound(beta1: float, beta2: float, t: np.ndarray) -> np.ndarray:
    """A rigorous bound on |step_t| / lr (Cauchy-Schwarz on m_t / sqrt(v_t), eps ignored).

    With a_k = (1-b1) b1^k, c_k = (1-b2) b2^k and q = b1^2/b2 < 1:
    |m_t| / sqrt(v_t) <= sqrt(sum_k a_k^2 / c_k) = (1-b1)/sqrt(1-b2) sqrt((1-q^t)/(1-q)),
    times the bias corrections sqrt(1-b2^t)/(1-b1^t). It is 1 at t = 1 and tends to
    (1-b1)/sqrt(1-b2)/sqrt(1-q) (7.27 with the defaults), reached by gradients that grow
    geometrically by b2/b1 per step.
    """
    q = beta1**2 / beta2
    return (
        (1 - beta1)
        / math.sqrt(1 - beta2)
        * np.sqrt((1 - q**t) / (1 - q))
        * np.sqrt(1 - beta2**t)
        / (1 - beta1**t)
    )


@pytest.mark.parametrize("name", ["ravine", "rosenbrock", "himmelblau", "cliff", "beale", "goldstein-price"])
def test_adam_first_step_is_lr_per_coordinate(name):
    surface = make_surface(name)
    start = surface.starts[0]
    gx, gy = surface.gradient(*start)
    assert abs(gx) > 1e-3 and abs(gy) > 1e-3
    run = run_trajectory(surface, {"kind": "adam", "lr": 0.05}, start, 1)
    np.testing.assert_allclose(np.abs(run.updates[0]), [0.05, 0.05], rtol=1e-6)
    np.testing.assert_allclose(np.sign(run.updates[0]), -np.sign([gx, gy]))


@settings(max_examples=60)
@given(
    name=st.sampled_from(surface_names()),
    fx=st.floats(0.0, 1.0),
    fy=st.floats(0.0, 1.0),
    lr=st.floats(1e-4, 0.3),
    betas=st.sampled_from([(0.9, 0.999), (0.8, 0.99), (0.5, 0.9)]),
)
def test_adam_steps_never_exceed_the_rigorous_bound(name, fx, fy, lr, betas):
    surface = make_surface(name)
    xmin, xmax, ymin, ymax = surface.view
    start = (xmin + fx * (xmax - xmin), ymin + fy * (ymax - ymin))
    run = run_trajectory(surface, {"kind": "adam", "lr": lr, "betas": list(betas)}, start, 150)
    n = run.steps_taken
    bound = adam_step_bound(*betas, np.arange(1, n + 1))
    slack = rounding(run)
    assert np.all(np.abs(run.updates[:n]) <= lr * bound[:, None] * (1 + 1e-9) + slack)
    assert np.all(np.abs(run.updates[:1]) <= lr * (1 + 1e-9) + slack)  # first step: at most lr


def test_kingma_ba_step_bound_is_only_approximate():
    """lr (1-b1)/sqrt(1-b2) (3.16 lr) bounds the step when one gradient stands out from
    small ones (Kingma & Ba 2015, sec. 2.1), not when gradients keep growing: falling into
    the plateau's basin, Adam's step reaches ~3.25 lr (still under the rigorous bound)."""
    plateau = make_surface("plateau")
    lr = 0.003
    run = run_trajectory(plateau, {"kind": "adam", "lr": lr}, (4.0, 0.0), 400)
    largest = float(np.max(np.abs(run.updates)))
    kingma_ba = lr * 0.1 / math.sqrt(0.001)
    assert kingma_ba < largest < lr * float(adam_step_bound(0.9, 0.999, np.array([400.0]))[0])


# ----------------------------------------------------------------------------- race & records
def test_race_is_aligned_and_equals_single_runs():
    surface = make_surface("rosenbrock")
    specs = [
        {"kind": "sgd", "lr": 0.01},  # diverges on Rosenbrock at this rate
        {"kind": "momentum", "lr": 1e-3},
        {"kind": "adam", "lr": 0.02},
        {"kind": "rmsprop", "lr": 0.01},
    ]
    runs = race(surface, specs, (-1.2, 1.0), 500, noise_std=0.01, seed=3)
    assert {len(r.positions) for r in runs} == {501}
    assert {len(r.updates) for r in runs} == {500}
    assert runs[0].stop_reason == "diverged"
    assert np.all(np.isnan(runs[0].positions[runs[0].steps_taken + 1 :]))
    assert np.all(np.isnan(runs[0].values[runs[0].steps_taken + 1 :]))
    for spec, run in zip(specs, runs, strict=True):
        alone = run_trajectory(surface, spec, (-1.2, 1.0), 500, noise_std=0.01, seed=3)
        np.testing.assert_array_equal(run.positions, alone.positions)
        np.testing.assert_array_equal(run.values, alone.values)
        assert run.stop_reason == alone.stop_reason
        for name in run.state:
            np.testing.assert_array_equal(run.state[name], alone.state[name])


def test_racers_of_one_kind_step_as_one_block_and_equal_single_runs():
    """Racers sharing an optimizer configuration move as rows of one array (one engine
    optimizer, a learning rate per row): bit for bit what each does alone, with their own
    schedules, clipping and state, also when one of them diverges and the others go on."""
    surface = make_surface("rosenbrock")
    sched = {"kind": "step", "step_size": 40, "gamma": 0.5}
    specs = [
        {"kind": "adam", "lr": 0.02},
        {"kind": "sgd", "lr": 0.01},  # diverges
        {"kind": "adam", "lr": 0.005},
        {"kind": "sgd", "lr": 1e-4},
        {"kind": "adam", "lr": 0.05},
        {"kind": "adam", "lr": 0.02, "amsgrad": True},  # another configuration: its own block
    ]
    clipping = [None, None, {"kind": "norm", "max": 1.0}, None, None, None]
    schedules = [None, None, None, None, sched, None]
    runs = race(
        surface, specs, (-1.2, 1.0), 700, clipping=clipping, schedule=schedules, noise_std=0.01, seed=4
    )
    assert runs[1].stop_reason == "diverged" and runs[3].stop_reason == "completed"
    assert runs[2].clipped.any()
    for i, (spec, run) in enumerate(zip(specs, runs, strict=True)):
        alone = run_trajectory(
            surface,
            spec,
            (-1.2, 1.0),
            700,
            clipping=clipping[i],
            schedule=schedules[i],
            noise_std=0.01,
            seed=4,
        )
        assert run.optimizer == alone.optimizer
        for name in ("positions", "values", "grad_norms", "updates", "learning_rates", "clipped"):
            np.testing.assert_array_equal(getattr(run, name), getattr(alone, name), err_msg=f"{i} {name}")
        assert run.state.keys() == alone.state.keys()
        for name in run.state:
            np.testing.assert_array_equal(run.state[name], alone.state[name])
        assert (run.steps_taken, run.stop_reason) == (alone.steps_taken, alone.stop_reason)


def test_race_takes_per_run_clipping_and_schedules():
    cliff = make_surface("cliff")
    specs = [{"kind": "sgd", "lr": 0.1}] * 2
    runs = race(cliff, specs, cliff.starts[0], 50, clipping=[None, {"kind": "norm", "max": 1.0}])
    assert largest_step(runs[0]) > 1.0 >= 10 * largest_step(runs[1])
    with pytest.raises(ConfigError):
        race(cliff, specs, cliff.starts[0], 5, clipping=[None])
    sched = {"kind": "step", "step_size": 10, "gamma": 0.5}
    run = run_trajectory(cliff, {"kind": "sgd", "lr": 0.1}, (1.0, 1.0), 30, schedule=sched)
    np.testing.assert_allclose(run.learning_rates, [0.1] * 10 + [0.05] * 10 + [0.025] * 10)


def test_recorded_state_is_the_optimizers():
    ravine = make_surface("ravine")
    lr = 0.01
    run = run_trajectory(ravine, {"kind": "momentum", "lr": lr, "momentum": 0.9}, (1.0, 1.0), 50)
    # Heavy ball: theta_t - theta_{t-1} = -lr * b_t.
    np.testing.assert_allclose(run.updates, -lr * run.state["velocity"][1:], rtol=1e-12)
    np.testing.assert_array_equal(run.state["velocity"][0], [0.0, 0.0])
    adam = run_trajectory(ravine, {"kind": "adam", "lr": lr}, (1.0, 1.0), 3)
    g0 = np.array(ravine.gradient(1.0, 1.0))
    np.testing.assert_allclose(adam.state["exp_avg"][1], 0.1 * g0, rtol=1e-12)
    np.testing.assert_allclose(adam.state["exp_avg_sq"][1], 0.001 * g0**2, rtol=1e-12)
    sgd = run_trajectory(ravine, {"kind": "sgd", "lr": lr}, (1.0, 1.0), 3)
    assert dict(sgd.state) == {}


def test_trajectory_records_are_consistent_and_read_only():
    surface = make_surface("himmelblau")
    run = run_trajectory(surface, {"kind": "adam", "lr": 0.05}, (0.0, 0.0), 200)
    np.testing.assert_array_equal(run.positions[0], [0.0, 0.0])
    np.testing.assert_array_equal(run.updates, np.diff(run.positions, axis=0))
    np.testing.assert_allclose(run.values, surface.value(run.positions[:, 0], run.positions[:, 1]))
    gx, gy = surface.gradient(run.positions[:, 0], run.positions[:, 1])
    np.testing.assert_allclose(run.grad_norms, np.hypot(gx, gy))
    assert run.optimizer["kind"] == "adam" and run.optimizer["betas"] == [0.9, 0.999]
    with pytest.raises(ValueError):
        run.positions[0, 0] = 1.0
    assert run.label == "adam lr=0.05"


@pytest.mark.parametrize(
    ("start", "steps", "kwargs"),
    [
        ((0.0, math.nan), 10, {}),
        ((0.0,), 10, {}),
        ((0.0, 0.0), -1, {}),
        ((0.0, 0.0), 1.5, {}),
        ((0.0, 0.0), 10**7, {}),
        ((0.0, 0.0), 10, {"noise_std": -1.0}),
        ((0.0, 0.0), 10, {"bound": 0.0}),
        ((0.0, 0.0), 10, {"clipping": {"kind": "norm"}}),
        ((0.0, 0.0), 10, {"schedule": {"kind": "nope"}}),
    ],
)
def test_bad_settings_raise_config_errors(start, steps, kwargs):
    with pytest.raises(ConfigError):
        run_trajectory(make_surface("booth"), {"kind": "sgd", "lr": 0.01}, start, steps, **kwargs)


def test_bad_optimizer_specs_raise_config_errors():
    booth = make_surface("booth")
    for spec in ({"kind": "nope"}, {"kind": "sgd", "lr": -1.0}, {"kind": "adam", "momentum": 0.9}, {}):
        with pytest.raises(ConfigError):
            run_trajectory(booth, spec, (0.0, 0.0), 5)
    with pytest.raises(ConfigError):
        race(booth, [], (0.0, 0.0), 5)


def test_non_finite_gradient_at_the_start_stops_at_step_zero():
    surface = make_surface("formula", formula="sqrt(x) + y**2")
    run = run_trajectory(surface, {"kind": "sgd", "lr": 0.1}, (-1.0, 1.0), 20)
    assert (run.stop_reason, run.diverged_at, run.steps_taken) == ("diverged", 0, 0)
    assert np.all(np.isnan(run.positions[1:]))
    assert summarize(run, surface).path_length == 0.0


# ----------------------------------------------------------------------------- summaries
def test_summary_finds_the_minimum_each_start_reaches():
    surface = make_surface("himmelblau")
    found = set()
    for start in [(4.0, 4.0), (-4.0, 4.0), (-4.0, -4.0), (4.0, -4.0)]:
        run = run_trajectory(surface, {"kind": "momentum", "lr": 0.002, "momentum": 0.9}, start, 2000)
        summary = summarize(run, surface)
        assert summary.reached_minimum is not None
        m = minima(surface)[summary.reached_minimum]
        tol = 0.01 * math.hypot(10.0, 10.0)  # 1% of the view's diagonal
        near = (np.abs(run.values - m.value) <= 1e-6) & (
            np.hypot(run.positions[:, 0] - m.x, run.positions[:, 1] - m.y) <= tol
        )
        assert summary.steps_to_converge == int(np.argmax(near)) > 0
        found.add(summary.reached_minimum)
        steps = np.hypot(run.updates[:, 0], run.updates[:, 1])
        assert summary.path_length == pytest.approx(float(steps.sum()))
        assert summary.final_value == run.values[-1]
        assert summary.diverged_at is None
    assert len(found) == 4  # the four minima of Himmelblau's function


def test_summary_of_a_run_that_never_arrives_or_diverges(ravine):
    slow = run_trajectory(ravine, {"kind": "sgd", "lr": 1e-4}, (1.0, 1.0), 50)
    summary = summarize(slow, ravine)
    assert summary.steps_to_converge is None and summary.reached_minimum is None
    blown = run_trajectory(ravine, {"kind": "sgd", "lr": 0.05}, (1.0, 1.0), 2000)
    summary = summarize(blown, ravine)
    assert summary.diverged_at == blown.diverged_at is not None
    assert summary.stop_reason == "diverged"
    assert summary.steps_to_converge is None


def test_summary_eps_and_tolerance(ravine):
    run = run_trajectory(ravine, {"kind": "sgd", "lr": 2 / (L_MIN + L_MAX)}, (1.0, 1.0), 1000)
    loose = summarize(run, ravine, eps=1e-2).steps_to_converge
    tight = summarize(run, ravine, eps=1e-12).steps_to_converge
    assert loose < tight
    values = run.values
    assert values[tight] <= 1e-12 < values[tight - 1]
    with pytest.raises(ConfigError):
        summarize(run, ravine, eps=-1.0)


@pytest.mark.parametrize(
    "name, params",
    [*[(n, {}) for n in surface_names()], ("formula", {"formula": "5"}), ("formula", {"formula": "y"})],
)
def test_race_gradients_are_the_surfaces_public_gradient(name, params):
    """The race calls the surfaces' analytic gradient without the public wrapper: the same
    numbers, constant terms included (they broadcast over the racers)."""
    surface = make_surface(name, **params)
    runs = race(
        surface,
        [{"kind": "adam", "lr": 0.05}, {"kind": "sgd", "lr": 1e-3}],
        surface.starts[0] if surface.starts else (0.5, 0.5),
        40,
    )
    for run in runs:
        n = run.steps_taken + 1
        with np.errstate(invalid="ignore"):  # a diverged run's last position
            gx, gy = surface.gradient(run.positions[:n, 0], run.positions[:n, 1])
        np.testing.assert_array_equal(run.grad_norms[:n], np.hypot(gx, gy))
