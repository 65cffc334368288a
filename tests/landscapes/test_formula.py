"""User formulas: values, symbolic derivatives, and everything that must be refused."""

from __future__ import annotations

import builtins
import math
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gradsim.engine.errors import ConfigError
from gradsim.landscapes.formula import (
    FUNCTIONS,
    MAX_DEPTH,
    MAX_LENGTH,
    FormulaSurface,
    make_formula_surface,
    to_text,
)


def sigmoid(u):
    return 1 / (1 + np.exp(-u))


# (formula, the same in numpy, sampling box)
BOX = (-2.0, 2.0, -2.0, 2.0)
POSITIVE = (0.5, 2.0, 0.5, 2.0)
FORMULAS = [
    ("x**2 + 10*sin(y)", lambda x, y: x**2 + 10 * np.sin(y), BOX),
    ("sin(x*y) + cos(x - y)**3", lambda x, y: np.sin(x * y) + np.cos(x - y) ** 3, BOX),
    ("exp(-(x**2 + y**2)/2)", lambda x, y: np.exp(-(x**2 + y**2) / 2), BOX),
    ("sqrt(1 + x**2 + y**2)", lambda x, y: np.sqrt(1 + x**2 + y**2), BOX),
    ("log(1 + x**2) * tanh(y)", lambda x, y: np.log(1 + x**2) * np.tanh(y), BOX),
    ("log1p(x**2 + y**2)", lambda x, y: np.log1p(x**2 + y**2), BOX),
    ("arctan(x/(1 + y**2))", lambda x, y: np.arctan(x / (1 + y**2)), BOX),
    ("sigmoid(3*x) - sigmoid(-2*y)", lambda x, y: sigmoid(3 * x) - sigmoid(-2 * y), BOX),
    ("hypot(x, y + 5)", lambda x, y: np.hypot(x, y + 5), BOX),
    (
        "abs(x - 0.1) + maximum(x, y) + minimum(x**2, y)",
        lambda x, y: np.abs(x - 0.1) + np.maximum(x, y) + np.minimum(x**2, y),
        BOX,
    ),
    ("x**y", lambda x, y: x**y, POSITIVE),
    ("x**2**0.5 + (x*y)**-1.5", lambda x, y: x ** (2**0.5) + (x * y) ** -1.5, POSITIVE),
    ("2**x + e**y - pi", lambda x, y: 2**x + np.e**y - np.pi, BOX),
    ("(x % 1.5) * y + y % x", lambda x, y: np.mod(x, 1.5) * y + np.mod(y, x), POSITIVE),
    ("sinh(x)/cosh(y) + tan(x/3)", lambda x, y: np.sinh(x) / np.cosh(y) + np.tan(x / 3), BOX),
    ("arcsin(x/4) + arccos(y/4)", lambda x, y: np.arcsin(x / 4) + np.arccos(y / 4), BOX),
    ("-x**2 + +x - -y", lambda x, y: -(x**2) + x + y, BOX),
    (
        "sin(cos(exp(x/3)))*y**3 - sqrt(abs(sin(x*y)) + 1)",
        lambda x, y: np.sin(np.cos(np.exp(x / 3))) * y**3 - np.sqrt(np.abs(np.sin(x * y)) + 1),
        BOX,
    ),
    ("x/y/2 - x*y*y/(x + 3)", lambda x, y: x / y / 2 - x * y * y / (x + 3), POSITIVE),
    ("1.5e-1 * x - 2E2 * 0.001 * y**3", lambda x, y: 0.15 * x - 0.2 * y**3, BOX),
]


def five_point(f, x, y, h=1e-3):
    def diff(dx, dy):
        f1 = f(x + dx, y + dy) - f(x - dx, y - dy)
        f2 = f(x + 2 * dx, y + 2 * dy) - f(x - 2 * dx, y - 2 * dy)
        return (8 * f1 - f2) / (12 * h)

    return diff(h, 0.0), diff(0.0, h)


def points(box, n=60, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(box[0], box[1], n), rng.uniform(box[2], box[3], n)


@pytest.mark.parametrize(("text", "reference", "box"), FORMULAS, ids=[f[0] for f in FORMULAS])
def test_values_gradients_and_hessians(text, reference, box):
    surface = make_formula_surface(text)
    x, y = points(box)
    np.testing.assert_allclose(surface.value(x, y), reference(x, y), rtol=1e-12, atol=1e-14)
    # Skip points within a step of a kink (abs, minimum, %): there two step sizes disagree.
    smooth = np.ones_like(x, dtype=bool)
    for f in (reference, lambda a, b: surface.gradient(a, b)[0]):
        for coarse, fine in zip(five_point(f, x, y), five_point(f, x, y, h=5e-4), strict=True):
            smooth &= np.abs(coarse - fine) < 1e-5 * (1 + np.abs(fine))
    assert smooth.mean() > 0.9
    x, y = x[smooth], y[smooth]
    gx, gy = surface.gradient(x, y)
    fx, fy = five_point(reference, x, y)
    np.testing.assert_allclose(gx, fx, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(gy, fy, rtol=1e-6, atol=1e-7)
    hessians = surface.hessian(x, y)
    fxx, fxy = five_point(lambda a, b: surface.gradient(a, b)[0], x, y)
    fyx, fyy = five_point(lambda a, b: surface.gradient(a, b)[1], x, y)
    np.testing.assert_allclose(hessians[:, 0, 0], fxx, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(hessians[:, 0, 1], fxy, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(hessians[:, 1, 0], fyx, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(hessians[:, 1, 1], fyy, rtol=1e-6, atol=1e-6)


def test_surface_fields_and_shapes():
    surface = make_formula_surface("x**2 + 10*sin(y)")
    assert isinstance(surface, FormulaSurface)
    assert surface.name == "formula" and surface.params == {"formula": "x**2 + 10*sin(y)"}
    assert surface.view == (-3.0, 3.0, -3.0, 3.0) and surface.critical_points() == ()
    assert surface.minimum_value_hint() is None
    assert surface.gradient_text() == ("(2.0 * x)", "(10.0 * cos(y))")
    xs, ys, Z = surface.grid(40, 30)
    assert Z.shape == (30, 40)
    assert make_formula_surface("x", view=(0, 1, 2, 3)).view == (0.0, 1.0, 2.0, 3.0)


@pytest.mark.parametrize("text", ["3", "pi", "x", "y", "sin(2)*x"])
def test_results_broadcast_even_when_a_variable_is_missing(text):
    surface = make_formula_surface(text)
    x, y = np.zeros((3, 1)), np.zeros((1, 4))
    assert surface.value(x, y).shape == (3, 4)
    assert all(g.shape == (3, 4) for g in surface.gradient(x, y))
    assert surface.hessian(x, y).shape == (3, 4, 2, 2)
    assert np.shape(surface.value(1.0, 2.0)) == ()


def test_constant_folding_and_exact_zero_derivatives():
    surface = make_formula_surface("2*pi*x + 0*log(y) + y**0")
    assert surface.gradient_text() == (repr(2 * math.pi), "0.0")
    assert float(surface.value(1.0, -1.0)) == pytest.approx(2 * math.pi + 1)
    np.testing.assert_array_equal(surface.hessian(0.3, 0.4), np.zeros((2, 2)))


def test_undefined_points_are_nan_without_warnings():
    surface = make_formula_surface("log(x) + sqrt(y) + 1/(x - 1)")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = surface.value(np.array([-1.0, 0.0, 1.0]), np.array([1.0, 1.0, -1.0]))
        surface.gradient(0.0, 0.0)
    assert np.isnan(values[0]) and np.isinf(values[1]) and np.isnan(values[2])


def test_never_calls_eval_or_exec(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("eval/exec called on user text")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    surface = make_formula_surface("sin(x)*exp(y/2) + hypot(x, y)")
    assert float(surface.value(0.0, 0.0)) == 0.0
    surface.hessian(0.5, 0.5)


REFUSED = [  # (text, code, token, column)
    ("__import__('os').system('x')", "formula_forbidden", "__import__", 1),
    ("os.system('rm')", "formula_forbidden", "os", 1),
    ("x.real", "formula_forbidden", ".real", 2),
    ("x.__class__", "formula_forbidden", ".__class__", 2),
    ("[x for x in y]", "formula_forbidden", "[x for x in y]", 1),
    ("lambda: 1", "formula_forbidden", "lambda: 1", 1),
    ("open('f')", "formula_forbidden", "open", 1),
    ("x + getattr(x, 'a')", "formula_forbidden", "getattr", 5),
    ("'a'", "formula_forbidden", "'a'", 1),
    ("x + 'a'", "formula_forbidden", "'a'", 5),
    ("x[0]", "formula_forbidden", "x[0]", 1),
    ("sin(x=1)", "formula_forbidden", "x=", 5),
    ("sin(**x)", "formula_forbidden", "**", 5),
    ("sin(*x)", "formula_forbidden", "*x", 5),
    ("sin(x)(y)", "formula_forbidden", "sin(x)(y)", 1),
    ("x // y", "formula_forbidden", "//", 3),
    ("x @ y", "formula_forbidden", "@", 3),
    ("x < y", "formula_forbidden", "<", 3),
    ("x and y", "formula_forbidden", "and", 3),
    ("y if x else 1", "formula_forbidden", "if", 3),
    ("not x", "formula_forbidden", "not", 1),
    ("~x", "formula_forbidden", "~", 1),
    ("True", "formula_forbidden", "True", 1),
    ("None + x", "formula_forbidden", "None", 1),
    ("1j * x", "formula_forbidden", "1j", 1),
    ("(x, y)", "formula_forbidden", "(x, y)", 1),
    ("{x: y}", "formula_forbidden", "{x: y}", 1),
    ("sin", "formula_forbidden", "sin", 1),
    ("z + 1", "formula_forbidden", "z", 1),
    ("x + π", "formula_forbidden", "π", 5),
    ("π + os", "formula_forbidden", "π", 1),
    ("x**2 + é.real", "formula_forbidden", "é", 8),
    ("𝑥 // y", "formula_forbidden", "//", 3),  # 𝑥 reads as x; columns count characters
    ("𝑥*𝑦 + 𝑥.imag", "formula_forbidden", ".imag", 8),
    ("f'{x}'", "formula_forbidden", "f'{x}'", 1),
    ("sin(x, y)", "formula_arity", "sin", 1),
    ("x + hypot(x)", "formula_arity", "hypot", 5),
    ("9**9**9", "formula_exponent", "9**9", 4),
    ("x**101", "formula_exponent", "101", 4),
    ("2**-(50 + 60)", "formula_exponent", "-(50 + 60)", 4),
    ("1e999 * x", "formula_number", "1e999", 1),
    ("9" * 400, "formula_number", "9" * 21 + "...", 1),
]


@pytest.mark.parametrize(("text", "code", "token", "column"), REFUSED, ids=[r[0] for r in REFUSED])
def test_forbidden_constructs_are_named_with_their_column(text, code, token, column):
    with pytest.raises(ConfigError) as info:
        make_formula_surface(text)
    error = info.value
    assert (error.code, error.params["token"], error.params["column"]) == (code, token, column)
    assert error.params["field"] == "surface.formula"
    message = str(error)
    assert message.startswith("surface.formula: ") and repr(token) in message
    assert f"column {column}" in message


def test_message_lists_what_is_allowed():
    with pytest.raises(ConfigError) as info:
        make_formula_surface("os")
    assert str(info.value).startswith("surface.formula: 'os' at column 1 is not allowed; use x, y")
    assert all(name in str(info.value) for name in FUNCTIONS)


@pytest.mark.parametrize(
    ("text", "code", "column"),
    [
        ("x +", "formula_syntax", 4),
        ("x + * 2", "formula_syntax", 5),
        ("2x", "formula_syntax", 1),
        ("x = 1", "formula_syntax", None),
        ("x; y", "formula_syntax", None),
        ("sin(x", "formula_syntax", None),
        ("\x00", "formula_syntax", None),
        ("", "formula_empty", None),
        ("  \t ", "formula_empty", None),
        (None, "formula_not_text", None),
        ("x" * (MAX_LENGTH + 1), "formula_too_long", None),
        ("sin(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH, "formula_too_deep", 4 * MAX_DEPTH + 1),
        ("-" * 60 + "x", "formula_too_deep", MAX_DEPTH + 1),
    ],
)
def test_unreadable_formulas(text, code, column):
    with pytest.raises(ConfigError) as info:
        make_formula_surface(text)
    assert info.value.code == code and info.value.params["field"] == "surface.formula"
    if column is not None:
        assert info.value.params["column"] == column


def test_limits_are_inclusive():
    assert make_formula_surface("sin(" * (MAX_DEPTH - 1) + "x" + ")" * (MAX_DEPTH - 1))
    assert make_formula_surface("x" + " " * (MAX_LENGTH - 1))
    assert make_formula_surface("x**100 + x**-100 + (9**9)**9")
    assert make_formula_surface("x\n+\ty").value(1.0, 2.0) == 3.0  # line breaks are spaces


def test_bad_view_is_refused():
    for view in [(1, 0, 0, 1), (0, 1, 0, math.nan), (0, 1), "abcd", 5]:
        with pytest.raises(ConfigError) as info:
            make_formula_surface("x", view=view)
        assert info.value.params["field"] == "surface.view"


# -- fuzzing ---------------------------------------------------------------------------

FORMULA_CHARS = "xye0123456789.+-*/%() ,_[]'\"{}:=<>!&|^~@;jpisnclogqrtabhmdfuw\n\\"
GRID = (np.linspace(-2, 2, 5)[:, None], np.linspace(-2, 2, 4)[None, :])


def _parses_or_refuses(text: str) -> None:
    try:
        surface = make_formula_surface(text)
    except ConfigError as error:
        assert error.params["field"] == "surface.formula"
        assert str(error)  # the message can be formatted
        return
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert surface.value(*GRID).shape == (5, 4)
        assert all(g.shape == (5, 4) for g in surface.gradient(*GRID))
        assert surface.hessian(0.5, -0.5).shape == (2, 2)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60))
def test_random_text_parses_or_raises_config_error(text):
    _parses_or_refuses(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=FORMULA_CHARS, max_size=40))
def test_formula_like_text_parses_or_raises_config_error(text):
    _parses_or_refuses(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["x", "y", "2", "0.5", "pi", "+", "-", "*", "/", "**", "%", "(", ")"]
            + [f"{f}(" for f in FUNCTIONS]
            + [","]
        ),
        max_size=30,
    )
)
def test_token_soup_parses_or_raises_config_error(tokens):
    _parses_or_refuses(" ".join(tokens))


def _smooth_expressions():
    """Random formulas from bounded smooth pieces, so finite differences are accurate."""
    leaves = st.sampled_from(["x", "y", "0.5", "1.5", "-2", "pi"])
    unary = st.sampled_from(["sin", "cos", "tanh", "sigmoid", "arctan", "exp"])

    def extend(inner):
        return st.one_of(
            st.tuples(inner, st.sampled_from(["+", "-", "*"]), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"
            ),
            st.tuples(unary, inner).map(lambda t: f"{t[0]}(sin({t[1]}))"),
            inner.map(lambda t: f"({t})**2"),
        )

    return st.recursive(leaves, extend, max_leaves=6)


@settings(max_examples=150, deadline=None)
@given(_smooth_expressions(), st.floats(-1.5, 1.5), st.floats(-1.5, 1.5))
def test_random_smooth_formulas_have_exact_gradients(text, x, y):
    surface = make_formula_surface(text)
    x, y = np.array(x), np.array(y)
    gx, gy = surface.gradient(x, y)
    fx, fy = five_point(surface.value, x, y, h=1e-3)
    scale = 1 + abs(float(gx)) + abs(float(gy))
    assert abs(float(gx) - float(fx)) <= 1e-5 * scale
    assert abs(float(gy) - float(fy)) <= 1e-5 * scale
    # the printed graph reads back as the same function
    again = make_formula_surface(to_text(surface._root))
    assert float(again.value(x, y)) == pytest.approx(float(surface.value(x, y)), rel=1e-12)
