"""Loss and accuracy of every variant on one pair of axes: one colour and dash per variant.

Overlaid, not tiled: a curve is compared by its height at the same step, which one axis
shows exactly. The loss is the per-step mini-batch loss on a log axis (as the loss panel
draws it, with its floor for exact zeros); the accuracy is the whole training set's at the
diagnostics cadence. Both plots share the step axis and keep their view between anchor
moves (:class:`~gradsim.ui.common.steady_range.RangeAnchor`), so axes are not laid out at
every frame.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gradsim.engine.snapshot import Snapshot
from gradsim.ui.common import plotting as gp
from gradsim.ui.common.redraw import kept, same_inputs
from gradsim.ui.common.steady_range import RangeAnchor

translate = QCoreApplication.translate
MINIMUM_HEIGHT = 120  # px, of each plot (grown to its texts' room by plotting.keep_scene_inside)


def variant_pen(index: int) -> object:
    """Variant ``index``'s pen: its Okabe-Ito colour (distinguishable with colour-vision
    deficiencies), solid (dashes would break up the noisy per-step loss beyond recognition)
    and 1 px at the line scale, as the loss panel's curves: a wider pen is drawn through
    Qt's stroker (4 noisy curves of 2000 steps in a 928x379 plot: 6-19 ms a paint at 1 px,
    18-32 ms at 1.5 px, measured here)."""
    return gp.make_pen(gp.series_colour(index))


def loss_series(snapshot: Snapshot) -> tuple[np.ndarray, np.ndarray]:
    """(steps, mini-batch loss) of a snapshot's history."""
    steps, last, *_ = gp.history(snapshot.scalars, "scalars")
    column = snapshot.scalar_names.index("loss")
    return steps, (last[:, column] if last.size else np.zeros(0))


def accuracy_series(snapshot: Snapshot) -> tuple[np.ndarray, np.ndarray]:
    """(steps, train accuracy on the whole set) at the diagnostics cadence."""
    steps, last, *_ = gp.history(snapshot.evaluation, "evaluation")
    column = snapshot.evaluation_names.index("train_accuracy")
    return steps, (last[:, column] if last.size else np.zeros(0))


class OverlayPlots(QWidget):
    """Two plots (loss beside accuracy), one curve per variant in each, with one legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_widget = gp.make_plot("", "", "", log_y=True)
        self.accuracy_widget = gp.make_plot("", "", "")
        for widget in (self.loss_widget, self.accuracy_widget):
            # lower than a panel's plot: on a 1280x720 presentation stage at 150% the comparison
            # sits under the stage header and the banner; its texts still set the minimum
            widget.setMinimumHeight(MINIMUM_HEIGHT)
        self.loss_plot = self.loss_widget.getPlotItem()
        self.accuracy_plot = self.accuracy_widget.getPlotItem()
        self.accuracy_plot.setXLink(self.loss_plot)
        self.accuracy_plot.setYRange(0.0, 1.0, padding=0.03)
        self.accuracy_plot.enableAutoRange(y=False)
        self.loss_axis: gp.Log10Axis = self.loss_plot.getAxis("left")
        self.anchor = RangeAnchor(self.loss_plot, headroom=0.1, empty_y=(-1.0, 1.0))
        self.loss_curves: list[pg.PlotDataItem] = []
        self.accuracy_curves: list[pg.PlotDataItem] = []
        self._pen_scale = gp.line_scale()
        self._drawn: tuple | None = None
        self._accuracy_drawn: list[object] = []  # per curve: the evaluation history it shows
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_widget, 3)
        layout.addWidget(self.accuracy_widget, 2)
        self.retranslate()

    def set_variants(self, count: int) -> None:
        """One loss and one accuracy curve per variant (called when the comparison changes)."""
        for curve in self.loss_curves:
            self.loss_plot.removeItem(curve)
        for curve in self.accuracy_curves:
            self.accuracy_plot.removeItem(curve)
        self.loss_curves = [gp.long_history_item(variant_pen(i)) for i in range(count)]
        self.accuracy_curves = [gp.long_history_item(variant_pen(i)) for i in range(count)]
        for loss, accuracy in zip(self.loss_curves, self.accuracy_curves, strict=True):
            self.loss_plot.addItem(loss)
            self.accuracy_plot.addItem(accuracy)
        self.anchor.reset()
        self._drawn = None
        self._accuracy_drawn = [None] * count

    def _apply_pens(self) -> None:
        self._pen_scale = gp.line_scale()
        for i, (loss, accuracy) in enumerate(zip(self.loss_curves, self.accuracy_curves, strict=True)):
            loss.setPen(variant_pen(i))
            accuracy.setPen(variant_pen(i))

    def retranslate(self) -> None:
        gp.set_plot_texts(
            self.loss_plot,
            translate("Comparison", "Loss (mini-batch, per step)"),
            translate("Comparison", "step"),
            translate("Comparison", "loss"),
        )
        gp.set_plot_texts(
            self.accuracy_plot,
            translate("Comparison", "Accuracy (training set)"),
            translate("Comparison", "step"),
            translate("Comparison", "accuracy"),
        )
        for widget in (self.loss_widget, self.accuracy_widget):
            gp.keep_scene_inside(widget)

    def apply_theme(self) -> None:
        for widget in (self.loss_widget, self.accuracy_widget):
            widget.setBackground(gp.background())
            gp.style_plot(widget.getPlotItem())
        self.retranslate()
        self._apply_pens()
        self._drawn = None
        self._accuracy_drawn = [None] * len(self.accuracy_curves)

    def show_snapshots(self, snapshots: tuple[Snapshot, ...]) -> None:
        """Draw every variant's curves (skipped when no variant took a step since the last draw)."""
        if gp.line_scale() != self._pen_scale:
            self._apply_pens()
        if len(snapshots) != len(self.loss_curves):
            self.set_variants(len(snapshots))
        key = tuple((s.step, len(s.scalars.get("scalars.steps", ()))) for s in snapshots)
        if same_inputs(self._drawn, key):
            return
        self._drawn = kept(key)
        losses = [loss_series(s) for s in snapshots]
        floor = gp.zero_floor(*(values for _, values in losses), default=-3.0)
        logged = [(steps, gp.log_safe(values, floor)) for steps, values in losses]
        any_zero = any(bool(safe.zeros.any()) for _, safe in logged)
        self.loss_axis.set_log(True, floor if any_zero else None)
        all_steps = np.concatenate([steps for steps, _ in logged]) if logged else np.zeros(0)
        self.anchor.follow(all_steps, *(safe.values for _, safe in logged))
        for curve, (steps, safe) in zip(self.loss_curves, logged, strict=True):
            curve.setData(steps, safe.values)
        for i, (curve, snapshot) in enumerate(zip(self.accuracy_curves, snapshots, strict=True)):
            steps, values = accuracy_series(snapshot)  # at the diagnostics cadence: mostly unchanged
            if not same_inputs(self._accuracy_drawn[i], (steps, values)):
                self._accuracy_drawn[i] = kept((steps, values))
                curve.setData(steps, gp.finite_or_nan(values))
