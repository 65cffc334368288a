"""Autorange that moves in steps, for plots whose x axis is the growing training step.

With plain autorange a plot against the step rescales at every frame: both axes lay out
their ticks again (about half of the plot's paint time, measured) and the picture jitters
while a lecturer talks over it. A :class:`RangeAnchor` is an invisible two-point item that
spans the data with headroom: x up to a round number ahead of the last step, y with a
margin. It moves only when the data leave it, or fill less than half of it, and autorange
fits the anchor, so the view stays put between moves. Autorange itself, a user's zoom, the
"Lock axes" switch and the view state saved in sessions keep working as before.

Before the first step there is nothing to fit: the anchor then spans steps 0 to
:data:`EMPTY_STEPS` and the ``empty_y`` range it was given, instead of pyqtgraph's
-0.5..0.5 (drawn as "-400..400, step (x0.001)").
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

#: Round numbers the x view extends to: consecutive ones differ by at most a third.
NICE_MANTISSAS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)
MIN_FILL = 0.5  # re-fit y when the data span less than this share of the anchor
MARGIN = 0.15  # of the data's span, added on both sides of y when the anchor moves
EMPTY_STEPS = 100.0  # the x view before the first step


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) >= value."""
    if value <= 0 or not math.isfinite(value):
        return 1.0
    decade = 10.0 ** math.floor(math.log10(value))
    for mantissa in NICE_MANTISSAS:
        if mantissa * decade >= value * (1 - 1e-12):
            return mantissa * decade
    return 10.0 * decade


def finite_span(*arrays: np.ndarray) -> tuple[float, float] | None:
    """(lowest, highest) finite value over the arrays, or None when there is none."""
    lows, highs = [], []
    for array in arrays:
        values = np.asarray(array, dtype=np.float64)
        values = values[np.isfinite(values)]
        if values.size:
            lows.append(float(values.min()))
            highs.append(float(values.max()))
    return (min(lows), max(highs)) if lows else None


def steady_y(
    current: tuple[float, float] | None, data: tuple[float, float], headroom: float = MARGIN
) -> tuple[float, float]:
    """The y anchor: kept while it holds the data and the data fill half of it, else re-fitted.

    ``headroom`` (a share of the data's span) is left above the data, e.g. for a legend.
    """
    low, high = data
    if current is not None:
        a, b = current
        if a <= low and high <= b and (high - low) >= MIN_FILL * (b - a):
            return current
    span = high - low
    if span <= 0:
        span = max(abs(high) * 0.1, 0.5) / MARGIN
    return low - MARGIN * span, high + headroom * span


class RangeAnchor:
    """The invisible item a plot's autorange fits; call :meth:`follow` with each frame's data."""

    def __init__(
        self, plot: pg.PlotItem, headroom: float = MARGIN, empty_y: tuple[float, float] = (0.0, 1.0)
    ) -> None:
        self.headroom = headroom
        self.empty_y = empty_y  # the y view while there is no finite value (in the plot's coordinates)
        self.item = pg.PlotCurveItem(pen=pg.mkPen(None))  # painted as nothing, still counted in bounds
        self.item.setZValue(-100)
        plot.addItem(self.item)
        self.x: tuple[float, float] | None = None
        self.y: tuple[float, float] | None = None

    def reset(self) -> None:
        """Forget the anchor (the data's coordinates changed, e.g. log scale switched)."""
        self.x = self.y = None
        self.item.setData([], [])

    def follow(self, steps: np.ndarray, *y_arrays: np.ndarray) -> None:
        """Move the anchor only if the data need it (an unchanged anchor costs no repaint)."""
        x_span = finite_span(steps)
        y_span = finite_span(*y_arrays)
        if x_span is None or y_span is None:  # nothing to show yet: a sensible empty view
            x = (0.0, max(EMPTY_STEPS, nice_ceiling(x_span[1]) if x_span is not None else 0.0))
            y = self.empty_y
        else:
            x = (min(x_span[0], 0.0), nice_ceiling(x_span[1]))
            y = steady_y(self.y, y_span, self.headroom)
        if (x, y) != (self.x, self.y):
            self.x, self.y = x, y
            self.item.setData(np.array(x), np.array(y))
