"""Shared plotting helpers for the live-diagnostics panels.

* Colours: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), safe for
  the common forms of colour blindness, each series also with its own line style so a
  series can be told apart in greyscale print.
* Pens: thin cosmetic pens (width > 1 is slow in pyqtgraph, DESIGN.md section 3) scaled
  by one app-wide factor, :func:`set_line_scale`, for lecture halls and projectors.
* Log scales: data are transformed here (``log10``) and drawn on a linear view with a
  :class:`Log10Axis` that labels decades. Exact zeros (float16 underflow, dead layers)
  would vanish from a log plot; :func:`log_safe` puts them on a *floor* one decade below
  the smallest positive value and the axis labels that floor "0".
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsGridLayout

# Okabe-Ito, ordered for a light background (yellow last: it is faint on white).
OKABE_ITO: dict[str, str] = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "bluish_green": "#009E73",
    "reddish_purple": "#CC79A7",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "black": "#000000",
    "yellow": "#F0E442",
}
SERIES_COLOURS: tuple[str, ...] = tuple(OKABE_ITO.values())
LINE_STYLES: tuple[Qt.PenStyle, ...] = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
ZERO_COLOUR = "#33BBEE"  # exact zeros on a log axis (Paul Tol's cyan: not in the series or heatmap maps)
NONFINITE_COLOUR = "#D55E00"
NAN_COLOUR = "#9E9E9E"  # NaN cells of a heatmap
SEQUENTIAL_MAP = "plasma"  # perceptually uniform ramp for many layers (cut before yellow)
HEATMAP_MAP = "inferno"  # gradient-flow heatmap: small = dark, large = bright
LEGEND_ALPHA = 215  # legends back onto the plot background, nearly opaque: entries stay legible

_line_scale = 1.0


def set_line_scale(factor: float) -> None:
    """Scale every pen the panels create from now on (they re-apply it on the next frame)."""
    global _line_scale
    _line_scale = float(min(max(factor, 0.25), 8.0))


def line_scale() -> float:
    return _line_scale


def is_dark() -> bool:
    """True when the application palette has a dark window (plots follow the theme)."""
    app = QApplication.instance()
    if app is None:
        return False
    return app.palette().window().color().lightness() < 110


def foreground() -> str:
    return "#DDDDDD" if is_dark() else "#222222"


def background() -> str:
    return "#1E1E1E" if is_dark() else "#FFFFFF"


def series_colour(index: int) -> str:
    colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
    if colour == OKABE_ITO["black"] and is_dark():
        return "#BBBBBB"
    return colour


def make_pen(colour: str | QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A cosmetic pen of ``width * line_scale()`` pixels."""
    pen = pg.mkPen(colour, width=width * _line_scale, style=style)
    pen.setCosmetic(True)
    return pen


def bar_outline(bars: int) -> QPen | None:
    """A thin outline for a few bars; none for many (outlines would hide the fill colours)."""
    return make_pen(foreground(), 0.5) if bars <= 30 else None


def series_pen(index: int, width: float = 1.0) -> QPen:
    """Pen of series ``index``: Okabe-Ito colour and a line style of its own."""
    return make_pen(series_colour(index), width, LINE_STYLES[index % len(LINE_STYLES)])


def transparent(colour: str, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def legend_background() -> QColor:
    """A legend's backing: the plot background, nearly opaque, so entries stay legible over curves."""
    return transparent(background(), LEGEND_ALPHA)


def layer_colour(layer: int, depth: int) -> QColor:
    """Colour of layer ``layer`` (0-based): palette for shallow nets, a cividis ramp for deep ones."""
    if depth <= len(SERIES_COLOURS) - 1:
        return QColor(series_colour(layer))
    cmap = pg.colormap.get(SEQUENTIAL_MAP)
    return cmap.map(0.8 * layer / max(depth - 1, 1), mode="qcolor")  # stop before the pale yellow


def layer_pen(layer: int, depth: int, width: float = 1.0) -> QPen:
    style = (
        LINE_STYLES[layer % len(LINE_STYLES)] if depth <= len(SERIES_COLOURS) - 1 else Qt.PenStyle.SolidLine
    )
    return make_pen(layer_colour(layer, depth), width, style)


def legend_layers(depth: int, most: int = 8) -> list[int]:
    """Which layers (0-based) get a legend entry: all, or evenly spaced incl. first and last."""
    if depth <= most:
        return list(range(depth))
    return sorted({round(i * (depth - 1) / (most - 1)) for i in range(most)})


# ---------------------------------------------------------------------------- log scale
@dataclass(frozen=True)
class LogSafe:
    """``log10`` of data with exact zeros put on ``floor`` (also log10) and flagged."""

    values: np.ndarray  # log10(x); zeros -> floor; negative and NaN -> NaN; +Inf -> NaN
    zeros: np.ndarray  # bool mask of the exact zeros
    floor: float


def zero_floor(*arrays: np.ndarray, default: float = -8.0) -> float:
    """One decade below the smallest positive finite value of the arrays (log10, an integer)."""
    smallest = math.inf
    for array in arrays:
        a = np.asarray(array, dtype=np.float64)
        positive = a[np.isfinite(a) & (a > 0)]
        if positive.size:
            smallest = min(smallest, float(positive.min()))
    if not math.isfinite(smallest):
        return default
    return float(math.floor(math.log10(smallest)) - 1)


def log_safe(values: np.ndarray, floor: float | None = None) -> LogSafe:
    """log10 of ``values`` keeping exact zeros visible on the floor (see module docstring)."""
    a = np.asarray(values, dtype=np.float64)
    if floor is None:
        floor = zero_floor(a)
    zeros = a == 0
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.log10(np.where(a > 0, a, np.nan))
    result[~np.isfinite(result)] = np.nan
    result[zeros] = floor
    return LogSafe(result, zeros, floor)


def format_decade(value: float) -> str:
    """10**value as a short label: plain numbers from 0.001 to 1000, 10ⁿ beyond."""
    if abs(value - round(value)) < 1e-6:
        k = int(round(value))
        if -3 <= k <= 3:
            return f"{10.0**k:g}"
        return "10" + str(k).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{10.0**value:.3g}"


class Log10Axis(pg.AxisItem):
    """An axis for data already in log10: decade ticks, "0" at the zero floor.

    ``special`` maps positions to labels that replace the decade there (the zero floor
    reads "0"; a colour bar may add "NaN"). With ``log`` False it is a plain AxisItem.
    """

    def __init__(self, orientation: str, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)  # log10 values are exponents, never "x0.001"
        self.log = True
        self.special: dict[float, str] = {}

    @property
    def zero_at(self) -> float | None:
        return next((v for v, text in self.special.items() if text == "0"), None)

    def set_log(
        self, log: bool, zero_at: float | None = None, special: dict[float, str] | None = None
    ) -> None:
        labels = dict(special or {})
        if zero_at is not None:
            labels[float(zero_at)] = "0"
        if log != self.log or labels != self.special:
            self.log, self.special = log, labels
            self.picture = None
            self.update()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 (pyqtgraph's name)
        if not self.log or not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return super().tickValues(minVal, maxVal, size)
        span = maxVal - minVal
        specials = [v for v in self.special if minVal <= v <= maxVal]
        minors: list[float] = []
        if span < 0.8:  # a fraction of a decade: nice linear steps of the values themselves
            majors = self._linear_ticks(minVal, maxVal, size)
            step = span / 4
        elif span < 1.2:  # about a decade: 1-2-5 labelled, 1..9 as minor ticks
            majors = self._mantissa_ticks(minVal, maxVal, (1, 2, 5))
            minors = self._mantissa_ticks(minVal, maxVal, range(1, 10))
            step = 0.3
        else:
            step = max(1, math.ceil(span / max(2.0, size / 45.0)))
            majors = [float(k) for k in range(math.ceil(minVal), math.floor(maxVal) + 1) if k % step == 0]
            if step == 1 and span < 8:
                minors = self._mantissa_ticks(minVal, maxVal, range(2, 10))
        for value in specials:  # room for the special label (it may be longer than a decade's)
            room = (0.5 if len(self.special[value]) <= 3 else 1.6) * step
            majors = [v for v in majors if abs(v - value) >= room]
            minors = [v for v in minors if abs(v - value) >= 0.5]
        majors += specials
        self._labelled = majors
        minors = [v for v in minors if all(abs(v - m) > 1e-9 for m in majors)]
        return [(float(step), majors), (float(step) / 10.0, minors)]

    @staticmethod
    def _mantissa_ticks(low: float, high: float, mantissas) -> list[float]:
        return [
            d + math.log10(m)
            for d in range(math.floor(low), math.ceil(high) + 1)
            for m in mantissas
            if low <= d + math.log10(m) <= high
        ]

    @staticmethod
    def _linear_ticks(low: float, high: float, size: float) -> list[float]:
        """log10 of round values (1, 2 or 5 x 10^k apart) between 10**low and 10**high."""
        a, b = 10.0**low, 10.0**high
        wanted = max(2.0, min(6.0, size / 40.0))
        raw = (b - a) / wanted
        magnitude = 10.0 ** math.floor(math.log10(raw))
        spacing = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
        first = math.ceil(a / spacing)
        values = [k * spacing for k in range(first, math.floor(b / spacing) + 1)]
        return [math.log10(v) for v in values if v > 0]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        if not self.log:
            return super().tickStrings(values, scale, spacing)
        labelled = getattr(self, "_labelled", None)
        result = []
        for v in values:
            label = next((text for at, text in self.special.items() if abs(v - at) < 1e-9), None)
            if label is None:
                is_major = labelled is None or any(abs(v - m) < 1e-9 for m in labelled)
                label = format_decade(v) if is_major else ""  # minor ticks stay unlabelled
            result.append(label)
        return result


def layer_ticks(depth: int, output_label: str | None = None, most: int = 12) -> list[list[tuple[float, str]]]:
    """Axis ticks for rows 1..depth (+ ``output_label`` at depth + 1 if given): at most ``most`` labels."""
    include_output = output_label is not None
    rows = depth + (1 if include_output else 0)
    step = next(n for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if n * most >= rows)
    major = [(float(i), str(i)) for i in range(1, depth + 1) if i == 1 or i % step == 0]
    if include_output:
        major = [t for t in major if t[0] <= depth + 1 - step / 2 or step == 1]
        major.append((float(depth + 1), output_label))
    minor = [(float(i), "") for i in range(1, rows + 1)] if step > 1 and rows <= 120 else []
    return [major, minor]


# ---------------------------------------------------------------------------- plot setup
def set_autorange_locked(plot: pg.PlotItem, locked: bool) -> None:
    """Freeze the current view (so a shrinking curve is not silently rescaled) or follow the data."""
    if locked:
        plot.disableAutoRange()
    else:
        plot.enableAutoRange()


def style_plot(plot: pg.PlotItem, title: str = "", x_label: str = "", y_label: str = "") -> None:
    """Theme colours, grid and labels for a PlotItem."""
    fg = foreground()
    plot.getViewBox().setBackgroundColor(background())
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(fg))
        axis.setTextPen(pg.mkPen(fg))
    # No grid: pyqtgraph's grid is drawn by the axes and cost ~10 ms a frame per plot here.
    set_plot_texts(plot, title, x_label, y_label)


def set_plot_texts(plot: pg.PlotItem, title: str, x_label: str, y_label: str) -> None:
    fg = foreground()
    plot.setTitle(title, color=fg, size="10pt")
    plot.setLabel("bottom", x_label, color=fg)
    plot.setLabel("left", y_label, color=fg)


def make_plot(title: str, x_label: str, y_label: str, log_y: bool = False) -> pg.PlotWidget:
    """A themed PlotWidget; with ``log_y`` its left axis is a :class:`Log10Axis`.

    Long histories: the caller's PlotDataItems get peak downsampling and clip-to-view
    through :func:`long_history_item`.
    """
    axis = Log10Axis("left")
    axis.set_log(log_y)
    widget = pg.PlotWidget(background=background(), axisItems={"left": axis})
    style_plot(widget.getPlotItem(), title, x_label, y_label)
    widget.setMinimumSize(220, 160)
    return widget


def long_history_item(pen: QPen, name: str | None = None, **kwargs) -> pg.PlotDataItem:
    """A PlotDataItem tuned for long histories (peak downsampling, clip to view, finite segments)."""
    item = pg.PlotDataItem(pen=pen, name=name, connect="finite", **kwargs)
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)
    return item


def rename_legend_entry(legend: pg.LegendItem | None, item, text: str) -> None:
    if legend is None:
        return
    label = legend.getLabel(item)
    if label is not None:
        label.setText(text, color=foreground())
        refit = getattr(legend, "refit", None)  # see keep_legend_inside
        if refit is not None:
            refit()


def zero_line(plot: pg.PlotItem) -> pg.InfiniteLine:
    """A dashed horizontal line marking the floor where exact zeros are drawn.

    The caller sets its translated label: ``line.label.setFormat(text)``.
    """
    line = pg.InfiniteLine(
        angle=0,
        movable=False,
        pen=make_pen(ZERO_COLOUR, 1.0, Qt.PenStyle.DashLine),
        label="0",
        labelOpts={"position": 0.02, "color": ZERO_COLOUR, "anchors": [(0, 1), (0, 1)]},
    )
    line.setZValue(-5)
    line.hide()
    plot.addItem(line, ignoreBounds=True)
    return line


def place_line(line: pg.InfiniteLine, value: float, visible: bool = True) -> None:
    """Move and show/hide a labelled line (its label only refreshes its text while visible)."""
    line.setVisible(visible)
    line.setValue(value)
    if visible and line.label is not None:
        line.label.valueChanged()


def zero_markers(plot: pg.PlotItem) -> pg.ScatterPlotItem:
    """Markers for exact zeros drawn at the floor (a distinct colour and shape)."""
    scatter = pg.ScatterPlotItem(symbol="x", size=7, pen=make_pen(ZERO_COLOUR), brush=pg.mkBrush(ZERO_COLOUR))
    scatter.setZValue(20)
    plot.addItem(scatter)
    return scatter


def set_marker_data(item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
    """setData for a curve with symbols, without its NaN/Inf points (an all-NaN scatter warns).

    Cadence data change every ``diagnostics_every`` steps while frames come every few: data
    equal to what the item shows are not set again, so the plot does not repaint for nothing.
    """
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    keep = np.isfinite(x) & np.isfinite(y)
    x, y = x[keep], y[keep]
    shown_x, shown_y = item.xData, item.yData
    if (
        shown_x is not None
        and shown_y is not None
        and np.array_equal(shown_x, x)
        and np.array_equal(shown_y, y)
    ):
        return
    item.setData(x, y)


def finite_or_nan(values: np.ndarray) -> np.ndarray:
    a = np.array(values, dtype=np.float64, copy=True)
    a[~np.isfinite(a)] = np.nan
    return a


def history(arrays: dict[str, np.ndarray], prefix: str) -> tuple[np.ndarray, ...]:
    """(steps, last, low, high, nonfinite) of a snapshot history; empty arrays when absent.

    A history sent without its bands (``SeriesHistory.arrays(bands=False)``) gives its last
    values as low and high: a band as wide as the line."""
    steps = arrays.get(f"{prefix}.steps")
    if steps is None or len(steps) == 0:
        empty = np.zeros((0, 0))
        return np.zeros(0), empty, empty, empty, np.zeros(0, dtype=bool)
    return (
        np.asarray(steps, dtype=np.float64),
        arrays[f"{prefix}.last"],
        arrays.get(f"{prefix}.low", arrays[f"{prefix}.last"]),
        arrays.get(f"{prefix}.high", arrays[f"{prefix}.last"]),
        arrays[f"{prefix}.nonfinite"],
    )


def colour_table(name: str, n: int = 256) -> np.ndarray:
    """An (n, 4) uint8 RGBA lookup table of a pyqtgraph colormap."""
    return pg.colormap.get(name).getLookupTable(0.0, 1.0, n, alpha=True).astype(np.uint8)


def rgba(colour: str, alpha: int = 255) -> np.ndarray:
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue(), alpha], dtype=np.uint8)


def map_to_rgba(
    values: np.ndarray, low: float, high: float, table: np.ndarray, zeros: np.ndarray | None = None
) -> np.ndarray:
    """Colour ``values`` through ``table`` over [low, high] (clipped); NaN grey, ``zeros`` cyan.

    Done here rather than by ImageItem levels so that "exactly zero" and "NaN" keep
    colours of their own instead of blending into the darkest colour or vanishing.
    """
    v = np.asarray(values, dtype=np.float64)
    span = high - low if high > low else 1.0
    with np.errstate(invalid="ignore"):
        scaled = np.clip((v - low) / span, 0.0, 1.0)
    index = np.nan_to_num(scaled * (len(table) - 1), nan=0.0).astype(np.intp)
    out = table[index]
    out[np.isnan(v)] = rgba(NAN_COLOUR)
    if zeros is not None:
        out[zeros] = rgba(ZERO_COLOUR)
    return out


# ---------------------------------------------------------------------------- fitting the space
def legend_entry_widths(legend: pg.LegendItem) -> list[float]:
    """Each entry's width in the legend: its sample, its whole label (not the width a narrow
    layout squeezed it to) and the spacing."""
    return [
        sample.width() + max(label.width(), label.item.boundingRect().width()) + 6
        for sample, label in legend.items
    ]


def legend_columns_to_fit(legend: pg.LegendItem, available: float, most: int) -> int:
    """The most columns (up to ``most``) whose entries fit ``available`` pixels side by side."""
    entries = legend_entry_widths(legend)
    for columns in range(min(most, max(len(entries), 1)), 1, -1):
        widths = [max(entries[c::columns], default=0.0) for c in range(columns)]
        if sum(widths) + 8 <= available:
            return columns
    return 1


def set_legend_columns(legend: pg.LegendItem, columns: int) -> None:
    """Lay ``legend``'s entries out in ``columns`` columns, row by row, in a fresh grid.

    pyqtgraph's ``setColumnCount`` re-adds the entries to its grid, whose row and column
    counts never shrink: after 1 -> 3 -> 1 columns the entries landed in stale rows and
    columns and the legend grew wider than its plot (the loss legend ran off its left edge
    in the presentation view)."""
    old = legend.layout
    for index in range(old.count() - 1, -1, -1):
        old.removeAt(index)
    grid = QGraphicsGridLayout()
    grid.setVerticalSpacing(old.verticalSpacing())
    grid.setHorizontalSpacing(old.horizontalSpacing())
    grid.setContentsMargins(*old.getContentsMargins())
    legend.setLayout(grid)  # deletes the old grid; the entries belong to the legend
    legend.layout = grid
    legend.columnCount = columns
    legend.rowCount = max(math.ceil(len(legend.items) / columns), 1)
    for index, (sample, label) in enumerate(legend.items):
        row, column = divmod(index, columns)
        grid.addItem(sample, row, 2 * column, alignment=Qt.AlignmentFlag.AlignVCenter)
        grid.addItem(label, row, 2 * column + 1)
        for item in (sample, label):  # their width in the old grid would widen the new one
            item.resize(item.effectiveSizeHint(Qt.SizeHint.PreferredSize))
    legend.updateSize()


def keep_legend_inside(plot: pg.PlotItem, legend: pg.LegendItem, most: int) -> None:
    """Lay ``legend``'s entries in as many columns (up to ``most``) as the plot's width holds,
    again whenever the plot is resized or an entry renamed: a row of three long Russian
    entries ran off the plot's left edge at 1280x720."""

    plot_ref, legend_ref = weakref.ref(plot), weakref.ref(legend)  # no cycle through the closure

    def refit(*_args) -> None:
        plot, legend = plot_ref(), legend_ref()
        if plot is None or legend is None:
            return
        columns = legend_columns_to_fit(legend, plot.getViewBox().width(), most)
        if columns != legend.columnCount:
            set_legend_columns(legend, columns)
        else:
            legend.updateSize()

    plot.getViewBox().sigResized.connect(refit)
    legend.refit = refit  # rename_legend_entry calls it
    refit()


def legend_room(plot: pg.PlotItem) -> float:
    """Width ``plot`` needs so its legend, in one column, stays inside its view box: the left
    axis, the widest entry and the legend's distance from the box's edge (a Russian loss
    legend, 282 px wide, ran off the left of a 312 px wide loss panel after a landscape
    scenario at 1280x720). 0 without a legend."""
    legend = getattr(plot, "legend", None)
    if legend is None or not legend.isVisible() or not legend.items:
        return 0.0
    widest = max(legend_entry_widths(legend))
    left = plot.getAxis("left")
    left_w = left.width() if left.isVisible() else 0.0
    offset = abs(float(legend.offset[0])) if legend.offset is not None else 0.0
    return left_w + widest + 8 + offset


def text_room(plot: pg.PlotItem) -> tuple[float, float]:
    """Width and height ``plot`` needs so its title, axis labels and legend are not cut by its
    scene: the title's width (or the bottom label's beside the left axis, or the legend's
    room), the left label's length above the bottom axis and under the title."""
    title = plot.titleLabel.item.boundingRect() if plot.titleLabel.isVisible() else None
    title_w = title.width() if title is not None and plot.titleLabel.text else 0.0
    title_h = plot.titleLabel.height() if title_w else 0.0
    left, bottom = plot.getAxis("left"), plot.getAxis("bottom")
    left_w = left.width() if left.isVisible() else 0.0
    bottom_h = bottom.height() if bottom.isVisible() else 0.0
    x_label = bottom.label.boundingRect().width() if bottom.isVisible() and bottom.labelText else 0.0
    y_label = left.label.boundingRect().width() if left.isVisible() and left.labelText else 0.0
    width = max(title_w, left_w + x_label, legend_room(plot))
    height = title_h + bottom_h + y_label
    return width, height


def keep_scene_inside(view: pg.GraphicsView) -> None:
    """A plot view at least as large as its scene's smallest layout, so titles, axis labels
    and legends are not drawn beyond the view's edge (a Russian title wider than its plot
    pushed the plot next to it out of the panel). Call it again after the texts change: the
    view's own minimum from before the first call stays the floor."""
    item = view.ci if isinstance(view, pg.GraphicsLayoutWidget) else view.getPlotItem()
    floor = getattr(view, "_minimum_floor", None)
    if floor is None:
        floor = view._minimum_floor = (view.minimumWidth(), view.minimumHeight())
    hint = item.effectiveSizeHint(Qt.SizeHint.MinimumSize)
    width, height = hint.width(), hint.height()
    plots = (
        [item]
        if isinstance(item, pg.PlotItem)
        else [child for child in item.items if isinstance(child, pg.PlotItem)]
    )
    for plot in plots:
        room_w, room_h = text_room(plot)
        height = max(height, room_h + 8)
        if len(plots) == 1:
            width = max(width, room_w + 8)
    frame = 2 * view.frameWidth()
    view.setMinimumSize(max(floor[0], math.ceil(width) + frame), max(floor[1], math.ceil(height) + frame))
