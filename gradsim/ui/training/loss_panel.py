"""Loss and accuracy against training step.

The per-step training loss comes from the trainer's decimating history: each bucket keeps
the last, lowest and highest loss of its steps, so the line is ``last`` and the shaded
band spans ``low``..``high`` (a spike survives any amount of thinning). Train and test
loss on the full sets, and the accuracies, come at the diagnostics cadence.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from gradsim.engine.snapshot import Snapshot
from gradsim.ui.common import plotting as gp
from gradsim.ui.common.steady_range import RangeAnchor

CONTEXT = "LossPanel"
MAX_SYMBOLS = 80  # cadence points drawn with markers; beyond, lines only
EMPTY_LOG_Y = (-1.0, 1.0)  # before the first step: 0.1 to 10 on the log axis ...
EMPTY_LINEAR_Y = (0.0, 1.0)  # ... or 0 to 1 on the linear one


translate = QCoreApplication.translate


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class LossPanel(QWidget):
    """Training loss per step (line + min/max band), train/test loss and accuracy at the cadence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snapshot: Snapshot | None = None
        self._pen_scale = gp.line_scale()
        self._with_symbols = True
        self._zero_markers_shown: tuple[bytes, float] | None = None
        self.log_check = QCheckBox()
        self.log_check.setChecked(True)
        self.lock_check = QCheckBox()
        self.log_check.toggled.connect(self._on_log_toggled)
        self.lock_check.toggled.connect(self._on_lock_toggled)

        self.loss_widget = gp.make_plot("", "", "", log_y=True)
        self.accuracy_widget = gp.make_plot("", "", "")
        self.loss_plot = self.loss_widget.getPlotItem()
        self.accuracy_plot = self.accuracy_widget.getPlotItem()
        self.accuracy_plot.setXLink(self.loss_plot)
        self.accuracy_plot.setYRange(0.0, 1.0, padding=0.03)
        self.accuracy_plot.enableAutoRange(y=False)
        self.loss_axis: gp.Log10Axis = self.loss_plot.getAxis("left")
        # the view moves in steps, not at every frame; room above the curves for the legend's row
        self.anchor = RangeAnchor(self.loss_plot, headroom=0.5)
        self._build_items()

        controls = QHBoxLayout()
        controls.addWidget(self.log_check)
        controls.addWidget(self.lock_check)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.loss_widget, 3)
        layout.addWidget(self.accuracy_widget, 2)
        self.retranslate()

    def _build_items(self) -> None:
        plot = self.loss_plot
        self.legend = plot.addLegend(  # one row along the top: a short plot keeps its curve in view
            offset=(-10, 1), colCount=3, labelTextColor=gp.foreground(), brush=gp.legend_background()
        )
        gp.keep_legend_inside(plot, self.legend, most=3)  # fewer columns in a narrow plot
        self.band_low = pg.PlotDataItem(pen=None, connect="finite")
        self.band_high = pg.PlotDataItem(pen=None, connect="finite")
        self.band = pg.FillBetweenItem(
            self.band_low, self.band_high, brush=gp.transparent(gp.series_colour(0), 60)
        )
        # Only the anchor counts for autorange (it spans all of these): a new frame's data then
        # do not make the view measure every curve again (childrenBounds: ~1 ms a frame here).
        for item in (self.band_low, self.band_high, self.band):
            plot.addItem(item, ignoreBounds=True)
        self.train_curve = gp.long_history_item(gp.series_pen(0), name="train")
        self.eval_train_curve = pg.PlotDataItem(name="eval", connect="finite", symbol="o", symbolSize=5)
        self.test_curve = pg.PlotDataItem(name="test", connect="finite", symbol="s", symbolSize=5)
        for z, item in enumerate((self.train_curve, self.eval_train_curve, self.test_curve)):
            item.setZValue(z + 1)  # whole-set losses above the noisy per-step line
            plot.addItem(item, ignoreBounds=True)
        self.zero_line = gp.zero_line(plot)
        self.zero_markers = gp.zero_markers(plot)
        self.nonfinite_line = pg.InfiniteLine(
            angle=90, movable=False, label="NaN", labelOpts={"position": 0.92, "anchors": [(0, 0), (0, 0)]}
        )
        self.nonfinite_line.hide()
        plot.addItem(self.nonfinite_line, ignoreBounds=True)

        accuracy = self.accuracy_plot
        self.accuracy_legend = accuracy.addLegend(
            offset=(-10, -10), labelTextColor=gp.foreground(), brush=gp.legend_background()
        )
        self.train_accuracy_curve = pg.PlotDataItem(name="train", connect="finite", symbol="o", symbolSize=5)
        self.test_accuracy_curve = pg.PlotDataItem(name="test", connect="finite", symbol="s", symbolSize=5)
        # fixed y, x linked to the loss plot: its own curves never range it
        accuracy.addItem(self.train_accuracy_curve, ignoreBounds=True)
        accuracy.addItem(self.test_accuracy_curve, ignoreBounds=True)
        self._apply_pens()

    def _symbol_curves(self) -> list[tuple[pg.PlotDataItem, str]]:
        return [
            (self.eval_train_curve, "o"),
            (self.test_curve, "s"),
            (self.train_accuracy_curve, "o"),
            (self.test_accuracy_curve, "s"),
        ]

    def _apply_pens(self) -> None:
        self._pen_scale = gp.line_scale()
        self.train_curve.setPen(gp.series_pen(0))
        for curve, index in (
            (self.eval_train_curve, 1),
            (self.test_curve, 2),
            (self.train_accuracy_curve, 1),
            (self.test_accuracy_curve, 2),
        ):
            colour = gp.series_colour(index)
            curve.setPen(gp.series_pen(index))
            curve.setSymbolPen(gp.make_pen(colour))
            curve.setSymbolBrush(colour)
            curve.setSymbolSize(5 * self._pen_scale)
        self.nonfinite_line.setPen(gp.make_pen(gp.NONFINITE_COLOUR, 1.0, Qt.PenStyle.DashLine))
        self.zero_markers.setPen(gp.make_pen(gp.ZERO_COLOUR))

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.log_check.setText(translate("LossPanel", "Log scale"))
        self.log_check.setToolTip(
            translate(
                "LossPanel",
                "Plot the loss on a logarithmic axis. Training often lowers the loss by several orders "
                "of magnitude; on a linear axis the later progress, or a slow creep upwards before "
                "the gradients explode, is invisible. Exact zeros are drawn on the floor line.",
            )
        )
        self.lock_check.setText(translate("LossPanel", "Lock axes"))
        self.lock_check.setToolTip(
            translate(
                "LossPanel",
                "Freeze the current view instead of rescaling to the data at every frame, so a "
                "loss that stalls or a curve that shrinks is seen against a fixed reference.",
            )
        )
        gp.set_plot_texts(
            self.loss_plot,
            translate("LossPanel", "Loss"),
            translate("LossPanel", "step"),
            translate("LossPanel", "loss"),
        )
        self.zero_line.label.setFormat(translate("LossPanel", "exactly 0 (underflow)"))
        gp.place_line(self.zero_line, self.zero_line.value(), self.zero_line.isVisible())
        gp.set_plot_texts(
            self.accuracy_plot,
            self._accuracy_title(),
            translate("LossPanel", "step"),
            translate("LossPanel", "accuracy"),
        )
        gp.rename_legend_entry(
            self.legend, self.train_curve, translate("LossPanel", "train loss (mini-batch, per step)")
        )
        gp.rename_legend_entry(
            self.legend, self.eval_train_curve, translate("LossPanel", "train loss (whole set)")
        )
        gp.rename_legend_entry(self.legend, self.test_curve, translate("LossPanel", "test loss"))
        gp.rename_legend_entry(
            self.accuracy_legend, self.train_accuracy_curve, translate("LossPanel", "train accuracy")
        )
        gp.rename_legend_entry(
            self.accuracy_legend, self.test_accuracy_curve, translate("LossPanel", "test accuracy")
        )
        self.loss_widget.setToolTip(
            translate(
                "LossPanel",
                "Line: the mini-batch loss of the latest step in each stretch of history; band: the "
                "lowest and highest loss in that stretch, so spikes stay visible. Markers: loss on the "
                "whole training and test sets. A loss that stops falling while gradients are tiny "
                "points to vanishing gradients; a sudden jump to NaN to exploding ones.",
            )
        )
        self.accuracy_widget.setToolTip(
            translate(
                "LossPanel", "Share of correctly classified samples, measured at the diagnostics cadence."
            )
        )
        if self._snapshot is not None:
            self._update_nonfinite(self._snapshot)

    def _accuracy_title(self) -> str:
        if self._snapshot is not None and self._snapshot.task == "regression":
            return translate("LossPanel", "Accuracy (not defined for regression)")
        return translate("LossPanel", "Accuracy")

    # ------------------------------------------------------------------ controls
    def _on_log_toggled(self, _checked: bool) -> None:
        self.anchor.reset()
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)
        if not self.lock_check.isChecked():
            self.loss_plot.enableAutoRange()

    def _on_lock_toggled(self, locked: bool) -> None:
        gp.set_autorange_locked(self.loss_plot, locked)
        gp.set_autorange_locked(self.accuracy_plot, locked)
        if not locked:
            self.accuracy_plot.enableAutoRange(y=False)

    # ------------------------------------------------------------------ drawing
    def show_snapshot(self, snapshot: Snapshot) -> None:
        if gp.line_scale() != self._pen_scale:
            self._apply_pens()
        task_changed = self._snapshot is None or self._snapshot.task != snapshot.task
        self._snapshot = snapshot
        loss_col = snapshot.scalar_names.index("loss")
        steps, last, low, high, _ = gp.history(snapshot.scalars, "scalars")
        e_steps, e_last, _, _, _ = gp.history(snapshot.evaluation, "evaluation")
        names = snapshot.evaluation_names

        def column(array: np.ndarray, index: int) -> np.ndarray:
            return array[:, index] if array.size else np.zeros(0)

        series = {
            "train": column(last, loss_col),
            "low": column(low, loss_col),
            "high": column(high, loss_col),
            "eval": column(e_last, names.index("train_loss")),
            "test": column(e_last, names.index("test_loss")),
        }
        if self.log_check.isChecked():
            floor = gp.zero_floor(*series.values(), default=-3.0)
            logged = {key: gp.log_safe(values, floor) for key, values in series.items()}
            series = {key: value.values for key, value in logged.items()}
            zeros = logged["train"].zeros
            any_zero = bool(zeros.any() or logged["eval"].zeros.any() or logged["test"].zeros.any())
            self.loss_axis.set_log(True, floor if any_zero else None)
            gp.place_line(self.zero_line, floor, any_zero)
            self._set_zero_markers(steps[zeros], floor)
        else:
            series = {key: gp.finite_or_nan(values) for key, values in series.items()}
            self.loss_axis.set_log(False)
            self.zero_line.hide()
            self._set_zero_markers(np.zeros(0), 0.0)
        self.anchor.empty_y = EMPTY_LOG_Y if self.log_check.isChecked() else EMPTY_LINEAR_Y
        self.anchor.follow(np.concatenate([steps, e_steps]), *series.values())
        self.train_curve.setData(steps, series["train"])
        self.band_low.setData(steps, series["low"])
        self.band_high.setData(steps, series["high"])
        with_symbols = len(e_steps) <= MAX_SYMBOLS  # symbols cost paint time and hide the line
        if with_symbols != self._with_symbols:
            self._with_symbols = with_symbols
            for curve, symbol in self._symbol_curves():
                curve.setSymbol(symbol if with_symbols else None)
        gp.set_marker_data(self.eval_train_curve, e_steps, series["eval"])
        gp.set_marker_data(self.test_curve, e_steps, series["test"])
        gp.set_marker_data(self.train_accuracy_curve, e_steps, column(e_last, names.index("train_accuracy")))
        gp.set_marker_data(self.test_accuracy_curve, e_steps, column(e_last, names.index("test_accuracy")))
        self._update_nonfinite(snapshot)
        if task_changed:
            self.accuracy_plot.setTitle(self._accuracy_title(), color=gp.foreground(), size="10pt")

    def _set_zero_markers(self, steps: np.ndarray, floor: float) -> None:
        """Markers at the steps whose loss was exactly 0; set only when they change (rarely)."""
        shown = (steps.tobytes(), floor)
        if shown != self._zero_markers_shown:
            self._zero_markers_shown = shown
            self.zero_markers.setData(steps, np.full(len(steps), floor))

    def _update_nonfinite(self, snapshot: Snapshot) -> None:
        """A vertical line at the first bucket whose loss was NaN/Inf, labelled with its step."""
        steps = snapshot.scalars.get("scalars.steps")
        flags = snapshot.scalars.get("scalars.nonfinite")
        if steps is None or flags is None or not np.any(flags):
            self.nonfinite_line.hide()
            return
        step = int(steps[int(np.argmax(flags))])
        if snapshot.divergence and isinstance(snapshot.divergence.get("step"), int):
            step = snapshot.divergence["step"]
        self.nonfinite_line.label.setFormat(
            translate("LossPanel", "NaN/Inf at step {step}").format(step=step)
        )
        self.nonfinite_line.label.setColor(gp.NONFINITE_COLOUR)
        gp.place_line(self.nonfinite_line, step)
