"""What the network predicts over its input: decision surface (2 inputs) or fit plot (1 input).

2 inputs, as in TensorFlow Playground: the prediction on a grid over the input plane
(``snapshot.decision``: ``xs``, ``ys``, ``values[i, j]`` at ``(xs[i], ys[j])``) under the
training points. Binary: P(class 1), a diverging map centred at 0.5 with the 0.5
boundary drawn (computed with contourpy). Multiclass: ``values`` = predicted class +
0.999 * its probability; the class sets the colour, the probability its strength.
Regression: the predicted value.

1 input: the training points and, when the snapshot carries it (``decision`` with 1-D
``xs`` and ``values``), the network's curve.

``DecisionPanel(compact=True)`` is the same picture as a small multiple (the comparison's
tiles, :mod:`gradsim.ui.compare.tiles`): no title (the tile's header names it), no caption
and no class legend (a narrow tile cut them; the classes keep the main panel's colours),
and a smaller minimum size.
"""

from __future__ import annotations

import contourpy
import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from gradsim.engine.snapshot import Snapshot
from gradsim.ui.common import class_colours, theme
from gradsim.ui.common import plotting as gp
from gradsim.ui.common.redraw import kept, same_inputs

CONTEXT = "DecisionPanel"
CLASS_COLOURS = class_colours.CLASS_COLOURS  # shared with the builder's data preview
MAX_POINTS = 5000  # drawn; larger sets are thinned evenly
SURFACE_STRENGTH = 0.6  # how far the surface goes from white towards a class colour
REGRESSION_MAP = "CET-D1"
TITLE_POINTS = 10.0  # the plot title's size (plotting.set_plot_texts)
TITLE_MARGIN_PX = 16  # room the title keeps from the plot's edges
FLAT_RANGE = 1.0 / 255  # a surface spanning less than one step of the 256-colour map has no boundary
MIN_PIECE_CELLS = 5.0  # shorter boundary pieces (in grid cells) are noise, not a boundary
COMPACT_MINIMUM_SIZE = (140, 110)  # of a small multiple's plot: a row of four fits 1280x720


translate = QCoreApplication.translate


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class_colour = class_colours.class_colour


def _pale(colour: str, strength: float = SURFACE_STRENGTH) -> QColor:
    c = QColor(colour)
    return QColor(*(round(255 + strength * (v - 255)) for v in (c.red(), c.green(), c.blue())))


def boundary_pieces(xs: np.ndarray, ys: np.ndarray, values: np.ndarray, level: float) -> list[np.ndarray]:
    """The ``level`` contour of ``values`` (indexed ``[x, y]`` on the grid ``xs`` x ``ys``) as
    (n, 2) point arrays, without the pieces that only show noise.

    An untrained net predicts nearly the same everywhere, and the p = 0.5 contour of such a
    surface breaks into specks: a ReLU net at step 0 hovering just above 0.5 drew a dozen
    black loops of one or two cells. So no line is drawn when the values span less than
    one step of the colour map (:data:`FLAT_RANGE`: the map shows one colour, and a line
    would claim a boundary the colours do not), and pieces shorter than
    :data:`MIN_PIECE_CELLS` grid cells are dropped.
    """
    if len(xs) < 2 or len(ys) < 2:
        return []
    finite = values[np.isfinite(values)]
    if finite.size == 0 or float(finite.max() - finite.min()) < FLAT_RANGE:
        return []
    generator = contourpy.contour_generator(xs, ys, np.ma.masked_invalid(values.T), line_type="Separate")
    cell = np.array([(xs[-1] - xs[0]) / (len(xs) - 1), (ys[-1] - ys[0]) / (len(ys) - 1)])
    cell[cell == 0] = 1.0
    pieces = []
    for piece in generator.lines(level):
        if len(piece) < 2:
            continue
        steps = np.diff(piece / cell, axis=0)
        if float(np.hypot(steps[:, 0], steps[:, 1]).sum()) >= MIN_PIECE_CELLS:
            pieces.append(np.asarray(piece, dtype=np.float64))
    return pieces


def binary_table() -> np.ndarray:
    """class 0 colour -> white at 0.5 -> class 1 colour (pale, so points stand out)."""
    cmap = pg.ColorMap([0.0, 0.5, 1.0], [_pale(class_colour(0)), QColor("white"), _pale(class_colour(1))])
    return cmap.getLookupTable(0.0, 1.0, 256, alpha=True).astype(np.uint8)


class DecisionPanel(QWidget):
    """Decision surface with the data (2D inputs), fit plot (1D), or a message (other inputs)."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact
        self._snapshot: Snapshot | None = None
        self._pen_scale = gp.line_scale()
        self._mode = ""
        self._full_title = ""  # the title before fitting it to the plot's width
        self._boundary_found = False
        self._mean_prediction = float("nan")
        self._points_key: tuple | None = None
        #: what the surface or fit curve last drew (see :func:`same_inputs`); None = draw next frame
        self._drawn: tuple | None = None
        self._texts_applied: tuple | None = None
        self._binary_table = binary_table()
        self._regression_table = gp.colour_table(REGRESSION_MAP)
        self.plot_widget = gp.make_plot("", "", "")
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setZValue(-10)
        self.boundary = pg.PlotDataItem(connect="finite")
        self.scatter = pg.ScatterPlotItem(size=6)
        self.fit_curve = pg.PlotDataItem(connect="finite")
        for item in (self.image, self.boundary, self.fit_curve, self.scatter):
            self.plot.addItem(item)
        self.legend = self.plot.addLegend(
            offset=(-8, 8), labelTextColor=gp.foreground(), brush=gp.legend_background()
        )
        self._legend_samples: list[pg.ScatterPlotItem] = []
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot_widget)
        self.stack.addWidget(self.message)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.caption)
        if compact:
            self.caption.hide()
            self.legend.hide()
            self.plot_widget.setMinimumSize(*COMPACT_MINIMUM_SIZE)
        self._apply_pens()
        self.retranslate()

    def _apply_pens(self) -> None:
        self._pen_scale = gp.line_scale()
        self.boundary.setPen(gp.make_pen(gp.foreground(), 1.5))
        self.fit_curve.setPen(gp.make_pen(gp.OKABE_ITO["blue"], 2.0))
        self.scatter.setSize(6 * self._pen_scale)
        self._points_key = None  # re-apply the point pens
        self._drawn = None

    def apply_theme(self) -> None:
        """The current theme's plot colours and line scale, drawn again (a theme switch, the
        presentation view's projector theme)."""
        theme.restyle_plots(self, theme.current_theme())
        self._apply_pens()
        self._texts_applied = None  # the title and labels take the new foreground
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)
        else:
            self._set_texts()

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.plot_widget.setToolTip(
            translate(
                "DecisionPanel",
                "The network's prediction at every point of the input plane, with the training points "
                "on top. A network whose early layers get no gradient cannot bend this boundary: with "
                "vanishing gradients it stays a nearly straight line for a long time.",
            )
        )
        self.message.setText(
            translate(
                "DecisionPanel",
                "The decision surface is drawn for datasets with two inputs, and a fit plot for one "
                "input. This dataset has {inputs}.",
            ).format(inputs=self._inputs_text())
        )
        self._set_texts()

    def _inputs_text(self) -> str:
        snapshot = self._snapshot
        weights = snapshot.weights.get("layers.0.W") if snapshot is not None else None
        if weights is not None and weights.ndim == 2:
            return translate("DecisionPanel", "{n} inputs").format(n=weights.shape[0])
        return translate("DecisionPanel", "another number of inputs")

    def _set_texts(self) -> None:
        """Apply the titles, caption and legend names, only when one of them changed.

        Setting a plot's title or axis label re-lays out the plot and repaints its axes,
        so it is not done on every frame.
        """
        texts = self._texts()
        if texts == self._texts_applied:
            return
        self._texts_applied = texts
        _colour, (title, x_label, y_label), caption, network, classes = texts
        self._full_title = title
        gp.set_plot_texts(self.plot, self._title_that_fits(), x_label, y_label)
        self.caption.setText(caption)
        gp.rename_legend_entry(self.legend, self.fit_curve, network)
        for sample, text in zip(self._legend_samples, classes, strict=True):
            gp.rename_legend_entry(self.legend, sample, text)

    def _texts(self) -> tuple:
        """(foreground colour, plot texts, caption, legend names) for the current state."""
        mode = self._mode
        task = self._snapshot.task if self._snapshot is not None else "binary"
        if mode == "fit":
            plot_texts = (
                translate("DecisionPanel", "Fit: data and the network's prediction"),
                translate("DecisionPanel", "input x"),
                translate("DecisionPanel", "target y"),
            )
            caption = (
                ""
                if self._has_curve()
                else translate("DecisionPanel", "The network's curve is not available in this snapshot.")
            )
        else:
            title = {
                "binary": translate("DecisionPanel", "Decision surface: probability of class 1"),
                "multiclass": translate("DecisionPanel", "Decision surface: predicted class"),
                "regression": translate("DecisionPanel", "Prediction over the input plane"),
            }.get(task, translate("DecisionPanel", "Decision surface"))
            plot_texts = (
                title,
                translate("DecisionPanel", "input x₁"),
                translate("DecisionPanel", "input x₂"),
            )
            captions = {
                "binary": translate("DecisionPanel", "Black line: the decision boundary (probability 0.5).")
                if self._boundary_found
                else translate(
                    "DecisionPanel",
                    "No decision boundary: the network predicts about {p:.2f} everywhere. A network "
                    "whose early layers get no gradient often stays stuck like this.",
                ).format(p=self._mean_prediction),
                "multiclass": translate(
                    "DecisionPanel",
                    "Colour: the predicted class; strength: the network's confidence in it (pale = unsure).",
                ),
                "regression": translate(
                    "DecisionPanel",
                    "Colour: the predicted value (blue below 0, red above); the points show the targets "
                    "in the same colours, so a point that stands out is fitted badly.",
                ),
            }
            caption = captions.get(task, "") if mode == "surface" else ""
        network = translate("DecisionPanel", "network")
        classes = tuple(
            translate("DecisionPanel", "class {k}").format(k=k) for k in range(len(self._legend_samples))
        )
        return gp.foreground(), plot_texts, caption, network, classes

    def _title_that_fits(self) -> str:
        """The title, or a short one ("Decision surface", "Fit"; the full one in the tooltip) when the
        plot is narrower than the title: a title wider than its plot widens the plot past
        its view and pushes the legend out (Russian at 1280x720). Never a word cut. A compact
        panel has none."""
        if self.compact:
            return ""
        title = self._full_title
        font = QFont(self.plot_widget.font())
        font.setPointSizeF(TITLE_POINTS)
        room = self.plot_widget.viewport().width() - TITLE_MARGIN_PX
        if self._mode == "fit":
            short = translate("DecisionPanel", "Fit")
        else:
            short = translate("DecisionPanel", "Decision surface")
        fits = QFontMetrics(font).horizontalAdvance(title) <= room
        self.plot.titleLabel.setToolTip("" if fits else title)
        return title if fits else short

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        title = self._title_that_fits() if self._full_title else ""
        if title and title != self.plot.titleLabel.text:
            self.plot.setTitle(title, color=gp.foreground(), size=f"{TITLE_POINTS:g}pt")

    def _has_curve(self) -> bool:
        d = self._snapshot.decision if self._snapshot is not None else {}
        return "xs" in d and "values" in d and "ys" not in d

    # ------------------------------------------------------------------ drawing
    def show_snapshot(self, snapshot: Snapshot) -> None:
        if gp.line_scale() != self._pen_scale:
            self._apply_pens()
        self._snapshot = snapshot
        x = snapshot.data.get("x")
        decision = snapshot.decision
        if "values" in decision and "ys" in decision:
            mode = "surface"
        elif x is not None and x.ndim == 2 and x.shape[1] == 1:
            mode = "fit"
        else:
            mode = "message"
        if mode != self._mode:
            self._set_mode(mode)
        if mode == "surface":
            self._draw_surface(snapshot)
        elif mode == "fit":
            self._draw_fit(snapshot)
        self._set_texts()

    def _set_mode(self, mode: str) -> None:
        self._mode = mode
        self._points_key = None
        self._drawn = None
        self._texts_applied = None  # the legend is rebuilt with empty names
        self.stack.setCurrentIndex(1 if mode == "message" else 0)
        self.plot.setAspectLocked(mode == "surface")
        self.image.setVisible(mode == "surface")
        self.boundary.setVisible(mode == "surface")
        self.fit_curve.setVisible(mode == "fit")
        self.legend.clear()
        self._legend_samples = []
        if mode == "fit":
            self.legend.addItem(self.fit_curve, "")
        if mode == "message":
            self.retranslate()

    def _set_classes(self, n_classes: int) -> None:
        """Legend entries, one per class (only when the number of classes changes)."""
        if len(self._legend_samples) == n_classes:
            return
        for sample in self._legend_samples:
            self.legend.removeItem(sample)
        self._legend_samples = [
            pg.ScatterPlotItem(
                symbol="o", size=8, brush=pg.mkBrush(class_colour(k)), pen=gp.make_pen("#333333")
            )
            for k in range(n_classes)
        ]
        for sample in self._legend_samples:
            self.legend.addItem(sample, "")
        self._texts_applied = None

    def _draw_surface(self, snapshot: Snapshot) -> None:
        """Image and boundary, set only when the map changed.

        The worker refreshes the map at most ~10 times a second and sends the same map in
        between: those frames cost a comparison, and the plot is not repainted at all.
        """
        d = snapshot.decision
        y = snapshot.data.get("y")
        task = snapshot.task
        inputs = (task, d["xs"], d["ys"], d["values"], y)
        if same_inputs(self._drawn, inputs):
            self._draw_points(snapshot)
            return
        self._drawn = kept(inputs)
        xs, ys = np.asarray(d["xs"], dtype=np.float64), np.asarray(d["ys"], dtype=np.float64)
        values = np.asarray(d["values"], dtype=np.float64)
        boundary = None
        if task == "multiclass":
            n_classes = self._class_count(values, y)
            colours = self._multiclass_rgba(values, n_classes)
            self._set_classes(n_classes)
        elif task == "regression":
            low, high = self._regression_levels(values, y)
            colours = gp.map_to_rgba(values, low, high, self._regression_table)
            self._set_classes(0)
        else:
            colours = gp.map_to_rgba(values, 0.0, 1.0, self._binary_table)
            boundary = 0.5
            self._set_classes(2)
        self.image.setImage(colours, autoLevels=False)
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1) if len(xs) > 1 else 1.0
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1) if len(ys) > 1 else 1.0
        self.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys)))
        self._draw_boundary(xs, ys, values, boundary)
        self._draw_points(snapshot)

    @staticmethod
    def _class_count(values: np.ndarray, y: np.ndarray | None) -> int:
        top = np.nanmax(values) if np.isfinite(values).any() else 0.0
        count = int(np.floor(top)) + 1
        if y is not None and y.size:
            count = max(count, int(np.nanmax(y)) + 1)
        return max(count, 2)

    @staticmethod
    def _multiclass_rgba(values: np.ndarray, n_classes: int) -> np.ndarray:
        finite = np.isfinite(values)
        safe = np.where(finite, values, 0.0)
        classes = np.clip(np.floor(safe).astype(int), 0, n_classes - 1)
        confidence = np.clip(safe - np.floor(safe), 0.0, 1.0) / 0.999
        strength = np.clip((confidence - 1.0 / n_classes) / (1.0 - 1.0 / n_classes), 0.0, 1.0)
        palette = np.array([gp.rgba(class_colour(k))[:3] for k in range(n_classes)], dtype=np.float64)
        mix = (SURFACE_STRENGTH * (0.25 + 0.75 * strength))[..., None]
        rgb = 255.0 + mix * (palette[classes] - 255.0)
        out = np.empty((*values.shape, 4), dtype=np.uint8)
        out[..., :3] = np.clip(np.round(rgb), 0, 255)
        out[..., 3] = 255
        out[~finite] = gp.rgba(gp.NAN_COLOUR)
        return out

    @staticmethod
    def _regression_levels(values: np.ndarray, y: np.ndarray | None) -> tuple[float, float]:
        pool = [values[np.isfinite(values)]]
        if y is not None:
            pool.append(np.asarray(y, dtype=np.float64)[np.isfinite(y)].reshape(-1))
        joined = np.concatenate([p.reshape(-1) for p in pool])
        if joined.size == 0:
            return -1.0, 1.0
        bound = float(np.max(np.abs(joined))) or 1.0
        return -bound, bound  # symmetric: white at 0

    def _draw_boundary(self, xs, ys, values, level: float | None) -> None:
        self._boundary_found = False
        finite = values[np.isfinite(values)]
        self._mean_prediction = float(finite.mean()) if finite.size else float("nan")
        pieces = boundary_pieces(xs, ys, values, level) if level is not None else []
        if not pieces:
            self.boundary.setData([], [])
            return
        gap = np.full((1, 2), np.nan)  # connect="finite": a NaN row ends a piece
        line = np.concatenate([part for piece in pieces for part in (piece, gap)][:-1])
        self.boundary.setData(line[:, 0], line[:, 1])
        self._boundary_found = True

    def boundary_piece_count(self) -> int:
        """How many separate lines the drawn boundary has (0 when none is drawn)."""
        _x, y = self.boundary.getData()
        if y is None or len(y) == 0:
            return 0
        drawn = np.isfinite(np.asarray(y, dtype=np.float64))
        return int(drawn[0]) + int(np.count_nonzero(drawn[1:] & ~drawn[:-1]))

    def _thinned(self, snapshot: Snapshot) -> tuple[np.ndarray, np.ndarray] | None:
        x, y = snapshot.data.get("x"), snapshot.data.get("y")
        if x is None or y is None or len(x) == 0:
            return None
        step = max(1, int(np.ceil(len(x) / MAX_POINTS)))
        return np.asarray(x[::step], dtype=np.float64), np.asarray(y[::step], dtype=np.float64)

    def _draw_points(self, snapshot: Snapshot) -> None:
        """Training points coloured by class (or value); redrawn only when the data change."""
        data = self._thinned(snapshot)
        if data is None:
            if not same_inputs(self._points_key, ("none",)):
                self._points_key = ("none",)
                self.scatter.setData([], [])
            return
        x, y = data
        levels = None
        if snapshot.task == "regression":  # the points share the surface's colour scale
            levels = self._regression_levels(np.asarray(snapshot.decision["values"]), y)
        key = (snapshot.task, x, y, levels)
        if same_inputs(self._points_key, key):
            return
        self._points_key = kept(key)
        outline = gp.make_pen("#222222", 0.8)
        if snapshot.task == "regression":
            low, high = levels
            colours = gp.map_to_rgba(y.reshape(len(y), -1)[:, 0], low, high, self._regression_table)
            brushes = [pg.mkBrush(*c) for c in colours]
        else:
            labels = np.nan_to_num(y.reshape(len(y), -1)[:, 0]).astype(int)
            cache = {k: pg.mkBrush(class_colour(k)) for k in np.unique(labels)}
            brushes = [cache[k] for k in labels]
        self.scatter.setData(x=x[:, 0], y=x[:, 1], brush=brushes, pen=outline, size=6 * self._pen_scale)

    def _draw_fit(self, snapshot: Snapshot) -> None:
        data = self._thinned(snapshot)
        if data is not None:
            x, y = data
            key = ("fit", x, y)
            if not same_inputs(self._points_key, key):
                self._points_key = kept(key)
                self.scatter.setData(
                    x=x[:, 0],
                    y=y.reshape(len(y), -1)[:, 0],
                    brush=pg.mkBrush(gp.transparent(gp.OKABE_ITO["vermillion"], 150)),
                    pen=gp.make_pen("#222222", 0.5),
                    size=5 * self._pen_scale,
                )
        curve = (snapshot.decision.get("xs"), snapshot.decision.get("values")) if self._has_curve() else None
        inputs = ("fit", curve)
        if same_inputs(self._drawn, inputs):
            return
        self._drawn = kept(inputs)
        if curve is not None:
            xs = np.asarray(snapshot.decision["xs"], dtype=np.float64).reshape(-1)
            values = np.asarray(snapshot.decision["values"], dtype=np.float64)
            self.fit_curve.setData(xs, gp.finite_or_nan(values.reshape(len(xs), -1)[:, 0]))
        else:
            self.fit_curve.setData([], [])
