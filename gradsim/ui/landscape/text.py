"""The landscape lab's engine texts in the user's language: surface names, titles,
descriptions and parameter help (``gradsim.landscapes``), and optimizer kinds.

The engine keeps its English texts; they are listed here literally, marked with
``QT_TRANSLATE_NOOP`` for ``pyside6-lupdate`` (context "Surface" and "OptimizerKind"), and
translated by their English text. A text not listed here is shown in English; a test
checks the list covers every surface.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate

#: Surface names as the combo shows them (the engine's keys).
SURFACE_NAMES: dict[str, str] = {
    "saddle": QT_TRANSLATE_NOOP("Surface", "saddle"),
    "bounded-saddle": QT_TRANSLATE_NOOP("Surface", "bounded-saddle"),
    "monkey-saddle": QT_TRANSLATE_NOOP("Surface", "monkey-saddle"),
    "cliff": QT_TRANSLATE_NOOP("Surface", "cliff"),
    "ravine": QT_TRANSLATE_NOOP("Surface", "ravine"),
    "plateau": QT_TRANSLATE_NOOP("Surface", "plateau"),
    "rosenbrock": QT_TRANSLATE_NOOP("Surface", "rosenbrock"),
    "beale": QT_TRANSLATE_NOOP("Surface", "beale"),
    "himmelblau": QT_TRANSLATE_NOOP("Surface", "himmelblau"),
    "booth": QT_TRANSLATE_NOOP("Surface", "booth"),
    "rastrigin": QT_TRANSLATE_NOOP("Surface", "rastrigin"),
    "ackley": QT_TRANSLATE_NOOP("Surface", "ackley"),
    "six-hump-camel": QT_TRANSLATE_NOOP("Surface", "six-hump-camel"),
    "goldstein-price": QT_TRANSLATE_NOOP("Surface", "goldstein-price"),
    "formula": QT_TRANSLATE_NOOP("Surface", "formula"),
}

#: Parameter names as the form labels them.
PARAM_NAMES: dict[str, str] = {
    "height": QT_TRANSLATE_NOOP("Surface", "height"),
    "steepness": QT_TRANSLATE_NOOP("Surface", "steepness"),
    "position": QT_TRANSLATE_NOOP("Surface", "position"),
    "kappa": QT_TRANSLATE_NOOP("Surface", "kappa"),
    "lam_min": QT_TRANSLATE_NOOP("Surface", "lam_min"),
    "rotation": QT_TRANSLATE_NOOP("Surface", "rotation"),
    "width": QT_TRANSLATE_NOOP("Surface", "width"),
    "depth": QT_TRANSLATE_NOOP("Surface", "depth"),
}

#: Every title, description and parameter help of gradsim.landscapes, by its English text.
SURFACE_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Surface", "Saddle point"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A point where the gradient vanishes but the surface curves up along x and down along y. "
        "Plain gradient descent started on the ridge line y = 0 never leaves it, and a tiny offset "
        "escapes only after many steps.",
    ),
    QT_TRANSLATE_NOOP("Surface", "curvature along x (upward)"),
    QT_TRANSLATE_NOOP("Surface", "curvature along y (downward)"),
    QT_TRANSLATE_NOOP("Surface", "Saddle between two valleys"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A saddle at the origin with a valley on each side, at (0, -1) and (0, 1). It shows how long "
        "an optimizer lingers near a saddle before it falls into one of the minima.",
    ),
    QT_TRANSLATE_NOOP("Surface", "curvature along x"),
    QT_TRANSLATE_NOOP("Surface", "Monkey saddle"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A flat point with three ways down and three ways up, where even the curvature is zero. "
        "Gradients near it are tiny in every direction, so optimizers creep before they pick a valley.",
    ),
    QT_TRANSLATE_NOOP("Surface", "Cliff"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A gentle valley that ends in a near-vertical wall, like the exploding-gradient cliffs of "
        "recurrent networks. One step onto the wall catapults an unclipped optimizer far away; "
        "gradient clipping keeps the step short.",
    ),
    QT_TRANSLATE_NOOP("Surface", "wall height H"),
    QT_TRANSLATE_NOOP("Surface", "wall steepness k"),
    QT_TRANSLATE_NOOP("Surface", "wall position x0"),
    QT_TRANSLATE_NOOP("Surface", "Ravine (ill-conditioned bowl)"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A long narrow valley whose walls are kappa times steeper than its floor. Gradient descent "
        "zig-zags across it and crawls along it; momentum fixes both.",
    ),
    QT_TRANSLATE_NOOP("Surface", "condition number lambda_max/lambda_min"),
    QT_TRANSLATE_NOOP("Surface", "curvature along the floor"),
    QT_TRANSLATE_NOOP("Surface", "angle of the floor, degrees"),
    QT_TRANSLATE_NOOP("Surface", "Plateau"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A basin surrounded by a nearly flat plain where the gradient almost vanishes. Plain "
        "gradient descent crawls across it, while adaptive methods such as Adam stride.",
    ),
    QT_TRANSLATE_NOOP("Surface", "basin radius s"),
    QT_TRANSLATE_NOOP("Surface", "height D of the plain"),
    QT_TRANSLATE_NOOP("Surface", "Rosenbrock's banana"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A curved, flat-bottomed valley: finding the valley is easy, following it to the minimum at "
        "(1, 1) is slow. It is the classic test of how optimizers handle curvature that changes "
        "direction.",
    ),
    QT_TRANSLATE_NOOP("Surface", "the minimum is at (a, a^2)"),
    QT_TRANSLATE_NOOP("Surface", "steepness of the valley walls"),
    QT_TRANSLATE_NOOP("Surface", "Beale's function"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "Sharp ridges around a flat region, with the minimum in a narrow valley at (3, 0.5). "
        "Gradients range over many orders of magnitude, which rewards adaptive step sizes.",
    ),
    QT_TRANSLATE_NOOP("Surface", "Himmelblau's function"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "Four equally deep minima separated by saddles and one hill. Where a run ends depends on "
        "where it starts and on the optimizer, so it shows basins of attraction.",
    ),
    QT_TRANSLATE_NOOP("Surface", "Booth's function"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A plain quadratic bowl, tilted and nine times steeper across than along. It is the easy "
        "case to compare every optimizer against before the hard ones.",
    ),
    QT_TRANSLATE_NOOP("Surface", "Rastrigin's function"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A bowl covered in regularly spaced dimples, each a local minimum. Small steps get stuck in "
        "the nearest dimple; noise, momentum or large steps see the bowl underneath.",
    ),
    QT_TRANSLATE_NOOP("Surface", "depth A of the dimples"),
    QT_TRANSLATE_NOOP("Surface", "Ackley's function"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A nearly flat plain full of ripples around a deep, sharp funnel at the origin. Local "
        "gradients point into the ripples, so a run must see past them to find the funnel.",
    ),
    QT_TRANSLATE_NOOP("Surface", "depth of the funnel"),
    QT_TRANSLATE_NOOP("Surface", "narrowness of the funnel"),
    QT_TRANSLATE_NOOP("Surface", "frequency of the ripples"),
    QT_TRANSLATE_NOOP("Surface", "Six-hump camel"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "Six valleys of different depths, two of them the deepest, with saddles and two hills "
        "between. It shows that the minimum a run finds depends on where it starts.",
    ),
    QT_TRANSLATE_NOOP("Surface", "Goldstein-Price function"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "Values from 3 to a million, with four minima in a crossed pattern of valleys. Its scale "
        "punishes fixed step sizes: a step that is safe on the floor explodes on a wall.",
    ),
    QT_TRANSLATE_NOOP("Surface", "Your formula"),
    QT_TRANSLATE_NOOP(
        "Surface",
        "A surface you type as a formula in x and y, with exact derivatives. Use it to build your "
        "own saddle, cliff or ravine and watch the optimizers on it.",
    ),
)

#: Optimizer kinds as the race's combos show them.
OPTIMIZER_NAMES: dict[str, str] = {
    "sgd": QT_TRANSLATE_NOOP("OptimizerKind", "sgd"),
    "momentum": QT_TRANSLATE_NOOP("OptimizerKind", "momentum"),
    "nesterov": QT_TRANSLATE_NOOP("OptimizerKind", "nesterov"),
    "adagrad": QT_TRANSLATE_NOOP("OptimizerKind", "adagrad"),
    "rmsprop": QT_TRANSLATE_NOOP("OptimizerKind", "rmsprop"),
    "adam": QT_TRANSLATE_NOOP("OptimizerKind", "adam"),
    "adamw": QT_TRANSLATE_NOOP("OptimizerKind", "adamw"),
}

_KNOWN = frozenset(SURFACE_TEXTS)


def surface_text(english: str) -> str:
    """A surface title, description or parameter help in the user's language."""
    return translate("Surface", english) if english in _KNOWN else english


def surface_label(name: str) -> str:
    return translate("Surface", SURFACE_NAMES[name]) if name in SURFACE_NAMES else name


def param_label(name: str) -> str:
    return translate("Surface", PARAM_NAMES[name]) if name in PARAM_NAMES else name


def optimizer_label(kind: str) -> str:
    return translate("OptimizerKind", OPTIMIZER_NAMES[kind]) if kind in OPTIMIZER_NAMES else kind
