"""Weight norm and update-to-weight ratio per layer over training.

* ``||W_l||`` (Frobenius): growing norms feed exploding activations and gradients;
  shrinking ones (strong weight decay) starve the signal.
* ``||W_l(t) - W_l(t-1)|| / ||W_l(t)||``, the relative size of one update. Around
  1e-3 is a common rule of thumb for a healthy rate (Karpathy, CS231n notes);
  orders of magnitude less and the layer hardly learns (vanishing gradient, tiny
  learning rate, float16 updates rounding to zero); far more and training is unstable.

Both come from the trainer's ``stats_history`` at the diagnostics cadence: each row is
the flattened (depth x n_stats) table, column = layer * n_stats + stat index.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gradsim.engine.snapshot import Snapshot
from gradsim.ui.common import plotting as gp
from gradsim.ui.common.redraw import kept, same_inputs
from gradsim.ui.common.steady_range import RangeAnchor

CONTEXT = "WeightStatsPanel"
STATS = ("weight_norm", "update_ratio")
HEALTHY_RATIO = 1e-3
LEGEND_BESIDE_SLACK = 90  # px of the panel's height that are not the plots: its controls and note
ARRANGE_SLACK = 24  # px of the plots' grid that are not plots: its margins and spacing
MAX_LINES = 12  # deeper nets: evenly spaced layers (100 lines are unreadable and slow to paint)


translate = QCoreApplication.translate


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class WeightStatsPanel(QWidget):
    """Per-layer weight norm and update/weight ratio against step (log scale, legend)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snapshot: Snapshot | None = None
        self._pen_scale = gp.line_scale()
        self._depth = -1
        #: what the curves last drew (see :func:`same_inputs`); None = draw on the next frame
        self._drawn: tuple | None = None
        self._lines_placed: dict[str, tuple[float, bool]] = {}
        #: the layers drawn (0-based) and curves[stat][k] for layer ``layers[k]``
        self.layers: list[int] = []
        # PlotCurveItems: at most 512 cadence points each, so PlotDataItem's downsampling and
        # clipping buy nothing and cost ~150 us a setData and a recomputation on every range change
        self.curves: dict[str, list[pg.PlotCurveItem]] = {name: [] for name in STATS}
        self.log_check = QCheckBox()
        self.log_check.setChecked(True)
        self.lock_check = QCheckBox()
        self.log_check.toggled.connect(self._redraw)
        self.lock_check.toggled.connect(self._on_lock_toggled)
        controls = QHBoxLayout()
        controls.addWidget(self.log_check)
        controls.addWidget(self.lock_check)
        controls.addStretch(1)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(gp.background())
        self.graphics.setMinimumSize(200, 160)
        self.norm_plot = self.graphics.addPlot(row=0, col=0, axisItems={"left": gp.Log10Axis("left")})
        self.ratio_plot = self.graphics.addPlot(row=0, col=1, axisItems={"left": gp.Log10Axis("left")})
        self.ratio_plot.setXLink(self.norm_plot)
        for plot in (self.norm_plot, self.ratio_plot):
            gp.style_plot(plot)
        self.legend = pg.LegendItem(labelTextColor=gp.foreground(), brush=gp.legend_background())
        self.legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.graphics.addItem(self.legend, row=0, col=2)
        self.graphics.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)
        self.arrangement = "row"  # see arrange_for
        self._given_size: QSize | None = None  # the room a scroll area offers (see arrange_for)
        self.zero_lines = {
            "weight_norm": gp.zero_line(self.norm_plot),
            "update_ratio": gp.zero_line(self.ratio_plot),
        }
        self.reference_line = pg.InfiniteLine(
            # the label under the line when the line is in the view's upper half, else above it:
            # always above, it was cut by the plot's top edge in a short plot
            angle=0,
            movable=False,
            label="",
            labelOpts={"position": 0.92, "anchors": [(1, 0), (1, 1)]},
        )
        self.reference_line.setZValue(-5)
        self.ratio_plot.addItem(self.reference_line)
        # its label stays inside when the plot narrows without a change of range (a new arrangement),
        # and shows only where it fits (the dotted line alone in a narrow plot; the tooltip says it)
        self.ratio_plot.getViewBox().sigResized.connect(self._place_reference_label)
        # views that move in steps, not at every cadence row (see gradsim.ui.common.steady_range)
        self.anchors = {name: RangeAnchor(plot) for name, plot in self._plots().items()}
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.note)
        self._apply_pens()
        self.retranslate()

    # ------------------------------------------------------------------ arrangement
    def arrange_for(self, size: QSize) -> None:
        """Place the plots and the legend for ``size`` (the room the dock's scroll area offers):
        side by side with the legend beside them, side by side with the legend below, or one
        above the other (a narrow dock: the Russian titles made the row 725 px wide at
        1280x720, where the dock is 385)."""
        self._given_size = QSize(size)
        self._arrange(size)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self._given_size is None:  # alone, not in a dock: its own size is the room
            self._arrange(event.size())

    def _arrange(self, size: QSize) -> None:
        room = size.width() - 8 - ARRANGE_SLACK  # the panel's margins; the grid's margins and spacing
        plots = (self.norm_plot, self.ratio_plot)
        side_by_side = sum(self._minimum_width(plot) for plot in plots)
        legend_beside = room >= side_by_side + self._legend_width()
        if legend_beside and self._legend_height() <= size.height() - LEGEND_BESIDE_SLACK:
            arrangement = "row"
        elif room >= side_by_side:
            arrangement = "row, legend below"
        else:
            arrangement = "column"
        if arrangement != self.arrangement:
            self.arrangement = arrangement
            layout = self.graphics.ci
            for item in (self.norm_plot, self.ratio_plot, self.legend):
                layout.removeItem(item)
            if arrangement == "row":
                layout.addItem(self.norm_plot, row=0, col=0)
                layout.addItem(self.ratio_plot, row=0, col=1)
                layout.addItem(self.legend, row=0, col=2)
            elif arrangement == "row, legend below":
                layout.addItem(self.norm_plot, row=0, col=0)
                layout.addItem(self.ratio_plot, row=0, col=1)
                layout.addItem(self.legend, row=1, col=0, colspan=2)
            else:
                layout.addItem(self.norm_plot, row=0, col=0)
                layout.addItem(self.ratio_plot, row=1, col=0)
                layout.addItem(self.legend, row=2, col=0)
            layout.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        most = 1 if arrangement == "row" else MAX_LINES
        columns = gp.legend_columns_to_fit(self.legend, max(room, 50), most)
        if columns != self.legend.columnCount:
            gp.set_legend_columns(self.legend, columns)
        self.legend.updateGeometry()  # the grid's minimum size, asked next, counts the new legend
        self.graphics.ci.layout.invalidate()
        # the columns were estimated from the entries alone; the legend's own margins and the
        # spacing between its columns can still make the grid a few pixels too wide for the
        # dock (388 px in a 385 px dock at 1280x720): take columns away until it fits
        fits_in = size.width() - 8
        while columns > 1 and self._grid_minimum_width() > fits_in:
            columns -= 1
            gp.set_legend_columns(self.legend, columns)
            self.legend.updateGeometry()
            self.graphics.ci.layout.invalidate()
        # the view sized its grid when the grid's minimum was another arrangement's (a legend of
        # 12 rows beside the plots): the grid kept that height, taller than the view, until the
        # next resize of the view, which may never come
        self.graphics.ci.setGeometry(QRectF(self.graphics.rect()))

    def _grid_minimum_width(self) -> float:
        return self.graphics.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()

    @staticmethod
    def _minimum_width(plot: pg.PlotItem) -> float:
        """What ``plot`` needs: its layout's minimum, and its title and axis labels uncut."""
        return max(plot.effectiveSizeHint(Qt.SizeHint.MinimumSize).width(), gp.text_room(plot)[0] + 8) + 6

    def _legend_height(self) -> float:
        """The legend's height in one column: its entries' rows."""
        return sum(max(sample.height(), label.height()) for sample, label in self.legend.items)

    def _legend_width(self) -> float:
        """The legend's width in one column: its widest entry."""
        return max(
            (sample.width() + label.item.boundingRect().width() + 12 for sample, label in self.legend.items),
            default=0.0,
        )

    def _place_reference_label(self) -> None:
        label = self.reference_line.label
        fits = self.ratio_plot.getViewBox().width() >= label.boundingRect().width() / 0.9
        if fits != label.isVisible():
            label.setVisible(fits)
        label.updatePosition()

    def _plots(self) -> dict[str, pg.PlotItem]:
        return {"weight_norm": self.norm_plot, "update_ratio": self.ratio_plot}

    def _apply_pens(self) -> None:
        self._pen_scale = gp.line_scale()
        for curves in self.curves.values():
            for layer, curve in zip(self.layers, curves, strict=True):
                curve.setPen(gp.layer_pen(layer, self._depth))
        self.reference_line.setPen(gp.make_pen(gp.foreground(), 1.0, Qt.PenStyle.DotLine))

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.log_check.setText(translate("WeightStatsPanel", "Log scale"))
        self.log_check.setToolTip(
            translate(
                "WeightStatsPanel",
                "Logarithmic axes: layers whose values differ by orders of magnitude stay readable, and "
                "a ratio creeping down by factors of ten (a layer that stops learning) is visible. "
                "Exact zeros are drawn on the floor line marked 0.",
            )
        )
        self.lock_check.setText(translate("WeightStatsPanel", "Lock axes"))
        self.lock_check.setToolTip(
            translate(
                "WeightStatsPanel",
                "Freeze the current view so that shrinking values are seen against a fixed reference.",
            )
        )
        gp.set_plot_texts(
            self.norm_plot,
            translate("WeightStatsPanel", "Weight norm"),
            translate("WeightStatsPanel", "step"),
            translate("WeightStatsPanel", "‖W‖"),
        )
        gp.set_plot_texts(
            self.ratio_plot,
            translate("WeightStatsPanel", "Update / weight"),
            translate("WeightStatsPanel", "step"),
            translate("WeightStatsPanel", "‖ΔW‖ / ‖W‖"),
        )
        self.norm_plot.setToolTip(
            translate(
                "WeightStatsPanel",
                "Frobenius norm of each layer's weight matrix. Norms that keep growing feed exploding "
                "activations and gradients; norms that do not move belong to layers that do not learn.",
            )
        )
        self.ratio_plot.setToolTip(
            translate(
                "WeightStatsPanel",
                "How much one update changes each layer, relative to its size. About 10⁻³ is a common "
                "rule of thumb. Far below: the layer hardly learns (vanishing gradient, a learning rate "
                "too small, float16 updates rounding to zero). Far above: training is unstable.",
            )
        )
        self.reference_line.label.setFormat(translate("WeightStatsPanel", "10⁻³ rule of thumb"))
        self.reference_line.label.valueChanged()
        for line in self.zero_lines.values():
            line.label.setFormat(translate("WeightStatsPanel", "exactly 0 (underflow)"))
            gp.place_line(line, line.value(), line.isVisible())
        self.reference_line.label.setColor(gp.foreground())
        self._rename_legend()
        self._update_note()
        self._rearrange()

    def _rearrange(self) -> None:
        """Again for the same room: the titles or the legend's entries changed."""
        self._arrange(self._given_size if self._given_size is not None else self.size())

    def _rename_legend(self) -> None:
        for layer, curve in zip(self.layers, self.curves["weight_norm"], strict=True):
            gp.rename_legend_entry(
                self.legend, curve, translate("WeightStatsPanel", "layer {layer}").format(layer=layer + 1)
            )

    def _update_note(self) -> None:
        snapshot = self._snapshot
        if snapshot is None or snapshot.stats is None:
            self.note.setText(
                translate(
                    "WeightStatsPanel", "No statistics yet: they are measured every few training steps."
                )
            )
        elif snapshot.depth > MAX_LINES:
            self.note.setText(
                translate(
                    "WeightStatsPanel",
                    "Showing {shown} of {depth} layers, evenly spaced; colour runs from layer 1 (blue) "
                    "to layer {depth} (orange).",
                ).format(shown=len(self.layers), depth=snapshot.depth)
            )
        elif snapshot.depth > len(gp.SERIES_COLOURS) - 1:
            self.note.setText(
                translate(
                    "WeightStatsPanel",
                    "{depth} layers: colour runs from layer 1 (blue) to layer {depth} (orange).",
                ).format(depth=snapshot.depth)
            )
        else:
            self.note.setText("")

    # ------------------------------------------------------------------ controls
    def _redraw(self, *_args) -> None:
        self._drawn = None
        for anchor in self.anchors.values():
            anchor.reset()  # log or linear: new coordinates
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)
        if not self.lock_check.isChecked():
            for plot in self._plots().values():
                plot.enableAutoRange()

    def _on_lock_toggled(self, locked: bool) -> None:
        for plot in self._plots().values():
            gp.set_autorange_locked(plot, locked)

    # ------------------------------------------------------------------ drawing
    def _set_depth(self, depth: int) -> None:
        """Create one curve per drawn layer and plot (only when the depth changes)."""
        self._depth = depth
        self.layers = gp.legend_layers(depth, MAX_LINES)
        self.legend.clear()
        for name, plot in self._plots().items():
            for curve in self.curves[name]:
                plot.removeItem(curve)
            self.curves[name] = [
                pg.PlotCurveItem(pen=gp.layer_pen(layer, depth), connect="finite") for layer in self.layers
            ]
            for curve in self.curves[name]:
                plot.addItem(curve)
        for curve in self.curves["weight_norm"]:
            self.legend.addItem(curve, "")
        self._rename_legend()
        self._rearrange()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Redraw only when the statistics changed (they come at the diagnostics cadence)."""
        if gp.line_scale() != self._pen_scale:
            self._apply_pens()
        self._snapshot = snapshot
        if snapshot.depth != self._depth:
            self._set_depth(snapshot.depth)
            self._drawn = None
        steps, last, _, _, _ = gp.history(snapshot.stats_history, "stats")
        # the steps of every cadence row and the newest row mark a change (the whole table
        # can be 512 x 1300 numbers: comparing it every frame would cost more than it saves)
        inputs = (
            snapshot.depth,
            snapshot.stat_names,
            self.log_check.isChecked(),
            steps,
            last[-1] if len(last) else None,
        )
        if same_inputs(self._drawn, inputs):  # statistics come at the cadence: most frames change nothing
            return
        self._drawn = kept(inputs)
        n_stats = len(snapshot.stat_names)
        log = self.log_check.isChecked()
        for name, plot in self._plots().items():
            index = snapshot.stat_names.index(name)
            if last.size and last.shape[1] >= snapshot.depth * n_stats:
                series = last[:, index : snapshot.depth * n_stats : n_stats]
            else:
                series = np.zeros((0, snapshot.depth))
            self._draw_stat(name, plot, steps, series, log)
        self._update_note()

    def _draw_stat(
        self, name: str, plot: pg.PlotItem, steps: np.ndarray, series: np.ndarray, log: bool
    ) -> None:
        axis: gp.Log10Axis = plot.getAxis("left")
        zero_line = self.zero_lines[name]
        if log:
            floor = gp.zero_floor(series, default=-6.0)
            if name == "update_ratio":
                floor = min(floor, float(np.log10(HEALTHY_RATIO)) - 1)
            logged = gp.log_safe(series, floor)
            values, any_zero = logged.values, bool(logged.zeros.any())
            axis.set_log(True, floor if any_zero else None)
            if self._lines_placed.get(name) != (floor, any_zero):  # the label re-lays out its text
                self._lines_placed[name] = (floor, any_zero)
                gp.place_line(zero_line, floor, any_zero)
        else:
            values = gp.finite_or_nan(series)
            axis.set_log(False)
            zero_line.hide()
            self._lines_placed.pop(name, None)
        self.anchors[name].follow(steps, values)
        for layer, curve in zip(self.layers, self.curves[name], strict=True):
            if values.size:
                curve.setData(x=steps, y=values[:, layer])
            else:
                curve.clear()
        if name == "update_ratio":
            reference = float(np.log10(HEALTHY_RATIO)) if log else HEALTHY_RATIO
            if self.reference_line.value() != reference:
                self.reference_line.setValue(reference)
