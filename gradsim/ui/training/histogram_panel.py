"""Per-layer distributions: activations, pre-activations and log10 |weight gradients|.

Drawn as a ridge plot (one row per layer, layer 1 at the bottom) or as small
multiples, beside the share of saturated and dead units per layer:

* saturated: a bounded activation's output within 1% of its range from a bound
  (sigmoid, tanh), where f'(z) is near 0, so almost no gradient passes;
* dead: a ReLU-family unit inactive on every training sample, where f'(z) = 0 exactly.

Histograms come at the diagnostics cadence (``training.diagnostics_every``) from
fixed bins (values outside the range land in the end bins).
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from gradsim.engine.snapshot import Snapshot
from gradsim.ui.common import plotting as gp
from gradsim.ui.common.flow_layout import FlowLayout
from gradsim.ui.common.redraw import kept, same_inputs

CONTEXT = "HistogramPanel"
QUANTITIES = ("activation", "pre_activation", "log10_grad")
QUANTITY_COLOURS = {
    "activation": gp.OKABE_ITO["blue"],
    "pre_activation": gp.OKABE_ITO["bluish_green"],
    "log10_grad": gp.OKABE_ITO["reddish_purple"],
}
LAYOUTS = ("ridge", "multiples")
MAX_MULTIPLES = 12
MAX_RIDGES = 32  # deeper nets: evenly spaced layers (rows of a few pixels are unreadable and slow)
RIDGE_HEIGHT = 0.92  # of the row spacing
MAX_BAR_LABELS = 16  # deeper nets: bars without their numbers (rows too thin to hold text)
BAR_LABEL_INSIDE = 0.8  # a bar longer than this carries its number inside its end
SATURATION_COLOUR = gp.OKABE_ITO["vermillion"]
DEAD_COLOUR = gp.OKABE_ITO["sky_blue"]


translate = QCoreApplication.translate


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class HistogramPanel(QWidget):
    """Histograms per layer (ridge plot or small multiples) and saturation/dead fractions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snapshot: Snapshot | None = None
        self._pen_scale = gp.line_scale()
        self._depth = -1
        #: what the visible layout last drew (see :func:`same_inputs`); None = draw on the next frame
        self._drawn: tuple | None = None
        self._fractions_drawn: tuple | None = None
        self._bar_outline = gp.bar_outline(0)
        self._x_range: tuple[float, float] | None = None
        self.ridge_layers: list[int] = []
        self.ridge_height = RIDGE_HEIGHT
        # PlotCurveItems, not PlotDataItems: setData costs ~15 us instead of ~150 us, and
        # these short step histograms need none of PlotDataItem's downsampling or clipping.
        self.ridge_curves: list[pg.PlotCurveItem] = []
        self.multiple_plots: list[pg.PlotItem] = []
        self.multiple_curves: list[pg.PlotCurveItem] = []
        self.multiple_layers: list[int] = []
        self.quantity_label = QLabel()
        self.quantity_combo = QComboBox()
        self.layout_label = QLabel()
        self.layout_combo = QComboBox()
        for combo, count in ((self.quantity_combo, len(QUANTITIES)), (self.layout_combo, len(LAYOUTS))):
            for _ in range(count):
                combo.addItem("")
            combo.currentIndexChanged.connect(self._redraw)
        self.layout_combo.currentIndexChanged.connect(self._on_layout_changed)
        controls = FlowLayout(spacing=6)  # the view choice wraps below in a narrow dock (150% text)
        for label, combo in (
            (self.quantity_label, self.quantity_combo),
            (self.layout_label, self.layout_combo),
        ):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # follows the text scale
            pair = QHBoxLayout()  # a label stays on its choice's line
            pair.addWidget(label)
            pair.addWidget(combo)
            controls.addLayout(pair)
        self._build_ridge()
        self.multiples = pg.GraphicsLayoutWidget()
        self.multiples.setBackground(gp.background())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.ridge)
        self.stack.addWidget(self.multiples)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        self.retranslate()

    def _build_ridge(self) -> None:
        self.ridge = pg.GraphicsLayoutWidget()
        self.ridge.setBackground(gp.background())
        self.ridge.setMinimumSize(360, 220)
        self.ridge_plot = self.ridge.addPlot(row=0, col=0, axisItems={"bottom": gp.Log10Axis("bottom")})
        self.fraction_plot = self.ridge.addPlot(row=0, col=1)
        for plot in (self.ridge_plot, self.fraction_plot):
            gp.style_plot(plot)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=True)
        self.ridge.ci.layout.setColumnStretchFactor(0, 3)
        self.ridge.ci.layout.setColumnStretchFactor(1, 1)
        self.fraction_plot.setYLink(self.ridge_plot)
        self.fraction_plot.getAxis("left").setStyle(showValues=False)
        self.fraction_plot.setXRange(0.0, 1.0, padding=0.02)
        self.fraction_plot.showGrid(x=True, y=False, alpha=0.2)
        # No legend inside the plot (it covered the top layers' bars): the title names the colours.
        self.saturation_bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.36)
        self.dead_bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.36)
        self.fraction_plot.addItem(self.saturation_bars)
        self.fraction_plot.addItem(self.dead_bars)
        # each bar's share as text ("23%"), (saturation, dead) per layer; nets up to MAX_BAR_LABELS
        self.bar_labels: list[tuple[pg.TextItem, pg.TextItem]] = []
        self._apply_pens()

    def _apply_pens(self) -> None:
        self._pen_scale = gp.line_scale()
        self._bar_outline = gp.bar_outline(max(self._depth, 0))
        self._fractions_drawn = None  # the bars take the outline with their next data
        outline = gp.make_pen(gp.foreground(), 0.5)
        self.saturation_bars.setOpts(pen=outline, brush=SATURATION_COLOUR)
        self.dead_bars.setOpts(pen=outline, brush=DEAD_COLOUR)
        for labels in self.bar_labels:
            for label in labels:
                label.setColor(gp.foreground())
        colour = QUANTITY_COLOURS[self._quantity()]
        for curve in self.ridge_curves + self.multiple_curves:
            curve.setPen(gp.make_pen(colour))
            curve.setBrush(gp.transparent(colour, 110))

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.quantity_label.setText(translate("HistogramPanel", "Show:"))
        for index, text in enumerate(
            (
                translate("HistogramPanel", "activations f(z)"),
                translate("HistogramPanel", "pre-activations z"),
                translate("HistogramPanel", "weight gradients log10 |∂L/∂W|"),
            )
        ):
            self.quantity_combo.setItemText(index, text)
        self.quantity_combo.setToolTip(
            translate(
                "HistogramPanel",
                "Activations piled against a bound of a sigmoid or tanh mean saturated units (slope f' "
                "near 0, so the gradient cannot pass); pre-activations z far from 0 show why. Gradient "
                "histograms that move left layer after layer show the gradient vanishing on its way "
                "back; the leftmost bin holds exact zeros (float16 underflow, dead units).",
            )
        )
        self.layout_label.setText(translate("HistogramPanel", "Layout:"))
        self.layout_combo.setItemText(0, translate("HistogramPanel", "ridge plot"))
        self.layout_combo.setItemText(1, translate("HistogramPanel", "small multiples"))
        self.layout_combo.setToolTip(
            translate(
                "HistogramPanel",
                "Ridge plot: every layer in one view, layer 1 at the bottom, each histogram scaled to "
                "its own peak. Small multiples: one plot per layer with its own axes (at most 12 "
                "layers, evenly spaced).",
            )
        )
        gp.set_plot_texts(
            self.fraction_plot, self.fraction_title(), translate("HistogramPanel", "fraction of units"), ""
        )
        self.fraction_plot.setToolTip(
            translate(
                "HistogramPanel",
                "Saturated: share of a bounded activation's outputs within 1% of a bound (its slope is "
                "nearly 0). Dead: share of ReLU units that output 0 for every training sample (their "
                "gradient is exactly 0, forever). Empty where the activation cannot saturate or die.",
            )
        )
        self._set_ridge_texts()
        self._update_note()
        self._update_multiple_titles()

    @staticmethod
    def fraction_title() -> str:
        """The bars' title, which is also their legend: a coloured square before each name."""
        return (
            f'<span style="color: {SATURATION_COLOUR}">■</span> '
            + html.escape(translate("HistogramPanel", "saturated"))
            + f' &nbsp; <span style="color: {DEAD_COLOUR}">■</span> '
            + html.escape(translate("HistogramPanel", "dead"))
        )

    def _layout(self) -> str:
        return LAYOUTS[max(self.layout_combo.currentIndex(), 0)]

    def _quantity(self) -> str:
        return QUANTITIES[max(self.quantity_combo.currentIndex(), 0)]

    def _quantity_label(self) -> str:
        return {
            "activation": translate("HistogramPanel", "activation f(z)"),
            "pre_activation": translate("HistogramPanel", "pre-activation z"),
            "log10_grad": translate("HistogramPanel", "|∂L/∂W| (log scale)"),
        }[self._quantity()]

    def _set_ridge_texts(self) -> None:
        gp.set_plot_texts(
            self.ridge_plot,
            translate("HistogramPanel", "Distribution per layer"),
            self._quantity_label(),
            translate("HistogramPanel", "layer"),
        )

    # ------------------------------------------------------------------ structure
    def _on_layout_changed(self, index: int) -> None:
        self.stack.setCurrentIndex(max(index, 0))

    def _set_depth(self, depth: int) -> None:
        """Rebuild the per-layer items (only when the network's depth changes)."""
        self._depth = depth
        for curve in self.ridge_curves:
            self.ridge_plot.removeItem(curve)
        self.ridge_curves = []
        self.ridge_layers = gp.legend_layers(depth, MAX_RIDGES)
        gaps = np.diff(self.ridge_layers)
        self.ridge_height = RIDGE_HEIGHT * (float(gaps.min()) if gaps.size else 1.0)
        for layer in self.ridge_layers:
            curve = pg.PlotCurveItem(fillLevel=layer + 1.0)
            self.ridge_plot.addItem(curve)
            self.ridge_curves.append(curve)
        self.ridge_plot.getAxis("left").setTicks(gp.layer_ticks(depth))
        for labels in self.bar_labels:
            for label in labels:
                self.fraction_plot.removeItem(label)
        self.bar_labels = []
        for _layer in range(depth if depth <= MAX_BAR_LABELS else 0):
            pair = (pg.TextItem(color=gp.foreground()), pg.TextItem(color=gp.foreground()))
            for label in pair:
                label.setFont(_small_font())
                label.hide()
                self.fraction_plot.addItem(label, ignoreBounds=True)
            self.bar_labels.append(pair)
        self.ridge_plot.setYRange(0.5, depth + 1.0, padding=0)
        self._x_range = None
        self.multiples.clear()
        self.multiple_layers = gp.legend_layers(depth, MAX_MULTIPLES)
        columns = max(1, math.ceil(math.sqrt(len(self.multiple_layers))))
        self.multiple_plots, self.multiple_curves = [], []
        for position, _layer in enumerate(self.multiple_layers):
            plot = self.multiples.addPlot(
                row=position // columns, col=position % columns, axisItems={"bottom": gp.Log10Axis("bottom")}
            )
            gp.style_plot(plot)
            plot.setMenuEnabled(False)
            plot.getAxis("left").setStyle(showValues=False)
            curve = pg.PlotCurveItem(fillLevel=0.0)
            plot.addItem(curve)
            self.multiple_plots.append(plot)
            self.multiple_curves.append(curve)
        self._apply_pens()  # also picks the bar outline for this depth
        self._update_multiple_titles()

    def _update_multiple_titles(self) -> None:
        snapshot = self._snapshot
        for plot, layer in zip(self.multiple_plots, self.multiple_layers, strict=True):
            title = translate("HistogramPanel", "layer {layer}").format(layer=layer + 1)
            if snapshot is not None and snapshot.stats is not None:
                saturation = snapshot.stat("saturation")[layer]
                dead = snapshot.stat("dead_fraction")[layer]
                if np.isfinite(saturation):
                    title += " · " + translate("HistogramPanel", "{share:.0%} saturated").format(
                        share=saturation
                    )
                if np.isfinite(dead):
                    title += " · " + translate("HistogramPanel", "{share:.0%} dead").format(share=dead)
            if plot.titleLabel.text != title:  # setTitle re-lays the grid out: only on change
                plot.setTitle(title, color=gp.foreground(), size="8pt")

    # ------------------------------------------------------------------ drawing
    def _redraw(self, *_args) -> None:
        self._drawn = None
        self._set_ridge_texts()
        self._apply_pens()
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Redraw only when what the visible layout shows changed.

        Histograms and statistics come at the diagnostics cadence, so most frames
        change nothing here and cost a few comparisons.
        """
        if gp.line_scale() != self._pen_scale:
            self._apply_pens()
        self._snapshot = snapshot
        if snapshot.depth != self._depth:
            self._set_depth(snapshot.depth)
            self._drawn = None
        quantity = self._quantity()
        cadence = snapshot.stats_history.get("stats.steps")
        counts = snapshot.histograms.get(quantity)
        inputs = (
            snapshot.depth,
            quantity,
            self._layout(),
            cadence,
            counts,
            snapshot.stats,
            snapshot.histogram_ranges.get(quantity, (-4.0, 4.0)),
        )
        if same_inputs(self._drawn, inputs):
            return
        self._drawn = kept(inputs)
        low, high = inputs[-1]
        if counts is None or len(counts) != snapshot.depth:
            counts = np.zeros((snapshot.depth, 0))
        edges = np.linspace(low, high, counts.shape[1] + 1) if counts.shape[1] else np.zeros(0)
        if self._layout() == "ridge":  # only the visible layout (switching layouts redraws)
            self._draw_ridge(counts, edges)
            plots = [self.ridge_plot]
        else:
            for curve, layer in zip(self.multiple_curves, self.multiple_layers, strict=True):
                self._set_curve(curve, edges, self._normalized(counts[layer]) if edges.size else None)
            self._update_multiple_titles()
            plots = self.multiple_plots
        special = {float(low): f"≤{gp.format_decade(low)}"}
        x_range = self._occupied_range(counts, edges, low, high)
        for plot in plots:
            plot.getAxis("bottom").set_log(quantity == "log10_grad", special=special)
        if x_range != self._x_range:
            self._x_range = x_range
            for plot in [self.ridge_plot, *self.multiple_plots]:
                plot.setXRange(*x_range, padding=0)
        if self._layout() == "ridge":
            self._draw_fractions(snapshot)
        self._update_note()

    @staticmethod
    def _set_curve(curve: pg.PlotCurveItem, edges: np.ndarray, heights: np.ndarray | None) -> None:
        if heights is None or edges.size == 0:
            curve.clear()
        else:
            curve.setData(x=edges, y=heights, stepMode="center")

    @staticmethod
    def _occupied_range(
        counts: np.ndarray, edges: np.ndarray, low: float, high: float
    ) -> tuple[float, float]:
        """The bins holding any value (all layers), one bin of margin: sigmoid outputs fill only [0, 1]."""
        if edges.size == 0 or counts.size == 0:
            return low, high
        used = np.flatnonzero(np.nan_to_num(counts, nan=0.0).sum(axis=0) > 0)
        if used.size == 0:
            return low, high
        width = float(edges[1] - edges[0])
        # a bin and a half of margin: the end bins hold the clipped values (and exact zeros) and
        # their tick labels need room to be drawn
        return float(edges[used[0]]) - 1.5 * width, float(edges[used[-1] + 1]) + 1.5 * width

    @staticmethod
    def _normalized(counts: np.ndarray) -> np.ndarray:
        c = np.nan_to_num(np.asarray(counts, dtype=np.float64), nan=0.0, posinf=0.0, neginf=0.0)
        peak = c.max() if c.size else 0.0
        return c / peak if peak > 0 else c

    def _draw_ridge(self, counts: np.ndarray, edges: np.ndarray) -> None:
        for layer, curve in zip(self.ridge_layers, self.ridge_curves, strict=True):
            if edges.size == 0:
                self._set_curve(curve, edges, None)
                continue
            offset = layer + 1.0
            self._set_curve(curve, edges, offset + self.ridge_height * self._normalized(counts[layer]))

    def _draw_fractions(self, snapshot: Snapshot) -> None:
        """Saturated / dead bars, set only when the fractions changed (they rarely do)."""
        depth = snapshot.depth
        saturation = np.nan_to_num(snapshot.stat("saturation"), nan=0.0)
        dead = np.nan_to_num(snapshot.stat("dead_fraction"), nan=0.0)
        fractions = (saturation, dead)
        if same_inputs(self._fractions_drawn, fractions):
            return
        self._fractions_drawn = fractions
        rows = np.arange(1, depth + 1, dtype=np.float64)
        outline = self._bar_outline
        self.saturation_bars.setOpts(
            x0=np.zeros(depth), x1=saturation, y=rows + 0.2, height=0.36, pen=outline
        )
        self.dead_bars.setOpts(x0=np.zeros(depth), x1=dead, y=rows - 0.2, height=0.36, pen=outline)
        for layer, (saturation_label, dead_label) in enumerate(self.bar_labels):
            _place_bar_label(saturation_label, float(saturation[layer]), layer + 1.2)
            _place_bar_label(dead_label, float(dead[layer]), layer + 0.8)

    def _update_note(self) -> None:
        snapshot = self._snapshot
        if snapshot is None or snapshot.stats is None or not snapshot.histograms:
            self.note.setText(
                translate("HistogramPanel", "No statistics yet: they are measured every few training steps.")
            )
            return
        if snapshot.depth == 0:
            self.note.setText(translate("HistogramPanel", "This network has no hidden layers."))
            return
        saturation = snapshot.stat("saturation")
        dead = snapshot.stat("dead_fraction")
        parts = [translate("HistogramPanel", "Step {step}.").format(step=snapshot.step)]
        if np.isfinite(saturation).any() and np.nanmax(saturation) == 0:
            parts.append(translate("HistogramPanel", "No saturated units."))
        elif np.isfinite(saturation).any():
            worst = int(np.nanargmax(saturation))
            parts.append(
                translate("HistogramPanel", "Most saturated: layer {layer} ({share:.0%}).").format(
                    layer=worst + 1, share=saturation[worst]
                )
            )
        if np.isfinite(dead).any() and np.nanmax(dead) == 0:
            parts.append(translate("HistogramPanel", "No dead units."))
        elif np.isfinite(dead).any():
            worst = int(np.nanargmax(dead))
            parts.append(
                translate("HistogramPanel", "Most dead units: layer {layer} ({share:.0%}).").format(
                    layer=worst + 1, share=dead[worst]
                )
            )
        if len(parts) == 1:
            parts.append(translate("HistogramPanel", "These activations neither saturate nor die."))
        self.note.setText(" ".join(parts))


def bar_label_text(share: float) -> str:
    """A bar's number: a whole percentage; "<1%" for a share that would round to 0."""
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


def _place_bar_label(label: pg.TextItem, share: float, row: float) -> None:
    """The share at the end of its bar (inside a long bar's end, after a short one); none at 0."""
    if not share > 0:
        label.hide()
        return
    label.setText(bar_label_text(share))
    inside = share > BAR_LABEL_INSIDE
    label.setAnchor((1.0, 0.5) if inside else (0.0, 0.5))
    label.setPos(share - 0.01 if inside else share + 0.01, row)
    label.show()


def _small_font() -> QFont:
    font = QFont()
    font.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
    return font
