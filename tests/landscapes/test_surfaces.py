"""The analytic surfaces: derivatives, critical points, published numbers, validation."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from gradsim.engine.errors import ConfigError
from gradsim.landscapes.formula import make_formula_surface
from gradsim.landscapes.surfaces import (
    CriticalPoint,
    Surface,
    make_surface,
    surface_info,
    surface_names,
)

NAMES = surface_names()
EXPECTED_NAMES = (
    "saddle",
    "bounded-saddle",
    "monkey-saddle",
    "cliff",
    "ravine",
    "plateau",
    "rosenbrock",
    "beale",
    "himmelblau",
    "booth",
    "rastrigin",
    "ackley",
    "six-hump-camel",
    "goldstein-price",
)
# Non-default parameters, so derivatives are checked away from the defaults too.
VARIANTS = [
    ("saddle", {"a": 0.3, "b": 7.0}),
    ("bounded-saddle", {"a": 4.0}),
    ("cliff", {"height": 3.0, "steepness": 60.0, "position": 0.5}),
    ("ravine", {"kappa": 200.0, "lam_min": 0.5, "rotation": 33.0}),
    ("plateau", {"width": 0.5, "depth": 3.0}),
    ("rosenbrock", {"a": -1.5, "b": 10.0}),
    ("rastrigin", {"a": 3.0}),
    ("ackley", {"a": 5.0, "b": 1.0, "c": 3.0}),
]
CASES = [(name, {}) for name in NAMES] + VARIANTS
CASE_IDS = [f"{n}-{'-'.join(map(str, p.values()))}" if p else n for n, p in CASES]


def five_point(f, x: np.ndarray, y: np.ndarray, h: float) -> tuple[np.ndarray, np.ndarray]:
    """Fourth-order central differences of f in x and in y."""

    def diff(shift):
        (dx1, dy1), (dx2, dy2) = shift(h), shift(2 * h)
        f1 = np.asarray(f(x + dx1, y + dy1)) - np.asarray(f(x - dx1, y - dy1))
        f2 = np.asarray(f(x + dx2, y + dy2)) - np.asarray(f(x - dx2, y - dy2))
        return (8 * f1 - f2) / (12 * h)

    return diff(lambda s: (s, 0.0)), diff(lambda s: (0.0, s))


def random_points(surface: Surface, n: int = 200, seed: int = 0):
    xmin, xmax, ymin, ymax = surface.view
    rng = np.random.default_rng(seed)
    return rng.uniform(xmin, xmax, n), rng.uniform(ymin, ymax, n)


def step_for(surface: Surface) -> float:
    xmin, xmax, ymin, ymax = surface.view
    return 1e-4 * max(xmax - xmin, ymax - ymin)


def fd_hessian(surface: Surface, x: float, y: float, h: float) -> np.ndarray:
    """Finite differences of the analytic gradient."""
    gxx, gxy = five_point(lambda a, b: surface.gradient(a, b)[0], np.array(x), np.array(y), h)
    gyx, gyy = five_point(lambda a, b: surface.gradient(a, b)[1], np.array(x), np.array(y), h)
    return np.array([[gxx, 0.5 * (gxy + gyx)], [0.5 * (gxy + gyx), gyy]], dtype=float)


# -- registry --------------------------------------------------------------------------


def test_names_and_info():
    assert NAMES == EXPECTED_NAMES
    for name in NAMES:
        title, description, defaults = surface_info(name)
        surface = make_surface(name)
        assert surface.name == name and surface.title == title
        assert description.count(". ") >= 1 and description.endswith(".")
        assert surface.params == defaults
        xmin, xmax, ymin, ymax = surface.view
        assert xmin < xmax and ymin < ymax
        for sx, sy in surface.starts:
            assert xmin <= sx <= xmax and ymin <= sy <= ymax


def test_params_are_a_copy_and_points_frozen():
    surface = make_surface("ravine")
    surface.params["kappa"] = 1.0
    assert surface.params["kappa"] == 50.0
    point = surface.critical_points()[0]
    assert isinstance(point, CriticalPoint)
    with pytest.raises(AttributeError):
        point.x = 1.0  # type: ignore[misc]


# -- derivatives -----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "params"), CASES, ids=CASE_IDS)
def test_gradient_matches_finite_differences(name, params):
    surface = make_surface(name, **params)
    x, y = random_points(surface)
    gx, gy = surface.gradient(x, y)
    fx, fy = five_point(surface.value, x, y, step_for(surface))
    scale = max(1.0, float(np.max(np.hypot(gx, gy))))
    np.testing.assert_allclose(gx, fx, rtol=1e-6, atol=1e-7 * scale)
    np.testing.assert_allclose(gy, fy, rtol=1e-6, atol=1e-7 * scale)


@pytest.mark.parametrize(("name", "params"), CASES, ids=CASE_IDS)
def test_hessian_matches_finite_differences_of_gradient(name, params):
    surface = make_surface(name, **params)
    x, y = random_points(surface, n=100, seed=1)
    hessians = surface.hessian(x, y)
    assert hessians.shape == (100, 2, 2)
    for k in range(0, 100, 5):
        expected = fd_hessian(surface, x[k], y[k], step_for(surface))
        np.testing.assert_allclose(surface.hessian(x[k], y[k]), hessians[k])
        scale = max(1.0, float(np.max(np.abs(expected))))
        np.testing.assert_allclose(hessians[k], expected, rtol=1e-5, atol=1e-6 * scale)


@pytest.mark.parametrize("name", NAMES)
def test_default_view_is_finite_and_warning_free(name):
    surface = make_surface(name)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        xs, ys, Z = surface.grid(101, 81)
        gx, gy = surface.gradient(xs[None, :], ys[:, None])
        hessians = surface.hessian(xs[None, ::10], ys[::10, None])
    assert Z.shape == gx.shape == gy.shape == (81, 101)
    assert np.isfinite(Z).all() and np.isfinite(gx).all() and np.isfinite(gy).all()
    assert hessians.shape == (9, 11, 2, 2)
    assert Z[7, 13] == pytest.approx(float(surface.value(xs[13], ys[7])), rel=1e-15)


def test_shapes_broadcast_and_scalars():
    for name in NAMES:
        surface = make_surface(name)
        assert np.shape(surface.value(0.5, -0.25)) == ()
        assert surface.hessian(0.5, -0.25).shape == (2, 2)
        x, y = np.linspace(-1, 1, 3)[:, None], np.linspace(-1, 1, 4)[None, :]
        gx, gy = surface.gradient(x, y)
        assert surface.value(x, y).shape == gx.shape == gy.shape == (3, 4)
        assert surface.value(2, 1) == surface.value(np.float64(2.0), np.array(1.0))
        assert float(surface.gradient(x, y)[1][2, 3]) == float(surface.gradient(1.0, 1.0)[1])


@pytest.mark.parametrize("name", NAMES)
def test_grid_is_vectorized(name):
    """One call evaluates the whole grid (speed is measured in benchmarks/bench_landscapes.py)."""
    surface = make_surface(name)
    xs, ys, z = surface.grid(400, 300)
    assert z.shape == (300, 400)
    for i, j in [(0, 0), (150, 200), (299, 399)]:
        assert z[i, j] == pytest.approx(float(surface.value(xs[j], ys[i])), rel=1e-12, abs=1e-12)


# -- critical points -------------------------------------------------------------------


@pytest.mark.parametrize(("name", "params"), CASES, ids=CASE_IDS)
def test_critical_points_are_refined_and_classified(name, params):
    surface = make_surface(name, **params)
    points = surface.critical_points()
    assert points, "every built-in surface lists at least one critical point"
    for p in points:
        assert float(np.hypot(*surface.gradient(p.x, p.y))) < 1e-8
        assert p.value == float(surface.value(p.x, p.y))
        low, high = p.hessian_eigenvalues
        assert low <= high
        if name == "monkey-saddle":  # degenerate: zero Hessian
            assert (p.kind, low, high) == ("saddle", 0.0, 0.0)
            continue
        if name == "ackley":  # the cone tip: not twice differentiable
            assert (p.kind, low, high) == ("minimum", math.inf, math.inf)
            continue
        expected_kind = "minimum" if low > 0 else "maximum" if high < 0 else "saddle"
        assert p.kind == expected_kind and low * high != 0
        h = 1e-5 * max(1.0, abs(p.x), abs(p.y))
        fd = np.linalg.eigvalsh(fd_hessian(surface, p.x, p.y, h))
        np.testing.assert_allclose((low, high), fd, rtol=1e-5, atol=1e-6 * max(1, abs(high)))


@pytest.mark.parametrize(("name", "params"), CASES, ids=CASE_IDS)
def test_minima_are_local_minima_and_hint_is_lowest(name, params):
    surface = make_surface(name, **params)
    angles = np.linspace(0, 2 * np.pi, 16, endpoint=False)
    for p in surface.critical_points():
        if p.kind != "minimum":
            continue
        ring = surface.value(p.x + 1e-3 * np.cos(angles), p.y + 1e-3 * np.sin(angles))
        assert (ring > p.value).all()
    hint = surface.minimum_value_hint()
    if name in ("saddle", "monkey-saddle"):
        assert hint is None
        return
    _, _, Z = surface.grid(300, 300)
    assert hint <= Z.min() + 1e-12 * max(1.0, abs(hint))


EXACT, SIX_DIGITS, FOUR_DIGITS = 1e-12, 6e-7, 6e-5
PUBLISHED = [  # (surface, x, y, value, kind, tolerance) from DESIGN.md section 5 and references
    ("rosenbrock", 1.0, 1.0, 0.0, "minimum", EXACT),
    ("beale", 3.0, 0.5, 0.0, "minimum", EXACT),
    ("beale", 0.0, 1.0, 14.203125, "saddle", EXACT),
    ("booth", 1.0, 3.0, 0.0, "minimum", EXACT),
    ("himmelblau", 3.0, 2.0, 0.0, "minimum", EXACT),
    ("himmelblau", -2.805118, 3.131312, 0.0, "minimum", SIX_DIGITS),
    ("himmelblau", -3.779310, -3.283186, 0.0, "minimum", SIX_DIGITS),
    ("himmelblau", 3.584428, -1.848126, 0.0, "minimum", SIX_DIGITS),
    ("himmelblau", -0.270845, -0.923039, 181.617, "maximum", SIX_DIGITS),
    ("rastrigin", 0.0, 0.0, 0.0, "minimum", EXACT),
    ("ackley", 0.0, 0.0, 0.0, "minimum", EXACT),
    ("goldstein-price", 0.0, -1.0, 3.0, "minimum", EXACT),
    ("goldstein-price", -0.6, -0.4, 30.0, "minimum", EXACT),
    ("goldstein-price", 1.8, 0.2, 84.0, "minimum", EXACT),
    ("goldstein-price", 1.2, 0.8, 840.0, "minimum", EXACT),
    ("six-hump-camel", 0.0898, -0.7126, -1.031628, "minimum", FOUR_DIGITS),
    ("six-hump-camel", -0.0898, 0.7126, -1.031628, "minimum", FOUR_DIGITS),
    ("saddle", 0.0, 0.0, 0.0, "saddle", EXACT),
    ("bounded-saddle", 0.0, 0.0, 0.0, "saddle", EXACT),
    ("bounded-saddle", 0.0, 1.0, -0.25, "minimum", EXACT),
    ("bounded-saddle", 0.0, -1.0, -0.25, "minimum", EXACT),
    ("monkey-saddle", 0.0, 0.0, 0.0, "saddle", EXACT),
    ("ravine", 0.0, 0.0, 0.0, "minimum", EXACT),
    ("plateau", 0.0, 0.0, 0.0, "minimum", EXACT),
]


@pytest.mark.parametrize(("name", "x", "y", "value", "kind", "tolerance"), PUBLISHED)
def test_published_critical_points(name, x, y, value, kind, tolerance):
    surface = make_surface(name)
    near = [p for p in surface.critical_points() if abs(p.x - x) + abs(p.y - y) < 1e-3]
    assert len(near) == 1
    point = near[0]
    assert point.kind == kind
    assert abs(point.x - x) <= tolerance and abs(point.y - y) <= tolerance
    if tolerance == EXACT:
        assert point.value == pytest.approx(value, rel=1e-9, abs=1e-15)
    else:  # the value is published to as many digits as the point
        assert point.value == pytest.approx(value, abs=1e-3 if value > 100 else 1e-6)


def test_counts_of_known_critical_points():
    def kinds(name):
        points = make_surface(name).critical_points()
        return tuple(sum(p.kind == k for p in points) for k in ("minimum", "saddle", "maximum"))

    assert kinds("himmelblau") == (4, 4, 1)
    assert kinds("six-hump-camel") == (6, 7, 2)
    assert kinds("goldstein-price") == (4, 4, 1)
    assert kinds("cliff") == (2, 1, 0)
    assert make_surface("six-hump-camel").minimum_value_hint() == pytest.approx(-1.0316284535)


# -- the teaching numbers --------------------------------------------------------------


@pytest.mark.parametrize(("y0", "steps"), [(1e-2, 49), (1e-4, 97), (1e-8, 194)])
def test_saddle_defaults_reproduce_escape_times(y0, steps):
    """DESIGN.md: 5x^2 - y^2, lr 0.05: ln(1/y0)/ln(1 + 2 lr) steps to reach |y| >= 1."""
    surface = make_surface("saddle")
    assert surface.params == {"a": 5.0, "b": 1.0}
    x, y, lr, step = 1.0, y0, 0.05, 0
    while abs(y) < 1 and step < 1000:
        gx, gy = surface.gradient(x, y)
        x, y, step = x - lr * float(gx), y - lr * float(gy), step + 1
    assert step == steps == math.ceil(math.log(1 / y0) / math.log(1 + 2 * lr))


def test_saddle_on_ridge_never_escapes():
    surface = make_surface("saddle")
    x, y = 1.0, 0.0
    for _ in range(500):
        gx, gy = surface.gradient(x, y)
        x, y = x - 0.05 * float(gx), y - 0.05 * float(gy)
    assert y == 0.0 and abs(x) < 1e-100


@pytest.mark.parametrize("kappa", [1.0, 7.5, 50.0, 1000.0])
@pytest.mark.parametrize("rotation", [0.0, 17.0, 45.0, 90.0, 133.7, -60.0])
def test_ravine_condition_number_for_any_rotation(kappa, rotation):
    surface = make_surface("ravine", kappa=kappa, rotation=rotation, lam_min=2.0)
    x, y = random_points(surface, n=5)
    eigenvalues, vectors = np.linalg.eigh(surface.hessian(x, y))
    np.testing.assert_allclose(eigenvalues, [[2.0, 2.0 * kappa]] * 5, rtol=1e-12)
    if kappa > 1:  # the floor (smallest curvature) runs along the rotation angle
        t = math.radians(rotation)
        np.testing.assert_allclose(np.abs(vectors[0][:, 0] @ [math.cos(t), math.sin(t)]), 1.0)
    assert surface.value(0.0, 0.0) == 0.0 and surface.minimum_value_hint() == 0.0
    sx, sy = surface.starts[0]
    assert math.hypot(sx, sy) < min(abs(v) for v in surface.view)


@pytest.mark.parametrize(
    ("height", "steepness", "position"), [(10.0, 20.0, -1.0), (3.0, 60.0, 0.5), (50.0, 4.0, -2.0)]
)
def test_cliff_max_slope_and_jump(height, steepness, position):
    surface = make_surface("cliff", height=height, steepness=steepness, position=position)
    xs = np.linspace(position - 1, position + 1, 200_001)
    wall_slope = surface.gradient(xs, 0.0)[0] - xs  # minus the bowl's slope
    assert wall_slope.max() == pytest.approx(height * steepness / 4, rel=1e-9)
    assert xs[wall_slope.argmax()] == pytest.approx(position, abs=2e-5)
    assert surface.max_wall_slope() == height * steepness / 4
    foot = min(surface.critical_points(), key=lambda p: p.value)
    assert foot.kind == "minimum" and foot.x < position


@pytest.mark.parametrize("lr", [0.01, 0.05, 0.1])
def test_cliff_default_start_jumps_lr_h_k_over_4(lr):
    surface = make_surface("cliff")
    x, y = surface.starts[0]
    assert x == surface.params["position"]
    gx, _ = surface.gradient(x, y)
    jump = lr * float(gx)
    assert jump == pytest.approx(lr * (10 * 20 / 4 + x))  # the wall plus the bowl (x0 = -1)
    assert surface.view[0] < x - jump  # dramatic but still on screen
    clipped = lr * float(gx) / abs(float(gx))  # clipping by norm at c = 1
    assert clipped <= lr


def test_plateau_gradient_is_tiny_far_out():
    surface = make_surface("plateau")
    r = 3.0
    assert float(np.hypot(*surface.gradient(r, 0.0))) == pytest.approx(2 * r * math.exp(-9))
    assert float(np.hypot(*surface.gradient(r / 3, 0.0))) > 100 * 2 * r * math.exp(-9)


def test_ackley_gradient_at_the_tip_is_zero_not_nan():
    surface = make_surface("ackley")
    with np.errstate(divide="raise", invalid="raise"):
        gx, gy = surface.gradient(np.zeros(3), np.array([0.0, 1e-300, -1e-12]))
        hxx, hxy, hyy = surface.hessian(0.0, 0.0).ravel()[[0, 1, 3]]
    assert np.isfinite(gx).all() and np.isfinite(gy).all()
    assert gx[0] == gy[0] == 0.0 and surface.value(0.0, 0.0) == 0.0
    # Next to the tip the cone's slope a b / sqrt(2) dominates (rho_y = y / (2 rho)).
    assert gy[1] == pytest.approx(20 * 0.2 / math.sqrt(2)) and gy[2] == pytest.approx(-gy[1])
    assert (hxx, hxy, hyy) == (math.inf, 0.0, math.inf)


def test_formula_twins_match_builtins():
    """The formula module's symbolic derivatives agree with the hand-written ones."""
    twins = {
        "rosenbrock": "(1 - x)**2 + 100*(y - x**2)**2",
        "himmelblau": "(x**2 + y - 11)**2 + (x + y**2 - 7)**2",
        "six-hump-camel": "(4 - 2.1*x**2 + x**4/3)*x**2 + x*y + (-4 + 4*y**2)*y**2",
        "goldstein-price": "(1 + (x + y + 1)**2*(19 - 14*x + 3*x**2 - 14*y + 6*x*y + 3*y**2))"
        "*(30 + (2*x - 3*y)**2*(18 - 32*x + 12*x**2 + 48*y - 36*x*y + 27*y**2))",
        "ackley": "-20*exp(-0.2*sqrt(0.5*(x**2 + y**2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
        "cliff": "0.5*(x**2 + y**2) + 10*sigmoid(20*(x + 1))",
    }
    for name, text in twins.items():
        builtin, typed = make_surface(name), make_formula_surface(text, view=None)
        x, y = random_points(builtin, n=50, seed=3)
        scale = max(1.0, float(np.max(np.abs(builtin.value(x, y)))))
        np.testing.assert_allclose(typed.value(x, y), builtin.value(x, y), atol=1e-12 * scale)
        for ours, theirs in zip(typed.gradient(x, y), builtin.gradient(x, y), strict=True):
            np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-11 * scale)
        np.testing.assert_allclose(typed.hessian(x, y), builtin.hessian(x, y), rtol=1e-9, atol=1e-10 * scale)


# -- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "params", "field", "code"),
    [
        ("ravine", {"kappa": 0.5}, "surface.kappa", "out_of_range"),
        ("ravine", {"lam_min": 0.0}, "surface.lam_min", "out_of_range"),
        ("ravine", {"kappa": math.nan}, "surface.kappa", "not_a_number"),
        ("ravine", {"kappa": math.inf}, "surface.kappa", "not_a_number"),
        ("ravine", {"kappa": True}, "surface.kappa", "not_a_number"),
        ("ravine", {"kappa": 10**400}, "surface.kappa", "not_a_number"),
        ("ravine", {"kappa": None}, "surface.kappa", "not_a_number"),
        ("ravine", {"kappa": "50"}, "surface.kappa", "not_a_number"),
        ("ravine", {"kapa": 50.0}, "surface.kapa", "unknown_key"),
        ("cliff", {"height": -1.0}, "surface.height", "out_of_range"),
        ("cliff", {"steepness": 1e9}, "surface.steepness", "out_of_range"),
        ("saddle", {"a": 0}, "surface.a", "out_of_range"),
        ("booth", {"a": 1.0}, "surface.a", "unknown_key"),
        ("formula", {"formula": "x", "kappa": 1.0}, "surface.kappa", "unknown_key"),
        ("formula", {"formula": "x", "view": (1, 0, 0, 1)}, "surface.view", "bad_view"),
        ("nonesuch", {}, "surface.name", "unknown_surface"),
    ],
)
def test_bad_parameters_are_named(name, params, field, code):
    with pytest.raises(ConfigError) as info:
        make_surface(name, **params)
    assert info.value.params["field"] == field and info.value.code == code
    assert str(info.value).startswith(field + ":")


def test_unknown_parameter_lists_the_allowed_ones():
    with pytest.raises(ConfigError) as info:
        make_surface("ravine", kapa=3)
    assert "kappa, lam_min, rotation" in str(info.value)
    with pytest.raises(ConfigError) as info:
        make_surface("no-such-surface")
    assert "ravine" in str(info.value) and "formula" in str(info.value)


def test_out_of_range_message_gives_the_interval():
    with pytest.raises(ConfigError, match=r"surface.kappa: must be in \[1, 1e\+06\], got 0.5"):
        make_surface("ravine", kappa=0.5)


def test_integers_and_numpy_numbers_are_accepted():
    surface = make_surface("ravine", kappa=np.int64(4), rotation=np.float32(30.0))
    assert surface.params["kappa"] == 4.0 and isinstance(surface.params["kappa"], float)


@pytest.mark.parametrize(("nx", "ny"), [(1, 10), (10, 0), (2.5, 3), (True, 4)])
def test_grid_size_is_validated(nx, ny):
    with pytest.raises(ConfigError):
        make_surface("booth").grid(nx, ny)


def test_formula_through_the_registry():
    surface = make_surface("formula", formula="x**2 - y**2", view=(-1, 1, -2, 2))
    assert surface.params == {"formula": "x**2 - y**2"} and surface.view == (-1, 1, -2, 2)
    title, _, defaults = surface_info("formula")
    assert title and make_surface("formula", **defaults).params == defaults
    assert "formula" not in NAMES
