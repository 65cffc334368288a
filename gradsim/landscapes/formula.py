"""A surface from a formula the user types, such as ``x**2 + 10*sin(y)``.

Safety: the text is parsed with ``ast.parse(text, mode="eval")`` and checked against
a whitelist: numbers, the names x, y, pi, e, unary + and -, the operators
+ - * / ** %, and calls of the functions in :data:`FUNCTIONS` with positional
arguments. Anything else (attributes, subscripts, lambdas, comprehensions, strings,
keyword arguments, other names) is refused with a ConfigError that names the
offending token and its column. The text is never passed to eval or exec: the
checked tree is translated into a small expression graph that is evaluated with
numpy calls, one vectorized call per node.

Derivatives are symbolic: :func:`_derivative` applies the sum, product, quotient,
power and chain rules to the graph (Griewank & Walther 2008, "Evaluating
Derivatives", ch. 1), so the gradient and the Hessian are exact, not finite
differences. Identical subexpressions are shared (hash-consing), so each is
computed once per evaluation.

Arithmetic is float64 numpy: ``(-8)**(1/3)`` is nan (Python would give a complex
number), ``1/0`` is inf, ``log(-1)`` is nan; such values are returned without
warnings, and the app draws them as gaps.
"""

from __future__ import annotations

import ast
import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.special import expit

from gradsim.engine.errors import ConfigError
from gradsim.landscapes.surface_base import Point, Surface, Triple, View, check_view

FIELD = "surface.formula"
MAX_LENGTH = 500
MAX_DEPTH = 50
MAX_EXPONENT = 100.0  # |constant exponent| allowed, so 9**9**9 is refused
DEFAULT_FORMULA = "x**2/4 + y**2/4 + sin(2*x)*cos(2*y)"
DEFAULT_VIEW: View = (-3.0, 3.0, -3.0, 3.0)

UNARY: dict[str, Callable[[Any], Any]] = {
    "sin": np.sin,
    "cos": np.cos,
    "tan": np.tan,
    "exp": np.exp,
    "log": np.log,
    "log1p": np.log1p,
    "sqrt": np.sqrt,
    "abs": np.abs,
    "tanh": np.tanh,
    "sinh": np.sinh,
    "cosh": np.cosh,
    "arctan": np.arctan,
    "arcsin": np.arcsin,
    "arccos": np.arccos,
    "sigmoid": expit,  # 1/(1 + exp(-u)), without overflow
}
BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "hypot": np.hypot,
    "minimum": np.minimum,
    "maximum": np.maximum,
}
FUNCTIONS = (*UNARY, *BINARY)
CONSTANTS = {"pi": math.pi, "e": math.e}
_OPERATORS = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div"}
_OPERATORS.update({ast.Pow: "pow", ast.Mod: "mod"})
_ALLOWED_HINT = "x, y, numbers, pi, e, + - * / ** % and " + ", ".join(FUNCTIONS)

# Every graph operation, including the internal ones derivatives need.
_EVAL: dict[str, Callable[..., Any]] = {
    "add": np.add,
    "sub": np.subtract,
    "mul": np.multiply,
    "div": np.divide,
    "pow": np.power,
    "mod": np.mod,
    "neg": np.negative,
    "sign": np.sign,
    "floor": np.floor,
    "where_le": lambda a, b, p, q: np.where(a <= b, p, q),
    **UNARY,
    **BINARY,
}


# ======================================================================================
# Expression graph
# ======================================================================================


class Node:
    """One operation of the graph: ``op`` applied to ``args``; leaves are consts, x, y."""

    __slots__ = ("op", "args", "value")

    def __init__(self, op: str, args: tuple[Node, ...] = (), value: float = 0.0) -> None:
        self.op, self.args, self.value = op, args, value

    def is_const(self, value: float | None = None) -> bool:
        return self.op == "const" and (value is None or self.value == value)


class Graph:
    """Builds nodes, folding constants, dropping zeros and ones, sharing equal subtrees."""

    def __init__(self) -> None:
        self._table: dict[tuple[Any, ...], Node] = {}
        self.x, self.y = self._intern("x", ()), self._intern("y", ())
        self.zero, self.one = self.const(0.0), self.const(1.0)

    def _intern(self, op: str, args: tuple[Node, ...], value: float = 0.0) -> Node:
        key = (op, tuple(id(a) for a in args), value)
        node = self._table.get(key)
        if node is None:
            node = self._table[key] = Node(op, args, value)
        return node

    def const(self, value: float) -> Node:
        return self._intern("const", (), float(value) + 0.0)

    def apply(self, op: str, *args: Node) -> Node:
        """``op(*args)`` with algebraic shortcuts (exact: derivatives of constants are 0)."""
        if all(a.is_const() for a in args):
            with np.errstate(all="ignore"):
                return self.const(float(_EVAL[op](*(np.float64(a.value) for a in args))))
        simpler = self._simplify(op, args)
        return simpler if simpler is not None else self._intern(op, args)

    def _simplify(self, op: str, args: tuple[Node, ...]) -> Node | None:
        a, b = args[0], args[-1]
        if op == "add":
            return b if a.is_const(0.0) else a if b.is_const(0.0) else None
        if op == "sub":
            return a if b.is_const(0.0) else self.apply("neg", b) if a.is_const(0.0) else None
        if op == "mul":
            if a.is_const(0.0) or b.is_const(0.0):
                return self.zero
            return b if a.is_const(1.0) else a if b.is_const(1.0) else None
        if op == "div":
            return self.zero if a.is_const(0.0) else a if b.is_const(1.0) else None
        if op == "pow":
            return self.one if b.is_const(0.0) else a if b.is_const(1.0) else None
        if op == "neg" and a.op == "neg":
            return a.args[0]
        if op == "where_le" and args[2] is args[3]:
            return args[2]
        return None

    # shorthands for the derivative rules
    def add(self, a: Node, b: Node) -> Node:
        return self.apply("add", a, b)

    def sub(self, a: Node, b: Node) -> Node:
        return self.apply("sub", a, b)

    def mul(self, a: Node, b: Node) -> Node:
        return self.apply("mul", a, b)

    def div(self, a: Node, b: Node) -> Node:
        return self.apply("div", a, b)


def _unary_factor(g: Graph, node: Node) -> Node:
    """d op(u)/du for a one-argument function ``node = op(u)``."""
    u = node.args[0]
    one = g.one
    factors: dict[str, Callable[[], Node]] = {
        "neg": lambda: g.const(-1.0),
        "sin": lambda: g.apply("cos", u),
        "cos": lambda: g.apply("neg", g.apply("sin", u)),
        "tan": lambda: g.div(one, g.mul(g.apply("cos", u), g.apply("cos", u))),
        "exp": lambda: node,
        "log": lambda: g.div(one, u),
        "log1p": lambda: g.div(one, g.add(one, u)),
        "sqrt": lambda: g.div(g.const(0.5), node),
        "abs": lambda: g.apply("sign", u),
        "tanh": lambda: g.sub(one, g.mul(node, node)),
        "sinh": lambda: g.apply("cosh", u),
        "cosh": lambda: g.apply("sinh", u),
        "arctan": lambda: g.div(one, g.add(one, g.mul(u, u))),
        "arcsin": lambda: g.div(one, g.apply("sqrt", g.sub(one, g.mul(u, u)))),
        "arccos": lambda: g.div(g.const(-1.0), g.apply("sqrt", g.sub(one, g.mul(u, u)))),
        "sigmoid": lambda: g.mul(node, g.sub(one, node)),
        "sign": lambda: g.zero,
        "floor": lambda: g.zero,
    }
    return factors[node.op]()


def _derivative(g: Graph, node: Node, var: Node, memo: dict[int, Node]) -> Node:
    """d node / d var by the usual rules (u' below means du/dvar)."""
    key = id(node)
    if key not in memo:
        memo[key] = _derivative_rule(g, node, var, memo)
    return memo[key]


def _derivative_rule(g: Graph, node: Node, var: Node, memo: dict[int, Node]) -> Node:
    if not node.args:
        return g.one if node is var else g.zero
    d = [_derivative(g, a, var, memo) for a in node.args]
    u, v = node.args[0], node.args[-1]
    op = node.op
    if op in ("add", "sub"):
        return g.apply(op, d[0], d[1])
    if op == "mul":  # (uv)' = u'v + uv'
        return g.add(g.mul(d[0], v), g.mul(u, d[1]))
    if op == "div":  # (u/v)' = u'/v - u v'/v^2
        return g.sub(g.div(d[0], v), g.div(g.mul(u, d[1]), g.mul(v, v)))
    if op == "pow":  # (u^v)' = v u^(v-1) u' + u^v log(u) v'
        first = g.mul(g.mul(v, g.apply("pow", u, g.sub(v, g.one))), d[0])
        return g.add(first, g.mul(g.mul(node, g.apply("log", u)), d[1]))
    if op == "mod":  # u mod v = u - floor(u/v) v  =>  u' - floor(u/v) v'
        return g.sub(d[0], g.mul(g.apply("floor", g.div(u, v)), d[1]))
    if op == "hypot":  # (u u' + v v') / hypot(u, v)
        return g.div(g.add(g.mul(u, d[0]), g.mul(v, d[1])), node)
    if op == "minimum":
        return g.apply("where_le", u, v, d[0], d[1])
    if op == "maximum":
        return g.apply("where_le", v, u, d[0], d[1])
    if op == "where_le":
        return g.apply("where_le", node.args[0], node.args[1], d[2], d[3])
    if d[0].is_const(0.0):
        return g.zero
    return g.mul(_unary_factor(g, node), d[0])


class Program:
    """The graph nodes reachable from ``roots`` in evaluation order; runs them with numpy."""

    def __init__(self, roots: list[Node]) -> None:
        index: dict[int, int] = {}
        self._steps: list[tuple[str, tuple[int, ...], float]] = []
        for root in roots:
            self._visit(root, index)
        self._outputs = [index[id(r)] for r in roots]
        # Free each intermediate after its last use: a 400x400 grid is 1.3 MB per node.
        last_use = {i: step for step, (_, args, _) in enumerate(self._steps) for i in args}
        self._release: list[list[int]] = [[] for _ in self._steps]
        for i, step in last_use.items():
            if i not in self._outputs:
                self._release[step].append(i)

    def _visit(self, root: Node, index: dict[int, int]) -> None:
        stack = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if id(node) in index:
                continue
            if expanded:
                index[id(node)] = len(self._steps)
                args = tuple(index[id(a)] for a in node.args)
                self._steps.append((node.op, args, node.value))
            else:
                stack.append((node, True))
                stack.extend((a, False) for a in node.args if id(a) not in index)

    def __len__(self) -> int:
        return len(self._steps)

    def run(self, x: np.ndarray, y: np.ndarray) -> list[Any]:
        values: list[Any] = []
        with np.errstate(all="ignore"):
            for (op, args, value), release in zip(self._steps, self._release, strict=True):
                if op == "const":
                    values.append(value)
                elif op == "x":
                    values.append(x)
                elif op == "y":
                    values.append(y)
                else:
                    values.append(_EVAL[op](*(values[i] for i in args)))
                for i in release:
                    values[i] = None
        return [values[i] for i in self._outputs]


# ======================================================================================
# Parsing: whitelist check, then translation
# ======================================================================================


def _refuse(code: str, template: str, **params: Any) -> ConfigError:
    return ConfigError(FIELD, code, template, **params)


def _column(text: str, byte_offset: int) -> int:
    """1-based character column of an ast byte offset (ast counts UTF-8 bytes)."""
    return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore")) + 1


def _span(text: str, node: ast.AST) -> tuple[int, int]:
    """0-based character start and end of a node on the (single-line) text."""
    start = _column(text, node.col_offset) - 1
    return start, _column(text, node.end_col_offset) - 1


def _between(text: str, left: ast.AST, right: ast.AST) -> tuple[str, int]:
    """The operator written between two operands (parentheses and spaces removed)."""
    start, end = _span(text, left)[1], _span(text, right)[0]
    gap = text[start:end]
    token = gap.strip(" ()")
    return token, start + max(gap.find(token), 0) + 1


def _token(text: str, node: ast.AST) -> tuple[str, int]:
    """The text and 1-based column to name when refusing ``node``."""
    if isinstance(node, ast.Name):
        return node.id, _column(text, node.col_offset)
    if isinstance(node, ast.Attribute):
        end = _span(text, node)[1]
        dot = text.rfind(".", 0, end - len(node.attr))
        return "." + node.attr, dot + 1
    if isinstance(node, ast.BinOp | ast.Compare):
        right = node.right if isinstance(node, ast.BinOp) else node.comparators[0]
        return _between(text, node.left, right)
    if isinstance(node, ast.BoolOp):
        return _between(text, node.values[0], node.values[1])
    if isinstance(node, ast.IfExp):
        return _between(text, node.body, node.test)
    if isinstance(node, ast.keyword):
        start = _column(text, node.col_offset)
        return (f"{node.arg}=" if node.arg else "**"), start
    if isinstance(node, ast.UnaryOp):  # "not", "~"
        start, end = _span(text, node)[0], _span(text, node.operand)[0]
        return text[start:end].strip(" (") or "?", start + 1
    return _segment(text, node)


def _segment(text: str, node: ast.AST) -> tuple[str, int]:
    """The node's source text (shortened) and its 1-based column."""
    segment = ast.get_source_segment(text, node) or type(node).__name__
    if len(segment) > 24:
        segment = segment[:21] + "..."
    return segment, _column(text, node.col_offset)


def _check_call(node: ast.Call) -> tuple[list[ast.AST], list[ast.AST]]:
    """(refused parts, children to walk) of a call."""
    refused: list[ast.AST] = list(node.keywords)
    refused += [a for a in node.args if isinstance(a, ast.Starred)]
    children: list[ast.AST] = [a for a in node.args if not isinstance(a, ast.Starred)]
    if not isinstance(node.func, ast.Name):  # e.g. os.system(...) or sin(x)(y)
        refused.append(node)
        children.append(node.func)
    elif node.func.id not in FUNCTIONS:
        refused.append(node.func)
    return refused, children


def _check_node(node: ast.AST) -> tuple[bool, list[ast.AST]]:
    """(is node allowed, children to walk) for one node of the parsed tree."""
    if isinstance(node, ast.Constant):
        ok = type(node.value) in (int, float)
        return ok, []
    if isinstance(node, ast.Name):
        return isinstance(node.ctx, ast.Load) and node.id in ("x", "y", *CONSTANTS), []
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, ast.UAdd | ast.USub), [node.operand]
    if isinstance(node, ast.BinOp):
        return type(node.op) in _OPERATORS, [node.left, node.right]
    skip = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
    return False, [c for c in ast.iter_child_nodes(node) if not isinstance(c, skip)]


def _first_refusal(text: str, tree: ast.Expression) -> ConfigError | None:
    """Walk the whole tree; report the leftmost refused token, or excessive nesting."""
    refused: list[tuple[int, int, str]] = []  # (column, -depth, token)
    too_deep: ast.AST | None = None
    stack: list[tuple[ast.AST, int]] = [(tree.body, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH and too_deep is None and hasattr(node, "col_offset"):
            too_deep = node
        if isinstance(node, ast.Call):
            bad, children = _check_call(node)
        else:
            ok, children = _check_node(node)
            bad = [] if ok else [node]
        for part in bad:
            if hasattr(part, "col_offset"):
                token, column = _token(text, part)
                refused.append((column, -depth, token))
        stack.extend((child, depth + 1) for child in children)
    if refused:
        column, _, token = min(refused)
        return _refuse(
            "formula_forbidden",
            "{token!r} at column {column} is not allowed; use {allowed}",
            token=token,
            column=column,
            allowed=_ALLOWED_HINT,
        )
    if too_deep is not None:
        return _refuse(
            "formula_too_deep",
            "nested too deeply at column {column} (limit {limit} levels)",
            column=_column(text, too_deep.col_offset),
            limit=MAX_DEPTH,
        )
    return None


def _check_arity(text: str, node: ast.Call) -> None:
    name = node.func.id  # type: ignore[attr-defined]
    expected = 1 if name in UNARY else 2
    if len(node.args) != expected:
        raise _refuse(
            "formula_arity",
            "{token!r} at column {column} takes {expected} argument(s), got {got}",
            token=name,
            column=_column(text, node.col_offset),
            expected=expected,
            got=len(node.args),
        )


class _Translator:
    """Turns a checked ast into graph nodes (numbers, exponents and arity checked here)."""

    def __init__(self, text: str, graph: Graph) -> None:
        self.text, self.g = text, graph

    def node(self, node: ast.AST) -> Node:
        if isinstance(node, ast.Constant):
            return self.number(node)
        if isinstance(node, ast.Name):
            if node.id in CONSTANTS:
                return self.g.const(CONSTANTS[node.id])
            return self.g.x if node.id == "x" else self.g.y
        if isinstance(node, ast.UnaryOp):
            operand = self.node(node.operand)
            return operand if isinstance(node.op, ast.UAdd) else self.g.apply("neg", operand)
        if isinstance(node, ast.BinOp):
            left, right = self.node(node.left), self.node(node.right)
            if isinstance(node.op, ast.Pow):
                self.check_exponent(node.right, right)
            return self.g.apply(_OPERATORS[type(node.op)], left, right)
        assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        _check_arity(self.text, node)
        return self.g.apply(node.func.id, *(self.node(a) for a in node.args))

    def number(self, node: ast.Constant) -> Node:
        try:
            value = float(node.value)
        except OverflowError:
            value = math.inf
        if not math.isfinite(value):
            token, column = _token(self.text, node)
            raise _refuse(
                "formula_number",
                "{token!r} at column {column} is too large a number",
                token=token,
                column=column,
            )
        return self.g.const(value)

    def check_exponent(self, source: ast.AST, exponent: Node) -> None:
        if exponent.is_const() and not abs(exponent.value) <= MAX_EXPONENT:
            token, column = _segment(self.text, source)
            raise _refuse(
                "formula_exponent",
                "exponent {token!r} at column {column} is too large (limit {limit:g})",
                token=token,
                column=column,
                limit=MAX_EXPONENT,
            )


def _parse_tree(text: Any) -> tuple[str, ast.Expression]:
    if not isinstance(text, str):
        raise _refuse("formula_not_text", "must be text, got {value!r}", value=text)
    if len(text) > MAX_LENGTH:
        raise _refuse(
            "formula_too_long",
            "is {length} characters long; the limit is {limit}",
            length=len(text),
            limit=MAX_LENGTH,
        )
    if not text.strip():
        raise _refuse("formula_empty", "is empty; type an expression in x and y, e.g. x**2 + y**2")
    line = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    try:
        with warnings.catch_warnings():  # e.g. SyntaxWarning for "x is 1" (refused anyway)
            warnings.simplefilter("ignore")
            return line, ast.parse(line, mode="eval")
    except SyntaxError as err:
        column = err.offset if err.offset and 0 < err.offset <= len(line) else len(line) + 1
        raise _refuse(
            "formula_syntax",
            "syntax error at column {column}: {detail}",
            column=column,
            detail=err.msg,
            token=line[column - 1 : column],
        ) from None
    except (ValueError, RecursionError, MemoryError) as err:  # e.g. null bytes
        raise _refuse("formula_syntax", "cannot be read: {detail}", detail=str(err)) from None


def parse_formula(text: str) -> tuple[Graph, Node]:
    """Check and translate ``text``; ConfigError (field ``surface.formula``) if refused."""
    line, tree = _parse_tree(text)
    error = _first_refusal(line, tree)
    if error is not None:
        raise error
    graph = Graph()
    return graph, _Translator(line, graph).node(tree.body)


def to_text(node: Node) -> str:
    """A readable form of a graph node (fully parenthesized binary operations)."""
    symbols = {"add": "+", "sub": "-", "mul": "*", "div": "/", "pow": "**", "mod": "%"}
    if node.op == "const":
        return repr(node.value)
    if node.op in ("x", "y"):
        return node.op
    if node.op == "neg":
        return f"-{to_text(node.args[0])}"
    if node.op in symbols:
        return f"({to_text(node.args[0])} {symbols[node.op]} {to_text(node.args[1])})"
    return f"{node.op}({', '.join(to_text(a) for a in node.args)})"


# ======================================================================================
# The surface
# ======================================================================================


class FormulaSurface(Surface):
    """f(x, y) given as text; exact symbolic gradient and Hessian (see module docstring).

    No critical points are listed: a typed formula has no known ones.
    """

    name = "formula"
    title = "Your formula"
    description = (
        "A surface you type as a formula in x and y, with exact derivatives. Use it to build "
        "your own saddle, cliff or ravine and watch the optimizers on it."
    )
    reference = "gradsim"

    def __init__(self, **params: Any) -> None:  # not Surface.__init__: the params are text
        allowed = ("formula", "view")
        for key in params:
            if key not in allowed:
                raise ConfigError(
                    f"surface.{key}",
                    "unknown_key",
                    "unknown parameter for {surface}; allowed: {allowed}",
                    surface="formula",
                    allowed=", ".join(allowed),
                )
        text = params.get("formula", DEFAULT_FORMULA)
        view = params.get("view")
        self.view = check_view(view) if view is not None else DEFAULT_VIEW
        self._graph, self._root = parse_formula(text)
        self._params = {"formula": text}
        self._value_program = Program([self._root])
        g = self._graph
        self._dx = _derivative(g, self._root, g.x, {})
        self._dy = _derivative(g, self._root, g.y, {})
        self._gradient_program = Program([self._dx, self._dy])
        # Built now, not on first use: a surface never changes after construction.
        hxx, hxy = _derivative(g, self._dx, g.x, {}), _derivative(g, self._dx, g.y, {})
        self._hessian_program = Program([hxx, hxy, _derivative(g, self._dy, g.y, {})])
        self.starts = self._make_starts()
        self._critical = ()

    @classmethod
    def default_params(cls) -> dict[str, Any]:
        return {"formula": DEFAULT_FORMULA}

    def _make_starts(self) -> tuple[Point, ...]:
        xmin, xmax, ymin, ymax = self.view
        w, h = xmax - xmin, ymax - ymin
        return ((xmin + 0.75 * w, ymin + 0.75 * h), (xmin + 0.25 * w, ymin + 0.75 * h))

    def gradient_text(self) -> tuple[str, str]:
        """The symbolic df/dx and df/dy, for display."""
        return to_text(self._dx), to_text(self._dy)

    def _value(self, x, y):
        return self._value_program.run(x, y)[0]

    def _gradient(self, x, y):
        gx, gy = self._gradient_program.run(x, y)
        return gx, gy

    def _hessian(self, x, y) -> Triple:
        hxx, hxy, hyy = self._hessian_program.run(x, y)
        return hxx, hxy, hyy


def make_formula_surface(text: str, view: View | None = None) -> FormulaSurface:
    """Build a surface from a typed formula; ConfigError names what is refused and where."""
    return FormulaSurface(formula=text, view=view)
