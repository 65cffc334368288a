"""Gradient flow: how large the gradient is in every layer, over the whole run.

Left, a heatmap: one row per weight layer (1 = next to the input, "out" = the output
layer), one column per stretch of steps, colour = log10 ||dL/dW_l|| (Frobenius norm).
Right, bars of the latest step's norms on a log axis, in the same colours and rows.

Backpropagation multiplies the gradient by W_l^T diag(f'(z_l)) at every layer
(Glorot & Bengio 2010; Hochreiter 1991). When those factors are below 1 the rows
darken towards layer 1 (vanishing); above 1 they brighten (exploding). With the colour
range *fixed* a gradient that shrinks during training darkens instead of being
silently rescaled to look normal.

``GradientFlowPanel(compact=True)`` is the same picture as a small multiple (the comparison's
tiles, :mod:`gradsim.ui.compare.tiles`): no controls (the fixed default colour range, so
tiles side by side share one scale), no summary, no plot titles (the tile's header names
it), a smaller minimum size, and :meth:`GradientFlowPanel.show_colour_bar` to leave the
colour bar to one tile of a row.

The heatmap's step axis moves in steps (:class:`~gradsim.ui.common.steady_range.RangeAnchor`,
as the other history plots): growing with every step, it re-laid out its axis every frame.
"""

from __future__ import annotations

import functools
import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gradsim.engine.snapshot import Snapshot
from gradsim.ui.common import plotting as gp
from gradsim.ui.common import theme
from gradsim.ui.common.flow_layout import FlowLayout
from gradsim.ui.common.redraw import kept, same_inputs
from gradsim.ui.common.steady_range import RangeAnchor

CONTEXT = "GradientFlowPanel"
DEFAULT_LEVELS = (-8.0, 1.0)
BUCKET_VALUES = ("last", "high", "low")
COLOUR_BAR_STEPS = 256
#: the summary sentence is re-worded at most this often while frames come (see _update_summary)
SUMMARY_HZ = 4.0
COLOUR_BAR_WIDTH = 74  # px: the log labels 10^-8 .. 10^1, NaN
MINIMUM_SIZE = (360, 220)  # of the plots, in the training view's dock
COMPACT_MINIMUM_SIZE = (160, 110)  # of a small multiple: a row of four fits a 1280x720 window


translate = QCoreApplication.translate


@functools.cache
def heatmap_table() -> np.ndarray:
    """The heatmap's colour lookup (read-only), built once for every panel and tile."""
    table = gp.colour_table(gp.HEATMAP_MAP, COLOUR_BAR_STEPS)
    table.flags.writeable = False
    return table


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class GradientFlowPanel(QWidget):
    """Layer-by-step heatmap of log10 gradient norms and bars of the latest norms.

    ``compact``: a small multiple (see the module's docstring); chosen at construction, since
    the plots' minimum size is their floor from then on (:func:`plotting.keep_scene_inside`).
    """

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact
        self._snapshot: Snapshot | None = None
        self._pen_scale = gp.line_scale()
        self._depth = -1
        self._table = heatmap_table()
        #: log10 gradient norms drawn in the heatmap, (stretches, depth + 1); NaN = non-finite.
        self.heatmap_values = np.zeros((0, 0))
        #: log10 of the latest norms drawn as bars (zeros at ``bar_floor``).
        self.bar_values = np.zeros(0)
        self.bar_floor = DEFAULT_LEVELS[0] - 1
        #: what was last drawn (see :func:`same_inputs`); None = draw on the next frame
        self._drawn: tuple | None = None
        self._colour_bar_levels: tuple[float, float] | None = None
        self._markers_drawn: tuple | None = None
        self._brushes: dict[tuple[int, ...], QBrush] = {}
        self._bar_outline = gp.bar_outline(0)
        self._build_controls()
        self._build_plots()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._controls)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary)
        if compact:
            for widget in self._control_widgets():
                widget.hide()
            self.summary.hide()
        self.retranslate()

    def _control_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.fixed_check,
            self.low_spin,
            self.to_label,
            self.high_spin,
            self.bucket_label,
            self.bucket_combo,
            self.range_label,
        )

    # ------------------------------------------------------------------ construction
    def _build_controls(self) -> None:
        self.fixed_check = QCheckBox()
        self.fixed_check.setChecked(True)
        self.low_spin = self._level_spin(DEFAULT_LEVELS[0])
        self.high_spin = self._level_spin(DEFAULT_LEVELS[1])
        self.range_label = QLabel()
        self.to_label = QLabel()
        self.bucket_label = QLabel()
        self.bucket_combo = QComboBox()
        for _ in BUCKET_VALUES:
            self.bucket_combo.addItem("")
        self.bucket_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # text scale
        self.fixed_check.toggled.connect(self._redraw)
        self.fixed_check.toggled.connect(self.low_spin.setEnabled)
        self.fixed_check.toggled.connect(self.high_spin.setEnabled)
        self.low_spin.valueChanged.connect(self._redraw)
        self.high_spin.valueChanged.connect(self._redraw)
        self.bucket_combo.currentIndexChanged.connect(self._redraw)
        range_row, bucket_row = QHBoxLayout(), QHBoxLayout()  # each pair stays on one line
        for widget in (self.fixed_check, self.low_spin, self.to_label, self.high_spin):
            range_row.addWidget(widget)
        bucket_row.addWidget(self.bucket_label)
        bucket_row.addWidget(self.bucket_combo)
        controls = FlowLayout(spacing=6)  # the bucket choice wraps below in a narrow dock
        controls.addLayout(range_row)
        controls.addSpacing(16)
        controls.addLayout(bucket_row)
        self._controls = controls
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        #: the colours that are not on the colour bar's ramp (exact zeros, NaN), named in words
        #: whenever the heatmap shows them: the bar's small "0" swatch is easily missed
        self.legend = QLabel()
        self.legend.setObjectName("gradientFlowLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.hide()
        self._legend_shows: tuple[bool, bool] = (False, False)
        self._summary_at = -math.inf  # when the summary was last re-worded for a frame
        self._summary_timer = QTimer(self)  # shows the newest summary once its turn comes
        self._summary_timer.setSingleShot(True)
        self._summary_timer.timeout.connect(self._summary_due)

    def _level_spin(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(-40.0, 40.0)
        spin.setDecimals(1)
        spin.setSingleStep(1.0)
        spin.setValue(value)
        spin.setPrefix("10^")
        return spin

    def _build_plots(self) -> None:
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(gp.background())
        self.graphics.setMinimumSize(*(COMPACT_MINIMUM_SIZE if self.compact else MINIMUM_SIZE))
        self.heatmap_plot = self.graphics.addPlot(row=0, col=0)
        self.colour_bar_plot = self.graphics.addPlot(row=0, col=1, axisItems={"right": gp.Log10Axis("right")})
        self.bars_plot = self.graphics.addPlot(row=0, col=2, axisItems={"bottom": gp.Log10Axis("bottom")})
        for plot in (self.heatmap_plot, self.colour_bar_plot, self.bars_plot):
            gp.style_plot(plot)
            plot.setMenuEnabled(False)
        layout = self.graphics.ci.layout
        layout.setColumnStretchFactor(0, 5)
        layout.setColumnStretchFactor(2, 2)
        self.graphics.ci.setSpacing(2)

        # a long run keeps ~2000 stretches: averaged down to the plot's pixels before Qt scales
        # the image (drawImage of 2000 columns into a tile's 250 px cost ~4 ms a paint)
        self.image = pg.ImageItem(axisOrder="col-major", autoDownsample=True, levels=(0, 255))
        self.heatmap_plot.addItem(self.image)
        self.heatmap_plot.showGrid(x=False, y=False)
        self.heatmap_plot.setMouseEnabled(x=True, y=False)
        self.heatmap_plot.getViewBox().setDefaultPadding(0.0)
        self.anchor = RangeAnchor(self.heatmap_plot, empty_y=(0.5, 1.5))  # x only: y is the layers

        bar = self.colour_bar_plot
        bar.hideAxis("left")
        bar.showAxis("right")
        bar.hideAxis("bottom")
        bar.showGrid(x=False, y=False)
        bar.setMouseEnabled(x=False, y=False)
        bar.setFixedWidth(COLOUR_BAR_WIDTH)
        bar.getViewBox().setDefaultPadding(0.02)
        self.colour_bar_image = pg.ImageItem(axisOrder="col-major")
        self.zero_swatch = pg.ImageItem(axisOrder="col-major")
        self.nan_swatch = pg.ImageItem(axisOrder="col-major")
        for item in (self.colour_bar_image, self.zero_swatch, self.nan_swatch):
            bar.addItem(item)
        self.colour_bar_axis: gp.Log10Axis = bar.getAxis("right")

        bars = self.bars_plot
        bars.setYLink(self.heatmap_plot)
        bars.getAxis("left").setStyle(showValues=False)
        bars.showGrid(x=True, y=False, alpha=0.2)
        bars.setMouseEnabled(x=True, y=False)
        self.bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.8)
        bars.addItem(self.bars)
        self.bars_axis: gp.Log10Axis = bars.getAxis("bottom")
        self.zero_markers = gp.zero_markers(bars)
        self.nonfinite_markers = pg.ScatterPlotItem(symbol="star", size=11)
        bars.addItem(self.nonfinite_markers)
        self._apply_pens()

    def _apply_pens(self) -> None:
        self._pen_scale = gp.line_scale()
        self._bar_outline = gp.bar_outline(max(self._depth + 1, 0))
        self.bars.setOpts(pen=gp.make_pen(gp.foreground(), 0.5))
        self.zero_markers.setPen(gp.make_pen(gp.ZERO_COLOUR, 1.5))
        self.zero_markers.setSize(9 * self._pen_scale)
        self.nonfinite_markers.setPen(gp.make_pen(gp.NONFINITE_COLOUR))
        self.nonfinite_markers.setBrush(pg.mkBrush(gp.NONFINITE_COLOUR))
        self.nonfinite_markers.setSize(11 * self._pen_scale)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.fixed_check.setText(translate("GradientFlowPanel", "Fixed colour range"))
        self.fixed_check.setToolTip(
            translate(
                "GradientFlowPanel",
                "Keep the colour scale fixed between the two values. A gradient that shrinks during "
                "training then darkens on screen; with the range following the data it would be "
                "rescaled and look normal.",
            )
        )
        for spin, which in (
            (self.low_spin, translate("GradientFlowPanel", "darkest")),
            (self.high_spin, translate("GradientFlowPanel", "brightest")),
        ):
            spin.setToolTip(
                translate(
                    "GradientFlowPanel", "Gradient norm drawn in the {which} colour (as a power of ten)."
                ).format(which=which)
            )
        self.to_label.setText(translate("GradientFlowPanel", "to"))
        self.bucket_label.setText(translate("GradientFlowPanel", "Per stretch of steps:"))
        texts = (
            translate("GradientFlowPanel", "latest value"),
            translate("GradientFlowPanel", "largest value"),
            translate("GradientFlowPanel", "smallest value"),
        )
        for index, text in enumerate(texts):
            self.bucket_combo.setItemText(index, text)
        self.bucket_combo.setToolTip(
            translate(
                "GradientFlowPanel",
                "Long runs are kept in stretches of several steps. Show the last gradient of each "
                "stretch, or its largest (spikes that announce exploding gradients) or its smallest.",
            )
        )
        gp.set_plot_texts(
            self.heatmap_plot,
            translate("GradientFlowPanel", "Gradient norm per layer over training"),
            translate("GradientFlowPanel", "step"),
            translate("GradientFlowPanel", "layer"),
        )
        gp.set_plot_texts(
            self.bars_plot,
            translate("GradientFlowPanel", "Latest step"),
            translate("GradientFlowPanel", "‖∂L/∂W‖ (log scale)"),
            "",
        )
        if self.compact:  # the tile's header names the picture; the colour bar says what it is
            for plot in (self.heatmap_plot, self.bars_plot):
                plot.titleLabel.setText("")  # a hidden title keeps its text's width in the plot
                plot.setTitle(None)
            self.bars_plot.setLabel("bottom", "")
        self.heatmap_plot.setToolTip(
            translate(
                "GradientFlowPanel",
                "Each row is a weight layer (1 = next to the input, out = output layer); colour is the "
                "size of that layer's weight gradient, on a log scale. Backpropagation multiplies the "
                "gradient by each layer's weights and activation slope: rows fading to dark towards "
                "layer 1 mean vanishing gradients (early layers barely learn), bright rows mean "
                "exploding ones. Cyan: exactly zero (underflow or dead units). Grey: NaN.",
            )
        )
        self.bars_plot.setToolTip(
            translate(
                "GradientFlowPanel",
                "The gradient norm of each layer at the latest step, on a log scale: in a healthy "
                "network the bars are of similar length. Each decade is a factor of ten. "
                "✕ = exactly zero, ★ = NaN or infinite.",
            )
        )
        self.colour_bar_plot.setToolTip(
            translate("GradientFlowPanel", "Colour scale of the heatmap and the bars.")
        )
        if self._depth >= 0:
            self._set_depth(self._depth)
        self._keep_texts_whole()
        self._update_summary()
        self._update_legend()

    def show_colour_bar(self, shown: bool) -> None:
        """Show or leave out the colour bar (a row of compact panels with the same fixed range
        needs one). Left out, it takes no width: a hidden item keeps its place in the plots'
        grid layout."""
        self.colour_bar_plot.setVisible(shown)
        self.colour_bar_plot.setFixedWidth(COLOUR_BAR_WIDTH if shown else 0)
        self._keep_texts_whole()

    def apply_theme(self) -> None:
        """The current theme's plot colours and line scale, drawn again (a theme switch, the
        presentation view's projector theme)."""
        theme.restyle_plots(self, theme.current_theme())
        self._apply_pens()
        self._colour_bar_levels = None
        self._redraw()

    def _keep_texts_whole(self) -> None:
        """Plots as wide as their titles and axis labels, so a narrow dock never cuts them (the
        view follows its scene's minimum: :func:`gradsim.ui.common.plotting.keep_scene_inside`)."""
        self.heatmap_plot.setMinimumWidth(gp.text_room(self.heatmap_plot)[0])
        self.bars_plot.setMinimumWidth(gp.text_room(self.bars_plot)[0])
        gp.keep_scene_inside(self.graphics)

    # ------------------------------------------------------------------ drawing
    def _redraw(self, *_args) -> None:
        self._drawn = None
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)

    def _levels(self, logs: np.ndarray) -> tuple[float, float]:
        if self.fixed_check.isChecked():
            low, high = self.low_spin.value(), self.high_spin.value()
            return (low, high) if high > low else (low, low + 1.0)
        finite = logs[np.isfinite(logs)]
        if finite.size == 0:
            return DEFAULT_LEVELS
        low, high = math.floor(float(finite.min())), math.ceil(float(finite.max()))
        return (float(low), float(high if high > low else low + 1))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Redraw only when the gradient history or the colour settings changed."""
        if gp.line_scale() != self._pen_scale:
            self._apply_pens()
            self._drawn = None
        self._snapshot = snapshot
        depth = snapshot.depth
        if depth != self._depth:
            self._set_depth(depth)
            self._drawn = None
        steps, *columns = gp.history(snapshot.layer_grads, "layer_grads")
        kind = BUCKET_VALUES[max(self.bucket_combo.currentIndex(), 0)]
        norms = columns[("last", "low", "high").index(kind)]
        inputs = (
            depth,
            snapshot.step,
            kind,
            self.fixed_check.isChecked(),
            self.low_spin.value(),
            self.high_spin.value(),
            steps,
            norms,
            columns[0][-1] if columns[0].size else None,
        )
        if same_inputs(self._drawn, inputs):  # paused, or a frame without a new step
            return
        self._drawn = kept(inputs)
        if norms.size == 0:
            norms = np.zeros((0, depth + 1))
        logs, zeros = self._log_norms(norms)
        low, high = self._levels(logs[~zeros] if logs.size else logs)
        self.heatmap_values = logs
        self._legend_shows = (bool(zeros.any()), bool(np.any(np.isnan(logs) & ~zeros)))
        self._update_legend()
        self._draw_heatmap(steps, logs, zeros, low, high, depth)
        self._draw_colour_bar(low, high)
        latest = columns[0][-1] if columns[0].size else np.zeros(0)  # no step yet: no bars
        self._draw_bars(np.asarray(latest, dtype=np.float64), low, high)
        self._update_summary(paced=True)

    @staticmethod
    def _log_norms(norms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """log10 of the norms, +Inf kept (exploded: brightest), zeros flagged, NaN kept."""
        a = np.asarray(norms, dtype=np.float64)
        zeros = a == 0
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log10(np.where(a > 0, a, np.nan))
        return logs, zeros

    def _set_depth(self, depth: int) -> None:
        self._depth = depth
        self._bar_outline = gp.bar_outline(depth + 1)
        self._markers_drawn = None
        ticks = gp.layer_ticks(depth, translate("GradientFlowPanel", "out"))
        self.heatmap_plot.getAxis("left").setTicks(ticks)
        self.bars_plot.getAxis("left").setTicks(ticks)
        self.heatmap_plot.setYRange(0.5, depth + 1.5, padding=0)
        self.anchor.empty_y = (0.5, depth + 1.5)  # the anchor spans the rows, as the view does

    def _draw_heatmap(self, steps, logs, zeros, low, high, depth) -> None:
        if logs.shape[0] == 0:
            self.image.setImage(np.zeros((1, depth + 1, 4), dtype=np.uint8))
            self.image.setRect(QRectF(0, 0.5, 1, depth + 1))
            self.anchor.follow(np.zeros(0))
            return
        colours = gp.map_to_rgba(logs, low, high, self._table, zeros)
        self.image.setImage(colours, autoLevels=False)
        n = len(steps)
        width = (steps[-1] - steps[0]) / (n - 1) if n > 1 else 1.0
        left = steps[0] - width / 2
        self.image.setRect(QRectF(left, 0.5, width * n, depth + 1))
        # the view's x moves in steps, to a round number at or past the last step (as the loss
        # plots': "train 600" ends at 600, not at 800 for half a column past it)
        self.anchor.follow(np.array([left, steps[-1]]))

    def _draw_colour_bar(self, low: float, high: float) -> None:
        if self._colour_bar_levels == (low, high):  # fixed levels: drawn once
            return
        self._colour_bar_levels = (low, high)
        ramp = np.linspace(low, high, COLOUR_BAR_STEPS).reshape(1, -1)
        self.colour_bar_image.setImage(gp.map_to_rgba(ramp, low, high, self._table), autoLevels=False)
        self.colour_bar_image.setRect(QRectF(0, low, 1, high - low))
        gap = 0.06 * (high - low)
        zero_at, nan_at = low - 2 * gap, high + 2 * gap
        self.zero_swatch.setImage(gp.rgba(gp.ZERO_COLOUR).reshape(1, 1, 4), autoLevels=False)
        self.zero_swatch.setRect(QRectF(0, zero_at - gap, 1, 2 * gap))
        self.nan_swatch.setImage(gp.rgba(gp.NAN_COLOUR).reshape(1, 1, 4), autoLevels=False)
        self.nan_swatch.setRect(QRectF(0, nan_at - gap, 1, 2 * gap))
        self.colour_bar_axis.set_log(True, zero_at=zero_at, special={nan_at: "NaN"})
        self.colour_bar_plot.setYRange(zero_at - gap, nan_at + gap, padding=0.01)
        self.colour_bar_plot.setXRange(0, 1, padding=0)

    def _draw_bars(self, latest: np.ndarray, low: float, high: float) -> None:
        """Horizontal bars from the zero floor to log10 of each layer's latest norm."""
        n = len(latest)
        zeros = latest == 0
        finite = np.isfinite(latest) & (latest > 0)
        values = np.full(n, np.nan)
        values[finite] = np.log10(latest[finite])
        floor = min(gp.zero_floor(latest, default=low - 1.5), low - 1.5)  # room for the "0" label
        values[zeros] = floor
        self.bar_values, self.bar_floor = values, floor
        rows = np.arange(1, n + 1, dtype=np.float64)
        drawn = np.where(np.isnan(values), floor, values)
        colours = gp.map_to_rgba(values, low, high, self._table, zeros)
        brushes = [self._brush(colour) for colour in colours]
        self.bars.setOpts(
            x0=np.full(n, floor), x1=drawn, y=rows, height=0.8, brushes=brushes, pen=self._bar_outline
        )
        bad = ~np.isfinite(latest)
        top = max(high, float(np.nanmax(values)) if finite.any() else high)
        # where the markers stand only matters when there are some: mostly none, set once
        # (ScatterPlotItem.setData, even empty, took 2.5 ms a call in a profile of the comparison)
        markers = (floor if zeros.any() else None, top if bad.any() else None, zeros, bad)
        if not same_inputs(self._markers_drawn, markers):
            self._markers_drawn = markers
            self.zero_markers.setData(np.full(int(zeros.sum()), floor), rows[zeros])
            self.nonfinite_markers.setData(np.full(int(bad.sum()), top), rows[bad])
        self.bars_axis.set_log(True, zero_at=floor if zeros.any() else None)
        box = self.bars_plot.getViewBox()
        if self.fixed_check.isChecked():
            x_range = [floor - 0.2, max(high, top) + 0.3]
            if box.state["autoRange"][0] is not False or box.viewRange()[0] != x_range:
                self.bars_plot.setXRange(*x_range, padding=0)
        elif box.state["autoRange"][0] is False:
            self.bars_plot.enableAutoRange(x=True)

    def _brush(self, colour: np.ndarray) -> QBrush:
        """One brush per colour, made once (the bars take a new list every frame)."""
        key = tuple(int(c) for c in colour)
        brush = self._brushes.get(key)
        if brush is None:
            if len(self._brushes) > 4 * COLOUR_BAR_STEPS:
                self._brushes.clear()
            brush = self._brushes[key] = pg.mkBrush(*key)
        return brush

    def _update_summary(self, paced: bool = False) -> None:
        """The summary sentence of the newest snapshot; for a frame (``paced``) at most
        ``SUMMARY_HZ`` times a second, the newest one shown by a timer when its turn comes.

        Why: a new text of this wrapped label lays the panel out again; with the status bar's
        and the timeline's counters it was ~40% of the GUI's CPU per frame
        (:mod:`gradsim.ui.common.steady_label`), and a sentence re-worded 30 times a second
        cannot be read anyway."""
        if not paced:
            self.summary.setText(self._summary_text())
            return
        wait = self._summary_at + 1.0 / SUMMARY_HZ - time.monotonic()
        if wait <= 0:
            self._summary_due()
        elif not self._summary_timer.isActive():
            self._summary_timer.start(max(1, math.ceil(wait * 1000)))

    @Slot()
    def _summary_due(self) -> None:
        self._summary_timer.stop()
        self._summary_at = time.monotonic()
        self.summary.setText(self._summary_text())

    def _update_legend(self) -> None:
        zeros, nans = self._legend_shows
        parts = []
        if zeros:
            parts.append(
                f'<span style="color:{gp.ZERO_COLOUR}">■</span> '
                + translate(
                    "GradientFlowPanel",
                    "exactly 0: the gradient underflowed (a float16 number below 6×10⁻⁸ is 0) or its "
                    "units are dead",
                )
            )
        if nans:
            parts.append(
                f'<span style="color:{gp.NAN_COLOUR}">■</span> '
                + translate("GradientFlowPanel", "NaN: the gradient is not a number")
            )
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(parts))
        self.legend.setVisible(bool(parts))

    def _summary_text(self) -> str:
        snapshot = self._snapshot
        if snapshot is None or snapshot.layer_grads.get("layer_grads.last") is None:
            return translate(
                "GradientFlowPanel",
                "No training steps yet: the gradient of every layer appears here as training runs.",
            )
        last = snapshot.layer_grads["layer_grads.last"]
        if len(last) == 0:
            return translate(
                "GradientFlowPanel",
                "No training steps yet: the gradient of every layer appears here as training runs.",
            )
        latest = np.asarray(last[-1], dtype=np.float64)
        bad = [
            str(i + 1) if i < snapshot.depth else translate("GradientFlowPanel", "out")
            for i in np.flatnonzero(~np.isfinite(latest))
        ]
        if bad:
            return translate(
                "GradientFlowPanel", "<b>Step {step}:</b> the gradient is NaN or infinite in layers {layers}."
            ).format(step=snapshot.step, layers=", ".join(bad))
        first, output = latest[0], latest[-1]
        if snapshot.depth == 0 or output == 0:
            return translate(
                "GradientFlowPanel", "<b>Step {step}:</b> the output layer's gradient is exactly zero."
            ).format(step=snapshot.step)
        if first == 0:
            return translate(
                "GradientFlowPanel",
                "<b>Step {step}:</b> layer 1's gradient is exactly zero (underflow or dead units): "
                "the first layer does not learn at all.",
            ).format(step=snapshot.step)
        orders = math.log10(first / output)
        values = {"step": snapshot.step, "ratio": f"{first / output:.2g}", "orders": f"{abs(orders):.1f}"}
        if orders <= -1:
            text = translate(
                "GradientFlowPanel",
                "<b>Step {step}:</b> layer 1 gets {ratio}× the output layer's gradient, "
                "{orders} orders of magnitude smaller: <b>vanishing gradient</b>.",
            )
        elif orders >= 1:
            text = translate(
                "GradientFlowPanel",
                "<b>Step {step}:</b> layer 1 gets {ratio}× the output layer's gradient, "
                "{orders} orders of magnitude larger: <b>exploding gradient</b>.",
            )
        else:
            text = translate(
                "GradientFlowPanel",
                "<b>Step {step}:</b> layer 1 gets {ratio}× the output layer's gradient: "
                "the gradient reaches the first layer intact.",
            )
        return text.format(**values)
