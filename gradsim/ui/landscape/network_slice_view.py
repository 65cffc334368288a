"""The "Network loss surface" tab: the trained network's own loss around its weights.

* 2-D slice through the current weights theta along two random *filter-normalized*
  directions (each neuron's direction rescaled to the norm of its weights; Li et al.
  2018), or along the plane of the first two principal directions of the training path,
  with the path projected on it and the share of its variance the plane explains.
* 1-D interpolation of the loss from the first checkpoint (the initial weights) to the
  current ones, alpha in [-0.5, 1.5] (Goodfellow, Vinyals & Saxe 2015): a smooth
  monotone curve says the path was easy; a bump says a barrier was crossed.

Thread safety: the panel never hands the live Trainer to its worker. On Compute it asks
the provider for the trainer (the main window pauses training first), copies what the
slices read (:class:`~gradsim.ui.landscape.worker.TrainerCopy`) on the GUI thread, and
lets the worker thread compute on the copy, with a progress bar and Cancel.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gradsim.landscapes.slices import MAX_RESOLUTION
from gradsim.ui.common import plotting as gp
from gradsim.ui.common.wheel_guard import guard_wheel
from gradsim.ui.common.wording import error_message, format_number
from gradsim.ui.landscape.surface_view import HeatmapPlot
from gradsim.ui.landscape.worker import (
    SLICE_MODES,
    NetworkSlice,
    SliceFailure,
    SliceSettings,
    TaskRunner,
    TrainerCopy,
    compute_network_slice,
)

translate = QCoreApplication.translate

TrainerProvider = Callable[[], Any]
DEFAULT_SAMPLES = 500
CONTROLS_MIN_WIDTH = 200  # px: the settings column (wider when a field needs it)
MAX_SAMPLES = 1_000_000  # until the training set is known (then its size)
ARRAY_FIELDS = ("alphas", "betas", "losses", "path", "path_steps", "interp_alphas", "interp_losses")


class NetworkSliceView(QWidget):
    """Controls, the 2-D slice with its contours (and the PCA path), and the 1-D interpolation."""

    sliceShown = Signal()  # noqa: N815 - a result (complete, cancelled or failed) was shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._provider: TrainerProvider | None = None
        self._release: Callable[[], Any] | None = None
        self.result: NetworkSlice | None = None
        self.progress_seen: list[tuple[int, int]] = []
        self.message = ""
        self._training_step: int | None = None
        self._train_samples = 0  # rows of the training set (0: not known yet)
        self._samples_wanted = DEFAULT_SAMPLES  # the user's setting, kept when a smaller set bounds it
        self.runner = TaskRunner(self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self._build()
        self.retranslate()
        self._update_buttons()

    # ================================================================ construction
    def _build(self) -> None:
        self.mode_combo = QComboBox()
        for mode in SLICE_MODES:
            self.mode_combo.addItem("", mode)
        self.resolution_spin = QSpinBox()
        self.resolution_spin.setRange(5, MAX_RESOLUTION)
        self.resolution_spin.setValue(31)
        self.span_spin = QDoubleSpinBox()
        self.span_spin.setRange(0.01, 20.0)
        self.span_spin.setSingleStep(0.25)
        self.span_spin.setValue(1.0)
        self.samples_spin = QSpinBox()
        self.samples_spin.setRange(0, MAX_SAMPLES)
        self.samples_spin.setSingleStep(100)
        self.samples_spin.setValue(DEFAULT_SAMPLES)
        self.samples_spin.valueChanged.connect(self._on_samples_edited)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.compute_button = QPushButton()
        self.cancel_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.RichText)
        self.labels = [QLabel() for _ in range(5)]
        self.mode_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow column: label above
        widgets = (self.mode_combo, self.resolution_spin, self.span_spin, self.samples_spin, self.seed_spin)
        for label, widget in zip(self.labels, widgets, strict=True):
            form.addRow(label, widget)
        guard_wheel(*widgets)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute_button)
        buttons.addWidget(self.cancel_button)
        controls = QWidget()
        controls_layout = QVBoxLayout(controls)
        controls_layout.setContentsMargins(4, 4, 4, 4)
        controls_layout.addLayout(form)
        controls_layout.addLayout(buttons)
        controls_layout.addWidget(self.progress)
        controls_layout.addWidget(self.status)
        controls_layout.addSpacing(8)
        controls_layout.addWidget(self.help)
        controls_layout.addStretch(1)
        controls_scroll = self.controls_scroll = QScrollArea()  # the help scrolls in a low dock
        controls_scroll.setWidget(controls)
        controls_scroll.setWidgetResizable(True)
        controls_scroll.setFrameShape(QFrame.Shape.NoFrame)
        controls_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        controls_scroll.setMaximumWidth(360)

        self.heatmap = HeatmapPlot(lock_aspect=False)
        plot = self.heatmap.plot
        self.path_item = pg.PlotDataItem(symbol="o", symbolSize=6)
        self.path_item.setZValue(20)
        plot.addItem(self.path_item, ignoreBounds=True)
        self.centre_item = pg.ScatterPlotItem(symbol="star", size=16, pxMode=True)
        self.centre_item.setZValue(30)
        plot.addItem(self.centre_item, ignoreBounds=True)
        self.start_text = pg.TextItem(anchor=(0, 1))
        plot.addItem(self.start_text, ignoreBounds=True)
        self.interp_plot = gp.make_plot("", "", "", log_y=True)
        self.interp_curve = pg.PlotDataItem(symbol="o", symbolSize=4)
        self.interp_plot.addItem(self.interp_curve)
        self.interp_marks = [  # θ₀ and θ: their labels at two heights, apart in a narrow plot
            pg.InfiniteLine(
                angle=90, movable=False, label="", labelOpts={"position": height, "color": gp.foreground()}
            )
            for height in (0.92, 0.75)
        ]
        for line in self.interp_marks:
            line.setPen(gp.make_pen(gp.foreground(), 1.0, Qt.PenStyle.DashLine))
            self.interp_plot.addItem(line, ignoreBounds=True)
        plots = QSplitter(Qt.Orientation.Vertical)
        plots.addWidget(self.heatmap)
        plots.addWidget(self.interp_plot)
        plots.setStretchFactor(0, 3)
        plots.setStretchFactor(1, 1)
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(controls_scroll)
        outer.addWidget(plots)
        outer.setStretchFactor(1, 1)
        outer.setSizes([280, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
        self.mode_combo.currentIndexChanged.connect(self._update_buttons)
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)
        self._apply_pens()

    def _apply_pens(self) -> None:
        colour = gp.OKABE_ITO["vermillion"]
        self.path_item.setPen(gp.make_pen(colour, 2.0))
        self.path_item.setSymbolBrush(pg.mkBrush(colour))
        self.path_item.setSymbolPen(gp.make_pen("#FFFFFF", 1.0))
        self.centre_item.setBrush(pg.mkBrush("#FFFFFF"))
        self.centre_item.setPen(gp.make_pen("#000000", 1.0))
        self.interp_curve.setPen(gp.make_pen(gp.OKABE_ITO["blue"], 1.5))
        self.interp_curve.setSymbolBrush(pg.mkBrush(gp.OKABE_ITO["blue"]))
        self.interp_curve.setSymbolPen(None)

    # ================================================================ texts
    def retranslate(self) -> None:
        texts = (
            translate("NetworkSliceView", "Plane:"),
            translate("NetworkSliceView", "Resolution:"),
            translate("NetworkSliceView", "Span ±:"),
            translate("NetworkSliceView", "Data samples:"),
            translate("NetworkSliceView", "Seed:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.mode_combo.setItemText(0, translate("NetworkSliceView", "random directions"))
        self.mode_combo.setItemText(1, translate("NetworkSliceView", "PCA of the training path"))
        self.mode_combo.setMinimumWidth(0)
        self.mode_combo.setMinimumWidth(self.mode_combo.sizeHint().width())  # whole names: the row wraps
        self._fit_controls_width()
        self.mode_combo.setToolTip(
            translate(
                "NetworkSliceView",
                "Random: two random directions, each neuron's part scaled to the size of its "
                "weights (Li et al. 2018), so the picture compares fairly between networks. "
                "PCA: the plane in which training moved the most; the path is drawn on it.",
            )
        )
        self.resolution_spin.setToolTip(
            translate(
                "NetworkSliceView",
                "Grid points per side: the loss is evaluated resolution² times (31 → 961 forward passes).",
            )
        )
        self.span_spin.setToolTip(
            translate(
                "NetworkSliceView",
                "How far the random slice reaches: α and β from −span to +span, in units of the "
                "weights' own size (1 = as far again as the weights are long). The PCA plane "
                "sizes itself to hold the training path.",
            )
        )
        self.samples_spin.setSpecialValueText(translate("NetworkSliceView", "all"))
        self._word_samples()
        self.seed_spin.setToolTip(
            translate("NetworkSliceView", "Seed of the random directions and of the data subset.")
        )
        self.compute_button.setText(translate("NetworkSliceView", "Compute"))
        self.compute_button.setToolTip(
            translate(
                "NetworkSliceView",
                "Slice the loss of the network in the training panel, as it is now. Training "
                "pauses while its weights are copied; the slice is computed on the copy.",
            )
        )
        self.cancel_button.setText(translate("NetworkSliceView", "Cancel"))
        self.cancel_button.setToolTip(
            translate("NetworkSliceView", "Stop the computation; the rows done so far stay on screen.")
        )
        self.progress.setToolTip(translate("NetworkSliceView", "Grid points computed so far."))
        gp.set_plot_texts(
            self.interp_plot.getPlotItem(),
            translate("NetworkSliceView", "Loss from θ₀ to θ"),
            translate("NetworkSliceView", "α: weights (1 − α)·θ₀ + α·θ"),
            translate("NetworkSliceView", "loss (log)"),
        )
        self.interp_plot.setToolTip(
            translate(
                "NetworkSliceView",
                "The loss on the straight line from the first checkpoint θ₀ (α = 0) through the "
                "current weights θ (α = 1) and beyond (Goodfellow et al. 2015). A smooth fall "
                "means no barrier lay between start and end.",
            )
        )
        self.heatmap.setToolTip(
            translate(
                "NetworkSliceView",
                "The loss on a plane through the current weights (★ at the centre). Dark is low. "
                "Sharp, narrow valleys mean the loss is sensitive to small weight changes.",
            )
        )
        self.heatmap.value_label = translate("NetworkSliceView", "loss")
        self.help.setText(
            translate(
                "NetworkSliceView",
                "<b>How to read it.</b> The map is the loss on a plane through the current "
                "weights (★). A wide, round basin is forgiving; a narrow valley means small weight "
                "changes cost a lot. On the PCA plane, the red line is the path training took, "
                "from step 0 to now. Below, the loss on the straight line from the initial "
                "weights θ₀ to the current θ: a smooth fall means no barrier lay in between.",
            )
        )
        self.interp_marks[0].label.setFormat(translate("NetworkSliceView", "θ₀"))
        self.interp_marks[1].label.setFormat(translate("NetworkSliceView", "θ"))
        self._show_status()
        self._draw_titles()

    def _fit_controls_width(self) -> None:
        """The controls' column as wide as its widest field and the scroll bar its help may need
        (the help then wraps; a Russian plane name is ~200 px)."""
        widget = self.controls_scroll.widget()
        bar = self.controls_scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.controls_scroll.setMinimumWidth(max(CONTROLS_MIN_WIDTH, widget.minimumSizeHint().width() + bar))

    def _draw_titles(self) -> None:
        result = self.result
        plot = self.heatmap.plot
        if result is None:
            gp.set_plot_texts(plot, translate("NetworkSliceView", "Loss around θ"), "α", "β")
            self.heatmap.texts_changed()
            return
        if result.settings.mode == "pca" and result.explained is not None:
            title = translate("NetworkSliceView", "PCA: PC1 {a}, PC2 {b}").format(
                a=f"{100 * result.explained[0]:.1f}%", b=f"{100 * result.explained[1]:.1f}%"
            )
            gp.set_plot_texts(
                plot, title, translate("NetworkSliceView", "PC1"), translate("NetworkSliceView", "PC2")
            )
        else:
            title = translate("NetworkSliceView", "Random plane, step {s}").format(s=result.step)
            gp.set_plot_texts(plot, title, "α", "β")
        self.heatmap.texts_changed()

    # ================================================================ trainer
    def set_trainer_provider(
        self, provider: TrainerProvider | None, release: Callable[[], Any] | None = None
    ) -> None:
        """``provider()`` returns the Trainer to slice, or None when there is none. It is
        called on the GUI thread when the user presses Compute, and the trainer must not be
        stepped until the panel has copied it: the copy is taken at once, then ``release()``
        (if given) is called, e.g. to resume training the provider paused."""
        self._provider = provider
        self._release = release
        self._update_buttons()
        self._show_status()

    def set_trainer(self, trainer: Any) -> None:
        """Slice this trainer (it must not be stepped while Compute copies it)."""
        self.set_trainer_provider(lambda: trainer)

    def show_snapshot(self, snapshot: Any) -> None:
        """Note the training step, to say when the slice on screen is out of date, and the
        size of the training set, which bounds "Data samples" (cheap)."""
        step = int(getattr(snapshot, "step", 0))
        if step != self._training_step:
            self._training_step = step
            self._show_status()
        samples = int(getattr(snapshot, "train_samples", 0))
        if samples > 0 and samples != self._train_samples:
            self.set_training_samples(samples)

    def set_training_samples(self, count: int) -> None:
        """Bound "Data samples" by the ``count`` rows of the training set and say so; the
        user's larger setting comes back when a larger set is trained."""
        self._train_samples = max(0, int(count))
        wanted = self._samples_wanted
        self.samples_spin.blockSignals(True)
        try:
            self.samples_spin.setMaximum(self._train_samples or MAX_SAMPLES)
            self.samples_spin.setValue(wanted)  # clamped to the maximum
        finally:
            self.samples_spin.blockSignals(False)
        self._word_samples()

    @Slot(int)
    def _on_samples_edited(self, value: int) -> None:
        self._samples_wanted = int(value)

    def _word_samples(self) -> None:
        count = self._train_samples
        self.samples_spin.setSuffix(translate("NetworkSliceView", " of {n}").format(n=count) if count else "")
        tip = translate(
            "NetworkSliceView",
            "Training samples the loss is computed on (0 = all): fewer is faster and a little "
            "noisier. The same seeded subset is used for every grid point.",
        )
        if count:
            tip += "\n" + translate(
                "NetworkSliceView", "The training set has {n} samples: at most that many can be used."
            ).format(n=count)
        self.samples_spin.setToolTip(tip)

    # ================================================================ computing
    def settings(self) -> SliceSettings:
        return SliceSettings(
            mode=self.mode_combo.currentData() or "random",
            resolution=int(self.resolution_spin.value()),
            span=float(self.span_spin.value()),
            n_samples=int(self.samples_spin.value()),
            seed=int(self.seed_spin.value()),
        )

    def set_settings(self, settings: SliceSettings) -> None:
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(settings.mode), 0))
        self.resolution_spin.setValue(settings.resolution)
        self.span_spin.setValue(settings.span)
        self.samples_spin.setValue(settings.n_samples)  # within the training set's size
        self._samples_wanted = int(settings.n_samples)
        self.seed_spin.setValue(settings.seed)

    @Slot()
    def compute(self) -> bool:
        """Copy the trainer now (GUI thread) and slice the copy in the worker. False if no trainer."""
        if self._provider is None:
            return False
        try:
            trainer = self._provider()
            source = None if trainer is None else TrainerCopy(trainer)
        except Exception as error:  # noqa: BLE001 - the provider may time out or fail
            self.message = translate("NetworkSliceView", "Could not read the network: {reason}").format(
                reason=str(error)
            )
            self._show_status()
            return False
        finally:
            if self._release is not None:
                self._release()
        if source is None:
            self.message = translate("NetworkSliceView", "There is no network to slice yet.")
            self._show_status()
            return False
        settings = self.settings()
        self.progress_seen = []
        self.progress.setValue(0)
        self.message = translate("NetworkSliceView", "Computing the slice at step {s}…").format(
            s=source.step_count
        )
        self.runner.start(
            lambda progress, cancelled: compute_network_slice(source, settings, progress, cancelled)
        )
        self._update_buttons()
        self._show_status()
        return True

    @Slot()
    def cancel(self) -> None:
        self.runner.cancel()

    @property
    def busy(self) -> bool:
        return self.runner.busy

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress_seen.append((done, total))
        self.progress.setValue(int(100 * done / max(total, 1)))

    @Slot(object)
    def _on_finished(self, outcome: object) -> None:
        if isinstance(outcome, SliceFailure):
            self.message = "⚠ " + error_message(outcome.error)
        elif isinstance(outcome, NetworkSlice):
            self.message = ""
            self.show_result(outcome)
        self._update_buttons()
        self._show_status()
        self.sliceShown.emit()

    @Slot(str)
    def _on_failed(self, details: str) -> None:
        self.message = "⚠ " + details.strip().splitlines()[-1]
        self._update_buttons()
        self._show_status()
        self.sliceShown.emit()

    @Slot()
    def _update_buttons(self, *_args) -> None:
        busy = self.runner.busy
        self.compute_button.setEnabled(self._provider is not None and not busy)
        self.cancel_button.setEnabled(busy)
        self.span_spin.setEnabled(self.mode_combo.currentData() != "pca")

    # ================================================================ drawing
    def show_result(self, result: NetworkSlice) -> None:
        self.result = result
        if not result.cancelled:
            self.progress.setValue(100)
        losses = result.losses
        self.heatmap.show_grid(result.alphas, result.betas, losses, "auto")
        self.heatmap.plot.setRange(
            xRange=(result.alphas[0], result.alphas[-1]),
            yRange=(result.betas[0], result.betas[-1]),
            padding=0.02,
        )
        self.centre_item.setData([0.0], [0.0])
        if result.path is not None and len(result.path):
            self.path_item.setData(result.path[:, 0], result.path[:, 1])
            first = result.path_steps[0] if result.path_steps is not None else 0
            self.start_text.setText(
                translate("NetworkSliceView", "step {s}").format(s=int(first)), color=gp.foreground()
            )
            x, y = float(result.path[0, 0]), float(result.path[0, 1])
            middle = 0.5 * (result.alphas[0] + result.alphas[-1])
            self.start_text.setAnchor((1, 1) if x > middle else (0, 1))  # the label stays inside
            self.start_text.setPos(x, y)
            self.start_text.setVisible(True)
            self.path_item.setVisible(True)
        else:
            self.path_item.setData([], [])
            self.path_item.setVisible(False)
            self.start_text.setVisible(False)
        self._draw_interpolation(result)
        self._draw_titles()
        self._show_status()

    def _draw_interpolation(self, result: NetworkSlice) -> None:
        if result.interp_alphas is None or result.interp_losses is None:
            self.interp_curve.setData([], [])
            return
        logs = gp.log_safe(result.interp_losses)
        self.interp_plot.getPlotItem().getAxis("left").set_log(
            True, zero_at=logs.floor if logs.zeros.any() else None
        )
        self.interp_curve.setData(result.interp_alphas, logs.values)
        self.interp_marks[0].setValue(0.0)
        self.interp_marks[1].setValue(1.0)
        self.interp_marks[0].label.setFormat(
            translate("NetworkSliceView", "θ₀ (step {s})").format(s=result.interp_from_step or 0)
        )
        self.interp_marks[1].label.setFormat(
            translate("NetworkSliceView", "θ (step {s})").format(s=result.step)
        )

    def _show_status(self) -> None:
        parts = []
        if self._provider is None:
            parts.append(
                translate("NetworkSliceView", "No network connected: build one in the training panel.")
            )
        result = self.result
        if result is not None:
            parts.append(
                translate(
                    "NetworkSliceView",
                    "Slice at step {s}: {n} samples, loss at the centre {c}, lowest {low}.",
                ).format(
                    s=result.step,
                    n=result.n_samples,
                    c=format_number(result.center_loss),
                    low=format_number(_nanmin(result.losses)),
                )
            )
            if result.cancelled:
                parts.append(
                    translate("NetworkSliceView", "<b>Cancelled</b>: the rows not computed are grey.")
                )
            if self._training_step is not None and self._training_step != result.step:
                parts.append(
                    translate(
                        "NetworkSliceView",
                        "Training is now at step {t}: press Compute to slice the current weights.",
                    ).format(t=self._training_step)
                )
        if self.message:
            parts.append(self.message)
        self.status.setText("<br>".join(parts))

    # ================================================================ state
    def state(self) -> dict[str, Any]:
        settings = self.settings()
        state: dict[str, Any] = {
            "mode": settings.mode,
            "resolution": settings.resolution,
            "span": settings.span,
            "n_samples": settings.n_samples,
            "seed": settings.seed,
        }
        result = self.result
        if result is not None:
            state["result"] = {
                "mode": result.settings.mode,
                "resolution": result.settings.resolution,
                "span": result.settings.span,
                "n_samples_setting": result.settings.n_samples,
                "seed": result.settings.seed,
                "step": result.step,
                "center_loss": result.center_loss if math.isfinite(result.center_loss) else None,
                "cancelled": result.cancelled,
                "n_samples": result.n_samples,
                "explained": list(result.explained) if result.explained is not None else None,
                "interp_from_step": result.interp_from_step,
            }
        return state

    def arrays(self) -> dict[str, np.ndarray]:
        result = self.result
        if result is None:
            return {}
        out = {}
        for name in ARRAY_FIELDS:
            value = getattr(result, name)
            if value is not None:
                out[name] = np.array(value)
        return out

    def restore(self, state: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        self.set_settings(
            SliceSettings(
                mode=str(state.get("mode", "random")),
                resolution=int(state.get("resolution", 31)),
                span=float(state.get("span", 1.0)),
                n_samples=int(state.get("n_samples", 500)),
                seed=int(state.get("seed", 0)),
            )
        )
        meta = state.get("result")
        if not meta or "losses" not in arrays:
            return
        settings = SliceSettings(
            mode=str(meta.get("mode", "random")),
            resolution=int(meta.get("resolution", 31)),
            span=float(meta.get("span", 1.0)),
            n_samples=int(meta.get("n_samples_setting", 500)),
            seed=int(meta.get("seed", 0)),
        )
        center = meta.get("center_loss")
        explained = meta.get("explained")
        result = NetworkSlice(
            settings=settings,
            step=int(meta.get("step", 0)),
            alphas=np.asarray(arrays["alphas"], dtype=np.float64),
            betas=np.asarray(arrays["betas"], dtype=np.float64),
            losses=np.asarray(arrays["losses"], dtype=np.float64),
            center_loss=float("nan") if center is None else float(center),
            cancelled=bool(meta.get("cancelled", False)),
            n_samples=int(meta.get("n_samples", 0)),
            explained=None if explained is None else (float(explained[0]), float(explained[1])),
            path=_optional(arrays, "path", np.float64),
            path_steps=_optional(arrays, "path_steps", np.int64),
            interp_alphas=_optional(arrays, "interp_alphas", np.float64),
            interp_losses=_optional(arrays, "interp_losses", np.float64),
            interp_from_step=meta.get("interp_from_step"),
        )
        self.show_result(result)

    def shutdown(self) -> None:
        self.runner.shutdown()


def _optional(arrays: dict[str, np.ndarray], name: str, dtype: Any) -> np.ndarray | None:
    value = arrays.get(name)
    return None if value is None else np.asarray(value, dtype=dtype)


def _nanmin(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.min()) if finite.size else float("nan")
